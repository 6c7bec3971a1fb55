import type { Criterion, Juror, Stage } from './competition.ts';
import type { Innovation } from './innovation.ts';

/**
 * A juror does not count for an innovation from their own region, or one they declared. A juror
 * without a region (from outside the province) has only the declared conflicts.
 */
export function hasConflict(
  juror: Pick<Juror, 'region' | 'conflicts'>,
  innovation: Pick<Innovation, 'id' | 'region'>,
): boolean {
  return (
    (juror.region !== undefined && juror.region === innovation.region) ||
    juror.conflicts.includes(innovation.id)
  );
}

/** Position of a score on its criterion's scale, 0–100. */
export function normalized(criterion: Criterion, score: number): number {
  return (100 * (score - criterion.min)) / (criterion.max - criterion.min);
}

/** 100 × Σ w·(s − min)/(max − min) / Σ w, or null unless every criterion has a score. */
export function jurorTotal(stage: Stage, scores: ReadonlyMap<string, number>): number | null {
  return jurorTotalOf(stage, (criterion) => scores.get(criterion.id));
}

/** jurorTotal with each criterion's score (by the criterion and its index in the stage) from `scoreOf`. */
export function jurorTotalOf(
  stage: Stage,
  scoreOf: (criterion: Criterion, index: number) => number | undefined,
): number | null {
  let weighted = 0;
  let weights = 0;
  for (let k = 0; k < stage.criteria.length; k++) {
    const criterion = stage.criteria[k] as Criterion;
    const score = scoreOf(criterion, k);
    if (score === undefined) return null;
    weighted += criterion.weight * normalized(criterion, score);
    weights += criterion.weight;
  }
  return weighted / weights;
}

/** Mean that does not depend on the order of its inputs, to the last bit. */
export function stableMean(values: readonly number[]): number | null {
  return stableMeanOfFirst([...values], values.length);
}

/**
 * stableMean of `values[0..n)`, sorting that part of the caller's scratch array in place. A few values
 * (3–7 juror totals) are sorted by insertion: Array#sort allocates about a kilobyte a call, at national
 * scale half the ranking's garbage. Any stable ascending sort gives the same sequence, so the sum is the
 * same to the last bit; NaN (no defined order) and long runs go to the built-in sort.
 */
export function stableMeanOfFirst(values: number[], n: number): number | null {
  if (n === 0) return null;
  let sorted = n <= SMALL;
  for (let i = 0; sorted && i < n; i++) if (Number.isNaN(values[i])) sorted = false;
  for (let i = 1; sorted && i < n; i++) {
    const v = values[i] ?? 0;
    let j = i;
    while (j > 0 && (values[j - 1] ?? 0) - v > 0) {
      values[j] = values[j - 1] ?? 0;
      j--;
    }
    values[j] = v;
  }
  const ordered = sorted ? values : values.slice(0, n).sort((a, b) => a - b);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ordered[i] ?? 0;
  return sum / n;
}

const SMALL = 16;

/** Scores are equal when they agree to 4 decimals. */
export function toFourDecimals(value: number): number {
  return Math.round(value * 10_000);
}

/** The stage's panel: its `jurors`, else every juror (of a config or of a record's copy of one). */
export function panelOf<J extends Pick<Juror, 'id'>>(
  competition: { jurors: J[] },
  stage: Pick<Stage, 'jurors'>,
): J[] {
  return stage.jurors ? competition.jurors.filter((j) => stage.jurors?.includes(j.id)) : competition.jurors;
}
