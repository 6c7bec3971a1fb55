import { storageUnavailable } from '../../shared/errors.ts';
import type { SyncRoster } from '../../shared/ports.ts';
import type { DocumentBackend, FieldValue } from './document-backend.ts';
import { packJson, unpackJson } from './sync-payload.ts';

type Path = (competition: string, ...parts: string[]) => string;

/**
 * `heads/roster`: the innovations and rejections a sync last read in full, gzipped into chunks like a
 * record, under the inputs' stamp it read before them. The stamp changes in the same commit as every
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
        const chunks = await backend.getMany(kept);
        const bytes = chunks.map((c) => c?.bytes).filter((b) => b instanceof Uint8Array);
        if (bytes.length !== kept.length) throw storageUnavailable(new Error('roster chunks missing'));
        return unpackJson<SyncRoster>(bytes);
      }
      const roster = await readAll(competition);
      const packed = await packJson(roster);
      const saveId = crypto.randomUUID();
      const paths = packed.map((_, i) => `${headPath}/chunks/${saveId}-${String(i).padStart(4, '0')}`);
      for (let i = 0; i < packed.length; i += 8) {
        await backend.commit(
          packed
            .slice(i, i + 8)
            .map((bytes, j) => ({ op: 'set' as const, path: paths[i + j] ?? '', fields: { bytes } })),
        );
      }
      await backend.commit([{ op: 'set', path: headPath, fields: { stamp: inputsStamp, chunks: paths } }]);
      if (kept.length > 0) await backend.commit(kept.map((p) => ({ op: 'delete' as const, path: p })));
      return roster;
    },
  };
}

function strings(value: FieldValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((p) => typeof p === 'string') : [];
}
