import type { ScoreEntry } from './cells.ts';
import { cmp } from './problems.ts';

/** One typed score that differs from what the previous sync read, for the audit trail (Riwayat Nilai). */
export interface ScoreChange {
  stage: string;
  juror: string;
  innovation: string;
  criterion: string;
  /** The A1 address, e.g. 'Penilaian Proposal – j1'!E7 (tab and cell). */
  cell: string;
  /** '' when the cell was empty. */
  old: string;
  new: string;
  /** When a sync first saw the new value (the sync's start). */
  seenAt: string;
  /** The sync that saw it. */
  syncId: string;
  /** The fixed result version in force when it was seen, if any: such a change is flagged. */
  afterVersion: number | null;
}

/** Length-prefixed, so no two cells share a key whatever their ids hold (and cheaper than JSON). */
function keyOf(e: Pick<ScoreEntry, 'stage' | 'juror' | 'innovation' | 'criterion'>): string {
  return `${e.stage.length}:${e.stage}${e.juror.length}:${e.juror}${e.innovation.length}:${e.innovation}${e.criterion}`;
}

interface Seen {
  entry: ScoreEntry;
  value: string;
  cell: string;
}

/** Every cell by key; one score typed in two places joins its copies. */
function indexCells(entries: readonly ScoreEntry[]): Map<string, Seen> {
  const map = new Map<string, Seen>();
  for (const e of entries) {
    const k = keyOf(e);
    const had = map.get(k);
    if (had) {
      had.value = `${had.value} | ${e.value}`;
      had.cell = `${had.cell} | ${e.cell ?? ''}`;
    } else map.set(k, { entry: e, value: e.value, cell: e.cell ?? '' });
  }
  return map;
}

/**
 * The cells whose typed text differs between two syncs' reads. Empty cells are absent from a read, so a
 * cell that disappears was cleared. When one score is typed in two places, the copies count as one
 * joined value. Text is compared exactly (`8,5` → `8.5` is a change: it is what was typed).
 */
export function diffCells(
  before: readonly ScoreEntry[],
  after: readonly ScoreEntry[],
  seen: { at: string; syncId: string; afterVersion: number | null },
): ScoreChange[] {
  const was = indexCells(before);
  const now = indexCells(after);
  const changes: ScoreChange[] = [];
  const note = (a: Seen | undefined, b: Seen | undefined) => {
    const old = a?.value ?? '';
    const next = b?.value ?? '';
    if (old === next) return;
    const e = (b ?? a)?.entry;
    if (!e) return;
    changes.push({
      stage: e.stage,
      juror: e.juror,
      innovation: e.innovation,
      criterion: e.criterion,
      cell: b?.cell || a?.cell || '',
      old,
      new: next,
      seenAt: seen.at,
      syncId: seen.syncId,
      afterVersion: seen.afterVersion,
    });
  };
  for (const [k, b] of now) note(was.get(k), b);
  for (const [k, a] of was) if (!now.has(k)) note(a, undefined);
  return changes.sort(compareChanges);
}

/**
 * The log's newest `limit` changes (newest first) and its total once one sync's `changes` (in diffCells'
 * order) are appended to a log whose newest are `tail`.
 */
export function appendToTail(
  tail: { changes: readonly ScoreChange[]; total: number },
  changes: readonly ScoreChange[],
  limit: number,
): { changes: ScoreChange[]; total: number } {
  return {
    changes: [...changes].reverse().concat(tail.changes).slice(0, Math.max(0, limit)),
    total: tail.total + changes.length,
  };
}

/** Oldest first; within one sync by stage, juror, innovation, criterion. */
export function compareChanges(a: ScoreChange, b: ScoreChange): number {
  return (
    cmp(a.seenAt, b.seenAt) ||
    cmp(a.syncId, b.syncId) ||
    cmp(a.stage, b.stage) ||
    cmp(a.juror, b.juror) ||
    cmp(a.innovation, b.innovation) ||
    cmp(a.criterion, b.criterion)
  );
}

/** A change to a value that was already there (not a first entry): what an auditor looks at first. */
export function isEdit(change: ScoreChange): boolean {
  return change.old !== '';
}
