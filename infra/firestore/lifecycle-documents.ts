import type { LifecycleTransition } from '../../shared/domain/lifecycle.ts';
import type { LifecycleLog } from '../../shared/ports.ts';
import { AlreadyExists, type Fields } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/**
 * The lifecycle log on Firestore: `lifecycle/{seq, zero-padded}`, one small document per transition,
 * *created* (never set), so that of two concurrent moves from the same phase exactly one lands.
 */
export function createLifecycleDocuments({ backend, at }: DocumentScope): LifecycleLog {
  return {
    async appendTransition(transition) {
      try {
        await backend.commit([
          {
            op: 'create',
            path: at('lifecycle', String(transition.seq).padStart(6, '0')),
            fields: JSON.parse(JSON.stringify(transition)) as Fields,
          },
        ]);
        return true;
      } catch (error) {
        if (error instanceof AlreadyExists) return false;
        throw error;
      }
    },
    async listTransitions() {
      const docs = await backend.query({
        collection: at('lifecycle'),
        orderBy: { field: 'seq', direction: 'asc' },
      });
      return docs.map((d) => d.fields as unknown as LifecycleTransition);
    },
  };
}
