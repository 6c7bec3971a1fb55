import type { At, DocumentBackend, DocumentWrite, Fields } from './document-backend.ts';

/** One competition's documents, as each Firestore port sees them. */
export interface DocumentScope {
  backend: DocumentBackend;
  /** A path under the competition: `at('heads', 'sync')`. */
  at: At;
  /**
   * The sync head's stamp write (heads/sync `inputsStamp`, plus `also`): every write to a sync input (an
   * innovation, a rejection, a fixed version) adds it to its own commit.
   */
  stamp(also?: Fields): DocumentWrite;
}

/** The scope of one competition's documents on `backend`. */
export function documentScope(backend: DocumentBackend, at: At): DocumentScope {
  return {
    backend,
    at,
    stamp: (also = {}) => ({
      op: 'merge',
      path: at('heads', 'sync'),
      fields: { inputsStamp: crypto.randomUUID(), ...also },
    }),
  };
}
