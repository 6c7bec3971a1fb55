import { firestore, type firestore_v1 } from '@googleapis/firestore';
import { storageUnavailable } from '../../shared/errors.ts';
import type { Store } from '../../shared/ports.ts';
import {
  AlreadyExists,
  type DocumentBackend,
  type DocumentWrite,
  type Fields,
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

/** The store for Cloudflare Workers: Firestore's REST API through @googleapis/firestore (no gRPC in workerd). */
export function createFirestoreRestStore(opts: FirestoreRestOptions): Store {
  return createDocumentStore(restBackend(opts));
}

/** The four document operations on the REST API (exported for tests that count document reads). */
export function restBackend(opts: FirestoreRestOptions): DocumentBackend {
  // No client-side retries: a Worker request has a small time budget, and a 503 makes the sender retry,
  // which lands exactly once.
  const api = firestore({ version: 'v1', retry: false, ...(opts.rootUrl ? { rootUrl: opts.rootUrl } : {}) });
  const documents = api.projects.databases.documents;
  const database = `projects/${opts.projectId}/databases/${opts.databaseId ?? '(default)'}`;
  const name = (path: string) => `${database}/documents/${path}`;
  const relative = (full: string | null | undefined) => (full ?? '').slice(`${database}/documents/`.length);
  const headers = async () => ({ Authorization: `Bearer ${await opts.getAccessToken()}` });

  async function getMany(paths: string[]): Promise<(Fields | null)[]> {
    if (paths.length === 0) return [];
    const res = await documents.batchGet(
      { database, requestBody: { documents: paths.map(name) } },
      { headers: await headers() },
    );
    const found = new Map<string, Fields>();
    for (const item of asArray<firestore_v1.Schema$BatchGetDocumentsResponse>(res.data)) {
      if (item.found?.name) found.set(relative(item.found.name), fromRestFields(item.found.fields));
    }
    return paths.map((p) => found.get(p) ?? null);
  }

  return {
    get: (path) => guard(async () => (await getMany([path]))[0] ?? null),
    getMany: (paths) => guard(() => getMany(paths)),
    query: (query) =>
      guard(async () => {
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
        const res = await documents.runQuery(
          { parent, requestBody: { structuredQuery } },
          { headers: await headers() },
        );
        return asArray<firestore_v1.Schema$RunQueryResponse>(res.data).flatMap((item) =>
          item.document?.name
            ? [
                {
                  path: relative(item.document.name),
                  fields: fromRestFields(item.document.fields),
                },
              ]
            : [],
        );
      }),
    commit: (writes) =>
      guard(async () => {
        await documents.commit(
          { database, requestBody: { writes: writes.map((w) => toRestWrite(w, name)) } },
          { headers: await headers() },
        );
      }),
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

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classify(error);
  }
}

function classify(error: unknown): unknown {
  const response =
    typeof error === 'object' && error !== null && 'response' in error ? error.response : undefined;
  const status =
    typeof response === 'object' && response !== null && 'status' in response ? Number(response.status) : 0;
  const data =
    typeof response === 'object' && response !== null && 'data' in response ? response.data : undefined;
  const grpcStatus = errorStatus(data);
  // Gaxios errors carry the request config; anything else is a bug, not an outage.
  const fromHttp = typeof error === 'object' && error !== null && 'config' in error;
  if (!fromHttp) return error;
  if (status === 409 && grpcStatus !== 'ABORTED') return new AlreadyExists({ cause: error });
  // No response at all is a network failure; 5xx, 429 and gRPC's transient statuses ask for a retry.
  if (!response || status >= 500 || status === 429 || TRANSIENT_REST_STATUSES.has(grpcStatus)) {
    return storageUnavailable(error);
  }
  return error;
}

function errorStatus(data: unknown): string {
  if (typeof data !== 'object' || data === null || !('error' in data)) return '';
  const inner = data.error;
  return typeof inner === 'object' && inner !== null && 'status' in inner ? String(inner.status) : '';
}
