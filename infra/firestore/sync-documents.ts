import type { SyncHead, SyncLog, SyncRecord, SyncStatus } from '../../shared/ports.ts';
import { emptyHead, type HeadOfSync, headOfRecord, overlayHead, syncOrder } from '../sync-head.ts';
import { commitChunked, deletesOf, planTextChunks, readChunks, strings } from './chunks.ts';
import {
  type DocumentBackend,
  type DocumentWrite,
  docId,
  type Fields,
  type FieldValue,
} from './document-backend.ts';

type Path = (competition: string, ...parts: string[]) => string;

/**
 * The sync log on Firestore. `heads/sync` is the one document a sync reads first: the last sync's head,
 * the path of the last full record's chunks (so lastSync needs no query), and `inputsStamp`, which the
 * intake and result writes change in their own commits. Sync writes and stamp writes name disjoint
 * fields (a field-mask merge), so neither ever overwrites the other.
 */
export function createSyncDocuments(
  backend: DocumentBackend,
  path: Path,
): Omit<SyncLog, 'syncRoster'> & { stamp(competition: string): DocumentWrite } {
  const headPath = (competition: string) => path(competition, 'heads', 'sync');

  /** The records saved before the head existed: the newest sync document, found by a query. */
  async function newestSyncDoc(competition: string, field: 'order' | 'finishedAt') {
    const [last] = await backend.query({
      collection: path(competition, 'syncs'),
      orderBy: { field, direction: 'desc' },
      limit: 1,
    });
    return last;
  }

  function headWrite(competition: string, head: HeadOfSync, record?: { chunks: string[] }): DocumentWrite {
    return {
      op: 'merge',
      path: headPath(competition),
      fields: {
        id: head.id,
        sequence: head.sequence,
        status: head.status,
        startedAt: head.startedAt,
        finishedAt: head.finishedAt,
        readHash: head.readHash,
        inputHash: head.inputHash,
        sheetState: head.sheetState ?? null,
        requests: head.requests ?? null,
        order: syncOrder(head),
        ...(record ? { recordId: head.id, recordChunks: record.chunks } : {}),
      },
    };
  }

  return {
    stamp: (competition) => ({
      op: 'merge',
      path: headPath(competition),
      fields: { inputsStamp: crypto.randomUUID() },
    }),
    async syncHead(competition) {
      const fields = await backend.get(headPath(competition));
      const inputsStamp = typeof fields?.inputsStamp === 'string' ? fields.inputsStamp : '';
      if (fields && typeof fields.order === 'string') return { ...toHead(fields), inputsStamp };
      const legacy = await newestSyncDoc(competition, 'order');
      if (legacy) return { ...legacyHead(legacy.fields), inputsStamp };
      return fields ? emptyHead(inputsStamp) : null;
    },
    async saveSync(competition, sync, options) {
      const syncPath = path(competition, 'syncs', docId(sync.id));
      const head = await backend.get(headPath(competition));
      const headOrder = typeof head?.order === 'string' ? head.order : '';
      const order = syncOrder(sync);
      const moves = order >= headOrder;
      // The head names the chunks of the record it points to; any other earlier save of this id is
      // rare (a redo of an older sync, or data from before the head) and is looked up.
      const stale =
        moves && head?.recordId === sync.id
          ? strings(head.recordChunks)
          : moves && headOrder !== ''
            ? []
            : strings((await backend.get(syncPath))?.chunks);
      // The record's chunks, the record and the head in one commit (chunks first when they need several).
      const chunks = planTextChunks(syncPath, sync);
      const record: DocumentWrite = {
        op: 'set',
        path: syncPath,
        fields: {
          id: sync.id,
          startedAt: sync.startedAt,
          finishedAt: sync.finishedAt,
          status: sync.status,
          inputHash: sync.inputHash,
          order,
          chunks: chunks.paths,
        },
      };
      await commitChunked(
        backend,
        [chunks],
        moves
          ? [
              record,
              headWrite(competition, headOfRecord(sync, options?.readHash ?? ''), { chunks: chunks.paths }),
              ...deletesOf(stale),
            ]
          : [record, ...deletesOf(stale)],
      );
    },
    async saveUnchanged(competition, head) {
      await backend.commit([headWrite(competition, head)]);
    },
    async lastSync(competition) {
      const head = await backend.get(headPath(competition));
      let paths = strings(head?.recordChunks);
      if (paths.length === 0) {
        // Records saved before `order` existed are only found by finishedAt (a query skips documents
        // without the field); every later record has it and a higher sequence.
        const last =
          (await newestSyncDoc(competition, 'order')) ?? (await newestSyncDoc(competition, 'finishedAt'));
        paths = strings(last?.fields.chunks);
      }
      const record = await readChunks<SyncRecord>(backend, paths, 'sync');
      if (!record) return null;
      return overlayHead(record, head && typeof head.order === 'string' ? toHead(head) : null);
    },
  };
}

function toHead(fields: Fields): HeadOfSync {
  const sheetState = fields.sheetState;
  const requests = fields.requests;
  return {
    id: String(fields.id ?? ''),
    sequence: Number(fields.sequence ?? 0),
    status: String(fields.status ?? 'unchanged') as SyncStatus,
    startedAt: String(fields.startedAt ?? ''),
    finishedAt: String(fields.finishedAt ?? ''),
    readHash: String(fields.readHash ?? ''),
    inputHash: String(fields.inputHash ?? ''),
    ...(isMap(sheetState) ? { sheetState: sheetState as Record<string, number> } : {}),
    ...(isMap(requests) ? { requests: requests as unknown as SyncRecord['requests'] } : {}),
  };
}

/** A head made from a sync document saved before heads existed: no fast-path key, so it never matches. */
function legacyHead(fields: Fields): Omit<SyncHead, 'inputsStamp'> {
  const order = typeof fields.order === 'string' ? fields.order : '';
  return {
    id: String(fields.id ?? ''),
    sequence: Number(order.split('|')[0] ?? 0) || 0,
    status: String(fields.status ?? 'unchanged') as SyncStatus,
    startedAt: String(fields.startedAt ?? ''),
    finishedAt: String(fields.finishedAt ?? ''),
    readHash: '',
    inputHash: String(fields.inputHash ?? ''),
  };
}

function isMap(value: FieldValue | undefined): value is { [key: string]: FieldValue } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
