import { fQuantile } from './f-distribution.ts';
import { completeBlock, type StageTotals, type Unavailable } from './stage-totals.ts';

/**
 * Shrout & Fleiss (1979) intraclass correlations of a complete entries × jurors block.
 * ICC(1,·): one-way random; ICC(2,·): two-way random, absolute agreement (the one to report when
 * jurors are a sample of possible jurors); ICC(3,·): two-way mixed, consistency. (·,1) is the
 * reliability of one juror's total, (·,k) that of the mean of the block's k jurors.
 * A value is null when its denominator is 0 (e.g. every total equal).
 */
export interface IntraclassCorrelations {
  kind: 'icc';
  /** Entries (targets). */
  n: number;
  /** Jurors (judges). */
  k: number;
  icc11: number | null;
  icc21: number | null;
  icc31: number | null;
  icc1k: number | null;
  icc2k: number | null;
  icc3k: number | null;
  /** The ANOVA mean squares, for the audit trail: between entries, within entries, jurors, residual. */
  meanSquares: { between: number; within: number; jurors: number; residual: number };
}

/**
 * 'too-few-entries': the block has fewer entries than the competition's minimum (`fairness.iccMinEntries`,
 * default 10); with so few, the interval spans most of 0–1 and the point value says little.
 */
export type IccUnavailableCode = 'incomplete-block' | 'too-small' | 'too-few-entries';

/** Below this many entries in the block, ICC is withheld (the report says why). */
export const DEFAULT_ICC_MIN_ENTRIES = 10;

/** ICCs of rows[entry][juror]; at least 2 entries and 2 jurors, every row as long as the first. */
export function intraclassCorrelations(
  rows: readonly (readonly number[])[],
): IntraclassCorrelations | Unavailable<IccUnavailableCode> {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n < 2 || k < 2) return { kind: 'unavailable', code: 'too-small' };
  if (rows.some((r) => r.length !== k || r.some((v) => !Number.isFinite(v)))) {
    return { kind: 'unavailable', code: 'incomplete-block' };
  }
  // ICCs do not change when every total shifts by the same amount; shifting by the first total
  // makes a block of equal totals exactly zero, so it reads as 'no variance', not as rounding noise.
  const origin = rows[0]?.[0] ?? 0;
  const cell = (i: number, j: number) => (rows[i]?.[j] ?? 0) - origin;
  const rowMeans = rows.map((_, i) => {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += cell(i, j);
    return sum / k;
  });
  const colMeans = Array.from({ length: k }, (_, j) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += cell(i, j);
    return sum / n;
  });
  const grand = rowMeans.reduce((s, v) => s + v, 0) / n;

  let ssRows = 0;
  for (const m of rowMeans) ssRows += (m - grand) ** 2;
  ssRows *= k;
  let ssCols = 0;
  for (const m of colMeans) ssCols += (m - grand) ** 2;
  ssCols *= n;
  // Residual and within sums straight from their definitions, not as differences of larger sums,
  // so perfect agreement gives (nearly) exact zeros rather than cancellation noise.
  let ssResidual = 0;
  let ssWithin = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      ssResidual += (cell(i, j) - (rowMeans[i] ?? 0) - (colMeans[j] ?? 0) + grand) ** 2;
      ssWithin += (cell(i, j) - (rowMeans[i] ?? 0)) ** 2;
    }
  }
  const bms = ssRows / (n - 1);
  const wms = ssWithin / (n * (k - 1));
  const jms = ssCols / (k - 1);
  const ems = ssResidual / ((n - 1) * (k - 1));
  return {
    kind: 'icc',
    n,
    k,
    icc11: ratio(bms - wms, bms + (k - 1) * wms),
    icc21: ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n),
    icc31: ratio(bms - ems, bms + (k - 1) * ems),
    icc1k: ratio(bms - wms, bms),
    icc2k: ratio(bms - ems, bms + (jms - ems) / n),
    icc3k: ratio(bms - ems, bms),
    meanSquares: { between: bms, within: wms, jurors: jms, residual: ems },
  };
}

/** The stage's ICCs when every juror scored every entry; 'incomplete-block' otherwise. */
export function stageIcc(stage: StageTotals): IntraclassCorrelations | Unavailable<IccUnavailableCode> {
  const block = completeBlock(stage);
  return block ? intraclassCorrelations(block.rows) : { kind: 'unavailable', code: 'incomplete-block' };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** A confidence interval; either bound may be null when the data cannot give it (e.g. no residual variance). */
export interface Interval {
  low: number | null;
  high: number | null;
}

/** The confidence level juri reports: 95 %, two-sided. */
export const ICC_CONFIDENCE = 0.95;

/**
 * The confidence interval of ICC(2,1) and of ICC(2,k) (two-way random, absolute agreement), the
 * standard F-based approximation of Shrout & Fleiss (1979, case 2) and McGraw & Wong (1996, ICC(A,1)),
 * with Satterthwaite's degrees of freedom v; the ICC(2,k) bounds are the ICC(2,1)
 * bounds stepped up by Spearman–Brown to k jurors, as R's psych::ICC does. Computed from the mean
 * squares the report keeps, so a report stored before the interval existed gets it too. Null when
 * ICC(2,1) is not defined.
 */
export function icc2Interval(
  icc: Pick<IntraclassCorrelations, 'n' | 'k' | 'icc21' | 'meanSquares'>,
  confidence = ICC_CONFIDENCE,
): { single: Interval; average: Interval } | null {
  const { n, k, icc21: r } = icc;
  if (r === null) return null;
  const { between: bms, jurors: jms, residual: ems } = icc.meanSquares;
  const q = 1 - (1 - confidence) / 2;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const fj = jms / ems;
  const a = n * (1 + (k - 1) * r) - k * r;
  const v = ((k - 1) * (n - 1) * (k * r * fj + a) ** 2) / ((n - 1) * k ** 2 * r ** 2 * fj ** 2 + a ** 2);
  if (!(v > 0) || !Number.isFinite(v)) return null;
  const fLow = fQuantile(q, n - 1, v);
  const fHigh = fQuantile(q, v, n - 1);
  const spread = k * jms + (k * n - k - n) * ems;
  const low = finite((n * (bms - fLow * ems)) / (fLow * spread + n * bms));
  const high = finite((n * (fHigh * bms - ems)) / (spread + n * fHigh * bms));
  const stepUp = (x: number | null) => (x === null ? null : finite((k * x) / (1 + (k - 1) * x)));
  return { single: { low, high }, average: { low: stepUp(low), high: stepUp(high) } };
}
