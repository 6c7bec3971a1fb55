import type { Stage } from '../competition.ts';
import { type Aggregation, aggregate } from './aggregation.ts';
import type { ScoringMethod } from './methods.ts';
import { type Normalization, normalizeStage } from './normalization.ts';
import { orderStage } from './score-order.ts';

/** The stage's configured scoring method; a stage without `aggregation` uses the published rule. */
export function stageMethod(stage: Pick<Stage, 'aggregation'>): ScoringMethod {
  const aggregation: Aggregation = stage.aggregation?.method ?? 'mean';
  const normalization: Normalization = stage.aggregation?.normalize ?? 'none';
  return { aggregation, normalization };
}

export function isDefaultMethod(method: ScoringMethod): boolean {
  return method.aggregation === 'mean' && method.normalization === 'none';
}

/**
 * The ranking's hook: each candidate's score under the stage's scoring method. With the default
 * method the very same array comes back untouched, so the published scores stay bit for bit the
 * ranking's own `stableMean`. Otherwise z-scoring (if any) standardizes each juror over every entry
 * they scored in the stage, complete or not, and the aggregation scores the (mapped) totals.
 */
export function withStageScores<
  C extends { id: string; score: number | null; totals: Record<string, number> },
>(stage: Pick<Stage, 'aggregation'>, candidates: readonly C[], minEntries?: number): readonly C[] {
  const method = stageMethod(stage);
  if (isDefaultMethod(method)) return candidates;
  const mapped = normalizeStage(
    new Map(candidates.map((c) => [c.id, c.totals])),
    method.normalization,
    minEntries,
  ).totals;
  return candidates.map((c) => ({
    ...c,
    score: aggregate(Object.values(mapped.get(c.id) ?? c.totals), method.aggregation),
  }));
}

/**
 * The safeguard beside an adjusted ranking (issue 24): for a stage scored by another rule than the
 * plain mean (z-scores, trimmed mean, median), each complete entry's place under the plain mean of the
 * totals as typed, so the ranking tab and the console show the raw and the adjusted rank side by side.
 * Places are tie-break-free (score to 4 decimals, then natural id), as in the what-if. Null for a stage
 * with the published rule, whose rank is the raw one.
 */
export function unadjustedPlaces(
  stage: Pick<Stage, 'aggregation'>,
  ranking: readonly { id: string; status: string; totals: Record<string, number> }[],
): Map<string, number> | null {
  if (isDefaultMethod(stageMethod(stage))) return null;
  const complete = ranking.filter((e) => e.status === 'complete');
  const order = orderStage(new Map(complete.map((e) => [e.id, e.totals])), 'mean');
  return new Map(order.map((e, i) => [e.id, i + 1]));
}
