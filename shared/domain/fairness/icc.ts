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

export type IccUnavailableCode = 'incomplete-block' | 'too-small';

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
