import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import { joinChunks, type PlannedChunks, planTextChunks } from './chunks.ts';
import type { Fields } from './document-backend.ts';

/**
 * A list of score changes as the change log stores it: the changes of one sync share their instant,
 * sync and version flag, so those are said once per run of changes and each change is a plain array of
 * its own seven texts. About a third of the JSON of the objects, which a written sync reads 5,000 of (the
 * tail) and parses twice on Workers (the REST envelope, then the text). Lists stored before as arrays of
 * objects are read as they are.
 */
interface PackedChanges {
  packed: 1;
  /** [seenAt, syncId, afterVersion, rows], each row [stage, juror, innovation, criterion, cell, old, new]. */
  runs: [string, string, number | null, string[][]][];
}

export function planChangeChunks(base: string, changes: readonly ScoreChange[]): PlannedChunks {
  return planTextChunks(base, packChanges(changes));
}

export async function joinChangeChunks(docs: readonly (Fields | null)[]): Promise<ScoreChange[]> {
  const value = await joinChunks<ScoreChange[] | PackedChanges>(docs, 'change');
  return Array.isArray(value) ? value : unpackChanges(value);
}

function packChanges(changes: readonly ScoreChange[]): PackedChanges {
  const runs: PackedChanges['runs'] = [];
  let run: PackedChanges['runs'][number] | undefined;
  for (const c of changes) {
    if (!run || run[0] !== c.seenAt || run[1] !== c.syncId || run[2] !== c.afterVersion) {
      run = [c.seenAt, c.syncId, c.afterVersion, []];
      runs.push(run);
    }
    run[3].push([c.stage, c.juror, c.innovation, c.criterion, c.cell, c.old, c.new]);
  }
  return { packed: 1, runs };
}

function unpackChanges({ runs }: PackedChanges): ScoreChange[] {
  const changes: ScoreChange[] = [];
  for (const [seenAt, syncId, afterVersion, rows] of runs) {
    for (const [
      stage = '',
      juror = '',
      innovation = '',
      criterion = '',
      cell = '',
      old = '',
      next = '',
    ] of rows) {
      // The keys in the order diffCells writes them.
      changes.push({
        stage,
        juror,
        innovation,
        criterion,
        cell,
        old,
        new: next,
        seenAt,
        syncId,
        afterVersion,
      });
    }
  }
  return changes;
}
