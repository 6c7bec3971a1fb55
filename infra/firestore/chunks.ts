import { storageUnavailable } from '../../shared/errors.ts';
import type { DocumentBackend, DocumentWrite, Fields } from './document-backend.ts';
import { packJson, unpackJson } from './sync-payload.ts';

/**
 * A value too large for one Firestore document, cut into chunk documents under `<base>/chunks/`.
 * Two forms, read alike:
 * - `text`: the JSON itself in string fields. What a sync stores (its record, the roster, the change
 *   lists) takes this form: it is written and read on every written sync, and gzip and base64 of it were
 *   half of that sync's CPU inside workerd (docs/benchmarks.md).
 * - `bytes`: gzipped JSON (a result version, written once per fix; and anything stored before `text`).
 */

/**
 * UTF-8 bytes per text chunk: under Firestore's 1 MiB per document with room for its name. In a REST
 * request body JSON escapes `"` and `\` as two bytes, so a chunk is at most twice this on the wire.
 */
const CHUNK_BYTES = 1_000_000;
/** Chunk bytes per commit: twice that stays under Firestore's 10 MiB per request. */
const COMMIT_BYTES = 4_500_000;

/** A value's chunk documents, not yet written: the caller commits them with the document naming them. */
export interface PlannedChunks {
  paths: string[];
  writes: DocumentWrite[];
  /** UTF-8 bytes of text in `writes`, at most (for commitChunked). */
  bytes: number;
}

const encoder = new TextEncoder();

/** The JSON of `value` cut into text chunks under `<base>/chunks/` (no gzip, no base64). */
export function planTextChunks(base: string, value: unknown): PlannedChunks {
  const json = JSON.stringify(value);
  const saveId = crypto.randomUUID();
  const paths: string[] = [];
  const writes: DocumentWrite[] = [];
  let bytes = 0;
  // Made only when a value is too large for one chunk: its pieces are then measured in it.
  let scratch: Uint8Array | undefined;
  const buffer = () => (scratch ??= new Uint8Array(CHUNK_BYTES));
  for (let at = 0; at < json.length || paths.length === 0; ) {
    const piece = cutAt(json, at, buffer);
    const path = `${base}/chunks/${saveId}-${String(paths.length).padStart(4, '0')}`;
    paths.push(path);
    writes.push({ op: 'set', path, fields: { text: json.slice(at, piece.end) } });
    bytes += piece.bytes;
    at = piece.end;
  }
  return { paths, writes, bytes };
}

/**
 * Where the chunk starting at `at` ends: as many UTF-16 units as fit CHUNK_BYTES of UTF-8, never half
 * a character (encodeInto stops before one that does not fit). A short rest needs no encoding.
 */
function cutAt(json: string, at: number, buffer: () => Uint8Array): { end: number; bytes: number } {
  const left = json.length - at;
  if (left * 3 <= CHUNK_BYTES) return { end: json.length, bytes: left * 3 };
  const { read, written } = encoder.encodeInto(json.slice(at, at + CHUNK_BYTES), buffer());
  return { end: at + read, bytes: written };
}

/**
 * Commits planned chunks together with `last` (the documents that name them, deletes of stale chunks):
 * one atomic commit when they fit one request, which is every sync below national scale; otherwise the
 * chunks first, a few per commit, and `last` after them, so a reader never follows a name to missing chunks.
 * A `create` in `last` goes first in the single commit: the emulator applies writes one by one, so a
 * failed create then leaves nothing behind, as production Firestore's atomic commit does.
 */
export async function commitChunked(
  backend: DocumentBackend,
  planned: readonly PlannedChunks[],
  last: readonly DocumentWrite[],
): Promise<void> {
  const chunkWrites = planned.flatMap((p) => p.writes);
  const bytes = planned.reduce((n, p) => n + p.bytes, 0);
  if (bytes <= COMMIT_BYTES && chunkWrites.length + last.length <= 500) {
    const creates = last.filter((w) => w.op === 'create');
    await backend.commit([...creates, ...chunkWrites, ...last.filter((w) => w.op !== 'create')]);
    return;
  }
  const perCommit = Math.floor(COMMIT_BYTES / CHUNK_BYTES);
  for (let i = 0; i < chunkWrites.length; i += perCommit) {
    await backend.commit(chunkWrites.slice(i, i + perCommit));
  }
  await backend.commit([...last]);
}

/** Deletes of chunk documents (stale once a newer save names others). */
export function deletesOf(paths: readonly string[]): DocumentWrite[] {
  return paths.map((path) => ({ op: 'delete' as const, path }));
}

/**
 * A value gzipped and cut into chunk documents (`bytes`), written first, a few per commit (each request
 * stays under Firestore's 10 MiB); the caller then writes the document that names them. For what is
 * written rarely and kept whole: a fixed result version.
 */
export async function writeChunks(backend: DocumentBackend, base: string, value: unknown): Promise<string[]> {
  const chunks = await packJson(value);
  const saveId = crypto.randomUUID();
  const paths = chunks.map((_, i) => `${base}/chunks/${saveId}-${String(i).padStart(4, '0')}`);
  for (let i = 0; i < chunks.length; i += 8) {
    await backend.commit(
      chunks
        .slice(i, i + 8)
        .map((bytes, j) => ({ op: 'set' as const, path: paths[i + j] ?? '', fields: { bytes } })),
    );
  }
  return paths;
}

/** The value written in either form, from the chunk paths its document names (null when it names none). */
export async function readChunks<T>(
  backend: DocumentBackend,
  paths: readonly string[],
  what: string,
): Promise<T | null> {
  if (paths.length === 0) return null;
  return joinChunks<T>(await backend.getMany([...paths]), what);
}

/**
 * Several values' chunk documents in ONE read (a Worker may make only so many subrequests): the
 * documents of each group of paths, in order.
 */
export async function readChunkGroups(
  backend: DocumentBackend,
  groups: readonly (readonly string[])[],
): Promise<(Fields | null)[][]> {
  const all = await backend.getMany(groups.flat());
  let at = 0;
  return groups.map((paths) => {
    at += paths.length;
    return all.slice(at - paths.length, at);
  });
}

/** The value held by chunk documents already read, in either form. */
export async function joinChunks<T>(chunks: readonly (Fields | null)[], what: string): Promise<T> {
  const texts = chunks.map((c) => c?.text);
  if (texts.every((t) => typeof t === 'string')) return JSON.parse(texts.join('')) as T;
  const bytes = chunks.map((c) => c?.bytes).filter((b) => b instanceof Uint8Array);
  if (bytes.length !== chunks.length) throw storageUnavailable(new Error(`chunks: missing: ${what}`));
  return unpackJson<T>(bytes);
}

/** The strings of a field that should hold a list of them (chunk paths). */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}
