import { type ResultRecord, summaryOf } from '../../shared/domain/record.ts';
import type { ResultRecords } from '../../shared/ports.ts';
import { readChunks, strings, writeChunks } from './chunks.ts';
import { AlreadyExists, type DocumentWrite, type Fields } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/**
 * Result versions on Firestore. A national record (3,500 entries, ~75,000 cells) is several MB: like a
 * sync record it is gzipped into chunks, written first; the head document that points to them is then
 * *created* (never set), so a version number can be taken only once.
 */
export function createRecordDocuments(scope: DocumentScope): ResultRecords {
  const { backend, at, stamp } = scope;
  const readChunkField = (fields: Fields | null | undefined) =>
    readChunks<ResultRecord>(backend, strings(fields?.chunks), 'record');
  const versionPath = (version: number) => at('results', String(version).padStart(6, '0'));
  return {
    async saveVersion(record) {
      const head = versionPath(record.version);
      const chunkPaths = await writeChunks(backend, head, record);
      // The sync head names the newest version's chunks, so a sync reads them with its other inputs.
      return createHead(scope, head, { version: record.version }, chunkPaths, [
        stamp({ fixed: { version: record.version, chunks: chunkPaths } }),
      ]);
    },
    async listVersions() {
      const docs = await backend.query({
        collection: at('results'),
        orderBy: { field: 'version', direction: 'asc' },
      });
      // Derived from each hashed record, never from a field beside it that nothing checks (a head written
      // by an earlier juri still has one; it is ignored). A competition has a handful of versions.
      const records = await Promise.all(docs.map((d) => readChunkField(d.fields)));
      return records.flatMap((r) => (r ? [summaryOf(r)] : []));
    },
    async getVersion(version) {
      return readChunkField(await backend.get(versionPath(version)));
    },
    async latestVersion() {
      const [last] = await backend.query({
        collection: at('results'),
        orderBy: { field: 'version', direction: 'desc' },
        limit: 1,
      });
      return readChunkField(last?.fields);
    },
  };
}

/** Creates the head document; when the create loses, our chunks are removed again. */
async function createHead(
  { backend }: DocumentScope,
  headPath: string,
  fields: Fields,
  chunkPaths: string[],
  also: DocumentWrite[] = [],
): Promise<boolean> {
  try {
    await backend.commit([
      { op: 'create', path: headPath, fields: { ...fields, chunks: chunkPaths } },
      ...also,
    ]);
    return true;
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
    await backend.commit(chunkPaths.map((p) => ({ op: 'delete' as const, path: p })));
    return false;
  }
}
