import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { Leases } from '../../shared/ports.ts';
import { SYNC_LEASE } from '../../shared/ports.ts';
import { AlreadyExists, type DocumentWrite, docId, type Fields } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';
import type { SyncLeaseLink } from './sync-lease-link.ts';

/** A lease term as its document (and the lease's pointer) holds it. */
interface Term {
  term: number;
  holder: string;
  untilMs: number;
  released: boolean;
}

/**
 * A term this instance holds. `pending`: a deferred take, read but not written; its term's `create`
 * rides on the holder's next commit (or confirmLease), and fails there if another taker came first.
 */
type Held = { name: string; pending?: boolean } & Term;

/**
 * Leases on Firestore: `leases/{name}/terms/{term}`, one document per hand-over, *created*, so only one
 * taker can take the next term. `leases/{name}` repeats the latest term's state, written in the same
 * commit as each term, so a take reads one document (in the batch read that also reads the sync head, for
 * the sync lease) instead of querying the terms. It can lag behind them (a holder that lost its lease
 * releasing its old term afterwards): the next term's `create` then fails and the terms are queried,
 * so the pointer only ever saves requests, and exclusion rests on the `create` alone.
 */
export function createLeaseDocuments(
  { backend, at }: DocumentScope,
  sync?: { link: SyncLeaseLink; releaseWith: (release: SyncLeaseLink['release']) => void },
): Leases {
  /** Leases this instance holds: holder (unique per acquisition) → its lease and term. */
  const held = new Map<string, Held>();
  const pointerPath = (name: string) => at('leases', docId(name));
  const termPath = (name: string, term: number) =>
    at('leases', docId(name), 'terms', String(term).padStart(10, '0'));

  const latestTerm = async (name: string): Promise<Term | null> => {
    const [current] = await backend.query({
      collection: at('leases', docId(name), 'terms'),
      orderBy: { field: 'term', direction: 'desc' },
      limit: 1,
    });
    return termOf(current?.fields);
  };

  /** The writes that mark a term released, in its document and the pointer. */
  const releaseWrites = (name: string, { term, holder, untilMs }: Term): DocumentWrite[] => [
    { op: 'update', path: termPath(name, term), fields: { released: true } },
    { op: 'set', path: pointerPath(name), fields: { term, holder, untilMs, released: true } },
  ];

  /** The writes that take `next`: its term created (exclusion rests on that) and the pointer. */
  const takeWrites = (name: string, next: Term): DocumentWrite[] => [
    { op: 'create', path: termPath(name, next.term), fields: { ...next } },
    { op: 'set', path: pointerPath(name), fields: { ...next } },
  ];

  /**
   * A deferred take overtaken: another taker created its term after our read. The pointer is set to the
   * latest term, so a pointer that lagged behind the terms does not overtake every later tick too.
   */
  async function overtaken(name: string): Promise<AppError> {
    const latest = await latestTerm(name);
    if (latest) await backend.commit([{ op: 'set', path: pointerPath(name), fields: { ...latest } }]);
    return busy();
  }

  const pendingHold = (name: string, now: Date) =>
    [...held.values()].some((t) => t.name === name && t.pending && !t.released && t.untilMs > now.getTime());

  /** Takes the term after `current` unless it is held by another; 'lagged': that term exists already. */
  async function take(name: string, holder: string, now: Date, until: Date, current: Term | null) {
    if (!isFree(current, now) && current?.holder !== holder) return false;
    const next = nextTerm(current, holder, until);
    try {
      await backend.commit(takeWrites(name, next));
      held.set(holder, { name, ...next });
      return true;
    } catch (error) {
      if (error instanceof AlreadyExists) return 'lagged';
      throw error;
    }
  }

  sync?.releaseWith(() => {
    const mine = [...held.values()].findLast((t) => t.name === SYNC_LEASE && !t.released);
    if (!mine) return undefined;
    // A deferred take is written and released at once: its term created released.
    const writes = mine.pending
      ? takeWrites(SYNC_LEASE, { ...termFields(mine), released: true })
      : releaseWrites(SYNC_LEASE, mine);
    // Released, but still known: the release after the save then makes no request.
    return { writes, done: () => Object.assign(mine, { released: true, pending: false }) };
  });

  return {
    async acquireLease(name, holder, now, until, options = {}) {
      const fresh = !held.has(holder);
      // A deferred take of this instance is not in the pointer yet, but holds the lease all the same.
      if (fresh && pendingHold(name, now)) return false;
      // A fresh take of the sync lease reads the sync head along (a renewal does not).
      const withHead = sync && name === SYNC_LEASE && fresh ? [sync.link.headPath] : [];
      const [pointer, ...head] = await backend.getMany([pointerPath(name), ...withHead]);
      const current = termOf(pointer);
      if (options.deferred && fresh && isFree(current, now)) {
        held.set(holder, { name, ...nextTerm(current, holder, until), pending: true });
        if (withHead.length > 0) sync?.link.keepHead(head[0] ?? null);
        return true;
      }
      const first = await take(name, holder, now, until, current);
      // The pointer lagged behind the terms, or another taker created the same term: the terms decide.
      const taken =
        first === 'lagged' ? (await take(name, holder, now, until, await latestTerm(name))) === true : first;
      if (withHead.length > 0) sync?.link.keepHead(taken ? (head[0] ?? null) : undefined);
      return taken;
    },
    async confirmLease(name, holder) {
      const mine = held.get(holder);
      // Called while the work runs: a hold that is gone was overtaken, and stays so.
      if (!mine) throw busy();
      if (!mine.pending) return;
      try {
        await backend.commit(takeWrites(name, termFields(mine)));
        mine.pending = false;
      } catch (error) {
        if (!(error instanceof AlreadyExists)) throw error;
        // Nothing was written: nothing to release either.
        held.delete(holder);
        throw await overtaken(name);
      }
    },
    async releaseLease(name, holder) {
      // The term this instance took is known: no read (a subrequest less on a cron tick). Another
      // instance's holder is looked up, and released only if it still holds the latest term.
      const mine = held.get(holder);
      held.delete(holder);
      if (mine) {
        if (name === SYNC_LEASE) sync?.link.keepHead(undefined);
        // A deferred take never written holds nothing to release.
        if (!mine.released && !mine.pending) await backend.commit(releaseWrites(name, mine));
        return;
      }
      const current = await latestTerm(name);
      if (!current || current.holder !== holder) return;
      await backend.commit(releaseWrites(name, current));
    },
  };
}

/** A term document's (or the pointer's) fields as a term; null when absent or unreadable. */
function termOf(fields: Fields | null | undefined): Term | null {
  if (!fields || typeof fields.term !== 'number') return null;
  return {
    term: fields.term,
    holder: typeof fields.holder === 'string' ? fields.holder : '',
    untilMs: typeof fields.untilMs === 'number' ? fields.untilMs : 0,
    released: fields.released === true,
  };
}

const busy = () => new AppError('busy', bilingual('error.syncBusy'));

/** No term, or one released or expired. */
function isFree(current: Term | null, now: Date): boolean {
  return !current || current.released || current.untilMs <= now.getTime();
}

function nextTerm(current: Term | null, holder: string, until: Date): Term {
  return { term: (current?.term ?? 0) + 1, holder, untilMs: until.getTime(), released: false };
}

/** A held term's own fields, as its document holds them. */
function termFields({ term, holder, untilMs, released }: Term): Term {
  return { term, holder, untilMs, released };
}
