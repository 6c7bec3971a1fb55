import type { TabStates } from '../shared/domain/tab-digests.ts';
import type { SyncHead, SyncRecord } from '../shared/ports.ts';

/** What a sync head says about its sync: everything but the inputs' stamp. */
export type HeadOfSync = Omit<SyncHead, 'inputsStamp'>;

/** Sorts as lastSync wants: sequence, then finishedAt, then id (the sequence is at most 12 digits). */
export function syncOrder(sync: { sequence?: number; finishedAt: string; id: string }): string {
  return `${String(sync.sequence ?? 0).padStart(12, '0')}|${sync.finishedAt}|${sync.id}`;
}

export function headOfRecord(sync: SyncRecord, readHash: string, tabs?: TabStates): HeadOfSync {
  return {
    id: sync.id,
    sequence: sync.sequence ?? 0,
    status: sync.status,
    startedAt: sync.startedAt,
    finishedAt: sync.finishedAt,
    readHash,
    inputHash: sync.inputHash,
    ...(sync.sheetState ? { sheetState: sync.sheetState } : {}),
    requests: sync.requests,
    ...(tabs ? { tabs } : {}),
  };
}

/** A head before any sync was saved: only the stamp is real, and the empty readHash never matches. */
export function emptyHead(inputsStamp: string): SyncHead {
  return {
    id: '',
    sequence: 0,
    status: 'unchanged',
    startedAt: '',
    finishedAt: '',
    readHash: '',
    inputHash: '',
    inputsStamp,
  };
}

/**
 * The last full record as the dashboard should show it: when an unchanged sync moved the head past it,
 * the head's sync is the last one, with the record's result (which it left as it was).
 */
export function overlayHead(record: SyncRecord, head: HeadOfSync | null): SyncRecord {
  if (!head || head.sequence === 0 || head.id === record.id) return record;
  const { message: _message, failure: _failure, ...rest } = record;
  return {
    ...rest,
    id: head.id,
    sequence: head.sequence,
    status: head.status,
    startedAt: head.startedAt,
    finishedAt: head.finishedAt,
    ...(head.requests ? { requests: head.requests } : {}),
  };
}
