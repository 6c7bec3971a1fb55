import type { DocumentBackend } from '../../infra/firestore/document-backend.ts';

/**
 * Counts the documents a backend reads as Firestore bills them: one per document fetched or returned by a
 * query, and one for a lookup or a query that finds nothing; and the requests it makes (a Worker's
 * subrequests: a batch read of no document makes none).
 */
export function countingBackend(
  inner: DocumentBackend,
): DocumentBackend & { reads(): number; requests(): number } {
  let reads = 0;
  let requests = 0;
  return {
    reads: () => reads,
    requests: () => requests,
    async get(path) {
      reads += 1;
      requests += 1;
      return inner.get(path);
    },
    async getMany(paths) {
      reads += paths.length;
      if (paths.length > 0) requests += 1;
      return inner.getMany(paths);
    },
    async query(query) {
      requests += 1;
      const docs = await inner.query(query);
      reads += Math.max(1, docs.length);
      return docs;
    },
    commit: (writes) => {
      requests += 1;
      return inner.commit(writes);
    },
  };
}
