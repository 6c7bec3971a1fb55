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

/**
 * Each entry with at least one total, scored by the aggregation and put in that order. compareScored
 * orders any two entries the same way whatever came first (ids equal to it keep their order in both
 * sorts, which are stable), so the entries are sorted once, as the stage holds them; only a score that
 * is not a number (which compareScored cannot place consistently) has them put in id order first, as
 * they always were.
 */
export function orderStage(stage: StageTotals, aggregation: Aggregation): { id: string; score: number }[] {
  const scored: { id: string; score: number }[] = [];
  let unplaceable = false;
  for (const [id, totals] of stage) {
    const score = aggregate(Object.values(totals), aggregation);
    if (score === null) continue;
    if (Number.isNaN(score)) unplaceable = true;
    scored.push({ id, score });
  }
  if (unplaceable) {
    const at = new Map(entryIds(stage).map((id, i) => [id, i]));
    scored.sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
  }
  return scored.sort(compareScored);
}
