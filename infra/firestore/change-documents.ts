import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import type { ScoreChangeLog } from '../../shared/ports.ts';
import { joinChangeChunks } from './change-lists.ts';
import { type ChangeTail, createChangeTail, TAIL } from './change-tail.ts';
import { commitChunked, deletesOf, strings } from './chunks.ts';
import { AlreadyExists } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

type Changes = { changes: ScoreChange[]; total: number };

/**
 * The score change log on Firestore: one `scoreChanges` document per sync that saw changes (its list in
 * chunks), and the tail (the newest TAIL) named by the sync head, so a sync reads it with the head.
 */
export function createChangeDocuments(scope: DocumentScope): ScoreChangeLog {
  const { backend, at } = scope;
  const tails = createChangeTail(backend, at);

  async function listScoreChanges(limit?: number): Promise<Changes> {
    if (limit !== undefined && limit <= TAIL) {
      const tail = await tails.readTail(await backend.get(at('heads', 'sync')));
      if (tail) return { changes: tail.changes.slice(0, Math.max(0, limit)), total: tail.total };
    }
    return listAllChanges(scope, limit);
  }

  /**
   * One sync's changes and the moved tail, in one commit; answers the new tail (the newest TAIL and the
   * total), or null when this sync was appended before.
   */
  async function appendChanges(syncId: string, changes: ScoreChange[]): Promise<Changes | null> {
    const head = await backend.get(at('heads', 'sync'));
    const before: ChangeTail = (await tails.readTail(head)) ?? {
      ...(await listAllChanges(scope, TAIL)),
      chunks: [],
      recent: [],
    };
    const plan = tails.planAppend(syncId, changes, before);
    try {
      await commitChunked(backend, plan.planned, [
        plan.create,
        { op: 'merge', path: at('heads', 'sync'), fields: plan.head },
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

  return {
    async appendScoreChanges(syncId, changes, limit = 0) {
      const appended = changes.length > 0 ? await appendChanges(syncId, changes) : null;
      if (!appended || limit > TAIL) return listScoreChanges(limit);
      return { changes: appended.changes.slice(0, limit), total: appended.total };
    },
    listScoreChanges,
  };
}

/** One document per sync that saw changes: all of them are read only when more than the tail is asked. */
export async function listAllChanges(
  { backend, at }: DocumentScope,
  limit: number | undefined,
): Promise<Changes> {
  const heads = await backend.query({
    collection: at('scoreChanges'),
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
  let offset = 0;
  for (const w of wanted) {
    const chunks = all.slice(offset, offset + w.paths.length);
    offset += w.paths.length;
    changes.push(...(await joinChangeChunks(chunks)).reverse());
  }
  return { changes: limit === undefined ? changes : changes.slice(0, limit), total };
}
