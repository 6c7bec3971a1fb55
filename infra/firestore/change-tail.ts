import { appendToTail, type ScoreChange } from '../../shared/domain/score-changes.ts';
import { deletesOf, joinChunks, type PlannedChunks, planTextChunks, strings } from './chunks.ts';
import { type DocumentBackend, type DocumentWrite, docId, type Fields } from './document-backend.ts';

type Path = (competition: string, ...parts: string[]) => string;

/** As many changes as a sync writes to the "Riwayat Nilai" tab (MAX_CHANGE_ROWS). */
export const TAIL = 5000;

/** The newest TAIL changes, their total and the chunk documents that hold them. */
export interface ChangeTail {
  changes: ScoreChange[];
  total: number;
  chunks: string[];
}

/** Where a tail is kept: its total and chunk names. */
export interface TailPointer {
  total: number;
  chunks: string[];
}

/**
 * The score change log's tail. Its pointer is the `changeTail` field of the sync head (heads/sync), so a
 * sync learns where it is from the head it reads anyway and moves it in the commit that saves the sync;
 * before issue 22 it was the heads/changes document, read when the head names no tail.
 */
export function createChangeTail(backend: DocumentBackend, path: Path) {
  const legacyPath = (competition: string) => path(competition, 'heads', 'changes');

  /** The pointer a head names (or a heads/changes document is), if any. */
  function pointerOf(fields: Fields | null | undefined): TailPointer | null {
    const named = fields?.changeTail;
    const source = named && typeof named === 'object' && !Array.isArray(named) ? (named as Fields) : fields;
    return typeof source?.total === 'number' ? { total: source.total, chunks: strings(source.chunks) } : null;
  }

  /** The tail from its chunk documents, read already. */
  async function tailFrom(pointer: TailPointer, chunks: readonly (Fields | null)[]): Promise<ChangeTail> {
    const changes = pointer.chunks.length > 0 ? await joinChunks<ScoreChange[]>(chunks, 'change') : [];
    return { changes, total: pointer.total, chunks: pointer.chunks };
  }

  /** The tail where the sync head `head` (read already) says it is; null when nothing names one. */
  async function readTail(competition: string, head: Fields | null | undefined): Promise<ChangeTail | null> {
    const pointer = pointerOf(head) ?? pointerOf(await backend.get(legacyPath(competition)));
    if (!pointer) return null;
    return tailFrom(pointer, pointer.chunks.length > 0 ? await backend.getMany(pointer.chunks) : []);
  }

  /**
   * The writes that append one sync's changes after `before`: the sync's own change document, created
   * (so appending one sync twice fails and counts once), and the moved tail. `head` are the fields to
   * merge into the sync head (the caller's head write carries them: one write per document).
   */
  function planAppend(
    competition: string,
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
    const own = path(competition, 'scoreChanges', docId(syncId));
    const tail = appendToTail(before, changes, TAIL);
    const ownChunks = planTextChunks(own, changes);
    const tailChunks = planTextChunks(legacyPath(competition), tail.changes);
    return {
      planned: [ownChunks, tailChunks],
      create: { op: 'create', path: own, fields: { syncId, count: changes.length, chunks: ownChunks.paths } },
      head: { changeTail: { total: tail.total, chunks: tailChunks.paths } },
      // The tail's document of before issue 22 goes (its chunks are kept under its path).
      rest: [...deletesOf(before.chunks), { op: 'delete', path: legacyPath(competition) }],
      tail,
    };
  }

  return { pointerOf, tailFrom, readTail, planAppend };
}
