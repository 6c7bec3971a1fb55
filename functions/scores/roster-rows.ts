import { type AssignedRow, assignStage, type StageAssignment } from '../../shared/domain/assignment.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { hasConflict } from '../../shared/domain/scoring.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import { jurorTabs } from '../../shared/sheet/juror-tab.ts';
import type { Services } from '../compose/services.ts';
import { sheetPlan } from './provision.ts';
import type { JurorTabsRead } from './read-scores.ts';
import { sheetOf } from './sheet-needed.ts';

export type PlacedRows = NonNullable<SyncRecord['rowsPlaced']>;

/**
 * The sync's roster step: the first stage's juror tabs follow the roster. An entry that passed the
 * selection or was accepted late since the tabs were set up gets its rows here, at the next sync, by
 * the stage's assignment (`jurorsPerInnovation`, conflicts applied), with no `juri sheet setup`.
 * Setup does the writing, so it stays idempotent and never writes a score or remark cell.
 *
 * Only the first stage: a later stage's population is what the stage before decided, and a live
 * ranking of an unfinished stage must not hand out rows; setup places those once it is decided.
 * Costs no request unless a row is missing (a tab that cannot be read is left to its issue report).
 * Returns where each new entry went, empty when nothing was missing.
 */
export async function placeNewRows(
  services: Services,
  read: Pick<JurorTabsRead, 'innovations' | 'rowIds'>,
  admitted: readonly Innovation[],
  signal: AbortSignal,
): Promise<PlacedRows> {
  const { competition } = services;
  const first = competition.stages[0];
  if (!first) return [];
  const assignment = assignStage(competition, first, admitted);
  const placed = new Map<string, string[]>();
  for (const [juror, rows] of assignment) {
    const present = read.rowIds.get(`${first.id}|${juror}`);
    if (!present) continue;
    for (const row of rows) {
      if (present.has(row.innovation.id)) continue;
      placed.set(row.innovation.id, [...(placed.get(row.innovation.id) ?? []), juror]);
    }
  }
  if (placed.size === 0) return [];
  await sheetOf(services).provision(
    sheetPlan(services, rowsOfEveryTab(services, read, first.id, assignment)),
    { signal },
  );
  return [...placed].map(([innovation, jurors]) => ({ stage: first.id, innovation, jurors }));
}

/**
 * Every tab keeps the rows it holds (setup rewrites the links and locks of exactly the rows it is
 * given), and the first stage's tabs also get their assigned rows.
 */
function rowsOfEveryTab(
  services: Services,
  read: Pick<JurorTabsRead, 'innovations' | 'rowIds'>,
  firstStage: string,
  assignment: StageAssignment,
): Map<string, StageAssignment> {
  const byId = new Map(read.innovations.map((i) => [i.id, i]));
  const out = new Map<string, StageAssignment>();
  for (const tab of jurorTabs(services.competition)) {
    const present = read.rowIds.get(`${tab.stage.id}|${tab.juror.id}`) ?? new Set<string>();
    const rows: AssignedRow[] = [];
    for (const id of present) {
      const innovation = byId.get(id);
      if (innovation) rows.push({ innovation, conflict: hasConflict(tab.juror, innovation) });
    }
    if (tab.stage.id === firstStage) {
      for (const row of assignment.get(tab.juror.id) ?? []) {
        if (!present.has(row.innovation.id)) rows.push(row);
      }
    }
    const stage = out.get(tab.stage.id) ?? new Map<string, AssignedRow[]>();
    stage.set(tab.juror.id, rows);
    out.set(tab.stage.id, stage);
  }
  return out;
}
