import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import type { TabStates } from '../../shared/domain/tab-digests.ts';
import type { ScoreSheet, SyncHead, SyncInputs, SyncRecord } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';

/** Who this sync is and what it has cost so far: fixed before its first step. */
export interface SyncRun {
  /** The store's head as this sync found it (null before any sync or input). */
  head: SyncHead | null;
  id: string;
  sequence: number;
  startedAt: string;
  /** The Sheet requests made since the run began. */
  spent: () => { reads: number; writes: number };
}

/**
 * What the steps have learnt so far, for the record of a sync that fails midway: each field is set by
 * the step that learns it and stays unset (or empty) when the sync fails before.
 */
export interface SyncSoFar {
  inputHash: string;
  /** The judged cells this read holds, once taken apart. */
  readCells?: ScoreEntry[] | undefined;
  /** The last full record, once syncInputs answered and the read parsed. */
  last?: SyncRecord | null | undefined;
  inputs?: SyncInputs | undefined;
  /** What this read changed since the last record: appended to the log with the record that saw it. */
  changes: ScoreChange[];
  /** The digests of each juror tab's read and cells, saved with the record. */
  tabs?: TabStates | undefined;
  /** `last` holds the cells of the moved tabs only. */
  cellsPartial: boolean;
}

export async function beginRun({ stores, clock }: Services, sheet: ScoreSheet): Promise<SyncRun> {
  const head = await stores.syncLog.syncHead();
  const sequence = (head?.sequence ?? 0) + 1;
  const id = `sync-${String(sequence).padStart(9, '0')}`;
  const startedAt = clock.now().toISOString();
  const before = sheet.requestCount();
  const spent = () => {
    const now = sheet.requestCount();
    return { reads: now.reads - before.reads, writes: now.writes - before.writes };
  };
  return { head, id, sequence, startedAt, spent };
}

export function nothingLearnt(): SyncSoFar {
  return { inputHash: '', changes: [], cellsPartial: false };
}

/**
 * The inputs are as before (`inputHash`): only the head moves, and the last full record, with its
 * result, stays the one the pages read.
 */
export async function saveUnchanged(
  { stores, clock }: Services,
  run: SyncRun,
  inputHash: string,
  readHash: string,
): Promise<SyncRecord> {
  const { id, sequence, startedAt, head } = run;
  const record = {
    id,
    sequence,
    status: 'unchanged' as const,
    startedAt,
    finishedAt: clock.now().toISOString(),
    inputHash,
    requests: run.spent(),
  };
  await stores.syncLog.saveUnchanged({
    ...record,
    readHash,
    ...(head?.sheetState ? { sheetState: head.sheetState } : {}),
    ...(head?.tabs ? { tabs: head.tabs } : {}),
  });
  return record;
}
