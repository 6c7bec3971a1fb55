import { appendToTail, type ScoreChange } from '../../shared/domain/score-changes.ts';
import { joinChangeChunks, planChangeChunks } from './change-lists.ts';
import { deletesOf, type PlannedChunks, strings } from './chunks.ts';
import {
  type At,
  type DocumentBackend,
  type DocumentWrite,
  docId,
  type Fields,
  type FieldValue,
} from './document-backend.ts';

/** As many changes as a sync writes to the "Riwayat Nilai" tab (MAX_CHANGE_ROWS). */
export const TAIL = 5000;
/**
 * How many syncs' own change lists the tail names before it is rewritten whole: a sync appends by naming
 * its own list (a one-cell edit stores one change, not 5,000), and one sync in this many rewrites it.
 */
const RECENT = 16;

/** One sync's own change list (its scoreChanges document's chunks), oldest change first. */
type RecentSync = { count: number; chunks: string[] };

/** Where a tail is kept: its total, a base list (newest first) and the newest syncs' own lists. */
export interface TailPointer {
  total: number;
  chunks: string[];
  recent: RecentSync[];
}

/** The newest TAIL changes (newest first) and where they are kept. */
export interface ChangeTail extends TailPointer {
  changes: ScoreChange[];
}

/**
 * The score change log's tail. Its pointer is the `changeTail` field of the sync head (heads/sync), so a
 * sync learns where it is from the head it reads anyway and moves it in the commit that saves the sync;
 * before issue 22 it was the heads/changes document, read when the head names no tail. It names a base
 * list and the newest syncs' own lists (their scoreChanges chunks), so appending writes no copy.
 */
export function createChangeTail(backend: DocumentBackend, at: At) {
  const legacyPath = () => at('heads', 'changes');

  /** The pointer a head names (or a heads/changes document is), if any. */
  function pointerOf(fields: Fields | null | undefined): TailPointer | null {
    const named = fields?.changeTail;
    const source = isMap(named) ? named : fields;
    if (typeof source?.total !== 'number') return null;
    const recent = Array.isArray(source.recent) ? source.recent : [];
    return {
      total: source.total,
      chunks: strings(source.chunks),
      recent: recent.flatMap((r) =>
        isMap(r) && typeof r.count === 'number' ? [{ count: r.count, chunks: strings(r.chunks) }] : [],
      ),
    };
  }

  /** Every chunk document a tail is read from, in the order tailFrom takes them. */
  function pathsOf(pointer: TailPointer): string[] {
    return [...pointer.recent.flatMap((r) => r.chunks), ...pointer.chunks];
  }

  /** The tail from its chunk documents (pathsOf), read already. */
  async function tailFrom(pointer: TailPointer, docs: readonly (Fields | null)[]): Promise<ChangeTail> {
    const changes: ScoreChange[] = [];
    let at = 0;
    for (const r of pointer.recent) {
      const own = await joinChangeChunks(docs.slice(at, at + r.chunks.length));
      at += r.chunks.length;
      for (let i = own.length - 1; i >= 0; i--) changes.push(own[i] as ScoreChange);
    }
    if (pointer.chunks.length > 0) changes.push(...(await joinChangeChunks(docs.slice(at))));
    return { ...pointer, changes: changes.slice(0, TAIL) };
  }

  /** The tail where the sync head `head` (read already) says it is; null when nothing names one. */
  async function readTail(head: Fields | null | undefined): Promise<ChangeTail | null> {
    const pointer = pointerOf(head) ?? pointerOf(await backend.get(legacyPath()));
    if (!pointer) return null;
    const paths = pathsOf(pointer);
    return tailFrom(pointer, paths.length > 0 ? await backend.getMany(paths) : []);
  }

  /**
   * The writes that append one sync's changes after `before`: the sync's own change document, created
   * (so appending one sync twice fails and counts once), and the moved tail. `head` are the fields to
   * merge into the sync head (the caller's head write carries them: one write per document).
   */
  function planAppend(
    syncId: string,
    changes: ScoreChange[],
    before: ChangeTail,
  ): {
    planned: PlannedChunks[];
    create: DocumentWrite;
    head: Fields;
    rest: DocumentWrite[];
    tail: { changes: ScoreChange[]; total: number };
  } {
    const own = at('scoreChanges', docId(syncId));
    const tail = appendToTail(before, changes, TAIL);
    const ownChunks = planChangeChunks(own, changes);
    const recent = [{ count: changes.length, chunks: ownChunks.paths }, ...before.recent];
    // A tail that was listed (it was found in no document) is rewritten too.
    const listed = before.chunks.length === 0 && before.recent.length === 0 && before.changes.length > 0;
    const rewrite = rewriteDue(before, changes.length) || listed;
    // A tail read without its rows (syncInputs asked for none) cannot be rewritten: saveSync reads them first.
    if (rewrite && !rowsComplete(before)) throw new Error('change-tail: rows-left-out');
    const base = rewrite ? planChangeChunks(legacyPath(), tail.changes) : undefined;
    const pointer: { [key: string]: FieldValue } = base
      ? { total: tail.total, chunks: base.paths, recent: [] }
      : { total: tail.total, chunks: before.chunks, recent };
    return {
      planned: base ? [ownChunks, base] : [ownChunks],
      create: { op: 'create', path: own, fields: { syncId, count: changes.length, chunks: ownChunks.paths } },
      head: { changeTail: pointer },
      // The tail's document of before issue 22 goes (its chunks are kept under its path).
      rest: [...(base ? deletesOf(before.chunks) : []), { op: 'delete', path: legacyPath() }],
      tail,
    };
  }

  return { pointerOf, pathsOf, tailFrom, readTail, planAppend };
}

/**
 * Whether appending `count` changes rewrites the base: every RECENT syncs, or when the syncs' own lists
 * would hold more than the tail (a first sync logs every typed cell).
 */
export function rewriteDue(before: TailPointer, count: number): boolean {
  const held = before.recent.reduce((n, r) => n + r.count, count);
  return before.recent.length + 1 > RECENT || held > TAIL;
}

/** Whether a tail holds its rows (the newest TAIL of them), not only where they are kept. */
export function rowsComplete(tail: ChangeTail): boolean {
  return tail.changes.length >= Math.min(TAIL, tail.total);
}

function isMap(value: FieldValue | undefined): value is { [key: string]: FieldValue } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
