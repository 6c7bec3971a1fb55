import type { RecordStatus } from './record.ts';

/**
 * The competition's lifecycle as STATE: the current phase is the target of the last logged transition,
 * never guessed from counts. The phases, in order: registration open → selection → judging (per stage)
 * → fixing → uji publik (optional) → announced → corrected. Codes only; shared/messages says them.
 *
 * The announcement time (`announceAt`) is an embargo, not a phase: a result that reached `publicTest`,
 * `announced` or `corrected` is public from announceAt on, and not before (see publishedView). So
 * fixing the final result moves the phase to `announced` at once, and the page opens by itself at
 * announceAt: no cron has to move anything at that instant.
 */
export type LifecyclePhase =
  | { code: 'registration' }
  | { code: 'selection' }
  | { code: 'judging'; stage: string }
  | { code: 'fixing' }
  | { code: 'publicTest' }
  | { code: 'announced' }
  | { code: 'corrected' };

export type PhaseCode = LifecyclePhase['code'];

/** One logged transition: who moved the competition from where to where, when and why. */
export interface LifecycleTransition {
  /** 1, 2, 3…: each number is taken once, so two concurrent moves from one phase cannot both land. */
  seq: number;
  from: LifecyclePhase;
  to: LifecyclePhase;
  /** ISO 8601 instant. */
  at: string;
  /** 'secretariat' (dashboard), 'cli', 'cron', or the action that implied it ('fix', 'demo'). */
  by: string;
  /** As typed by a person, or the implying action's own code (e.g. `fix:v2`). */
  reason: string;
  /** The fixed result version a move into publicTest, announced or corrected made public. */
  version?: number;
}

export const INITIAL_PHASE: LifecyclePhase = { code: 'registration' };

/** Where the competition stands: the last transition's target (registration while nothing was logged). */
export function currentPhase(log: readonly LifecycleTransition[]): LifecyclePhase {
  return log.at(-1)?.to ?? INITIAL_PHASE;
}

/** The phases whose fixed version the public may see (from announceAt on). */
export function isPublishing(phase: LifecyclePhase): boolean {
  return phase.code === 'publicTest' || phase.code === 'announced' || phase.code === 'corrected';
}

/** A fixed version exists once the phase has reached fixing: judging is then closed. */
export function isAfterJudging(phase: LifecyclePhase): boolean {
  return phase.code === 'fixing' || isPublishing(phase);
}

/** `judging:<stage>` for judging, the code otherwise: how the CLI and the dashboard's form name a phase. */
export function phaseKey(phase: LifecyclePhase): string {
  return phase.code === 'judging' ? `judging:${phase.stage}` : phase.code;
}

export function parsePhaseKey(key: string): LifecyclePhase | null {
  const judging = /^judging:(.+)$/.exec(key);
  if (judging?.[1]) return { code: 'judging', stage: judging[1] };
  const simple = ['registration', 'selection', 'fixing', 'publicTest', 'announced', 'corrected'] as const;
  const code = simple.find((c) => c === key);
  return code ? ({ code } as LifecyclePhase) : null;
}

export function samePhase(a: LifecyclePhase, b: LifecyclePhase): boolean {
  return phaseKey(a) === phaseKey(b);
}

/** What the guards need to know, gathered by the caller from the config and the store. */
export interface LifecycleFacts {
  /** Stage ids in judging order. */
  stages: readonly string[];
  /** The config has an administrative selection. */
  selection: boolean;
  /** The config has a public test (uji publik). */
  publicTest: boolean;
  /** The latest fixed result version, if any. */
  latest: { version: number; status: RecordStatus } | null;
  /** Every stage and the final ranking are complete in the last sync (or the version being fixed). */
  judgingComplete: boolean;
}

export type TransitionProblem =
  | { code: 'reason-required' }
  | { code: 'already-there' }
  | { code: 'not-allowed'; from: string; to: string }
  | { code: 'unknown-stage'; stage: string }
  | { code: 'no-selection' }
  | { code: 'no-public-test' }
  | { code: 'judging-incomplete' }
  | { code: 'no-provisional-version' }
  | { code: 'no-final-version' }
  | { code: 'no-correction'; published: number }
  /** Going back before fixing once a version is fixed: a correction is the way to change a fixed result. */
  | { code: 'result-fixed'; version: number };

/** The version the last move into a publishing phase made public, if any. */
export function publishedVersion(log: readonly LifecycleTransition[]): number | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const v = log[i]?.version;
    if (v !== undefined) return v;
  }
  return null;
}

/** The phases a competition may move to from `from`, before guards (steps forward, and back before fixing). */
export function nextPhases(
  from: LifecyclePhase,
  facts: Pick<LifecycleFacts, 'stages' | 'selection' | 'publicTest'>,
): LifecyclePhase[] {
  const first: LifecyclePhase[] = facts.stages[0] ? [{ code: 'judging', stage: facts.stages[0] }] : [];
  const stageAt = (i: number): LifecyclePhase[] => {
    const stage = facts.stages[i];
    return stage ? [{ code: 'judging', stage }] : [];
  };
  const published: LifecyclePhase[] = [
    { code: 'announced' },
    ...(facts.publicTest ? [{ code: 'publicTest' as const }] : []),
  ];
  switch (from.code) {
    case 'registration':
      return [...(facts.selection ? [{ code: 'selection' as const }] : []), ...first, { code: 'fixing' }];
    case 'selection':
      return [{ code: 'registration' }, ...first, { code: 'fixing' }];
    case 'judging': {
      const i = facts.stages.indexOf(from.stage);
      const back: LifecyclePhase[] =
        i > 0 ? stageAt(i - 1) : [{ code: facts.selection ? 'selection' : 'registration' }];
      return [...back, ...stageAt(i + 1), { code: 'fixing' }];
    }
    case 'fixing':
      return [...stageAt(facts.stages.length - 1), ...published];
    case 'publicTest':
      return [{ code: 'announced' }];
    case 'announced':
    case 'corrected':
      return [{ code: 'corrected' }];
  }
}

/**
 * Whether `to` may follow the log: null when it may, the problem otherwise. Pure; the caller appends
 * the transition through the LifecycleLog port when this says yes.
 */
export function transitionProblem(
  log: readonly LifecycleTransition[],
  to: LifecyclePhase,
  reason: string,
  facts: LifecycleFacts,
): TransitionProblem | null {
  if (reason.trim() === '') return { code: 'reason-required' };
  const from = currentPhase(log);
  if (to.code === 'judging' && !facts.stages.includes(to.stage))
    return { code: 'unknown-stage', stage: to.stage };
  if (to.code === 'selection' && !facts.selection) return { code: 'no-selection' };
  if (to.code === 'publicTest' && !facts.publicTest) return { code: 'no-public-test' };
  if (samePhase(from, to) && to.code !== 'corrected') return { code: 'already-there' };
  if (!nextPhases(from, facts).some((p) => samePhase(p, to))) {
    return { code: 'not-allowed', from: phaseKey(from), to: phaseKey(to) };
  }
  return guard(log, to, facts);
}

function guard(
  log: readonly LifecycleTransition[],
  to: LifecyclePhase,
  facts: LifecycleFacts,
): TransitionProblem | null {
  const { latest } = facts;
  switch (to.code) {
    case 'registration':
    case 'selection':
    case 'judging':
      return latest ? { code: 'result-fixed', version: latest.version } : null;
    case 'fixing':
      return facts.judgingComplete ? null : { code: 'judging-incomplete' };
    case 'publicTest':
      return latest?.status === 'provisional' ? null : { code: 'no-provisional-version' };
    case 'announced':
      return latest?.status === 'final' ? null : { code: 'no-final-version' };
    case 'corrected': {
      const published = publishedVersion(log) ?? 0;
      return latest && latest.version > published ? null : { code: 'no-correction', published };
    }
  }
}

/**
 * The phases a newly fixed version moves the competition through, in order (none when it stays): into
 * fixing if judging was still open, then into the phase its status makes public. A provisional version
 * opens the public test, a final one is announced, and any new version of an announced result is a
 * correction. A further provisional version during the public test stays in it.
 */
export function phasesAfterFixing(from: LifecyclePhase, status: RecordStatus): LifecyclePhase[] {
  if (from.code === 'announced' || from.code === 'corrected') return [{ code: 'corrected' }];
  const target: LifecyclePhase = { code: status === 'provisional' ? 'publicTest' : 'announced' };
  if (samePhase(from, target)) return [];
  return from.code === 'fixing' || from.code === 'publicTest' ? [target] : [{ code: 'fixing' }, target];
}

/**
 * Accepting a late entry once a result is fixed contradicts that result: the caller must ask first, and
 * the fixed record (and so every public surface) stays as it is until a correction is fixed.
 */
export function lateEntryNeedsCorrection(facts: Pick<LifecycleFacts, 'latest'>): boolean {
  return facts.latest !== null;
}
