import type { TabStates } from '../../../shared/domain/tab-digests.ts';
import type { SyncInputs, SyncLog, SyncRecord } from '../../../shared/ports.ts';
import { emptyHead, type HeadOfSync, headOfRecord, overlayHead, syncOrder } from '../../sync-head.ts';
import { readRejections } from './archive.ts';
import { cellTabRefs, planCellTabs, putCellTabs, recordOfRow } from './cell-tabs.ts';
import { changeAppender, listChanges } from './change-log.ts';
import { guard } from './database.ts';
import { readInnovations } from './innovations.ts';
import { newestVersion } from './records.ts';
import type { SqliteScope } from './statements.ts';

/** The sync log in SQLite: the syncs table and one head row, moved in the sync's own transaction. */
export function sqliteSyncLog(scope: SqliteScope): SyncLog {
  const { db, s, competition } = scope;
  const appendChanges = changeAppender(scope);
  const saveSync = db.transaction((sync: SyncRecord, readHash: string, tabs?: TabStates) => {
    const head = s.syncLog.getHead.get(competition);
    // The head's record names the rows of the tabs whose cells this one has unchanged.
    const prior = head?.record_id ? s.syncLog.getCellTabs.get(competition, head.record_id) : undefined;
    const planned = planCellTabs(sync.id, sync.cells, tabs, cellTabRefs(prior?.cell_tabs));
    if (planned) putCellTabs(scope, planned);
    // The cells' place in the record is kept (an empty list), so it reads back with its keys in order.
    const data = JSON.stringify(planned ? { ...sync, cells: [] } : sync);
    const refs = planned ? JSON.stringify(planned.refs) : null;
    s.syncLog.putSync.run(competition, sync.id, sync.finishedAt, sync.sequence ?? 0, data, refs);
    const order = syncOrder(sync);
    if (head?.sync_order && order < head.sync_order) return;
    s.syncLog.moveHead.run(competition, order, sync.id, JSON.stringify(headOfRecord(sync, readHash, tabs)));
  });
  /** A sync's record and its changes, in one transaction. */
  const saveLogged = db.transaction(
    (
      sync: SyncRecord,
      readHash: string,
      changes: Parameters<typeof appendChanges>[1],
      tabs: TabStates | undefined,
    ) => {
      appendChanges(sync.id, changes);
      saveSync(sync, readHash, tabs);
    },
  );
  const inputs = db.transaction(
    (tail: number, tabs: ReadonlySet<string> | undefined): SyncInputs => ({
      roster: { innovations: readInnovations(scope), rejections: readRejections(scope) },
      fixed: newestVersion(scope),
      last: lastRecord(scope, tabs),
      changes: listChanges(scope, tail),
    }),
  );
  return {
    async syncHead() {
      return guard(() => {
        const head = s.syncLog.getHead.get(competition);
        const inputsStamp = head?.inputs_stamp ?? '';
        if (head?.data) return { ...(JSON.parse(head.data) as HeadOfSync), inputsStamp };
        // A file from before the head: its newest record stands in until the next saveSync.
        const row = s.syncLog.lastSync.get(competition);
        if (row) return { ...headOfRecord(JSON.parse(row.data) as SyncRecord, ''), inputsStamp };
        return head ? emptyHead(inputsStamp) : null;
      });
    },
    async saveSync(sync, options) {
      guard(() => saveLogged.immediate(sync, options?.readHash ?? '', options?.changes ?? [], options?.tabs));
    },
    async saveUnchanged(head) {
      guard(() => s.syncLog.moveHead.run(competition, syncOrder(head), null, JSON.stringify(head)));
    },
    async lastSync() {
      return guard(() => lastRecord(scope));
    },
    async syncInputs(_head, tail, tabs) {
      // Rows are cheap to read here: no snapshot is needed, and one transaction keeps the lists in step.
      return guard(() => inputs.deferred(tail, tabs));
    },
  };
}

/** The last full record, with the cells of `tabs` only (all of them when absent), as syncInputs answers it. */
function lastRecord(scope: SqliteScope, tabs?: ReadonlySet<string>): SyncRecord | null {
  const { s, competition } = scope;
  const head = s.syncLog.getHead.get(competition);
  const row = head?.record_id
    ? s.syncLog.getSync.get(competition, head.record_id)
    : s.syncLog.lastSync.get(competition);
  if (!row) return null;
  const record = recordOfRow(scope, row, tabs);
  return overlayHead(record, head?.data ? (JSON.parse(head.data) as HeadOfSync) : null);
}
