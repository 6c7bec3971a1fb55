import { describe, expect, it } from 'vitest';
import {
  currentPhase,
  type LifecycleFacts,
  type LifecyclePhase,
  type LifecycleTransition,
  parsePhaseKey,
  phaseKey,
  phasesAfterFixing,
  publishedVersion,
  transitionProblem,
} from '../../shared/domain/lifecycle.ts';

const FACTS: LifecycleFacts = {
  stages: ['desk', 'interview'],
  selection: true,
  publicTest: true,
  latest: null,
  judgingComplete: false,
};

function logOf(...phases: LifecyclePhase[]): LifecycleTransition[] {
  let from: LifecyclePhase = { code: 'registration' };
  return phases.map((to, i) => {
    const t = { seq: i + 1, from, to, at: '2024-11-01T00:00:00.000Z', by: 'cli', reason: 'r' };
    from = to;
    return t;
  });
}

const judging = (stage: string): LifecyclePhase => ({ code: 'judging', stage });

describe('the lifecycle (state, not inference)', () => {
  it('starts with registration open and follows the last logged transition', () => {
    expect(currentPhase([])).toEqual({ code: 'registration' });
    expect(currentPhase(logOf({ code: 'selection' }, judging('desk')))).toEqual(judging('desk'));
  });

  it('names phases by key and reads them back', () => {
    for (const p of [judging('desk'), { code: 'publicTest' } as const, { code: 'corrected' } as const]) {
      expect(parsePhaseKey(phaseKey(p))).toEqual(p);
    }
    expect(parsePhaseKey('judging:')).toBeNull();
    expect(parsePhaseKey('done')).toBeNull();
  });

  it('walks forward through selection and each stage, and may step back before a result is fixed', () => {
    const ok = (log: LifecycleTransition[], to: LifecyclePhase, facts = FACTS) =>
      transitionProblem(log, to, 'alasan', facts);
    expect(ok([], { code: 'selection' })).toBeNull();
    expect(ok(logOf({ code: 'selection' }), judging('desk'))).toBeNull();
    expect(ok(logOf({ code: 'selection' }, judging('desk')), judging('interview'))).toBeNull();
    expect(ok(logOf({ code: 'selection' }, judging('desk')), { code: 'selection' })).toBeNull();
    expect(ok(logOf(judging('desk')), judging('desk'))).toEqual({ code: 'already-there' });
    expect(ok(logOf({ code: 'selection' }), judging('interview'))).toEqual({
      code: 'not-allowed',
      from: 'selection',
      to: 'judging:interview',
    });
    expect(ok([], judging('final'))).toEqual({ code: 'unknown-stage', stage: 'final' });
    expect(ok([], { code: 'selection' }, { ...FACTS, selection: false })).toEqual({ code: 'no-selection' });
    expect(ok([], judging('desk'), { ...FACTS, selection: false })).toBeNull();
  });

  it('guards each move with a code: a reason, complete judging, a fixed version to announce', () => {
    const inLast = logOf(judging('desk'), judging('interview'));
    expect(transitionProblem(inLast, { code: 'fixing' }, '  ', FACTS)).toEqual({ code: 'reason-required' });
    expect(transitionProblem(inLast, { code: 'fixing' }, 'r', FACTS)).toEqual({ code: 'judging-incomplete' });
    const complete = { ...FACTS, judgingComplete: true };
    expect(transitionProblem(inLast, { code: 'fixing' }, 'r', complete)).toBeNull();
    const fixing = logOf(judging('interview'), { code: 'fixing' });
    expect(transitionProblem(fixing, { code: 'announced' }, 'r', FACTS)).toEqual({
      code: 'no-final-version',
    });
    expect(transitionProblem(fixing, { code: 'publicTest' }, 'r', FACTS)).toEqual({
      code: 'no-provisional-version',
    });
    const provisional = { ...FACTS, latest: { version: 1, status: 'provisional' as const } };
    expect(transitionProblem(fixing, { code: 'publicTest' }, 'r', provisional)).toBeNull();
    expect(transitionProblem(fixing, { code: 'announced' }, 'r', provisional)).toEqual({
      code: 'no-final-version',
    });
    expect(transitionProblem(fixing, judging('interview'), 'r', provisional)).toEqual({
      code: 'result-fixed',
      version: 1,
    });
    expect(
      transitionProblem(fixing, { code: 'publicTest' }, 'r', { ...provisional, publicTest: false }),
    ).toEqual({ code: 'no-public-test' });
  });

  it('calls a newer version of an announced result a correction, and only then', () => {
    const announced = logOf({ code: 'fixing' }, { code: 'announced' }).map((t, i) =>
      i === 1 ? { ...t, version: 1 } : t,
    );
    expect(publishedVersion(announced)).toBe(1);
    const v1 = { ...FACTS, latest: { version: 1, status: 'final' as const } };
    expect(transitionProblem(announced, { code: 'corrected' }, 'r', v1)).toEqual({
      code: 'no-correction',
      published: 1,
    });
    const v2 = { ...FACTS, latest: { version: 2, status: 'final' as const } };
    expect(transitionProblem(announced, { code: 'corrected' }, 'r', v2)).toBeNull();
    expect(transitionProblem(announced, { code: 'fixing' }, 'r', v2)).toMatchObject({ code: 'not-allowed' });
  });

  it('says which phases a fixed version implies', () => {
    expect(phasesAfterFixing(judging('interview'), 'final')).toEqual([
      { code: 'fixing' },
      { code: 'announced' },
    ]);
    expect(phasesAfterFixing({ code: 'registration' }, 'provisional')).toEqual([
      { code: 'fixing' },
      { code: 'publicTest' },
    ]);
    expect(phasesAfterFixing({ code: 'publicTest' }, 'provisional')).toEqual([]);
    expect(phasesAfterFixing({ code: 'publicTest' }, 'final')).toEqual([{ code: 'announced' }]);
    expect(phasesAfterFixing({ code: 'announced' }, 'final')).toEqual([{ code: 'corrected' }]);
    expect(phasesAfterFixing({ code: 'corrected' }, 'final')).toEqual([{ code: 'corrected' }]);
  });
});
