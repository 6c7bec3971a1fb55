import type { SyncRoster } from '../../shared/ports.ts';
import { commitChunked, deletesOf, planTextChunks, strings } from './chunks.ts';
import type { At, DocumentBackend, Fields } from './document-backend.ts';

/**
 * The roster snapshot: the innovations and rejections a sync last read in full, as JSON text chunks like a
 * sync record, named by the sync head's `roster` field with the inputs' stamp read before them. The stamp
 * changes in the same commit as every intake write, so an equal stamp means the snapshot is the intake as
 * it stands: a sync then reads its chunks (with its other inputs, in one read) instead of one document per
 * entry.
 */
export function createRosterDocuments(backend: DocumentBackend, at: At, readAll: () => Promise<SyncRoster>) {
  const headPath = () => at('heads', 'sync');
  const namedBy = (head: Fields | null | undefined) => {
    const roster = head?.roster;
    return roster && typeof roster === 'object' && !Array.isArray(roster) ? (roster as Fields) : undefined;
  };
  return {
    /** The snapshot's chunk documents when the head names one kept under `inputsStamp`; else none. */
    chunksFor(head: Fields | null | undefined, inputsStamp: string): string[] {
      const named = namedBy(head);
      return inputsStamp !== '' && named?.stamp === inputsStamp ? strings(named.chunks) : [];
    },
    /** Both lists read whole, kept as the snapshot for `inputsStamp` in place of the head's. */
    async refresh(inputsStamp: string, head: Fields | null | undefined) {
      const roster = await readAll();
      const chunks = planTextChunks(at('heads', 'roster'), roster);
      await commitChunked(
        backend,
        [chunks],
        [
          {
            op: 'merge',
            path: headPath(),
            fields: { roster: { stamp: inputsStamp, chunks: chunks.paths } },
          },
          ...deletesOf(strings(namedBy(head)?.chunks)),
        ],
      );
      return roster;
    },
  };
}
