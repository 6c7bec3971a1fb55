import type { RankedEntry } from '../../../shared/domain/ranking.ts';

export interface BoxStats {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Whisker ends: the furthest values within 1.5 × IQR of the box. */
  low: number;
  high: number;
  outliers: number[];
}

/** Quantile by linear interpolation between closest ranks (the R-7 / spreadsheet method). */
function quantile(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (pos - lo);
}

export function boxStats(values: readonly number[]): BoxStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const fence = 1.5 * (q3 - q1);
  const inside = sorted.filter((v) => v >= q1 - fence && v <= q3 + fence);
  return {
    n: sorted.length,
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
    q1,
    median: quantile(sorted, 0.5),
    q3,
    low: inside[0] ?? q1,
    high: inside.at(-1) ?? q3,
    outliers: sorted.filter((v) => v < q1 - fence || v > q3 + fence),
  };
}

export interface JurorSpread {
  juror: string;
  box: BoxStats | null;
  /**
   * Mean of (this juror's total − the mean of the other jurors' totals) over the innovations
   * scored by this juror and at least one other: positive = lenient, negative = harsh.
   * Comparing on the same innovations keeps a juror who got weaker entries from looking harsh.
   */
  leniency: number | null;
}

/** Each juror's counted totals (0–100) in one stage, with how far they sit from their co-jurors. */
export function jurorSpreads(ranking: readonly RankedEntry[], jurors: readonly string[]): JurorSpread[] {
  return jurors.map((juror) => {
    const own: number[] = [];
    const gaps: number[] = [];
    for (const entry of ranking) {
      const mine = entry.totals[juror];
      if (mine === undefined) continue;
      own.push(mine);
      const others = Object.entries(entry.totals)
        .filter(([j]) => j !== juror)
        .map(([, v]) => v);
      if (others.length > 0) gaps.push(mine - others.reduce((s, v) => s + v, 0) / others.length);
    }
    return {
      juror,
      box: boxStats(own),
      leniency: gaps.length > 0 ? gaps.reduce((s, v) => s + v, 0) / gaps.length : null,
    };
  });
}

/** How far from the panel a juror must sit (in points of 100) to be called lenient or harsh. */
export const LENIENCY_THRESHOLD = 5;

export function allTotals(ranking: readonly RankedEntry[]): number[] {
  return ranking.flatMap((e) => Object.values(e.totals));
}
