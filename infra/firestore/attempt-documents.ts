import type { SignInAttempts } from '../../shared/ports.ts';
import { docId } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/** Sign-in attempts on Firestore: `attempts/{client}/log/{id}`, one document per attempt. */
export function createAttemptDocuments({ backend, at }: DocumentScope): SignInAttempts {
  const log = (client: string) => at('attempts', docId(client), 'log');
  return {
    async addAttempt(client, attempt) {
      // One document per attempt: concurrent attempts never overwrite each other's count.
      await backend.commit([
        {
          op: 'set',
          path: `${log(client)}/${docId(attempt.id)}`,
          fields: { id: attempt.id, at: attempt.at.getTime() },
        },
      ]);
    },
    async recentAttempts(client, since, limit) {
      if (limit <= 0) return [];
      const docs = await backend.query({
        collection: log(client),
        orderBy: { field: 'at', direction: 'desc' },
        limit: Math.trunc(limit),
      });
      return docs
        .flatMap(({ fields: { id, at: time } }) =>
          typeof id === 'string' && typeof time === 'number' && time >= since.getTime()
            ? [{ id, at: new Date(time) }]
            : [],
        )
        .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    },
    async clearAttempts(client) {
      const docs = await backend.query({ collection: log(client) });
      for (let i = 0; i < docs.length; i += 400) {
        await backend.commit(docs.slice(i, i + 400).map((d) => ({ op: 'delete' as const, path: d.path })));
      }
    },
  };
}
