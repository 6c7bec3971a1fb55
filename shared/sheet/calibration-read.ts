import type { ScoreEntry } from '../domain/cells.ts';
import { locateColumns } from './juror-read.ts';
import { type JurorTab, NAMES_ROW } from './juror-tab.ts';
import { a1Cell, JUROR_HEADER_ROWS } from './layout.ts';

/**
 * Takes the calibration samples' rows out of a juror tab as read, before the tab is parsed: their
 * cells come back apart (for the calibration summaries) and their rows come back blank, so that the
 * samples never reach a ranking, a progress count or a record, and every other cell keeps its address.
 * The columns are found by name, as the tab's own read finds them; a tab that read cannot place is
 * left whole (its issue report says why).
 */
export function takeSampleRows(
  tab: JurorTab,
  values: readonly (readonly string[])[],
  samples: ReadonlySet<string>,
): { values: readonly (readonly string[])[]; cells: ScoreEntry[] } {
  if (samples.size === 0) return { values, cells: [] };
  const at = locateColumns(tab, values);
  if (!at.ok) return { values, cells: [] };
  const cells: ScoreEntry[] = [];
  let blanked: (readonly string[])[] | null = null;
  for (let r = at.headerRow + JUROR_HEADER_ROWS - NAMES_ROW; r < values.length; r++) {
    const row = values[r] ?? [];
    const id = (row[at.idColumn] ?? '').trim();
    if (!samples.has(id)) continue;
    tab.stage.criteria.forEach((criterion, ci) => {
      const column = at.criteria[ci] ?? -1;
      const value = row[column] ?? '';
      if (value.trim() === '') return;
      cells.push({
        stage: tab.stage.id,
        innovation: id,
        juror: tab.juror.id,
        criterion: criterion.id,
        value,
        cell: a1Cell(tab.title, column, r),
      });
    });
    blanked ??= [...values];
    blanked[r] = [];
  }
  return { values: blanked ?? values, cells };
}
