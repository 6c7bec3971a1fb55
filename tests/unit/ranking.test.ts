import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { problemText } from '../../shared/messages/problems.ts';
import { innovation, smallCompetition } from './fixtures.ts';

const row = (stage: string, inn: string, juror: string, criterion: string, value: string): ScoreEntry => ({
  stage,
  innovation: inn,
  juror,
  criterion,
  value,
});

function desk(inn: string, juror: string, a: string, b: string): ScoreEntry[] {
  return [row('desk', inn, juror, 'a', a), row('desk', inn, juror, 'b', b)];
}

describe('juror totals and stage scores', () => {
  it('weights normalised criteria and averages counted jurors', () => {
    const c = smallCompetition();
    const r = rankCompetition(
      c,
      [innovation('I-1')],
      [...desk('I-1', 'j1', '80', '90'), ...desk('I-1', 'j2', '60', '70')],
    );
    const entry = r.stages[0]?.ranking[0];
    // j1: 0.3*80+0.7*90 = 87; j2: 0.3*60+0.7*70 = 67; mean 77
    expect(entry?.score).toBeCloseTo(77, 10);
    expect(entry).toMatchObject({ rank: 1, status: 'complete', jurors: 2, tie: false, advances: true });
  });

  it('reads decimal commas, ignores blanks, reports garbage and out-of-range values', () => {
    const c = smallCompetition();
    const r = rankCompetition(
      c,
      [innovation('I-1')],
      [
        ...desk('I-1', 'j1', ' 80,5 ', '90.5'),
        ...desk('I-1', 'j2', 'delapan', '70'),
        ...desk('I-1', 'j3', '101', ''),
      ],
    );
    const stage = r.stages[0];
    expect(stage?.ranking[0]).toMatchObject({ status: 'incomplete', rank: null, jurors: 1, advances: false });
    expect(stage?.ranking[0]?.score).toBeCloseTo(0.3 * 80.5 + 0.7 * 90.5, 10);
    expect(stage?.problems.map((p) => [p.juror, p.criterion, p.value, p.code])).toEqual([
      ['j2', 'a', 'delapan', 'not-a-number'],
      ['j3', 'a', '101', 'out-of-range'],
    ]);
    expect(stage?.problems[1]?.params).toEqual({ min: 0, max: 100 });
    expect(problemText(stage?.problems[1] ?? { code: 'duplicate' }, 'id')).toBe('di luar rentang 0–100');
  });

  it('does not count a conflicted juror and reports that they scored', () => {
    const c = smallCompetition();
    const r = rankCompetition(
      c,
      [innovation('I-4'), innovation('I-5', 'Kota Kupang')],
      [
        ...desk('I-4', 'j1', '50', '50'),
        ...desk('I-4', 'j2', '50', '50'),
        ...desk('I-4', 'j3', '100', '100'),
        ...desk('I-5', 'j1', '100', '100'),
        ...desk('I-5', 'j2', '40', '40'),
        ...desk('I-5', 'j3', '40', '40'),
      ],
    );
    const byId = new Map(r.stages[0]?.ranking.map((e) => [e.id, e]));
    expect(byId.get('I-4')?.score).toBe(50);
    expect(byId.get('I-5')?.score).toBe(40);
    const conflicts = r.stages[0]?.problems
      .filter((p) => p.code === 'conflict')
      .map((p) => `${p.innovation}/${p.juror}`);
    expect(conflicts).toEqual(['I-4/j3', 'I-4/j3', 'I-5/j1', 'I-5/j1']);
  });

  it('a partial row counts nowhere', () => {
    const c = smallCompetition();
    const r = rankCompetition(
      c,
      [innovation('I-1')],
      [...desk('I-1', 'j1', '80', ''), ...desk('I-1', 'j2', '80', '80')],
    );
    expect(r.stages[0]?.ranking[0]).toMatchObject({ jurors: 1, status: 'incomplete' });
  });
});

describe('order, ties and advancing', () => {
  it('breaks equal scores by the tie-break criterion, then shares the rank', () => {
    const c = smallCompetition({});
    // I-1 and I-2: equal totals (0.3a + 0.7b) but I-2 has higher b → I-2 first.
    // I-3 and I-4 identical → share a rank and are flagged.
    const r = rankCompetition(
      c,
      ['I-1', 'I-2', 'I-3', 'I-4'].map((id) => innovation(id)),
      [
        ...desk('I-1', 'j1', '100', '70'),
        ...desk('I-1', 'j2', '100', '70'),
        ...desk('I-2', 'j1', '30', '100'),
        ...desk('I-2', 'j2', '30', '100'),
        ...desk('I-3', 'j1', '10', '10'),
        ...desk('I-3', 'j2', '10', '10'),
        ...desk('I-4', 'j1', '10', '10'),
        ...desk('I-4', 'j2', '10', '10'),
      ],
    );
    expect(r.stages[0]?.ranking.map((e) => [e.id, e.rank, e.tie])).toEqual([
      ['I-2', 1, false],
      ['I-1', 2, false],
      ['I-3', 3, true],
      ['I-4', 3, true],
    ]);
  });

  it('everyone tied at the cut-off advances, and ranks skip after a tie (1, 2, 2, 4)', () => {
    const c = smallCompetition();
    const r = rankCompetition(
      c,
      ['I-1', 'I-2', 'I-3', 'I-4'].map((id) => innovation(id)),
      [
        ...desk('I-1', 'j1', '90', '90'),
        ...desk('I-1', 'j2', '90', '90'),
        ...desk('I-2', 'j1', '50', '50'),
        ...desk('I-2', 'j2', '50', '50'),
        ...desk('I-3', 'j1', '50', '50'),
        ...desk('I-3', 'j2', '50', '50'),
        ...desk('I-4', 'j1', '10', '10'),
        ...desk('I-4', 'j2', '10', '10'),
      ],
    );
    expect(r.stages[0]?.ranking.map((e) => [e.id, e.rank, e.advances])).toEqual([
      ['I-1', 1, true],
      ['I-2', 2, true],
      ['I-3', 2, true],
      ['I-4', 4, false],
    ]);
    // Only the three advanced innovations are ranked in the interview stage.
    expect(r.stages[1]?.ranking.map((e) => e.id).sort()).toEqual(['I-1', 'I-2', 'I-3']);
  });

  it('per-category advancing uses the rank within each category; rank stays overall', () => {
    const base = smallCompetition();
    const c = {
      ...base,
      stages: base.stages.map((s, i) =>
        i === 0 ? { ...s, advance: { top: 1, per: 'category' as const } } : s,
      ),
    };
    const r = rankCompetition(
      c,
      [
        innovation('I-1', 'Sikka', 'kabkota'),
        innovation('I-2', 'Sikka', 'kabkota'),
        innovation('I-3', 'Provinsi NTT', 'prov'),
      ],
      [
        ...desk('I-1', 'j1', '90', '90'),
        ...desk('I-1', 'j2', '90', '90'),
        ...desk('I-2', 'j1', '80', '80'),
        ...desk('I-2', 'j2', '80', '80'),
        ...desk('I-3', 'j1', '20', '20'),
        ...desk('I-3', 'j2', '20', '20'),
      ],
    );
    expect(r.stages[0]?.ranking.map((e) => [e.id, e.rank, e.categoryRank, e.advances])).toEqual([
      ['I-1', 1, 1, true],
      ['I-2', 2, 2, false],
      ['I-3', 3, 1, true],
    ]);
  });

  it('the final score is the weighted mean of complete stage scores', () => {
    const c = smallCompetition();
    const r = rankCompetition(
      c,
      ['I-1', 'I-2', 'I-3'].map((id) => innovation(id)),
      [
        ...desk('I-1', 'j1', '90', '90'),
        ...desk('I-1', 'j2', '90', '90'),
        ...desk('I-2', 'j1', '80', '80'),
        ...desk('I-2', 'j2', '80', '80'),
        row('interview', 'I-1', 'j1', 'x', '5,5'),
        row('interview', 'I-1', 'j2', 'x', '5,5'),
        row('interview', 'I-2', 'j1', 'x', '10'),
        row('interview', 'I-2', 'j2', 'x', '10'),
        row('interview', 'I-3', 'j1', 'x', '10'),
      ],
    );
    // I-1: 0.4*90 + 0.6*50 = 66; I-2: 0.4*80 + 0.6*100 = 92. I-3 did not advance.
    expect(r.final.ranking.map((e) => [e.id, e.rank, e.advances])).toEqual([
      ['I-2', 1, true],
      ['I-1', 2, false],
    ]);
    expect(r.final.ranking[0]?.score).toBeCloseTo(92, 10);
    expect(r.final.ranking[1]?.score).toBeCloseTo(66, 10);
    expect(r.stages[1]?.problems.map((p) => [p.innovation, p.code])).toEqual([['I-3', 'not-in-stage']]);
  });
});
