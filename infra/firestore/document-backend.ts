// Re-exported: the Firestore stores import it from here.

/** The JSON-like values juri keeps in Firestore documents (bytes for compressed payloads). */
export type FieldValue =
  | null
  | boolean
  | number
  | string
  | Uint8Array
  | FieldValue[]
  | { [key: string]: FieldValue };
export type Fields = { [key: string]: FieldValue };

export interface StoredDocument {
  path: string;
  fields: Fields;
}

/**
 * One write of an atomic commit. Two preconditions, both of which the emulator enforces too: `create`
 * fails the commit with AlreadyExists when the document exists, `update` with NotFound when it
 * does not (an intake's unread create relies on that: infra/firestore/innovation-documents.ts).
 */
export type DocumentWrite =
  | { op: 'create'; path: string; fields: Fields }
  | { op: 'set'; path: string; fields: Fields }
  /** Replaces only the given top-level fields of an existing document. */
  | { op: 'update'; path: string; fields: Fields }
  /**
   * Replaces only the given top-level fields, creating the document when missing: fields it does not
   * name (a concurrent writer's) are kept. A field is cleared by writing null, never by leaving it out.
   */
  | { op: 'merge'; path: string; fields: Fields }
  | { op: 'delete'; path: string };

export interface DocumentQuery {
  /** Full collection path, e.g. competitions/c1/numbers. */
  collection: string;
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
}

/** The few document operations the store needs, implemented once per Firestore client. */
export interface DocumentBackend {
  get(path: string): Promise<Fields | null>;
  getMany(paths: string[]): Promise<(Fields | null)[]>;
  query(query: DocumentQuery): Promise<StoredDocument[]>;
  commit(writes: DocumentWrite[]): Promise<void>;
}

/** Plain data → document fields; undefined properties are dropped as JSON would drop them. */
export function toFields(value: object): Fields {
  return JSON.parse(JSON.stringify(value)) as Fields;
}

/** A `create` precondition failed: the document already exists. */
export class AlreadyExists extends Error {
  constructor(options?: { cause?: unknown }) {
    super('firestore: already-exists', options);
    this.name = 'AlreadyExists';
  }
}

/** An `update` precondition failed: the document does not exist. */
export class NotFound extends Error {
  constructor(options?: { cause?: unknown }) {
    super('firestore: not-found', options);
    this.name = 'NotFound';
  }
}

/** gRPC status codes (numeric for the Node client, names for REST) that mean "retry later". */
export const TRANSIENT_GRPC_CODES = new Set([4, 8, 10, 13, 14]);
export const TRANSIENT_REST_STATUSES = new Set([
  'DEADLINE_EXCEEDED',
  'RESOURCE_EXHAUSTED',
  'ABORTED',
  'INTERNAL',
  'UNAVAILABLE',
]);

/**
 * A Firestore document id for any string: ids may not contain "/", be "." or "..", or look like __x__, and a
 * "%" would be decoded again when the id travels in a REST URL. So percent-encode, then write "~" for "%"
 * (after escaping "~" itself): injective, and safe in both gRPC names and URLs.
 */
export function docId(name: string): string {
  return encodeURIComponent(name)
    .replace(/~/g, '%7E')
    .replace(/\./g, '%2E')
    .replace(/^_/, '%5F')
    .replace(/%/g, '~');
}

/** A document's path under the one competition a port is bound to: `at('heads', 'sync')`. */
export type At = (...parts: string[]) => string;

/** The path maker for one competition's documents: competitions/{id}/… */
export function competitionPath(competition: string): At {
  return (...parts) => ['competitions', docId(competition), ...parts].join('/');
}
