import type { DocumentWrite, Fields } from './document-backend.ts';

/**
 * What the sync lease and the sync head share on one store instance, so that a cron tick that finds
 * nothing new makes two Firestore requests (issue 22): taking the sync lease afresh reads the head in
 * the same batch read, and the first syncHead() after it answers from that read; the sync's last save
 * (saveUnchanged) carries the lease's release in its commit (and a deferred take's term, created
 * released), and the release after it makes no request.
 */
export interface SyncLeaseLink {
  /** The head document's path (heads/sync). */
  headPath: string;
  /** Keeps the head read with a fresh take of the sync lease; `undefined` forgets it. */
  keepHead(fields: Fields | null | undefined): void;
  /** The head read with the sync lease this instance holds, once (null: no such document). */
  takeHead(): { fields: Fields | null } | undefined;
  /**
   * The writes that release the sync lease this instance holds, for a save's commit, and `done` to call
   * once that commit landed; undefined when it holds none.
   */
  release(): { writes: DocumentWrite[]; done(): void } | undefined;
}

/** The link's two halves: the lease documents say what they hold, the sync documents ask. */
export function createSyncLeaseLink(headPath: string) {
  let head: { fields: Fields | null } | undefined;
  let releaser: (() => { writes: DocumentWrite[]; done(): void } | undefined) | undefined;
  const link: SyncLeaseLink = {
    headPath,
    keepHead(fields) {
      head = fields === undefined ? undefined : { fields };
    },
    takeHead() {
      const kept = head;
      head = undefined;
      return kept;
    },
    release: () => releaser?.(),
  };
  return {
    link,
    /** The lease documents' answer to release(). */
    releaseWith(release: () => { writes: DocumentWrite[]; done(): void } | undefined) {
      releaser = release;
    },
  };
}
