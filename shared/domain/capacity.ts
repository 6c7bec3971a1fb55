import type { Competition } from './competition.ts';
import { panelOf } from './scoring.ts';

/**
 * The score cells a competition's jurors type once every stage is judged: each stage's entries (all of
 * them for the first; then the number the previous stage advances, per category when it says so) times
 * the jurors who score each entry times the criteria. What a sync reads and ranks grows with it.
 */
export function expectedCells(competition: Competition, entries: number): number {
  let population = entries;
  let cells = 0;
  for (const stage of competition.stages) {
    const jurors = stage.jurorsPerInnovation ?? panelOf(competition, stage).length;
    cells += population * jurors * stage.criteria.length;
    const advance = stage.advance;
    if (!advance) break;
    const top = advance.per === 'category' ? advance.top * competition.categories.length : advance.top;
    population = Math.min(population, top);
  }
  return cells;
}

/** The most entries whose cells stay within `cells` (0 when even one entry is over). */
export function entriesWithin(competition: Competition, cells: number): number {
  let low = 0;
  let high = 1;
  while (expectedCells(competition, high) <= cells && high < 1_000_000) high *= 2;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (expectedCells(competition, mid) <= cells) low = mid;
    else high = mid;
  }
  return low;
}
