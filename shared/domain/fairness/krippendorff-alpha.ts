import { entryIds, type StageTotals, type Unavailable } from './stage-totals.ts';

/** Interval: differences count by their square. Nominal: any two different values disagree equally. */
export type AlphaLevel = 'interval' | 'nominal';

export interface KrippendorffAlpha {
  kind: 'alpha';
  level: AlphaLevel;
  alpha: number;
  /** Pairable values: those in units with at least 2 values. */
  values: number;
  /** Units (entries) with at least 2 values. */
  units: number;
  observedDisagreement: number;
  expectedDisagreement: number;
}

export type AlphaUnavailableCode = 'too-few-values' | 'no-variance';

/**
 * Krippendorff's α = 1 − D_o / D_e over units (entries), each holding the values its coders
 * (jurors) gave. Missing cells are handled natively: a unit simply lists fewer values, and a unit
 * with fewer than 2 values is not pairable and drops out (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"). Computed in closed form from per-unit sums, O(values), so it
 * runs on national-scale stages; for the interval level Σ_{i≠j}(x_i − x_j)² = 2m·Σ(x − x̄)².
 */
export function krippendorffAlpha(
  units: readonly (readonly number[])[],
  level: AlphaLevel,
): KrippendorffAlpha | Unavailable<AlphaUnavailableCode> {
  const pairable = units.filter((u) => u.length >= 2);
  const n = pairable.reduce((s, u) => s + u.length, 0);
  if (n < 2) return { kind: 'unavailable', code: 'too-few-values' };
  let within = 0;
  for (const unit of pairable) within += disagreeingPairs(unit, level) / (unit.length - 1);
  const observed = within / n;
  const expected = disagreeingPairs(pairable.flat(), level) / (n * (n - 1));
  if (expected === 0) return { kind: 'unavailable', code: 'no-variance' };
  return {
    kind: 'alpha',
    level,
    alpha: 1 - observed / expected,
    values: n,
    units: pairable.length,
    observedDisagreement: observed,
    expectedDisagreement: expected,
  };
}

/** α of a stage's totals, each entry a unit, each juror a coder. */
export function stageAlpha(
  stage: StageTotals,
  level: AlphaLevel = 'interval',
): KrippendorffAlpha | Unavailable<AlphaUnavailableCode> {
  return krippendorffAlpha(
    entryIds(stage).map((id) => Object.values(stage.get(id) ?? {})),
    level,
  );
}

/** Σ over ordered pairs i ≠ j of δ²(x_i, x_j). */
function disagreeingPairs(values: readonly number[], level: AlphaLevel): number {
  const m = values.length;
  if (level === 'nominal') {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let same = 0;
    for (const c of counts.values()) same += c * c;
    return m * m - same;
  }
  // Shifted by the first value: equal values give an exact 0, and large totals lose no precision.
  const origin = values[0] ?? 0;
  let sum = 0;
  let squares = 0;
  for (const v of values) {
    sum += v - origin;
    squares += (v - origin) ** 2;
  }
  return 2 * m * Math.max(0, squares - (sum * sum) / m);
}
