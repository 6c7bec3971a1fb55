import type { ArchivedPayload, RawSubmission, Rejection, SubmissionArchive } from '../../shared/ports.ts';
import {
  AlreadyExists,
  type DocumentWrite,
  docId,
  type FieldValue,
  type StoredDocument,
  toFields,
} from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/**
 * The intake archive on Firestore: `intake/{content hash}` created once per payload, a `deliveries`
 * document per arrival, and `rejections/{response}`, each written with the inputs stamp.
 */
export function createIntakeDocuments({ backend, at, stamp }: DocumentScope): SubmissionArchive {
  const scope = { backend, at };
  return {
    archiveRaw: (raw) => archiveAlone(scope, payloadWrites(scope, raw, crypto.randomUUID())),
    async listRaw() {
      const [payloads, deliveries] = await Promise.all([
        backend.query({ collection: at('intake') }),
        backend.query({ collection: at('deliveries') }),
      ]);
      return archivedPayloads(payloads, deliveries);
    },
    async recordRejection(rejection) {
      // Question titles are any text (empty, "__x__", "a.b"), which Firestore does not take as field names:
      // the answers are kept as a list of pairs instead of a map.
      const answers = Object.entries(rejection.answers).map(([question, answer]) => ({ question, answer }));
      await backend.commit([
        {
          op: 'set',
          path: at('rejections', docId(rejection.responseId)),
          fields: toFields({ ...rejection, answers }),
        },
        stamp(),
      ]);
    },
    async listRejections() {
      const docs = await backend.query({ collection: at('rejections') });
      return docs
        .map((d) => ({ ...(d.fields as unknown as Rejection), answers: answersOf(d.fields.answers) }))
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || (a.responseId < b.responseId ? -1 : 1));
    },
    async clearRejection(responseId) {
      await backend.commit([{ op: 'delete', path: at('rejections', docId(responseId)) }, stamp()]);
    },
  };
}

/**
 * A payload's archive writes: the payload created once (its id is its content hash), and its delivery, a
 * small record of its own named `delivery`, so replays count without copying the body and concurrent ones
 * never lose a count. An innovation's commit may carry them (infra/firestore/innovation-documents.ts).
 */
export function payloadWrites(
  { at }: Pick<DocumentScope, 'at'>,
  raw: RawSubmission,
  delivery: string,
): PayloadWrites {
  return {
    payload: { op: 'create', path: at('intake', docId(raw.id)), fields: toFields(raw) },
    delivery: {
      op: 'set',
      path: at('deliveries', delivery),
      fields: { rawId: raw.id, receivedAt: raw.receivedAt },
    },
  };
}

export interface PayloadWrites {
  payload: DocumentWrite;
  delivery: DocumentWrite;
}

/**
 * Archives a payload in a commit of its own: the delivery alone when the payload is there already. For
 * one delivery name it can run again after a commit that carried the same writes failed (the emulator
 * may have kept part of it): the delivery is set, not added, so it still counts once.
 */
export async function archiveAlone(
  { backend }: Pick<DocumentScope, 'backend'>,
  { payload, delivery }: PayloadWrites,
): Promise<void> {
  try {
    await backend.commit([payload, delivery]);
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
    await backend.commit([delivery]);
  }
}

/** Each payload with how many deliveries it had and the last one's time, first received first. */
function archivedPayloads(payloads: StoredDocument[], deliveries: StoredDocument[]): ArchivedPayload[] {
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
