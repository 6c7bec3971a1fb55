import type { firestore_v1 } from '@googleapis/firestore';
import { storageUnavailable } from '../../shared/errors.ts';
import type { StoreAdapter } from '../../shared/ports.ts';
import {
  AlreadyExists,
  type DocumentBackend,
  type DocumentWrite,
  type Fields,
  NotFound,
  TRANSIENT_REST_STATUSES,
} from './document-backend.ts';
import { createDocumentStore } from './document-store.ts';
import { fromRestFields, toRestFields } from './rest-values.ts';

export interface FirestoreRestOptions {
  projectId: string;
  /** "(default)" unless the project uses a named database. */
  databaseId?: string;
  /** Overrides the API host, e.g. the REST bridge in tests. Ends with "/". */
  rootUrl?: string;
  /** An OAuth access token with the datastore scope (minted with jose on Workers). */
  getAccessToken: () => Promise<string>;
}

/** The store for Cloudflare Workers: Firestore's REST API over `fetch` (no gRPC in workerd). */
export function createFirestoreRestStore(opts: FirestoreRestOptions): StoreAdapter {
  return createDocumentStore(restBackend(opts));
}

/**
 * The four document operations on the REST API (exported for tests that count document reads). Plain
 * `fetch`, not a generated client: each request is a Worker subrequest, and the client's request
 * machinery (option merges, query strings, response wrapping) cost more CPU than the request itself
 * (docs/benchmarks.md). No retries: a Worker request has a small time budget, and a 503 makes the
 * sender retry, which lands exactly once.
 */
export function restBackend(opts: FirestoreRestOptions): DocumentBackend {
  const root = opts.rootUrl ?? 'https://firestore.googleapis.com/';
  const database = `projects/${opts.projectId}/databases/${opts.databaseId ?? '(default)'}`;
  const name = (path: string) => `${database}/documents/${path}`;
  const relative = (full: string | null | undefined) => (full ?? '').slice(`${database}/documents/`.length);

  /** One POST to `v1/<resource>:<method>`, its JSON answer, failures classified. */
  async function call<T>(resource: string, method: string, body: unknown): Promise<T> {
    const token = await opts.getAccessToken();
    let response: Response;
    try {
      response = await fetch(`${root}v1/${resource}:${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      // No answer at all: a network failure, worth a retry.
      throw storageUnavailable(error);
    }
    const text = await response.text();
    if (!response.ok) throw classify(response.status, text);
    return (text === '' ? {} : JSON.parse(text)) as T;
  }

  async function getMany(paths: string[]): Promise<(Fields | null)[]> {
    if (paths.length === 0) return [];
    const answer = await call<unknown>(`${database}/documents`, 'batchGet', { documents: paths.map(name) });
    const found = new Map<string, Fields>();
    for (const item of asArray<firestore_v1.Schema$BatchGetDocumentsResponse>(answer)) {
      if (item.found?.name) found.set(relative(item.found.name), fromRestFields(item.found.fields));
    }
    return paths.map((p) => found.get(p) ?? null);
  }

  return {
    get: async (path) => (await getMany([path]))[0] ?? null,
    getMany,
    async query(query) {
      const cut = query.collection.lastIndexOf('/');
      const parent = cut < 0 ? `${database}/documents` : name(query.collection.slice(0, cut));
      const structuredQuery: firestore_v1.Schema$StructuredQuery = {
        from: [{ collectionId: query.collection.slice(cut + 1) }],
        ...(query.orderBy
          ? {
              orderBy: [
                {
                  field: { fieldPath: query.orderBy.field },
                  direction: query.orderBy.direction === 'desc' ? 'DESCENDING' : 'ASCENDING',
                },
              ],
            }
          : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
      };
      const answer = await call<unknown>(parent, 'runQuery', { structuredQuery });
      return asArray<firestore_v1.Schema$RunQueryResponse>(answer).flatMap((item) =>
        item.document?.name
          ? [{ path: relative(item.document.name), fields: fromRestFields(item.document.fields) }]
          : [],
      );
    },
    async commit(writes) {
      await call(`${database}/documents`, 'commit', { writes: writes.map((w) => toRestWrite(w, name)) });
    },
  };
}

function toRestWrite(write: DocumentWrite, name: (path: string) => string): firestore_v1.Schema$Write {
  if (write.op === 'delete') return { delete: name(write.path) };
  const update = { name: name(write.path), fields: toRestFields(write.fields) };
  if (write.op === 'create') return { update, currentDocument: { exists: false } };
  if (write.op === 'update') {
    return {
      update,
      updateMask: { fieldPaths: Object.keys(write.fields).map(quoteField) },
      currentDocument: { exists: true },
    };
  }
  if (write.op === 'merge') {
    return { update, updateMask: { fieldPaths: Object.keys(write.fields).map(quoteField) } };
  }
  return { update };
}

/** Field paths with anything but letters, digits and "_" are backquoted. */
function quoteField(field: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(field) ? field : `\`${field.replace(/[`\\]/g, '\\$&')}\``;
}

/** runQuery and batchGet answer with a JSON array of partial results. */
function asArray<T>(data: unknown): T[] {
  return Array.isArray(data) ? (data as T[]) : data ? [data as T] : [];
}

/** An answer that is not 2xx, as Firestore REST reports it. */
class FirestoreRestError extends Error {
  constructor(
    readonly status: number,
    readonly grpcStatus: string,
    message: string,
  ) {
    super(message);
    this.name = 'FirestoreRestError';
  }
}

function classify(status: number, text: string): Error {
  let grpcStatus = '';
  let message = text;
  try {
    const error = (JSON.parse(text) as { error?: { status?: unknown; message?: unknown } }).error;
    grpcStatus = String(error?.status ?? '');
    message = String(error?.message ?? text);
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  const error = new FirestoreRestError(status, grpcStatus, `Firestore ${status} ${grpcStatus}: ${message}`);
  if (status === 409 && grpcStatus !== 'ABORTED') return new AlreadyExists({ cause: error });
  if (status === 404 && grpcStatus === 'NOT_FOUND') return new NotFound({ cause: error });
  // 5xx, 429 and gRPC's transient statuses ask for a retry.
  if (status >= 500 || status === 429 || TRANSIENT_REST_STATUSES.has(grpcStatus)) {
    return storageUnavailable(error);
  }
  return error;
}
