import type { DocumentData, Firestore, Query } from '@google-cloud/firestore';
import { AppError, storageUnavailable } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { StoreAdapter } from '../../shared/ports.ts';
import {
  AlreadyExists,
  type DocumentBackend,
  type Fields,
  type FieldValue,
  NotFound,
  TRANSIENT_GRPC_CODES,
} from './document-backend.ts';
import { createDocumentStore } from './document-store.ts';

const ALREADY_EXISTS = 6;
const NOT_FOUND = 5;

/**
 * How long one store call may take before juri answers 503. With Firestore unreachable the client keeps
 * retrying for about 45 s (reads) or minutes (a commit): its reads are streams it retries five times
 * itself, with retry codes and timeouts of its own that its `clientConfig` setting does not reach, and
 * no call takes a deadline or a signal. So the deadline is kept here, around each call.
 */
export const DEFAULT_FIRESTORE_DEADLINE_MS = 5000;

export interface NodeStoreOptions {
  /** FIRESTORE_DEADLINE_MS; DEFAULT_FIRESTORE_DEADLINE_MS when absent. */
  deadlineMs?: number | undefined;
}

/** The store for Node and Cloud Functions, on the official gRPC client (ADC in production). */
export function createFirestoreStore(db: Firestore, options: NodeStoreOptions = {}): StoreAdapter {
  return createDocumentStore(nodeBackend(db, options));
}

/** The four document operations on the gRPC client (exported for tests that count document reads). */
export function nodeBackend(db: Firestore, options: NodeStoreOptions = {}): DocumentBackend {
  const deadlineMs = options.deadlineMs ?? DEFAULT_FIRESTORE_DEADLINE_MS;
  const guard = <T>(work: () => Promise<T>) => withinDeadline(deadlineMs, () => classified(work));
  return {
    get: (path) =>
      guard(async () => {
        const snapshot = await db.doc(path).get();
        return snapshot.exists ? fromData(snapshot.data()) : null;
      }),
    getMany: (paths) =>
      guard(async () => {
        if (paths.length === 0) return [];
        const snapshots = await db.getAll(...paths.map((p) => db.doc(p)));
        return snapshots.map((s) => (s.exists ? fromData(s.data()) : null));
      }),
    query: (query) =>
      guard(async () => {
        let q: Query = db.collection(query.collection);
        if (query.orderBy) q = q.orderBy(query.orderBy.field, query.orderBy.direction);
        if (query.limit !== undefined) q = q.limit(query.limit);
        const snapshot = await q.get();
        return snapshot.docs.map((d) => ({ path: d.ref.path, fields: fromData(d.data()) }));
      }),
    commit: (writes) =>
      guard(async () => {
        const batch = db.batch();
        for (const write of writes) {
          const ref = db.doc(write.path);
          if (write.op === 'create') batch.create(ref, write.fields);
          else if (write.op === 'set') batch.set(ref, write.fields);
          else if (write.op === 'update') batch.update(ref, write.fields);
          else if (write.op === 'merge') {
            batch.set(ref, write.fields, { mergeFields: Object.keys(write.fields) });
          } else batch.delete(ref);
        }
        await batch.commit();
      }),
  };
}

/** Buffers come back for bytes fields; the store works with plain Uint8Array. */
function fromData(data: DocumentData | undefined): Fields {
  return convert(data ?? {}) as Fields;
}

function convert(value: unknown): FieldValue {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/**
 * The call, or a 503 once `deadlineMs` passed without an answer. A call given up on may still land
 * later: every write juri makes is idempotent or guarded by a create, so the caller's retry lands once.
 */
async function withinDeadline<T>(deadlineMs: number, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(noAnswer(deadlineMs)), deadlineMs);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}

function noAnswer(deadlineMs: number): AppError {
  const seconds = Math.round(deadlineMs / 100) / 10;
  return new AppError(
    'storage_unavailable',
    bilingual('adapter.firestoreNoAnswer', { seconds: String(seconds) }),
    { detail: `firestore: no-answer: FIRESTORE_DEADLINE_MS=${deadlineMs}` },
  );
}

async function classified<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === ALREADY_EXISTS) throw new AlreadyExists({ cause: error });
    if (code === NOT_FOUND) throw new NotFound({ cause: error });
    if (typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code)) throw storageUnavailable(error);
    throw error;
  }
}
