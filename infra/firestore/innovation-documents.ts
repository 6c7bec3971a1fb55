import pRetry from 'p-retry';
import { type Innovation, isEdit } from '../../shared/domain/innovation.ts';
import { storageUnavailable } from '../../shared/errors.ts';
import type { AcceptedSubmission, InnovationStore, Leases, UpsertOutcome } from '../../shared/ports.ts';
import { innovationRecord } from '../innovation-record.ts';
import { type CarriedArchive, carriedArchive, type ReadAlong } from './carried-archive.ts';
import {
  AlreadyExists,
  type DocumentWrite,
  docId,
  type Fields,
  NotFound,
  toFields,
} from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/** Contention is bounded by the number of concurrent submissions; past this, let the sender retry. */
const MAX_ATTEMPTS = 200;
/** A repair takes milliseconds; a repairer that died frees the response for another after this. */
const REPAIR_LEASE_MS = 60_000;

interface InnovationDoc {
  number: number;
  version: number;
  submittedAt: string;
  claimId: string;
  innovation: Innovation;
}

type Upserted = { outcome: UpsertOutcome; innovation: Innovation };

/** What numbering an innovation needs: its documents, the leases a repair runs under, the id format. */
interface Numbering extends DocumentScope {
  leases: Leases;
  numberToId: (n: number) => string;
  lastClaimed: LastClaimed;
}

/**
 * Innovations on Firestore. Exactly-once and gap-free numbering rest on `create` preconditions in one
 * commit (`innovations/{response}` and `numbers/{n}`; an unread create adds `exists` on `numbers/{n-1}`),
 * not on transactions; infra/firestore/README.md explains why that holds on production Firestore and
 * what the emulator lacks.
 */
export function createInnovationDocuments(scope: DocumentScope, leases: Leases): InnovationStore {
  const { backend, at } = scope;
  const lastClaimed = lastClaimedNumber();
  return {
    upsertInnovation: (submission, numberToId, raw) =>
      upsert({ ...scope, leases, numberToId, lastClaimed }, submission, carriedArchive(scope, raw)),
    async listInnovations() {
      const docs = await backend.query({
        collection: at('innovations'),
        orderBy: { field: 'number', direction: 'asc' },
      });
      return docs.map((d) => toInnovationDoc(d.fields).innovation);
    },
    async innovationHistory(responseId) {
      const docs = await backend.query({
        collection: at('innovations', docId(responseId), 'history'),
        orderBy: { field: 'version', direction: 'asc' },
      });
      return docs.map((d) => d.fields.innovation as unknown as Innovation);
    },
  };
}

async function upsert(
  n: Numbering,
  submission: AcceptedSubmission,
  archive: CarriedArchive,
): Promise<Upserted> {
  const claimId = crypto.randomUUID();
  const unread = await createUnread(n, submission, claimId, archive);
  if (unread) return unread;
  const hint = numberHint(n);
  let next = 0;
  /** The last create failed maybe on the payload's own `create` only: its number may still be free. */
  let numberUntried = false;
  /** Our own innovation is read as it is, not waited for, until its repair was found running elsewhere. */
  let ownClaim: string | undefined = claimId;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = await settledInnovation(n, submission.responseId, [archive, hint], ownClaim);
    if (existing?.claimId === claimId) {
      const own = await ownLanded(n, existing, archive);
      if (own) return own;
      ownClaim = undefined;
      continue;
    }
    if (!existing) {
      const highest = hint.take() ?? (await highestNumber(n));
      next = Math.max(numberUntried ? next : next + 1, highest + 1);
      numberUntried = archive.createsPayload();
      const created = await tryCreate(n, submission, next, claimId, archive);
      if (created) return created;
      continue;
    }
    if (!isEdit(submission.submittedAt, existing.submittedAt)) {
      await archive.alone();
      return { outcome: 'unchanged', innovation: existing.innovation };
    }
    const updated = await tryUpdate(n, submission, existing, archive);
    if (updated) return updated;
  }
  throw storageUnavailable(new Error('innovation-documents: upsert-not-settled'));
}

/**
 * The number this store last claimed, kept by the store object (the Worker builds one per isolate), so
 * that the next new response can be created on the number after it without a read first. One upsert at a
 * time takes it; a create that claims a number gives the highest back.
 */
interface LastClaimed {
  take(): number | undefined;
  claimed(number: number): void;
}

function lastClaimedNumber(): LastClaimed {
  let last: number | undefined;
  return {
    take() {
      const once = last;
      last = undefined;
      return once;
    },
    claimed(number) {
      last = Math.max(last ?? number, number);
    },
  };
}

/**
 * A new response created on the number after the last one this store claimed, before anything is read:
 * one commit in all. Gap-free as every create is: the commit also rewrites `numbers/{last}` unchanged
 * under an `exists` precondition, first, so it lands only while that number is claimed, and so every
 * number below it (a store emptied meanwhile fails it). It fails, leaving nothing on production Firestore,
 * when the response is stored already (a redelivery, an edit), the number was taken meanwhile (another
 * isolate) or the payload was archived before; the upsert then reads as always, the payload's document
 * with the rest (the emulator may have kept the commit's first writes, which that read finds).
 */
async function createUnread(
  n: Numbering,
  submission: AcceptedSubmission,
  claimId: string,
  archive: CarriedArchive,
): Promise<Upserted | null> {
  const last = n.lastClaimed.take();
  if (last === undefined) return null;
  const claimed: DocumentWrite = { op: 'update', path: n.at('numbers', String(last)), fields: { n: last } };
  try {
    return await commitCreate(n, submission, last + 1, claimId, archive, [claimed]);
  } catch (error) {
    // Taken or stored already (AlreadyExists), or `numbers/{last}` gone (NotFound): read as always.
    if (error instanceof AlreadyExists || error instanceof NotFound) return null;
    throw error;
  }
}

/**
 * Our own innovation found by the read after a create that failed: the emulator kept it while its number
 * was taken. It is numbered by a repair; null when another delivery's repair runs (the upsert then waits).
 */
async function ownLanded(
  n: Numbering,
  doc: InnovationDoc,
  archive: CarriedArchive,
): Promise<Upserted | null> {
  await archive.alone();
  if (await ownsNumber(n, doc)) return { outcome: 'created', innovation: doc.innovation };
  const repaired = await repair(n, doc.innovation.responseId ?? '');
  return repaired ? { outcome: 'created', innovation: repaired } : null;
}

/** Accepted: a standing rejection of the response goes in the same commit. */
function clearedRejection({ at }: DocumentScope, responseId: string): DocumentWrite {
  return { op: 'delete', path: at('rejections', docId(responseId)) };
}

/** The innovation and its number, created in one commit; null when either was taken meanwhile. */
async function tryCreate(
  n: Numbering,
  submission: AcceptedSubmission,
  number: number,
  claimId: string,
  archive: CarriedArchive,
): Promise<Upserted | null> {
  try {
    return await commitCreate(n, submission, number, claimId, archive);
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
    await archive.alone();
    const landed = await readInnovation(n, submission.responseId);
    if (landed?.claimId === claimId && !(await ownsNumber(n, landed))) {
      const repaired = await repair(n, submission.responseId);
      if (repaired) return { outcome: 'created', innovation: repaired };
    }
    return null;
  }
}

/** The create's commit, after the `first` writes; throws AlreadyExists when a precondition failed. */
async function commitCreate(
  n: Numbering,
  submission: AcceptedSubmission,
  number: number,
  claimId: string,
  archive: CarriedArchive,
  first: readonly DocumentWrite[] = [],
): Promise<Upserted> {
  const innovation = innovationRecord(submission, n.numberToId(number), 1);
  const doc: InnovationDoc = { number, version: 1, submittedAt: submission.submittedAt, claimId, innovation };
  await n.backend.commit([
    ...first,
    ...archive.writes(),
    {
      op: 'create',
      path: n.at('innovations', docId(submission.responseId)),
      fields: innovationFields(doc),
    },
    { op: 'create', path: n.at('numbers', String(number)), fields: claimFields(doc, number) },
    { op: 'set', path: n.at(...NUMBER_HINT), fields: { top: number } },
    clearedRejection(n, submission.responseId),
    n.stamp(),
  ]);
  archive.landed();
  n.lastClaimed.claimed(number);
  return { outcome: 'created', innovation };
}

/** The edit, with the replaced version kept in history; null when another edit took that version. */
async function tryUpdate(
  n: Numbering,
  submission: AcceptedSubmission,
  existing: InnovationDoc,
  archive: CarriedArchive,
): Promise<Upserted | null> {
  const innovationPath = n.at('innovations', docId(submission.responseId));
  const version = existing.version + 1;
  const innovation = innovationRecord(submission, existing.innovation.id, version);
  try {
    // history/{version} can be created once: it serialises concurrent edits of one innovation.
    await n.backend.commit([
      ...archive.writes(),
      {
        op: 'create',
        path: `${innovationPath}/history/${String(existing.version).padStart(6, '0')}`,
        fields: { version: existing.version, innovation: toFields(existing.innovation) },
      },
      {
        op: 'set',
        path: innovationPath,
        fields: innovationFields({ ...existing, version, submittedAt: submission.submittedAt, innovation }),
      },
      clearedRejection(n, submission.responseId),
      n.stamp(),
    ]);
    archive.landed();
    return { outcome: 'updated', innovation };
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
    await archive.alone();
    return null;
  }
}

/** The innovation's document, and what `along` wants read with it, in one batch read. */
async function readInnovation(
  { backend, at }: DocumentScope,
  responseId: string,
  along: readonly ReadAlong[] = [],
): Promise<InnovationDoc | null> {
  const wanted = along.map((a) => a.toRead());
  const [fields, ...found] = await backend.getMany([at('innovations', docId(responseId)), ...wanted.flat()]);
  let at0 = 0;
  wanted.forEach((paths, i) => {
    along[i]?.read(found.slice(at0, at0 + paths.length));
    at0 += paths.length;
  });
  return fields ? toInnovationDoc(fields) : null;
}

/** The highest number claimed by a create (`top`), so that a new response needs no query for it. */
const NUMBER_HINT = ['heads', 'numbers'] as const;

/**
 * `heads/numbers`, read with the innovation. It is set in each create's commit to that create's number, so
 * it is never above the highest number document (gap-free: every number below it exists too). It may be
 * below (a repair claims numbers without it, or two creates committed out of order): the create then fails
 * on `numbers/{top + 1}` and the next attempt queries. Used once per upsert.
 */
function numberHint({ at }: DocumentScope): ReadAlong & { take(): number | undefined } {
  let top: number | undefined;
  let read = false;
  return {
    toRead: () => (read ? [] : [at(...NUMBER_HINT)]),
    read(found) {
      if (found.length === 0) return;
      read = true;
      const value = found[0]?.top;
      top = typeof value === 'number' ? value : undefined;
    },
    take() {
      const once = top;
      top = undefined;
      return once;
    },
  };
}

async function highestNumber({ backend, at }: DocumentScope): Promise<number> {
  const [top] = await backend.query({
    collection: at('numbers'),
    orderBy: { field: 'n', direction: 'desc' },
    limit: 1,
  });
  return typeof top?.fields.n === 'number' ? top.fields.n : 0;
}

/** Whether numbers/{n} belongs to this innovation: always true on production Firestore (atomic commits). */
async function ownsNumber({ backend, at }: DocumentScope, doc: InnovationDoc): Promise<boolean> {
  const claim = await backend.get(at('numbers', String(doc.number)));
  return claim?.claimId === doc.claimId;
}

/**
 * The emulator applies a commit's writes one by one and keeps the ones before a failed precondition, so an
 * innovation can land while its number was taken. It is then given a number of its own, under a lease per
 * response so that one repair runs at a time: by the writer that made it, or, when that writer died half-way
 * (its connection cut), by a later delivery of the same response. A repair that stopped after claiming a
 * number is finished with that number, so no number is ever claimed twice. Null: another repair is running.
 */
async function repair(n: Numbering, responseId: string): Promise<Innovation | null> {
  const lease = `repair:${responseId}`;
  const holder = crypto.randomUUID();
  const now = new Date();
  if (!(await n.leases.acquireLease(lease, holder, now, new Date(now.getTime() + REPAIR_LEASE_MS)))) {
    return null;
  }
  try {
    const doc = await readInnovation(n, responseId);
    if (!doc) return null;
    if (await ownsNumber(n, doc)) return doc.innovation;
    const claimed = await claimedBefore(n, doc);
    if (claimed !== null) return pointAt(n, doc, claimed);
    return claimNext(n, doc);
  } finally {
    await n.leases.releaseLease(lease, holder).catch(() => undefined);
  }
}

/** A number an interrupted repair already claimed for this innovation (by its claimId). */
async function claimedBefore({ backend, at }: DocumentScope, doc: InnovationDoc): Promise<number | null> {
  const claims = await backend.query({
    collection: at('numbers'),
    orderBy: { field: 'n', direction: 'desc' },
  });
  const mine = claims.find((c) => c.fields.claimId === doc.claimId && c.fields.n !== doc.number);
  return typeof mine?.fields.n === 'number' ? mine.fields.n : null;
}

async function claimNext(n: Numbering, doc: InnovationDoc): Promise<Innovation> {
  let next = (await highestNumber(n)) + 1;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      await n.backend.commit([
        { op: 'create', path: n.at('numbers', String(next)), fields: claimFields(doc, next) },
      ]);
      return pointAt(n, doc, next);
    } catch (error) {
      if (!(error instanceof AlreadyExists)) throw error;
      next = Math.max(next + 1, (await highestNumber(n)) + 1);
    }
  }
  throw storageUnavailable(new Error('innovation-documents: number-repair-not-settled'));
}

async function pointAt(n: Numbering, doc: InnovationDoc, number: number): Promise<Innovation> {
  const innovation = { ...doc.innovation, id: n.numberToId(number) };
  await n.backend.commit([
    {
      op: 'update',
      path: n.at('innovations', docId(doc.innovation.responseId ?? '')),
      fields: { number, innovation: toFields(innovation) },
    },
    n.stamp(),
  ]);
  return innovation;
}

/**
 * Reads the innovation once its number is confirmed: another writer may be finishing it on the emulator.
 * When it stays unsettled (that writer is gone), this delivery repairs it.
 */
async function settledInnovation(
  n: Numbering,
  responseId: string,
  along: readonly ReadAlong[],
  ownClaim: string | undefined,
): Promise<InnovationDoc | null> {
  const settled = () =>
    pRetry(
      async () => {
        const doc = await readInnovation(n, responseId, along);
        if (doc && doc.claimId !== ownClaim && !(await ownsNumber(n, doc))) throw new NotSettled();
        return doc;
      },
      {
        retries: 15,
        minTimeout: 10,
        maxTimeout: 1000,
        shouldRetry: ({ error }) => error instanceof NotSettled,
      },
    );
  try {
    return await settled();
  } catch (error) {
    if (!(error instanceof NotSettled)) throw error;
    if (!(await repair(n, responseId))) throw storageUnavailable(error);
    return readInnovation(n, responseId);
  }
}

function innovationFields(doc: InnovationDoc): Fields {
  return {
    responseId: doc.innovation.responseId ?? '',
    number: doc.number,
    version: doc.version,
    submittedAt: doc.submittedAt,
    claimId: doc.claimId,
    innovation: toFields(doc.innovation),
  };
}

function toInnovationDoc(fields: Fields): InnovationDoc {
  return {
    number: Number(fields.number),
    version: Number(fields.version),
    submittedAt: String(fields.submittedAt),
    claimId: String(fields.claimId),
    innovation: fields.innovation as unknown as Innovation,
  };
}

function claimFields(doc: InnovationDoc, n: number): Fields {
  return { n, responseId: doc.innovation.responseId ?? '', claimId: doc.claimId };
}

class NotSettled extends Error {
  constructor() {
    super('innovation-documents: number-not-settled');
    this.name = 'NotSettled';
  }
}
