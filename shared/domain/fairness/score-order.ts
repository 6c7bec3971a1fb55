import { compareIds } from '../assignment.ts';
import { toFourDecimals } from '../scoring.ts';
import { type Aggregation, aggregate } from './aggregation.ts';
import { entryIds, type StageTotals } from './stage-totals.ts';

/**
 * Higher score first; scores equal to 4 decimals (the published rule) fall back to the natural id
 * order. No tie-break criteria and no shared ranks: every entry gets its own place, so two methods
 * can be compared place by place.
 */
export function compareScored(a: { id: string; score: number }, b: { id: string; score: number }): number {
  return toFourDecimals(b.score) - toFourDecimals(a.score) || compareIds(a.id, b.id);
}

/** Each entry with at least one total, scored by the aggregation and put in that order. */
export function orderStage(stage: StageTotals, aggregation: Aggregation): { id: string; score: number }[] {
  const scored: { id: string; score: number }[] = [];
  for (const id of entryIds(stage)) {
    const score = aggregate(Object.values(stage.get(id) ?? {}), aggregation);
    if (score !== null) scored.push({ id, score });
  }
  return scored.sort(compareScored);
}
