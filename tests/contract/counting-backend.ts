import type { DocumentBackend } from '../../infra/firestore/document-backend.ts';

/**
 * Counts the documents a backend reads as Firestore bills them: one per document fetched or returned by a
 * query, and one for a lookup or a query that finds nothing.
 */
export function countingBackend(inner: DocumentBackend): DocumentBackend & { reads(): number } {
  let reads = 0;
  return {
    reads: () => reads,
    async get(path) {
      reads += 1;
      return inner.get(path);
    },
    async getMany(paths) {
      reads += paths.length;
      return inner.getMany(paths);
    },
    async query(query) {
      const docs = await inner.query(query);
      reads += Math.max(1, docs.length);
      return docs;
    },
    commit: (writes) => inner.commit(writes),
  };
}
