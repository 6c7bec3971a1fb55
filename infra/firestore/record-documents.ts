import { type ResultRecord, summaryOf } from '../../shared/domain/record.ts';
import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import type { PublicResponse, PublicResponses, ResultRecords, ScoreChangeLog } from '../../shared/ports.ts';
import { createChangeTail, TAIL } from './change-tail.ts';
import { commitChunked, deletesOf, joinChunks, readChunks, strings, writeChunks } from './chunks.ts';
import {
  AlreadyExists,
  type DocumentBackend,
  type DocumentWrite,
  docId,
  type Fields,
  type Path,
} from './document-backend.ts';

/**
 * Result versions and the score change log on Firestore. A national record (3,500 entries, ~75,000
 * cells) is several MB: like a sync record it is gzipped into chunks, written first; the head document
 * that points to them is then *created* (never set), so a version number can be taken only once.
 */
export function createRecordDocuments(
  backend: DocumentBackend,
  path: Path,
  /** The sync head's stamp write: a fixed version is a sync input, changed in the version's own commit. */
  stamp: (competition: string, also?: Fields) => DocumentWrite,
): ResultRecords & ScoreChangeLog & PublicResponses {
  const readChunkField = <T>(fields: Fields | null | undefined, what: string) =>
    readChunks<T>(backend, strings(fields?.chunks), what);
  const tails = createChangeTail(backend, path);

  /** Creates the head document; when the create loses, our chunks are removed again. */
  async function createHead(
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

  /** One document per sync that saw changes: all of them are read only when more than the tail is asked. */
  async function listAll(
    competition: string,
    limit: number | undefined,
  ): Promise<{ changes: ScoreChange[]; total: number }> {
    const heads = await backend.query({
      collection: path(competition, 'scoreChanges'),
      orderBy: { field: 'syncId', direction: 'desc' },
    });
    const count = (h: (typeof heads)[number]) => (typeof h.fields.count === 'number' ? h.fields.count : 0);
    const total = heads.reduce((n, h) => n + count(h), 0);
    // Newest syncs first, just enough of them for `limit`; all their chunks in ONE read, since a
    // Worker may make only so many subrequests per invocation.
    const wanted: { paths: string[] }[] = [];
    let have = 0;
    for (const h of heads) {
      if (limit !== undefined && have >= limit) break;
      wanted.push({ paths: strings(h.fields.chunks) });
      have += count(h);
    }
    const all = await backend.getMany(wanted.flatMap((w) => w.paths));
    const changes: ScoreChange[] = [];
    let at = 0;
    for (const w of wanted) {
      const chunks = all.slice(at, at + w.paths.length);
      at += w.paths.length;
      changes.push(...(await joinChunks<ScoreChange[]>(chunks, 'change')).reverse());
    }
    return { changes: limit === undefined ? changes : changes.slice(0, limit), total };
  }

  const headPath = (competition: string) => path(competition, 'heads', 'sync');

  async function listScoreChanges(
    competition: string,
    limit?: number,
  ): Promise<{ changes: ScoreChange[]; total: number }> {
    if (limit !== undefined && limit <= TAIL) {
      const tail = await tails.readTail(competition, await backend.get(headPath(competition)));
      if (tail) return { changes: tail.changes.slice(0, Math.max(0, limit)), total: tail.total };
    }
    return listAll(competition, limit);
  }

  /**
   * One sync's changes and the moved tail, in one commit; answers the new tail (the newest TAIL and the
   * total), or null when this sync was appended before.
   */
  async function appendChanges(
    competition: string,
    syncId: string,
    changes: ScoreChange[],
  ): Promise<{ changes: ScoreChange[]; total: number } | null> {
    const head = await backend.get(headPath(competition));
    const before = (await tails.readTail(competition, head)) ?? {
      ...(await listAll(competition, TAIL)),
      chunks: [],
      recent: [],
    };
    const plan = tails.planAppend(competition, syncId, changes, before);
    try {
      await commitChunked(backend, plan.planned, [
        plan.create,
        { op: 'merge', path: headPath(competition), fields: plan.head },
        ...plan.rest,
      ]);
      return plan.tail;
    } catch (error) {
      if (!(error instanceof AlreadyExists)) throw error;
      // Appended before: only chunks written ahead of the create (a commit too large for one) remain.
      await backend.commit(deletesOf(plan.planned.flatMap((p) => p.paths)));
      return null;
    }
  }

  const versionPath = (competition: string, version: number) =>
    path(competition, 'results', String(version).padStart(6, '0'));

  return {
    async saveVersion(competition, record) {
      const head = versionPath(competition, record.version);
      const chunkPaths = await writeChunks(backend, head, record);
      // The sync head names the newest version's chunks, so a sync reads them with its other inputs.
      return createHead(head, { version: record.version }, chunkPaths, [
        stamp(competition, { fixed: { version: record.version, chunks: chunkPaths } }),
      ]);
    },
    async listVersions(competition) {
      const docs = await backend.query({
        collection: path(competition, 'results'),
        orderBy: { field: 'version', direction: 'asc' },
      });
      // Derived from each hashed record, never from a field beside it that nothing checks (a head written
      // by an earlier juri still has one; it is ignored). A competition has a handful of versions.
      const records = await Promise.all(docs.map((d) => readChunkField<ResultRecord>(d.fields, 'record')));
      return records.flatMap((r) => (r ? [summaryOf(r)] : []));
    },
    async getVersion(competition, version) {
      return readChunkField<ResultRecord>(await backend.get(versionPath(competition, version)), 'record');
    },
    async latestVersion(competition) {
      const [last] = await backend.query({
        collection: path(competition, 'results'),
        orderBy: { field: 'version', direction: 'desc' },
        limit: 1,
      });
      return readChunkField<ResultRecord>(last?.fields, 'record');
    },
    async appendScoreChanges(competition, syncId, changes, limit = 0) {
      const appended = changes.length > 0 ? await appendChanges(competition, syncId, changes) : null;
      if (!appended || limit > TAIL) return listScoreChanges(competition, limit);
      return { changes: appended.changes.slice(0, limit), total: appended.total };
    },
    listScoreChanges,
    async savePublicResponse(competition, response) {
      await backend.commit([
        {
          op: 'set',
          path: path(competition, 'publicResponses', docId(response.id)),
          fields: JSON.parse(JSON.stringify(response)) as Fields,
        },
      ]);
    },
    async listPublicResponses(competition) {
      const docs = await backend.query({
        collection: path(competition, 'publicResponses'),
        orderBy: { field: 'receivedAt', direction: 'asc' },
      });
      return docs.map((d) => d.fields as unknown as PublicResponse);
    },
  };
}
