import type { ScoreEntry } from '../../../shared/domain/cells.ts';
import { type TabStates, tabKey } from '../../../shared/domain/tab-digests.ts';
import type { SyncRecord } from '../../../shared/ports.ts';
import type { SqliteScope } from './statements.ts';

/**
 * A record's typed cells kept per juror tab (issue 22), as Firestore keeps the head's: each tab's run of
 * cells in a `sync_cells` row of its own, the record naming its rows in cell order (`syncs.cell_tabs`).
 * A national record is ~14 MB of JSON, 11 MB of it cells; after a one-cell edit a sync then reads the
 * cells of the tab that moved and writes that tab's alone, where it parsed and wrote all of them.
 *
 * A row belongs to the sync that wrote it (`owner`) and is never changed by a later one: a later record
 * whose tab has the cells digest the head's record has for it names that same row. So every record still
 * reads back whole, its cells in their order.
 */
export interface CellTabRef {
  key: string;
  /** The sync whose save wrote the row. */
  owner: string;
  /** The tab's cells digest as that save was given it ('' when not: never taken as unchanged). */
  digest: string;
}

/** What a save writes: the record's list of rows, and the rows new to this save. */
export interface PlannedCellTabs {
  refs: CellTabRef[];
  fresh: { ref: CellTabRef; cells: ScoreEntry[] }[];
}

/**
 * The rows a record's cells are saved in: a tab whose digest is the one `prior` (the head record's list)
 * names for it keeps that row; every other tab gets a row of this sync. Null when the save has no
 * digests or the cells are not in one run per tab: the record then holds its cells, as before.
 */
export function planCellTabs(
  syncId: string,
  cells: readonly ScoreEntry[] | undefined,
  states: TabStates | undefined,
  prior: readonly CellTabRef[] | null,
): PlannedCellTabs | null {
  if (!cells || cells.length === 0 || !states) return null;
  const runs = runsByTab(cells);
  if (!runs) return null;
  const before = new Map((prior ?? []).map((ref) => [ref.key, ref]));
  const refs: CellTabRef[] = [];
  const fresh: PlannedCellTabs['fresh'] = [];
  for (const [key, run] of runs) {
    const digest = states[key]?.cells ?? '';
    const had = before.get(key);
    if (digest !== '' && had?.digest === digest) {
      refs.push(had);
      continue;
    }
    const ref = { key, owner: syncId, digest };
    refs.push(ref);
    fresh.push({ ref, cells: run });
  }
  return { refs, fresh };
}

/** The cells grouped by tab, in order; null when a tab's cells are not in one run. */
function runsByTab(cells: readonly ScoreEntry[]): Map<string, ScoreEntry[]> | null {
  const runs = new Map<string, ScoreEntry[]>();
  let stage: string | undefined;
  let juror: string | undefined;
  let run: ScoreEntry[] = [];
  for (const cell of cells) {
    if (cell.stage !== stage || cell.juror !== juror) {
      const key = tabKey(cell);
      if (runs.has(key)) return null;
      ({ stage, juror } = cell);
      run = [];
      runs.set(key, run);
    }
    run.push(cell);
  }
  return runs;
}

/** Writes the rows new to a save (in its transaction); a row of the same sync saved again is replaced. */
export function putCellTabs({ s, competition }: SqliteScope, planned: PlannedCellTabs): void {
  for (const { ref, cells } of planned.fresh) {
    s.syncLog.putCells.run(competition, ref.owner, ref.key, ref.digest, JSON.stringify(cells));
  }
}

/** A `syncs.cell_tabs` value read back; null for a record that holds its own cells. */
export function cellTabRefs(column: string | null | undefined): CellTabRef[] | null {
  return column ? (JSON.parse(column) as CellTabRef[]) : null;
}

/**
 * A record row as saved: its cells joined from the rows it names (only the tabs `wanted`, when given,
 * as syncInputs answers), or, for a record that holds its own, those filtered the same way.
 */
export function recordOfRow(
  scope: SqliteScope,
  row: { data: string; cell_tabs: string | null },
  wanted?: ReadonlySet<string>,
): SyncRecord {
  const record = JSON.parse(row.data) as SyncRecord;
  const refs = cellTabRefs(row.cell_tabs);
  if (refs) record.cells = joinCellTabs(scope, refs, wanted);
  else if (record.cells && wanted) record.cells = record.cells.filter((c) => wanted.has(tabKey(c)));
  return record;
}

function joinCellTabs(
  { s, competition }: SqliteScope,
  refs: readonly CellTabRef[],
  wanted: ReadonlySet<string> | undefined,
): ScoreEntry[] {
  const cells: ScoreEntry[] = [];
  for (const ref of refs) {
    if (wanted && !wanted.has(ref.key)) continue;
    const row = s.syncLog.getCells.get(competition, ref.owner, ref.key, ref.digest);
    if (!row) throw new Error(`sqlite:cells-missing:${ref.key}:${ref.owner}`);
    for (const cell of JSON.parse(row.data) as ScoreEntry[]) cells.push(cell);
  }
  return cells;
}
