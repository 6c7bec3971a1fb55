import type { Stage } from '../competition.ts';
import { type Aggregation, aggregate } from './aggregation.ts';
import type { ScoringMethod } from './methods.ts';
import { type Normalization, normalizeStage } from './normalization.ts';

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
