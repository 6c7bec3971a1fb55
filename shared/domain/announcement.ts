import type { Competition } from './competition.ts';
import { zonedToInstant } from './dates.ts';
import type { CompetitionResult, StageResult } from './ranking.ts';

/** A winner of the final ranking: the facts the announcement is worded from (shared/messages words them). */
export interface Winner {
  rank: number;
  id: string;
  score: number;
  /** The score's digits by the display rule (display-score.ts), when the result was given them. */
  display?: string;
  tie: boolean;
}

/** The ranking may be shown from this instant on (announceAt in the competition's time zone). */
export function announcementInstant(competition: Competition): Date {
  return zonedToInstant(competition.announceAt, competition.timezone);
}

export function isAnnounced(competition: Competition, now: Date): boolean {
  return now.getTime() >= announcementInstant(competition).getTime();
}

/**
 * Ready once judging is over: every innovation of every stage and of the final ranking is complete.
 * Before that, who advanced (and so who can win) may still change.
 */
export function judgingIsComplete(result: CompetitionResult): boolean {
  const done = (s: StageResult) => s.ranking.length > 0 && s.ranking.every((e) => e.status === 'complete');
  return result.stages.every(done) && done(result.final);
}

/**
 * The entries the announcement names: ranked within the top places, with a score; or, under
 * representation rules (representation.ts), exactly the `selected` ones, in ranking order.
 */
export function announcedEntries(final: StageResult, top: number, selected?: ReadonlySet<string>): Winner[] {
  const winners: Winner[] = [];
  const wins = (e: StageResult['ranking'][number]) =>
    selected ? selected.has(e.id) : (e.rank ?? top + 1) <= top;
  for (const e of final.ranking) {
    if (e.rank === null || !wins(e) || e.score === null) continue;
    winners.push({
      rank: e.rank,
      id: e.id,
      score: e.score,
      ...(e.display !== undefined ? { display: e.display } : {}),
      tie: e.tie,
    });
  }
  return winners;
}
