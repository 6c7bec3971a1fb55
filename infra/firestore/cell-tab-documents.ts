import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { type TabStates, tabKey } from '../../shared/domain/tab-digests.ts';
import { type CellColumns, isCellColumns, packCells, unpackCells } from './cell-columns.ts';
import { joinChunks, type PlannedChunks, planTextChunks, strings } from './chunks.ts';
import { type At, docId, type Fields, type FieldValue } from './document-backend.ts';

/**
 * The typed cells of the head's record, kept per juror tab (issue 22): each tab's cells in chunk
 * documents of their own under `cells/{tab}/chunks/`, named by the head's `cellTabs` list (in the
 * record's cell order) with the digests the sync saved them under. A written sync after a one-cell edit
 * then writes one tab's cells and reads the cells of the tabs whose read moved, not every cell twice.
 */
export interface CellTab {
  key: string;
  /** Digest of the tab's read, as the sync saw it ('' when not given). */
  read: string;
  /** Digest of the tab's cells ('' when not given: never taken as unchanged). */
  cells: string;
  chunks: string[];
}

/** The head's cellTabs; null when the head names none (its record holds its cells, or is from before). */
export function cellTabsOf(head: Fields | null | undefined): CellTab[] | null {
  const list = head?.cellTabs;
  if (!Array.isArray(list)) return null;
  return list.flatMap((item) => {
    if (!isMap(item) || typeof item.key !== 'string') return [];
    return [
      {
        key: item.key,
        read: typeof item.read === 'string' ? item.read : '',
        cells: typeof item.cells === 'string' ? item.cells : '',
        chunks: strings(item.chunks),
      },
    ];
  });
}

/** The digests the head's cellTabs carry, as SyncHead.tabs. */
export function tabStatesOf(tabs: readonly CellTab[]): TabStates {
  return Object.fromEntries(tabs.map((t) => [t.key, { read: t.read, cells: t.cells }]));
}

export function cellTabFields(tabs: readonly CellTab[]): FieldValue {
  return tabs.map((t) => ({ key: t.key, read: t.read, cells: t.cells, chunks: t.chunks }));
}

/** What a save writes of the cells: the tabs' list for the head, new chunks, and chunks no longer named. */
export interface PlannedCellTabs {
  tabs: CellTab[];
  planned: PlannedChunks[];
  stale: string[];
}

/**
 * The cells of a record about to become the head's, per tab: a tab whose cells digest is the one the
 * head already names keeps its chunks; every other tab's cells get new chunks. Null when the cells are
 * not in one run per tab (they then stay in the record, as before issue 22).
 */
export function planCellTabs(
  at: At,
  cells: readonly ScoreEntry[],
  states: TabStates | undefined,
  prior: readonly CellTab[],
): PlannedCellTabs | null {
  const runs = runsByTab(cells);
  if (!runs) return null;
  const before = new Map(prior.map((t) => [t.key, t]));
  const tabs: CellTab[] = [];
  const planned: PlannedChunks[] = [];
  const keep = new Set<string>();
  for (const [key, run] of runs) {
    const state = states?.[key];
    const had = before.get(key);
    if (state && had && state.cells !== '' && had.cells === state.cells) {
      tabs.push({ ...had, read: state.read });
      for (const path of had.chunks) keep.add(path);
      continue;
    }
    const chunks = planTextChunks(at('cells', docId(key)), packCells(run));
    planned.push(chunks);
    tabs.push({ key, read: state?.read ?? '', cells: state?.cells ?? '', chunks: chunks.paths });
  }
  // Tabs with no cell typed: their read digest still tells the next sync whether they moved.
  for (const [key, state] of Object.entries(states ?? {})) {
    if (!runs.has(key)) tabs.push({ key, read: state.read, cells: state.cells, chunks: [] });
  }
  const stale = prior.flatMap((t) => t.chunks).filter((path) => !keep.has(path));
  return { tabs, planned, stale };
}

/** The cells grouped by tab, in order; null when a tab's cells are not in one run. */
function runsByTab(cells: readonly ScoreEntry[]): Map<string, ScoreEntry[]> | null {
  const runs = new Map<string, ScoreEntry[]>();
  let current = '';
  let run: ScoreEntry[] = [];
  for (const cell of cells) {
    const key = tabKey(cell);
    if (key !== current) {
      if (runs.has(key)) return null;
      run = [];
      runs.set(key, run);
      current = key;
    }
    run.push(cell);
  }
  return runs;
}

/** The tabs whose cells a read wants (every one when `wanted` is absent). */
export function wantedTabs(tabs: readonly CellTab[], wanted: ReadonlySet<string> | undefined): CellTab[] {
  return tabs.filter((t) => t.chunks.length > 0 && (!wanted || wanted.has(t.key)));
}

/** The cells of the tabs read (their chunk documents, one group per tab, in order), joined. */
export async function joinCellTabs(groups: readonly (readonly (Fields | null)[])[]): Promise<ScoreEntry[]> {
  const cells: ScoreEntry[] = [];
  for (const group of groups) {
    const run = await joinChunks<ScoreEntry[] | CellColumns>(group, 'cells');
    if (isCellColumns(run)) unpackCells(run, cells);
    else for (let i = 0; i < run.length; i++) cells.push(run[i] as ScoreEntry);
  }
  return cells;
}

function isMap(value: FieldValue | undefined): value is { [key: string]: FieldValue } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
