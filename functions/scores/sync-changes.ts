import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { diffCells, type ScoreChange } from '../../shared/domain/score-changes.ts';
import { cellDigests, cellsOfTabs, changedTabs, type TabStates } from '../../shared/domain/tab-digests.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import { type StoreInputs, tabStates } from './sync-read.ts';
import type { SyncRun, SyncSoFar } from './sync-run.ts';
import type { Scores } from './sync-scores.ts';

/** The judged cells compared with the last record's: each juror tab's digests, and what changed. */
export interface Compared {
  tabs: TabStates;
  changes: ScoreChange[];
}

/**
 * Compares this read's judged cells with the last record's, noting in `soFar` each thing as soon as it
 * is known (a failed sync's record keeps the cells it read and the changes it saw).
 */
export async function compareWithLast(
  services: Services,
  run: SyncRun,
  scores: Scores,
  { inputs, moved }: StoreInputs,
  soFar: SyncSoFar,
): Promise<Compared> {
  const entries = scores.selected.entries;
  soFar.readCells = entries;
  // Rows placed by this sync were read again: `moved` speaks of the first read only.
  const asBefore = scores.rowsPlaced.length === 0 && sameJudged(inputs.last, scores);
  const digests = cellDigests(entries, unmovedDigests(run.head?.tabs, moved, asBefore));
  const tabs = tabStates(scores.read, digests);
  soFar.tabs = tabs;
  const seen = { at: run.startedAt, syncId: run.id, afterVersion: inputs.fixed?.version ?? null };
  const was = { last: inputs.last, tabs: run.head?.tabs, moved };
  const changes = await changesSince(services, was, { entries, digests }, seen);
  soFar.changes = changes;
  return { tabs, changes };
}

/**
 * The cells digests of the tabs whose read did not move since the head's record, which the head holds:
 * those cells are what they were then, as long as the same entries are judged (the tabs' read digests
 * take in the config, the layout, the language and the intake's stamp, but not the selection).
 */
function unmovedDigests(
  saved: TabStates | undefined,
  moved: ReadonlySet<string> | undefined,
  judgedAsBefore: boolean,
): Map<string, string> {
  const known = new Map<string, string>();
  if (!saved || !moved || !judgedAsBefore) return known;
  for (const [key, state] of Object.entries(saved))
    if (!moved.has(key) && state.cells !== '') known.set(key, state.cells);
  return known;
}

/**
 * Whether this sync judges the entries the last record's cells were taken with: the same ones passed
 * selection. A failed record carries an earlier record's selection beside its own read's cells: never.
 */
function sameJudged(last: SyncRecord | null, scores: Scores): boolean {
  if (!last || last.status === 'failed') return false;
  const now = scores.selected.record?.verdicts;
  const before = last.selection?.verdicts;
  if (!now || !before) return !now && !before;
  const passed = (verdicts: typeof now) => verdicts.filter((v) => v.outcome === 'pass').map((v) => v.id);
  const a = passed(now);
  const b = passed(before);
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The cells this read changed since the previous sync's, for the score change log. The very first sync
 * logs every typed cell as a first entry; a previous record from before the log existed (no cells) is
 * taken as the baseline instead, so an upgrade does not log everything at once. Only the tabs whose
 * cells digest moved are compared; `last` holds the cells of the `moved` tabs (all when undefined), and
 * when a tab's cells changed although its read did not (the intake or the selection changed what it
 * holds), the whole last record is read again.
 */
async function changesSince(
  services: Services,
  was: { last: SyncRecord | null; tabs: TabStates | undefined; moved: ReadonlySet<string> | undefined },
  { entries, digests }: { entries: ScoreEntry[]; digests: ReadonlyMap<string, string> },
  seen: { at: string; syncId: string; afterVersion: number | null },
): Promise<ScoreChange[]> {
  const { last, moved } = was;
  if (!last) return diffCells([], entries, seen);
  const changed = last.cells && was.tabs ? changedTabs(was.tabs, digests) : null;
  if (!changed) {
    const before = moved ? (await services.stores.syncLog.lastSync())?.cells : last.cells;
    return before ? diffCells(before, entries, seen) : [];
  }
  const complete = !moved || [...changed].every((tab) => moved.has(tab));
  const before = complete ? last.cells : (await services.stores.syncLog.lastSync())?.cells;
  return diffCells(cellsOfTabs(before ?? [], changed), cellsOfTabs(entries, changed), seen);
}
