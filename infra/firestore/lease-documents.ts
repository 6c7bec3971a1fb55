import type { Leases } from '../../shared/ports.ts';
import { AlreadyExists, docId } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/**
 * Leases on Firestore: `leases/{name}/terms/{term}`, one document per hand-over, *created*, so only one
 * taker can take the next term.
 */
export function createLeaseDocuments({ backend, at }: DocumentScope): Leases {
  /** Leases this instance holds: holder (unique per acquisition) → its term document. */
  const held = new Map<string, string>();
  const latestTerm = async (name: string) => {
    const [current] = await backend.query({
      collection: at('leases', docId(name), 'terms'),
      orderBy: { field: 'term', direction: 'desc' },
      limit: 1,
    });
    return current;
  };
  return {
    async acquireLease(name, holder, now, until) {
      const current = await latestTerm(name);
      const term = typeof current?.fields.term === 'number' ? current.fields.term : 0;
      if (current) {
        const { holder: by, untilMs, released } = current.fields;
        const free = released === true || typeof untilMs !== 'number' || untilMs <= now.getTime();
        if (!free && by !== holder) return false;
      }
      // Each hand-over creates the next term document: only one taker can create it.
      const termPath = at('leases', docId(name), 'terms', String(term + 1).padStart(10, '0'));
      try {
        await backend.commit([
          {
            op: 'create',
            path: termPath,
            fields: { term: term + 1, holder, untilMs: until.getTime(), released: false },
          },
        ]);
        held.set(holder, termPath);
        return true;
      } catch (error) {
        if (error instanceof AlreadyExists) return false;
        throw error;
      }
    },
    async releaseLease(name, holder) {
      // The term this instance took is known: no query (a subrequest less on a cron tick). Another
      // instance's holder is looked up, and released only if it still holds the latest term.
      const mine = held.get(holder);
      held.delete(holder);
      if (mine) {
        await backend.commit([{ op: 'update', path: mine, fields: { released: true } }]);
        return;
      }
      const current = await latestTerm(name);
      if (!current || current.fields.holder !== holder) return;
      await backend.commit([{ op: 'update', path: current.path, fields: { released: true } }]);
    },
  };
}
