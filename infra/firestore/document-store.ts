import pRetry from 'p-retry';
import { type Innovation, isEdit } from '../../shared/domain/innovation.ts';
import { storageUnavailable } from '../../shared/errors.ts';
import type {
  AcceptedSubmission,
  RawSubmission,
  Rejection,
  Store,
  UpsertOutcome,
} from '../../shared/ports.ts';
import { innovationRecord } from '../innovation-record.ts';
import {
  AlreadyExists,
  type DocumentBackend,
  type DocumentWrite,
  docId,
  type Fields,
  type FieldValue,
} from './document-backend.ts';
import { createLifecycleDocuments } from './lifecycle-documents.ts';
import { createRecordDocuments } from './record-documents.ts';
import { createSyncDocuments } from './sync-documents.ts';

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

/**
 * The Store on Firestore documents, shared by the Node (gRPC) and the Workers (REST) adapters.
 * Exactly-once and gap-free numbering rest on `create` preconditions in one commit, not on transactions;
 * infra/firestore/README.md explains why that holds on production Firestore and what the emulator lacks.
 */
export function createDocumentStore(backend: DocumentBackend): Store {
  const path = (competition: string, ...parts: string[]) =>
    ['competitions', docId(competition), ...parts].join('/');

  async function readInnovation(competition: string, responseId: string): Promise<InnovationDoc | null> {
    const fields = await backend.get(path(competition, 'innovations', docId(responseId)));
    return fields ? toInnovationDoc(fields) : null;
  }

  async function highestNumber(competition: string): Promise<number> {
    const [top] = await backend.query({
      collection: path(competition, 'numbers'),
      orderBy: { field: 'n', direction: 'desc' },
      limit: 1,
    });
    return typeof top?.fields.n === 'number' ? top.fields.n : 0;
  }

  /** Whether numbers/{n} belongs to this innovation: always true on production Firestore (atomic commits). */
  async function ownsNumber(competition: string, doc: InnovationDoc): Promise<boolean> {
    const claim = await backend.get(path(competition, 'numbers', String(doc.number)));
    return claim?.claimId === doc.claimId;
  }

  /**
   * The emulator applies a commit's writes one by one and keeps the ones before a failed precondition, so an
   * innovation can land while its number was taken. It is then given a number of its own, under a lease per
   * response so that one repair runs at a time: by the writer that made it, or, when that writer died half-way
   * (its connection cut), by a later delivery of the same response. A repair that stopped after claiming a
   * number is finished with that number, so no number is ever claimed twice. Null: another repair is running.
   */
  async function repair(
    competition: string,
    responseId: string,
    numberToId: (n: number) => string,
  ): Promise<Innovation | null> {
    const lease = `repair:${responseId}`;
    const holder = crypto.randomUUID();
    const now = new Date();
    if (
      !(await store.acquireLease(competition, lease, holder, now, new Date(now.getTime() + REPAIR_LEASE_MS)))
    ) {
      return null;
    }
    try {
      const doc = await readInnovation(competition, responseId);
      if (!doc) return null;
      if (await ownsNumber(competition, doc)) return doc.innovation;
      const claimed = await claimedBefore(competition, doc);
      if (claimed !== null) return pointAt(competition, doc, claimed, numberToId);
      return claimNext(competition, doc, numberToId);
    } finally {
      await store.releaseLease(competition, lease, holder).catch(() => undefined);
    }
  }

  /** A number an interrupted repair already claimed for this innovation (by its claimId). */
  async function claimedBefore(competition: string, doc: InnovationDoc): Promise<number | null> {
    const claims = await backend.query({
      collection: path(competition, 'numbers'),
      orderBy: { field: 'n', direction: 'desc' },
    });
    const mine = claims.find((c) => c.fields.claimId === doc.claimId && c.fields.n !== doc.number);
    return typeof mine?.fields.n === 'number' ? mine.fields.n : null;
  }

  async function claimNext(competition: string, doc: InnovationDoc, numberToId: (n: number) => string) {
    let next = (await highestNumber(competition)) + 1;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        await backend.commit([
          { op: 'create', path: path(competition, 'numbers', String(next)), fields: claimFields(doc, next) },
        ]);
        return pointAt(competition, doc, next, numberToId);
      } catch (error) {
        if (!(error instanceof AlreadyExists)) throw error;
        next = Math.max(next + 1, (await highestNumber(competition)) + 1);
      }
    }
    throw storageUnavailable(new Error('number repair did not settle'));
  }

  async function pointAt(
    competition: string,
    doc: InnovationDoc,
    n: number,
    numberToId: (n: number) => string,
  ) {
    const innovation = { ...doc.innovation, id: numberToId(n) };
    await backend.commit([
      {
        op: 'update',
        path: path(competition, 'innovations', docId(doc.innovation.responseId ?? '')),
        fields: { number: n, innovation: toFields(innovation) },
      },
      stamp(competition),
    ]);
    return innovation;
  }

  /**
   * Reads the innovation once its number is confirmed: another writer may be finishing it on the emulator.
   * When it stays unsettled (that writer is gone), this delivery repairs it.
   */
  async function settledInnovation(
    competition: string,
    responseId: string,
    numberToId: (n: number) => string,
  ): Promise<InnovationDoc | null> {
    const settled = () =>
      pRetry(
        async () => {
          const doc = await readInnovation(competition, responseId);
          if (doc && !(await ownsNumber(competition, doc))) throw new NotSettled();
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
      if (!(await repair(competition, responseId, numberToId))) throw storageUnavailable(error);
      return readInnovation(competition, responseId);
    }
  }

  async function upsert(
    competition: string,
    submission: AcceptedSubmission,
    numberToId: (n: number) => string,
  ): Promise<{ outcome: UpsertOutcome; innovation: Innovation }> {
    const innovationPath = path(competition, 'innovations', docId(submission.responseId));
    // Accepted: a standing rejection of the response goes in the same commit.
    const cleared: DocumentWrite = {
      op: 'delete',
      path: path(competition, 'rejections', docId(submission.responseId)),
    };
    const claimId = crypto.randomUUID();
    let next = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const existing = await settledInnovation(competition, submission.responseId, numberToId);
      if (!existing) {
        next = Math.max(next + 1, (await highestNumber(competition)) + 1);
        const innovation = innovationRecord(submission, numberToId(next), 1);
        const doc: InnovationDoc = {
          number: next,
          version: 1,
          submittedAt: submission.submittedAt,
          claimId,
          innovation,
        };
        try {
          await backend.commit([
            { op: 'create', path: innovationPath, fields: innovationFields(doc) },
            {
              op: 'create',
              path: path(competition, 'numbers', String(next)),
              fields: claimFields(doc, next),
            },
            cleared,
            stamp(competition),
          ]);
          return { outcome: 'created', innovation };
        } catch (error) {
          if (!(error instanceof AlreadyExists)) throw error;
          const landed = await readInnovation(competition, submission.responseId);
          if (landed?.claimId === claimId && !(await ownsNumber(competition, landed))) {
            const repaired = await repair(competition, submission.responseId, numberToId);
            if (repaired) return { outcome: 'created', innovation: repaired };
          }
          continue;
        }
      }
      if (!isEdit(submission.submittedAt, existing.submittedAt)) {
        return { outcome: 'unchanged', innovation: existing.innovation };
      }
      const version = existing.version + 1;
      const innovation = innovationRecord(submission, existing.innovation.id, version);
      try {
        // history/{version} can be created once: it serialises concurrent edits of one innovation.
        await backend.commit([
          {
            op: 'create',
            path: `${innovationPath}/history/${String(existing.version).padStart(6, '0')}`,
            fields: { version: existing.version, innovation: toFields(existing.innovation) },
          },
          {
            op: 'set',
            path: innovationPath,
            fields: innovationFields({
              ...existing,
              version,
              submittedAt: submission.submittedAt,
              innovation,
            }),
          },
          cleared,
          stamp(competition),
        ]);
        return { outcome: 'updated', innovation };
      } catch (error) {
        if (!(error instanceof AlreadyExists)) throw error;
      }
    }
    throw storageUnavailable(new Error('innovation upsert did not settle'));
  }

  const { stamp, ...syncLog } = createSyncDocuments(backend, path, {
    readRoster: async (competition) => {
      const [innovations, rejections] = await Promise.all([
        store.listInnovations(competition),
        store.listRejections(competition),
      ]);
      return { innovations, rejections };
    },
    latestVersion: (competition) => store.latestVersion(competition),
    listChanges: (competition, limit) => store.listScoreChanges(competition, limit),
  });

  /** Leases this instance holds: holder (unique per acquisition) → its term document. */
  const held = new Map<string, string>();

  const store: Store = {
    ...createRecordDocuments(backend, path, stamp),
    ...createLifecycleDocuments(backend, path),
    ...syncLog,
    async archiveRaw(competition, raw) {
      // The payload is created once (its id is its content hash); each delivery is a small record of
      // its own, so replays count without copying the body and concurrent ones never lose a count.
      const delivery: DocumentWrite = {
        op: 'set',
        path: path(competition, 'deliveries', crypto.randomUUID()),
        fields: { rawId: raw.id, receivedAt: raw.receivedAt },
      };
      try {
        await backend.commit([
          { op: 'create', path: path(competition, 'intake', docId(raw.id)), fields: toFields(raw) },
          delivery,
        ]);
      } catch (error) {
        if (!(error instanceof AlreadyExists)) throw error;
        await backend.commit([delivery]);
      }
    },
    async listRaw(competition) {
      const [payloads, deliveries] = await Promise.all([
        backend.query({ collection: path(competition, 'intake') }),
        backend.query({ collection: path(competition, 'deliveries') }),
      ]);
      const counts = new Map<string, { n: number; last: string }>();
      for (const d of deliveries) {
        const { rawId, receivedAt } = d.fields;
        if (typeof rawId !== 'string' || typeof receivedAt !== 'string') continue;
        const seen = counts.get(rawId);
        counts.set(rawId, {
          n: (seen?.n ?? 0) + 1,
          last: seen && seen.last > receivedAt ? seen.last : receivedAt,
        });
      }
      return payloads
        .map((d) => {
          const raw = d.fields as unknown as RawSubmission;
          const count = counts.get(raw.id);
          // Payloads archived before deliveries were counted have no delivery records.
          return { ...raw, deliveries: count?.n ?? 1, lastReceivedAt: count?.last ?? raw.receivedAt };
        })
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    upsertInnovation: upsert,
    async listInnovations(competition) {
      const docs = await backend.query({
        collection: path(competition, 'innovations'),
        orderBy: { field: 'number', direction: 'asc' },
      });
      return docs.map((d) => toInnovationDoc(d.fields).innovation);
    },
    async innovationHistory(competition, responseId) {
      const docs = await backend.query({
        collection: path(competition, 'innovations', docId(responseId), 'history'),
        orderBy: { field: 'version', direction: 'asc' },
      });
      return docs.map((d) => d.fields.innovation as unknown as Innovation);
    },
    async recordRejection(competition, rejection) {
      // Question titles are any text (empty, "__x__", "a.b"), which Firestore does not take as field names:
      // the answers are kept as a list of pairs instead of a map.
      const answers = Object.entries(rejection.answers).map(([question, answer]) => ({ question, answer }));
      await backend.commit([
        {
          op: 'set',
          path: path(competition, 'rejections', docId(rejection.responseId)),
          fields: toFields({ ...rejection, answers }),
        },
        stamp(competition),
      ]);
    },
    async listRejections(competition) {
      const docs = await backend.query({ collection: path(competition, 'rejections') });
      return docs
        .map((d) => ({ ...(d.fields as unknown as Rejection), answers: answersOf(d.fields.answers) }))
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || (a.responseId < b.responseId ? -1 : 1));
    },
    async clearRejection(competition, responseId) {
      await backend.commit([
        { op: 'delete', path: path(competition, 'rejections', docId(responseId)) },
        stamp(competition),
      ]);
    },
    async acquireLease(competition, name, holder, now, until) {
      const terms = path(competition, 'leases', docId(name), 'terms');
      const [current] = await backend.query({
        collection: terms,
        orderBy: { field: 'term', direction: 'desc' },
        limit: 1,
      });
      const term = typeof current?.fields.term === 'number' ? current.fields.term : 0;
      if (current) {
        const { holder: by, untilMs, released } = current.fields;
        const free = released === true || typeof untilMs !== 'number' || untilMs <= now.getTime();
        if (!free && by !== holder) return false;
      }
      // Each hand-over creates the next term document: only one taker can create it.
      const termPath = `${terms}/${String(term + 1).padStart(10, '0')}`;
      try {
        await backend.commit([
          {
            op: 'create',
            path: termPath,
            fields: {
              term: term + 1,
              holder,
              untilMs: until.getTime(),
              released: false,
            },
          },
        ]);
        held.set(holder, termPath);
        return true;
      } catch (error) {
        if (error instanceof AlreadyExists) return false;
        throw error;
      }
    },
    async releaseLease(competition, name, holder) {
      // The term this instance took is known: no query (a subrequest less on a cron tick). Another
      // instance's holder is looked up, and released only if it still holds the latest term.
      const mine = held.get(holder);
      held.delete(holder);
      if (mine) {
        await backend.commit([{ op: 'update', path: mine, fields: { released: true } }]);
        return;
      }
      const terms = path(competition, 'leases', docId(name), 'terms');
      const [current] = await backend.query({
        collection: terms,
        orderBy: { field: 'term', direction: 'desc' },
        limit: 1,
      });
      if (!current || current.fields.holder !== holder) return;
      await backend.commit([{ op: 'update', path: current.path, fields: { released: true } }]);
    },
    async getCursor(competition, name) {
      const fields = await backend.get(path(competition, 'cursors', docId(name)));
      return typeof fields?.value === 'string' ? fields.value : null;
    },
    async setCursor(competition, name, value) {
      await backend.commit([
        { op: 'set', path: path(competition, 'cursors', docId(name)), fields: { value } },
      ]);
    },
    async createSession(competition, id, expiresAt) {
      try {
        await backend.commit([
          {
            op: 'create',
            path: path(competition, 'sessions', docId(id)),
            fields: { expiresMs: expiresAt.getTime(), revoked: false },
          },
        ]);
      } catch (error) {
        // Ids are random: an existing one is this same session, and must not come back if revoked.
        if (!(error instanceof AlreadyExists)) throw error;
      }
    },
    async sessionActive(competition, id, now) {
      const fields = await backend.get(path(competition, 'sessions', docId(id)));
      return (
        fields?.revoked === false && typeof fields.expiresMs === 'number' && fields.expiresMs > now.getTime()
      );
    },
    async revokeSession(competition, id) {
      // A tombstone, written whether or not the session exists: one write, no read.
      await backend.commit([
        {
          op: 'set',
          path: path(competition, 'sessions', docId(id)),
          fields: { expiresMs: 0, revoked: true },
        },
      ]);
    },
    async addAttempt(competition, client, attempt) {
      // One document per attempt: concurrent attempts never overwrite each other's count.
      await backend.commit([
        {
          op: 'set',
          path: path(competition, 'attempts', docId(client), 'log', docId(attempt.id)),
          fields: { id: attempt.id, at: attempt.at.getTime() },
        },
      ]);
    },
    async recentAttempts(competition, client, since, limit) {
      if (limit <= 0) return [];
      const docs = await backend.query({
        collection: path(competition, 'attempts', docId(client), 'log'),
        orderBy: { field: 'at', direction: 'desc' },
        limit: Math.trunc(limit),
      });
      return docs
        .flatMap(({ fields: { id, at } }) =>
          typeof id === 'string' && typeof at === 'number' && at >= since.getTime()
            ? [{ id, at: new Date(at) }]
            : [],
        )
        .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    },
    async clearAttempts(competition, client) {
      const docs = await backend.query({ collection: path(competition, 'attempts', docId(client), 'log') });
      for (let i = 0; i < docs.length; i += 400) {
        await backend.commit(docs.slice(i, i + 400).map((d) => ({ op: 'delete' as const, path: d.path })));
      }
    },
  };
  return store;
}

/** Answers as a list of pairs, or (saved before that) a map; own keys only, "__proto__" included. */
function answersOf(stored: FieldValue | undefined): Record<string, string> {
  if (!Array.isArray(stored))
    return stored && typeof stored === 'object' ? (stored as Record<string, string>) : {};
  return Object.fromEntries(
    stored.flatMap((pair) =>
      pair && typeof pair === 'object' && !Array.isArray(pair) && !(pair instanceof Uint8Array)
        ? [[String(pair.question ?? ''), String(pair.answer ?? '')]]
        : [],
    ),
  );
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

/** Plain data → document fields; undefined properties are dropped as JSON would drop them. */
function toFields(value: object): Fields {
  return JSON.parse(JSON.stringify(value)) as { [key: string]: FieldValue };
}

class NotSettled extends Error {
  constructor() {
    super('innovation number not settled yet');
    this.name = 'NotSettled';
  }
}
