import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import { aggregate } from '../../shared/domain/fairness/aggregation.ts';
import { intraclassCorrelations } from '../../shared/domain/fairness/icc.ts';
import { jurorLevels, panelEffect } from '../../shared/domain/fairness/panel-effect.ts';
import { rankStability } from '../../shared/domain/fairness/rank-stability.ts';
import {
  drawEffects,
  fairnessReport,
  finalFairnessReport,
  reliability,
} from '../../shared/domain/fairness/report.ts';
import { compareScored } from '../../shared/domain/fairness/score-order.ts';
import { weightedRankStability } from '../../shared/domain/fairness/weighted-stability.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { innovation, smallCompetition } from './fixtures.ts';

const stage = (rows: Record<string, Record<string, number>>) => new Map(Object.entries(rows));

/** 12 entries, 3 jurors (j1 lenient, j2 harsh), desk Top 6 advance to the interview, Top 3 win. */
function judged(overrides: Partial<Competition> = {}, n = 12) {
  const base = smallCompetition();
  const competition: Competition = {
    ...base,
    stages: base.stages.map((s, i) => ({ ...s, advance: { top: i === 0 ? 6 : 3, per: 'overall' } })),
    final: { weights: { desk: 40, interview: 60 }, top: 3 },
    ...overrides,
  };
  // Sumba Timur: no juror's region; I-4 is j3's declared conflict, so it has two jurors only.
  const innovations: Innovation[] = Array.from({ length: n }, (_, i) =>
    innovation(`I-${i + 1}`, 'Sumba Timur'),
  );
  const random = seededRandom(42);
  const habit: Record<string, number> = { j1: 6, j2: -6, j3: 0 };
  const scores: ScoreEntry[] = [];
  for (const s of competition.stages) {
    for (const [i, inn] of innovations.entries()) {
      for (const juror of ['j1', 'j2', 'j3']) {
        for (const c of s.criteria) {
          const position = (80 - i * 2 + (habit[juror] ?? 0) + (random() - 0.5) * 10) / 100;
          const value = c.min + Math.round(position * (c.max - c.min) * 2) / 2;
          scores.push({ stage: s.id, innovation: inn.id, juror, criterion: c.id, value: String(value) });
        }
      }
    }
  }
  const result = rankCompetition(competition, innovations, scores);
  return { competition, innovations, scores, result };
}

describe('the fairness report', () => {
  it('covers every stage, then the final, and is deterministic and plain JSON', () => {
    const { competition, result } = judged();
    const report = fairnessReport(competition, result);
    expect(report.stages.map((s) => s.stage)).toEqual(['desk', 'interview', 'final']);
    expect(report.settings).toEqual({
      disagreementPoints: 20,
      resamples: 2000,
      seed: 20241220,
      coverage: 0.9,
      iccMinEntries: 10,
    });
    expect(fairnessReport(competition, result)).toEqual(report);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const desk = report.stages[0];
    expect(desk?.groups[0]?.top).toBe(6);
    expect(desk?.groups[0]?.whatIf.columns).toHaveLength(6);
    expect(desk?.groups[0]?.stability?.resamples).toBe(2000);
    expect(report.stages[2]?.groups[0]?.top).toBe(3);
    expect(report.stages[2]?.cut).toBe('winners');
  });

  it('takes its settings from the config, and the bootstrap can be switched off', () => {
    const { competition, result } = judged({
      fairness: { disagreementPoints: 3, bootstrapResamples: 0, seed: 1 },
    });
    const report = fairnessReport(competition, result);
    expect(report.stages.every((s) => s.groups.every((g) => g.stability === null))).toBe(true);
    const desk = report.stages[0];
    expect(desk?.disagreement?.threshold).toBe(3);
    expect(desk?.disagreement?.flagged.length).toBeGreaterThan(0);
    expect(desk?.disagreement?.flagged.every((f) => (f.spread ?? 0) > 3)).toBe(true);
  });

  it('changes no ranking: the result it describes is the one it was given', () => {
    const { competition, innovations, scores, result } = judged();
    fairnessReport(competition, result);
    expect(rankCompetition(competition, innovations, scores)).toEqual(result);
  });

  it('compares the what-if against the method in force, not always the plain mean', () => {
    const { competition: plain, innovations, scores } = judged();
    const competition = {
      ...plain,
      stages: plain.stages.map((s) => ({
        ...s,
        aggregation: { method: 'median' as const, normalize: 'none' as const },
      })),
    };
    const result = rankCompetition(competition, innovations, scores);
    const desk = fairnessReport(competition, result, { resamples: 0 }).stages[0];
    expect(desk?.method).toEqual({ aggregation: 'median', normalization: 'none' });
    const median = desk?.groups[0]?.whatIf.columns.find(
      (c) => c.method.aggregation === 'median' && c.method.normalization === 'none',
    );
    expect(median?.enters).toEqual([]);
    expect(median?.leaves).toEqual([]);
    // The median column is the published ranking's Top 6.
    const published = result.stages[0]?.ranking.filter((e) => e.advances).map((e) => e.id);
    expect(new Set(median?.top)).toEqual(new Set(published));
  });

  it('gives the final alone exactly as the full report does (the Berita Acara uses it)', () => {
    const { competition, result } = judged();
    const full = fairnessReport(competition, result).stages.at(-1);
    expect(finalFairnessReport(competition, result)).toEqual(full);
  });

  it('a single-stage final reuses the stage’s bootstrap, and recomputing gives the same numbers', () => {
    const base = smallCompetition();
    const [first] = base.stages;
    if (!first) throw new Error('no stage');
    const competition: Competition = {
      ...base,
      stages: [{ ...first, advance: undefined } as Competition['stages'][number]],
      final: { weights: { desk: 1 }, top: 3 },
    };
    const { innovations, scores } = judged();
    const result = rankCompetition(
      competition,
      innovations,
      scores.filter((s) => s.stage === 'desk'),
    );
    const report = fairnessReport(competition, result);
    const [desk, final] = report.stages;
    expect(final?.groups[0]?.stability).toBe(desk?.groups[0]?.stability);
    expect(finalFairnessReport(competition, result).groups[0]?.stability).toEqual(desk?.groups[0]?.stability);
  });
});

describe('reliability on the complete-case block', () => {
  const gappy = stage({
    A: { j1: 70, j2: 72, j3: 69 },
    B: { j1: 50, j2: 55, j3: 52 },
    C: { j1: 90, j2: 85, j3: 88 },
    D: { j1: 60, j2: 61 },
  });

  it('uses the entries every juror scored, and says how many', () => {
    // A minimum of 3 block entries here: the default (10) would withhold ICC (below).
    const r = reliability(gappy, 3);
    expect(r.block).toEqual({ entries: 3, jurors: 3, of: 4 });
    expect(r.icc).toEqual(
      intraclassCorrelations([
        [70, 72, 69],
        [50, 55, 52],
        [90, 85, 88],
      ]),
    );
    expect(r.kendallW.kind).toBe('kendall-w');
    // α takes every entry, gaps and all.
    expect(r.alpha).toMatchObject({ kind: 'alpha', units: 4, values: 11 });
  });

  it('withholds ICC below the minimum of block entries, and keeps W and α', () => {
    const r = reliability(gappy);
    expect(r.icc).toEqual({ kind: 'unavailable', code: 'too-few-entries' });
    expect(r.iccMinEntries).toBe(10);
    expect(r.kendallW.kind).toBe('kendall-w');
    expect(r.alpha.kind).toBe('alpha');
    expect(reliability(gappy, 4).icc).toEqual({ kind: 'unavailable', code: 'too-few-entries' });
  });

  it('reports incomplete-block when fewer than half the entries remain', () => {
    const sparse = stage({
      A: { j1: 70, j2: 72, j3: 69 },
      B: { j1: 50, j2: 55 },
      C: { j2: 85, j3: 88 },
      D: { j1: 60, j3: 61 },
      E: { j1: 64, j2: 66 },
    });
    const r = reliability(sparse);
    expect(r.icc).toEqual({ kind: 'unavailable', code: 'incomplete-block' });
    expect(r.kendallW).toEqual({ kind: 'unavailable', code: 'incomplete-block' });
    expect(r.block.entries).toBe(0);
    expect(r.alpha.kind).toBe('alpha');
  });
});

describe('who drew the harsh juror', () => {
  it('juror levels are juror mean − grand mean on a complete block', () => {
    const levels = jurorLevels(
      stage({
        A: { j1: 70, j2: 60 },
        B: { j1: 80, j2: 66 },
        C: { j1: 60, j2: 54 },
      }),
    );
    // j1 mean 70, j2 mean 60, grand mean 65.
    expect(levels.get('j1')).toBeCloseTo(5, 9);
    expect(levels.get('j2')).toBeCloseTo(-5, 9);
  });

  it('an entry the harsh juror did not score gains by it, even though the others saw stronger entries', () => {
    // h is 12 points below the others on every shared entry; X (a conflict for h) has only m and l.
    const s = stage({
      A: { h: 58, m: 70, l: 70 },
      B: { h: 68, m: 80, l: 80 },
      C: { h: 48, m: 60, l: 60 },
      X: { m: 75, l: 75 },
    });
    const levels = jurorLevels(s);
    expect((levels.get('m') ?? 0) - (levels.get('h') ?? 0)).toBeCloseTo(12, 6);
    const x = panelEffect({ m: 75, l: 75 }, levels);
    const a = panelEffect({ h: 58, m: 70, l: 70 }, levels);
    expect(x).toBeGreaterThan(0);
    // Entries every juror scored share the same draw; X's is the gap of missing h, 12/3 higher.
    expect(x - a).toBeCloseTo(4, 6);
    const effects = drawEffects({
      normalized: new Map([['none', { totals: s, unchanged: [] }]]),
      complete: [...s].map(([id, totals]) => ({
        id,
        totals,
        rank: 1,
        score: 0,
        status: 'complete' as const,
        jurors: Object.keys(totals).length,
        tie: false,
        advances: false,
        category: 'x',
        categoryRank: 1,
        tieBreak: [],
      })),
    });
    expect(effects[0]).toMatchObject({ id: 'X', jurors: ['l', 'm'], absent: ['h'] });
    expect(effects[0]?.shift).toBeCloseTo(x, 9);
  });
});

describe('the weighted bootstrap of the final', () => {
  /** The same resampling written the obvious way, drawing in the same order. */
  function naive(
    ids: string[],
    parts: { weight: number; totals: Map<string, Record<string, number>> }[],
    top: number,
    seed: number,
    resamples: number,
  ) {
    const random = seededRandom(seed);
    const sumW = parts.reduce((s, p) => s + p.weight, 0);
    const score = (id: string, pick: (totals: number[]) => number[]) =>
      parts.reduce(
        (s, p) => s + p.weight * (aggregate(pick(Object.values(p.totals.get(id) ?? {})), 'mean') ?? 0),
        0,
      ) / sumW;
    const observed = ids.map((id) => ({ id, score: score(id, (t) => t) })).sort(compareScored);
    const inTop = new Map(ids.map((id) => [id, 0]));
    for (let b = 0; b < resamples; b++) {
      const scored = observed.map((e) => ({
        id: e.id,
        score: score(e.id, (t) => t.map(() => t[Math.floor(random() * t.length)] ?? 0)),
      }));
      scored.sort(compareScored).forEach((e, r) => {
        if (r < top) inTop.set(e.id, (inTop.get(e.id) ?? 0) + 1);
      });
    }
    return observed.map((e) => ({ id: e.id, probabilityTop: (inTop.get(e.id) ?? 0) / resamples }));
  }

  it('matches the obvious implementation', () => {
    const desk = stage({
      A: { j1: 70, j2: 80 },
      B: { j1: 75, j2: 74 },
      C: { j1: 60, j2: 90 },
      D: { j1: 72, j2: 73 },
    });
    const interview = stage({
      A: { j1: 80, j2: 70 },
      B: { j1: 76, j2: 78 },
      C: { j1: 70, j2: 85 },
      D: { j1: 71, j2: 90 },
    });
    const parts = [
      { weight: 30, totals: desk },
      { weight: 70, totals: interview },
    ];
    const fast = weightedRankStability(
      ['A', 'B', 'C', 'D'],
      parts.map((p) => ({ ...p, aggregation: 'mean' as const })),
      { top: 2, random: seededRandom(9), resamples: 300 },
    );
    const slow = naive(['A', 'B', 'C', 'D'], parts, 2, 9, 300);
    expect(fast.entries.map((e) => [e.id, e.probabilityTop])).toEqual(
      slow.map((e) => [e.id, e.probabilityTop]),
    );
    expect(fast.entries.every((e) => e.rankLow <= e.rankHigh)).toBe(true);
  });

  it('given the seed instead of the stream, draws the same and agrees in full', () => {
    const random = seededRandom(5);
    const parts = [1, 2].map((weight) => ({
      weight,
      totals: stage(
        Object.fromEntries(
          Array.from({ length: 40 }, (_, i) => [
            `INOV-${i + 1}`,
            Object.fromEntries(
              Array.from({ length: 1 + Math.floor(random() * 4) }, (_, j) => [
                `J-${j}`,
                Math.round(random() * 40),
              ]),
            ),
          ]),
        ),
      ),
    }));
    const ids = Array.from({ length: 40 }, (_, i) => `INOV-${i + 1}`);
    for (const aggregations of [
      ['mean', 'mean'],
      ['mean', 'median'],
    ] as const) {
      const weighted = parts.map((p, i) => ({ ...p, aggregation: aggregations[i] ?? 'mean' }));
      for (const seed of [9, 0, 0xffffffff]) {
        const options = { top: 10, resamples: 200 };
        expect(weightedRankStability(ids, weighted, { ...options, seed })).toEqual(
          weightedRankStability(ids, weighted, { ...options, random: seededRandom(seed) }),
        );
      }
    }
  });

  it('with one part, agrees with the stage bootstrap', () => {
    const s = stage({ A: { j1: 70, j2: 80 }, B: { j1: 75, j2: 74 }, C: { j1: 60, j2: 90 } });
    const one = weightedRankStability(['A', 'B', 'C'], [{ weight: 1, totals: s, aggregation: 'mean' }], {
      top: 1,
      random: seededRandom(3),
      resamples: 500,
    });
    const core = rankStability(s, { top: 1, random: seededRandom(3), resamples: 500 });
    expect(one.entries.map((e) => [e.id, e.probabilityTop, e.rankLow, e.rankHigh])).toEqual(
      core.entries.map((e) => [e.id, e.probabilityTop, e.rankLow, e.rankHigh]),
    );
  });
});
