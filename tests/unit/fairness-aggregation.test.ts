import { describe, expect, it } from 'vitest';
import { aggregate } from '../../shared/domain/fairness/aggregation.ts';
import { normalizeStage } from '../../shared/domain/fairness/normalization.ts';
import { stageTotals } from '../../shared/domain/fairness/stage-totals.ts';
import { stableMean } from '../../shared/domain/scoring.ts';

const stage = (rows: Record<string, Record<string, number>>) => new Map(Object.entries(rows));

describe('aggregating one entry’s juror totals', () => {
  it('mean is the published stableMean, bit for bit', () => {
    const totals = [0.1, 0.2, 0.3, 70.15, 88.05];
    expect(Object.is(aggregate(totals, 'mean'), stableMean(totals))).toBe(true);
  });

  it('trimmed drops the single highest and lowest from 4 jurors up', () => {
    expect(aggregate([10, 80, 70, 75], 'trimmed')).toBe(72.5);
    expect(aggregate([10, 80, 70, 75, 100], 'trimmed')).toBe(75);
    // A tie at the extreme drops only one copy.
    expect(aggregate([10, 10, 70, 80], 'trimmed')).toBe(40);
  });

  it('trimmed is the mean below 4 jurors', () => {
    expect(aggregate([10, 80, 70], 'trimmed')).toBe(stableMean([10, 80, 70]));
    expect(aggregate([55], 'trimmed')).toBe(55);
  });

  it('median takes the middle total, or the mean of the two middle ones', () => {
    expect(aggregate([90, 10, 60], 'median')).toBe(60);
    expect(aggregate([90, 10, 60, 70], 'median')).toBe(65);
    expect(aggregate([42], 'median')).toBe(42);
  });

  it('no totals, no score', () => {
    expect(aggregate([], 'mean')).toBeNull();
    expect(aggregate([], 'trimmed')).toBeNull();
    expect(aggregate([], 'median')).toBeNull();
  });
});

describe('stage totals from a ranking', () => {
  it('keys RankedEntry.totals by entry id', () => {
    const s = stageTotals([
      { id: 'I-1', totals: { j1: 80 } },
      { id: 'I-2', totals: { j1: 60, j2: 70 } },
    ]);
    expect(s.get('I-2')).toEqual({ j1: 60, j2: 70 });
  });
});

describe('z-score normalization', () => {
  // j1 is harsh (40–60), j2 lenient (70–90), both with the same spread over the same three entries.
  const harshAndLenient = stage({
    A: { j1: 60, j2: 90 },
    B: { j1: 50, j2: 80 },
    C: { j1: 40, j2: 70 },
  });

  it('maps each juror onto the pooled mean and SD of the stage', () => {
    const { totals, unchanged } = normalizeStage(harshAndLenient, 'zscore');
    expect(unchanged).toEqual([]);
    // Pooled: mean 65, sample SD of {60,50,40,90,80,70} = √350 ≈ 18.708. Each juror: SD 10, z = 1, 0, −1.
    const pooledSd = Math.sqrt(350);
    expect(totals.get('A')?.j1).toBeCloseTo(65 + pooledSd, 10);
    expect(totals.get('A')?.j2).toBeCloseTo(65 + pooledSd, 10);
    expect(totals.get('B')?.j1).toBeCloseTo(65, 10);
    expect(totals.get('C')?.j2).toBeCloseTo(65 - pooledSd, 10);
  });

  it('keeps the pooled mean of all totals', () => {
    const { totals } = normalizeStage(harshAndLenient, 'zscore');
    const all = [...totals.values()].flatMap((t) => Object.values(t));
    expect(stableMean(all)).toBeCloseTo(65, 10);
  });

  it('leaves a juror with fewer than 3 entries as typed, and says so', () => {
    const s = stage({
      A: { j1: 60, j2: 90, j3: 10 },
      B: { j1: 50, j2: 80, j3: 95 },
      C: { j1: 40, j2: 70 },
    });
    const { totals, unchanged } = normalizeStage(s, 'zscore');
    expect(unchanged).toEqual([{ juror: 'j3', reason: 'too-few-entries', entries: 2, min: 3 }]);
    expect(totals.get('A')?.j3).toBe(10);
    expect(totals.get('B')?.j3).toBe(95);
    expect(totals.get('A')?.j1).not.toBe(60);
  });

  it('leaves a juror who gave every entry the same total as typed, and says so', () => {
    const s = stage({
      A: { j1: 60, j2: 75 },
      B: { j1: 50, j2: 75 },
      C: { j1: 40, j2: 75 },
    });
    const { totals, unchanged } = normalizeStage(s, 'zscore');
    expect(unchanged).toEqual([{ juror: 'j2', reason: 'no-spread', entries: 3 }]);
    expect([...totals.values()].map((t) => t.j2)).toEqual([75, 75, 75]);
  });

  it('does not depend on the order entries arrive in', () => {
    const reversed = new Map([...harshAndLenient].reverse());
    const a = normalizeStage(harshAndLenient, 'zscore').totals;
    const b = normalizeStage(reversed, 'zscore').totals;
    for (const [id, t] of a) expect(b.get(id)).toEqual(t);
  });

  it("'none' returns the stage untouched", () => {
    const r = normalizeStage(harshAndLenient, 'none');
    expect(r.totals).toBe(harshAndLenient);
    expect(r.unchanged).toEqual([]);
  });
});
