import type { RawSubmission } from '../../shared/ports.ts';
import type { DocumentWrite, Fields } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';
import { archiveAlone, payloadWrites } from './intake-documents.ts';

/** Documents read in the same batch read as an innovation's, while they are still worth knowing. */
export interface ReadAlong {
  toRead(): string[];
  /** What that read found, in toRead()'s order. */
  read(found: (Fields | null)[]): void;
}

/**
 * The payload a submission came in (upsertInnovation's `raw`), carried by the commit that stores its
 * innovation, so that an accepted submission costs one commit. Its document is read with the innovation's
 * (one batch read): a payload archived before (a replay, or a delivery whose store failed) is carried as
 * its delivery alone, so that the innovation's commit does not fail on the payload's `create`. When the
 * commit fails all the same it is archived alone at once, and no later commit carries it.
 */
export interface CarriedArchive extends ReadAlong {
  /** The archive's writes while they are still to land (first in a commit); none once they did. */
  writes(): DocumentWrite[];
  /** Whether writes() creates the payload: a commit that fails may have failed on that alone. */
  createsPayload(): boolean;
  landed(): void;
  alone(): Promise<void>;
}

export function carriedArchive(scope: DocumentScope, raw: RawSubmission | undefined): CarriedArchive {
  if (!raw) return NOTHING_CARRIED;
  const { payload, delivery } = payloadWrites(scope, raw, crypto.randomUUID());
  let archived: boolean | undefined;
  let done = false;
  return {
    toRead: () => (done || archived !== undefined ? [] : [payload.path]),
    read(found) {
      if (found.length > 0) archived = found[0] !== null;
    },
    writes: () => (done ? [] : archived ? [delivery] : [payload, delivery]),
    createsPayload: () => !done && !archived,
    landed() {
      done = true;
    },
    async alone() {
      if (done) return;
      // A payload the read found is there already: its delivery alone, without first failing on its create.
      if (archived) await scope.backend.commit([delivery]);
      else await archiveAlone(scope, { payload, delivery });
      done = true;
    },
  };
}

const NOTHING_CARRIED: CarriedArchive = {
  toRead: () => [],
  read() {},
  writes: () => [],
  createsPayload: () => false,
  landed() {},
  async alone() {},
};
