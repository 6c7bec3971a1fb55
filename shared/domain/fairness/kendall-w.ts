import { chiSquareSurvival } from './chi-square.ts';
import { completeBlock, type StageTotals, type Unavailable } from './stage-totals.ts';

/** Kendall's coefficient of concordance among jurors ranking the same entries. */
export interface KendallW {
  kind: 'kendall-w';
  /** 0 (no agreement) to 1 (every juror orders the entries alike); corrected for ties. */
  w: number;
  /** m(n − 1)W, approximately χ² with n − 1 degrees of freedom under no agreement. */
  chiSquare: number;
  df: number;
  /** Upper-tail p-value of the χ² approximation; trust it from about 7 entries up. */
  pValue: number;
  /** Jurors (m). */
  raters: number;
  /** Entries (n). */
  entries: number;
  /** Σ over jurors and tie groups of t³ − t (0 without ties). */
  ties: number;
}

export type KendallWUnavailableCode = 'incomplete-block' | 'too-small' | 'no-variance';

/**
 * W = 12S / (m²(n³ − n) − m·ΣT) from rows[entry][juror], where each juror's totals are ranked
 * (ties get their mean rank), S is the sum of squared deviations of the entries' rank sums from
 * their mean, and T = Σ(t³ − t) over a juror's tie groups (Kendall & Babington Smith 1939; Siegel
 * & Castellan 1988; Legendre 2005). χ² = m(n − 1)W.
 */
export function kendallW(
  rows: readonly (readonly number[])[],
): KendallW | Unavailable<KendallWUnavailableCode> {
  const n = rows.length;
  const m = rows[0]?.length ?? 0;
  if (n < 2 || m < 2) return { kind: 'unavailable', code: 'too-small' };
  if (rows.some((r) => r.length !== m || r.some((v) => !Number.isFinite(v)))) {
    return { kind: 'unavailable', code: 'incomplete-block' };
  }
  const rankSums = new Array<number>(n).fill(0);
  let ties = 0;
  for (let j = 0; j < m; j++) {
    const column = rows.map((r) => r[j] ?? 0);
    const { ranks, tieSum } = midRanks(column);
    ties += tieSum;
    ranks.forEach((r, i) => {
      rankSums[i] = (rankSums[i] ?? 0) + r;
    });
  }
  const meanSum = (m * (n + 1)) / 2;
  const s = rankSums.reduce((acc, r) => acc + (r - meanSum) ** 2, 0);
  const denominator = m * m * (n * n * n - n) - m * ties;
  if (denominator <= 0) return { kind: 'unavailable', code: 'no-variance' };
  const w = Math.min(1, (12 * s) / denominator);
  const df = n - 1;
  const chiSquare = m * df * w;
  return {
    kind: 'kendall-w',
    w,
    chiSquare,
    df,
    pValue: chiSquareSurvival(chiSquare, df),
    raters: m,
    entries: n,
    ties,
  };
}

/** The stage's W when every juror scored every entry; 'incomplete-block' otherwise. */
export function stageKendallW(stage: StageTotals): KendallW | Unavailable<KendallWUnavailableCode> {
  const block = completeBlock(stage);
  return block ? kendallW(block.rows) : { kind: 'unavailable', code: 'incomplete-block' };
}

/** Ranks 1..n (ascending), tied values sharing their mean rank, and Σ(t³ − t) over tie groups. */
export function midRanks(values: readonly number[]): { ranks: number[]; tieSum: number } {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  let tieSum = 0;
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.v === order[start]?.v) end++;
    const t = end - start + 1;
    const rank = (start + end + 2) / 2;
    for (let p = start; p <= end; p++) ranks[order[p]?.i ?? 0] = rank;
    tieSum += t * t * t - t;
    start = end + 1;
  }
  return { ranks, tieSum };
}
