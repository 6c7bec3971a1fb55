import { storageUnavailable } from '../../shared/errors.ts';
import type { DocumentBackend } from './document-backend.ts';
import { packJson, unpackJson } from './sync-payload.ts';

/**
 * A value too large for one Firestore document (a sync record, a result version, the roster, the change
 * tail), gzipped and cut into chunk documents under `<base>/chunks/`. The chunks are written first, a
 * few per commit (each request stays under Firestore's 10 MiB); the caller then writes the document that
 * names them, so a reader never follows it to chunks that are not there yet.
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

/** The value written by writeChunks, from the chunk paths its document names (null when it names none). */
export async function readChunks<T>(
  backend: DocumentBackend,
  paths: readonly string[],
  what: string,
): Promise<T | null> {
  if (paths.length === 0) return null;
  const chunks = await backend.getMany([...paths]);
  const bytes = chunks.map((c) => c?.bytes).filter((b) => b instanceof Uint8Array);
  if (bytes.length !== paths.length) throw storageUnavailable(new Error(`${what} chunks missing`));
  return unpackJson<T>(bytes);
}

/** The strings of a field that should hold a list of them (chunk paths). */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}
