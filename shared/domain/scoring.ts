import type { Competition, Criterion, Juror, Stage } from './competition.ts';
import type { Innovation } from './innovation.ts';

/**
 * A juror does not count for an innovation from their own region, or one they declared. A juror
 * without a region (from outside the province) has only the declared conflicts.
 */
export function hasConflict(juror: Juror, innovation: Pick<Innovation, 'id' | 'region'>): boolean {
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
  let weighted = 0;
  let weights = 0;
  for (const criterion of stage.criteria) {
    const score = scores.get(criterion.id);
    if (score === undefined) return null;
    weighted += criterion.weight * normalized(criterion, score);
    weights += criterion.weight;
  }
  return weighted / weights;
}

/** Mean that does not depend on the order of its inputs, to the last bit. */
export function stableMean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
}

/** Scores are equal when they agree to 4 decimals. */
export function toFourDecimals(value: number): number {
  return Math.round(value * 10_000);
}

export function panelOf(competition: Competition, stage: Stage): Juror[] {
  return stage.jurors ? competition.jurors.filter((j) => stage.jurors?.includes(j.id)) : competition.jurors;
}
