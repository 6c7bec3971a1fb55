import type { LifecycleTransition } from '../../shared/domain/lifecycle.ts';
import type { LifecycleLog } from '../../shared/ports.ts';
import { AlreadyExists, type DocumentBackend, type Fields, type Path } from './document-backend.ts';

/**
 * The lifecycle log on Firestore: `lifecycle/{seq, zero-padded}`, one small document per transition,
 * *created* (never set), so that of two concurrent moves from the same phase exactly one lands.
 */
export function createLifecycleDocuments(backend: DocumentBackend, path: Path): LifecycleLog {
  return {
    async appendTransition(competition, transition) {
      try {
        await backend.commit([
          {
            op: 'create',
            path: path(competition, 'lifecycle', String(transition.seq).padStart(6, '0')),
            fields: JSON.parse(JSON.stringify(transition)) as Fields,
          },
        ]);
        return true;
      } catch (error) {
        if (error instanceof AlreadyExists) return false;
        throw error;
      }
    },
    async listTransitions(competition) {
      const docs = await backend.query({
        collection: path(competition, 'lifecycle'),
        orderBy: { field: 'seq', direction: 'asc' },
      });
      return docs.map((d) => d.fields as unknown as LifecycleTransition);
    },
  };
}
