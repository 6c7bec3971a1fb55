import type { SyncRoster } from '../../shared/ports.ts';
import { commitChunked, deletesOf, planTextChunks, readChunks, strings } from './chunks.ts';
import type { DocumentBackend } from './document-backend.ts';

type Path = (competition: string, ...parts: string[]) => string;

/**
 * `heads/roster`: the innovations and rejections a sync last read in full, as JSON text chunks like a
 * sync record, under the inputs' stamp it read before them. The stamp changes in the same commit as every
 * intake write, so an equal stamp means the snapshot is the intake as it stands: a sync then reads the
 * snapshot document and its chunks (a constant number) instead of one document per entry.
 */
export function createRosterDocuments(
  backend: DocumentBackend,
  path: Path,
  readAll: (competition: string) => Promise<SyncRoster>,
) {
  return {
    async syncRoster(competition: string, inputsStamp: string): Promise<SyncRoster> {
      const headPath = path(competition, 'heads', 'roster');
      const head = await backend.get(headPath);
      const kept = strings(head?.chunks);
      if (inputsStamp !== '' && head?.stamp === inputsStamp && kept.length > 0) {
        const roster = await readChunks<SyncRoster>(backend, kept, 'roster');
        if (roster) return roster;
      }
      const roster = await readAll(competition);
      const chunks = planTextChunks(headPath, roster);
      await commitChunked(
        backend,
        [chunks],
        [
          { op: 'set', path: headPath, fields: { stamp: inputsStamp, chunks: chunks.paths } },
          ...deletesOf(kept),
        ],
      );
      return roster;
    },
  };
}
