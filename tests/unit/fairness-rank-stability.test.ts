import { describe, expect, it } from 'vitest';
import { type Aggregation, aggregate } from '../../shared/domain/fairness/aggregation.ts';
import { rankStability } from '../../shared/domain/fairness/rank-stability.ts';
import { compareScored, orderStage } from '../../shared/domain/fairness/score-order.ts';
import type { StageTotals } from '../../shared/domain/fairness/stage-totals.ts';
import { seededRandom } from '../../shared/seeded-random.ts';

const stage = (rows: Record<string, Record<string, number>>) => new Map(Object.entries(rows));

/**
 * The bootstrap written the obvious way (arrays, objects, full comparison sorts), consuming the
 * random stream in the same order: entries in observed order, each drawing its jurors in turn.
 */
function naiveBootstrap(
  s: StageTotals,
  top: number,
  resamples: number,
  seed: number,
  aggregation: Aggregation,
) {
  const random = seededRandom(seed);
  const observed = orderStage(s, aggregation);
  const places = new Map<string, number[]>(observed.map((e) => [e.id, []]));
  for (let b = 0; b < resamples; b++) {
    const scored = observed.map((e) => {
      const totals = Object.values(s.get(e.id) ?? {});
      const draws = totals.map(() => totals[Math.floor(random() * totals.length)] ?? 0);
      const score =
        aggregation === 'mean'
          ? draws.reduce((sum, v) => sum + v, 0) / draws.length
          : (aggregate(draws, aggregation) ?? 0);
      return { id: e.id, score };
    });
    scored.sort(compareScored).forEach((e, i) => {
      places.get(e.id)?.push(i + 1);
    });
  }
  return observed.map((e) => {
    const own = [...(places.get(e.id) ?? [])].sort((a, b) => a - b);
    const at = (q: number) =>
      own[Math.min(own.length - 1, Math.max(0, Math.ceil(q * own.length - 1e-9) - 1))];
    return {
      id: e.id,
      probabilityTop: own.filter((p) => p <= top).length / resamples,
      rankLow: at(0.05),
      rankHigh: at(0.95),
    };
  });
}

/** A stage with many equal scores and close calls, so ties and the bucket pass both get exercised. */
function crowdedStage(entries: number, seed: number): StageTotals {
  const random = seededRandom(seed);
  const out = new Map<string, Record<string, number>>();
  for (let i = 1; i <= entries; i++) {
    const quality = 50 + Math.floor(random() * 8) * 5;
    const jurors = 1 + Math.floor(random() * 5);
    const totals: Record<string, number> = {};
    for (let j = 0; j < jurors; j++) totals[`J-${j}`] = quality + Math.floor(random() * 5) * 2.5;
    out.set(`INOV-${i}`, totals);
  }
  return out;
}

describe('rank stability bootstrap', () => {
  for (const aggregation of ['mean', 'trimmed', 'median'] as const) {
    it(`agrees exactly with a naive implementation (${aggregation})`, () => {
      const s = crowdedStage(120, 3);
      const fast = rankStability(s, { top: 20, random: seededRandom(11), resamples: 150, aggregation });
      const slow = naiveBootstrap(s, 20, 150, 11, aggregation);
      expect(
        fast.entries.map(({ id, probabilityTop, rankLow, rankHigh }) => ({
          id,
          probabilityTop,
          rankLow,
          rankHigh,
        })),
      ).toEqual(slow);
    });

    it(`given the seed instead of the stream, draws the same and agrees in full (${aggregation})`, () => {
      for (const seed of [11, 0, 0xffffffff, 20241220]) {
        const s = crowdedStage(120, seed % 7);
        const options = { top: 20, resamples: 150, aggregation };
        expect(rankStability(s, { ...options, seed })).toEqual(
          rankStability(s, { ...options, random: seededRandom(seed) }),
        );
      }
    });
  }

  it('replays exactly from the same seed', () => {
    const s = crowdedStage(60, 5);
    const a = rankStability(s, { top: 10, random: seededRandom(1), resamples: 200 });
    const b = rankStability(s, { top: 10, random: seededRandom(1), resamples: 200 });
    expect(b).toEqual(a);
  });

  it('defaults to 2,000 resamples and a 90% interval', () => {
    const r = rankStability(stage({ A: { j: 1 } }), { top: 1, random: seededRandom(1) });
    expect({ resamples: r.resamples, coverage: r.coverage }).toEqual({ resamples: 2000, coverage: 0.9 });
  });

  it('entries far apart never swap; a single juror’s entry never moves', () => {
    const r = rankStability(
      stage({
        A: { j1: 95, j2: 90, j3: 92 },
        B: { j1: 60, j2: 65, j3: 62 },
        C: { j1: 30 },
      }),
      { top: 1, random: seededRandom(9), resamples: 500 },
    );
    expect(r.entries).toEqual([
      {
        id: 'A',
        rank: 1,
        score: (90 + 92 + 95) / 3,
        probabilityTop: 1,
        rankLow: 1,
        rankHigh: 1,
        nearCutoff: false,
      },
      {
        id: 'B',
        rank: 2,
        score: (60 + 62 + 65) / 3,
        probabilityTop: 0,
        rankLow: 2,
        rankHigh: 2,
        nearCutoff: false,
      },
      { id: 'C', rank: 3, score: 30, probabilityTop: 0, rankLow: 3, rankHigh: 3, nearCutoff: false },
    ]);
  });

  it('flags entries whose place at the cut-off is a coin toss', () => {
    const r = rankStability(
      stage({
        A: { j1: 90, j2: 50 },
        B: { j1: 75, j2: 65 },
        C: { j1: 10, j2: 20 },
      }),
      { top: 1, random: seededRandom(2), resamples: 1000 },
    );
    const [a, b, c] = r.entries;
    // A's mean 70 equals B's; A comes first by id, then wins or loses by which juror is drawn twice.
    expect(a?.nearCutoff).toBe(true);
    expect(b?.nearCutoff).toBe(true);
    expect((a?.probabilityTop ?? 0) + (b?.probabilityTop ?? 0)).toBe(1);
    expect(c).toMatchObject({ probabilityTop: 0, nearCutoff: false, rankLow: 3, rankHigh: 3 });
    expect({ low: a?.rankLow, high: a?.rankHigh }).toEqual({ low: 1, high: 2 });
  });

  it('takes the near-cut-off band as a parameter', () => {
    const s = stage({ A: { j1: 90, j2: 50 }, B: { j1: 75, j2: 65 } });
    const r = rankStability(s, {
      top: 1,
      random: seededRandom(2),
      resamples: 400,
      nearCutoff: { low: 0, high: 0.01 },
    });
    expect(r.entries.every((e) => !e.nearCutoff || e.probabilityTop < 0.01)).toBe(true);
  });

  it('runs at national scale (3,500 entries × 3 of 60 jurors, Top 300)', () => {
    // A smoke test of the shape, with few resamples; speed is measured outside the test suite.
    const random = seededRandom(42);
    const s = new Map<string, Record<string, number>>();
    for (let i = 1; i <= 3500; i++) {
      const quality = 40 + random() * 40;
      const totals: Record<string, number> = {};
      for (let j = 0; j < 3; j++) {
        totals[`J-${(i * 7 + j * 20) % 60}`] = Math.round((quality + (random() - 0.5) * 20) * 100) / 100;
      }
      s.set(`INOV-${i}`, totals);
    }
    const r = rankStability(s, { top: 300, random: seededRandom(7), resamples: 40 });
    expect(r.entries).toHaveLength(3500);
    expect(r.entries.filter((e) => e.probabilityTop > 0).length).toBeGreaterThanOrEqual(300);
    for (const e of r.entries) {
      expect(e.rankLow).toBeLessThanOrEqual(e.rankHigh);
      expect(e.rankLow).toBeGreaterThanOrEqual(1);
      expect(e.rankHigh).toBeLessThanOrEqual(3500);
    }
  });

  it('returns nothing for an empty stage', () => {
    expect(rankStability(new Map(), { top: 3, random: seededRandom(1), resamples: 5 }).entries).toEqual([]);
  });
});
