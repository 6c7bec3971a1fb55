import type { Sessions } from '../../shared/ports.ts';
import { AlreadyExists, docId } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/** Secretariat sessions on Firestore: `sessions/{id}`, created once, revoked by a tombstone. */
export function createSessionDocuments({ backend, at }: DocumentScope): Sessions {
  return {
    async createSession(id, expiresAt) {
      try {
        await backend.commit([
          {
            op: 'create',
            path: at('sessions', docId(id)),
            fields: { expiresMs: expiresAt.getTime(), revoked: false },
          },
        ]);
      } catch (error) {
        // Ids are random: an existing one is this same session, and must not come back if revoked.
        if (!(error instanceof AlreadyExists)) throw error;
      }
    },
    async sessionActive(id, now) {
      const fields = await backend.get(at('sessions', docId(id)));
      return (
        fields?.revoked === false && typeof fields.expiresMs === 'number' && fields.expiresMs > now.getTime()
      );
    },
    async revokeSession(id) {
      // A tombstone, written whether or not the session exists: one write, no read.
      await backend.commit([
        { op: 'set', path: at('sessions', docId(id)), fields: { expiresMs: 0, revoked: true } },
      ]);
    },
  };
}
