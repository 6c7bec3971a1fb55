import { stableMean } from '../scoring.ts';
import type { Aggregation } from './methods.ts';

export { AGGREGATIONS, type Aggregation } from './methods.ts';

/** Trimming one total off each end needs at least this many, or nothing would be left to average. */
export const MIN_JURORS_TO_TRIM = 4;

/**
 * One entry's score from its juror totals, or null when it has none.
 * - `mean`: `stableMean`, bit for bit the score the ranking publishes.
 * - `trimmed`: with at least 4 totals, the mean without the single highest and single lowest;
 *   with fewer, the mean (dropping two of three would leave one juror deciding alone).
 * - `median`: the middle total, or the mean of the two middle ones.
 */
export function aggregate(totals: readonly number[], method: Aggregation): number | null {
  if (totals.length === 0) return null;
  if (method === 'mean') return stableMean(totals);
  const sorted = [...totals].sort((a, b) => a - b);
  if (method === 'trimmed') {
    return stableMean(sorted.length >= MIN_JURORS_TO_TRIM ? sorted.slice(1, -1) : sorted);
  }
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
