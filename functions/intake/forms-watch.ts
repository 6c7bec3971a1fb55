import { sortableInstant } from '../../shared/domain/sortable-instant.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { FormResponses, FormWatch } from '../../shared/ports.ts';
import type { Deployment, Services } from '../compose/services.ts';
import { archivePayload, type IngestResult, ingestSubmission } from './ingest.ts';
import {
  type ParsedPayload,
  type PubsubEnvelope,
  parseFormsApiResponse,
  parseJson,
  peekResponseId,
  pubsubEnvelopeSchema,
} from './payloads.ts';

export type PubsubOutcome =
  | { ignored: string }
  | { formId: string; cursor: string | null; results: IngestResult[] };

export function cursorName(formId: string): string {
  return `forms-responses:${formId}`;
}

/** The responses stored from within the overlap, so that listing them again costs nothing. */
function seenName(formId: string): string {
  return `${cursorName(formId)}:seen`;
}

/**
 * Each listing reaches this far behind the cursor: the Forms API may list a response some time after a
 * newer one, and a strict "after the cursor" would then skip it for good. What the overlap lists again
 * is recognised by response id and submission time (an edit has a new time, so it is taken).
 */
export const OVERLAP_MS = 10 * 60_000;

/**
 * Responses stored per delivery. Workers allow 50 subrequests per request and each stored response
 * costs about 4–6 store calls, so a backlog is worked off over several deliveries.
 */
export const MAX_PER_DELIVERY = 8;

/**
 * Under several competitions one Pub/Sub topic carries every Form's notifications: each goes to the
 * competition whose config watches the Form it names, else to `fallback` (which ignores a Form it does
 * not watch).
 */
export function watchingCompetition(
  deployment: Deployment,
  formId: string | undefined,
  fallback: Services,
): Services {
  return deployment.find((s) => formId !== undefined && s.competition.form?.formId === formId) ?? fallback;
}

/** The Form a push body names, when it is a Pub/Sub push at all. */
export function pushedFormId(body: string): string | undefined {
  const envelope = pubsubEnvelopeSchema.safeParse(parseJson(body));
  return envelope.success ? envelope.data.message.attributes.formId : undefined;
}

/**
 * Every Pub/Sub push, through the Worker's route or Cloud Functions' CloudEvent: archived before it is
 * read, then handled. Null when the body is not a Pub/Sub push at all (it stays in the archive).
 */
export async function receiveFormsPush(services: Services, body: string): Promise<PubsubOutcome | null> {
  await archivePayload(services, 'forms-api', body, undefined);
  const envelope = pubsubEnvelopeSchema.safeParse(parseJson(body));
  if (!envelope.success) return null;
  return handleFormsNotification(services, envelope.data);
}

/**
 * A RESPONSES notification says only "something changed": list what was submitted after the cursor,
 * then archive and ingest the oldest few, moving the cursor past each one as soon as it is stored
 * (accepted or rejected), so a failure re-lists only what was not stored yet (ingest is idempotent).
 * When more remain, answers `busy` (non-2xx) so that Pub/Sub delivers again soon.
 */
export async function handleFormsNotification(
  services: Services,
  envelope: PubsubEnvelope,
): Promise<PubsubOutcome> {
  const watched = watchedForm(services, envelope);
  if ('ignored' in watched) return watched;
  const { formId } = watched;
  const forms = formsApi(services);
  const position = await readPosition(services, formId);
  const since = position.cursor === null ? null : overlapStart(position.cursor);
  const listed = await forms.listSince(formId, since);
  const queue = unseenOldestFirst(listed.responses, position.seen);
  const end = batchEnd(
    queue.map((q) => q.at),
    MAX_PER_DELIVERY,
  );
  const read = (json: unknown) => parseFormsApiResponse(json, listed.questionTitles);
  const { results, cursor } = await ingestQueued(services, formId, position, queue, end, read);
  if (end < queue.length) {
    throw new AppError('busy', bilingual('error.formResponsesWaiting'));
  }
  return { formId, cursor, results };
}

/** The competition's own Form and a RESPONSES event, or why the notification is ignored. */
function watchedForm(services: Services, envelope: PubsubEnvelope): { formId: string } | { ignored: string } {
  const { formId, eventType } = envelope.message.attributes;
  const watched = services.competition.form?.formId;
  if (eventType !== 'RESPONSES') return { ignored: `eventType ${eventType ?? '(none)'}` };
  if (!formId || !watched || formId !== watched) return { ignored: `formId ${formId ?? '(none)'}` };
  return { formId };
}

function formsApi(services: Services): FormResponses {
  if (services.forms) return services.forms;
  throw new AppError('upstream_unavailable', bilingual('error.formsApiUnset'));
}

/** How far the listing got: the cursor, and the responses stored from within the overlap behind it. */
interface Position {
  cursor: string | null;
  seen: Map<string, string>;
}

async function readPosition({ stores }: Services, formId: string): Promise<Position> {
  const [cursor, seenText] = await Promise.all([
    stores.cursors.getCursor(cursorName(formId)),
    stores.cursors.getCursor(seenName(formId)),
  ]);
  return { cursor, seen: readSeen(seenText) };
}

interface Queued {
  response: unknown;
  at: string;
}

function unseenOldestFirst(responses: readonly unknown[], seen: ReadonlyMap<string, string>): Queued[] {
  return responses
    .map((response) => ({ response, at: submittedAt(response) }))
    .filter(({ response, at }) => !seen.has(seenKey(peekResponseId(response), at)))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Ingests the first `end` queued responses in order, moving the cursor past a time once all its
 * responses are stored, and saves what was stored from within the overlap whatever happens.
 */
async function ingestQueued(
  services: Services,
  formId: string,
  position: Position,
  queue: readonly Queued[],
  end: number,
  read: (json: unknown) => ParsedPayload,
): Promise<{ results: IngestResult[]; cursor: string | null }> {
  const results: IngestResult[] = [];
  let newest = position.cursor;
  const stored = new Map(position.seen);
  try {
    for (const [i, { response, at }] of queue.slice(0, end).entries()) {
      const responseId = peekResponseId(response);
      const delivery = { source: 'forms-api' as const, body: JSON.stringify(response), json: response };
      results.push(await ingestSubmission(services, delivery, read));
      stored.set(seenKey(responseId, at), at);
      // The cursor may only pass a time once all its responses are stored.
      const tiesNext = queue[i + 1]?.at === at;
      if (at !== '' && !tiesNext && (newest === null || at > newest)) {
        // Concurrent deliveries may race here; a cursor that moves back only causes a harmless re-list.
        await services.stores.cursors.setCursor(cursorName(formId), at);
        newest = at;
      }
    }
  } finally {
    // Only saves work: what is not recorded here is listed and stored again, and lands once all the same.
    if (stored.size !== position.seen.size) {
      await services.stores.cursors
        .setCursor(seenName(formId), writeSeen(stored, newest))
        .catch(() => undefined);
    }
  }
  return { results, cursor: newest };
}

function overlapStart(cursor: string): string {
  const ms = Date.parse(cursor);
  return Number.isNaN(ms) ? cursor : sortableInstant(new Date(ms - OVERLAP_MS).toISOString());
}

function seenKey(responseId: string | undefined, at: string): string {
  return `${responseId ?? ''} ${at}`;
}

/** `[[responseId, time], …]`; anything unreadable counts as nothing seen (the store dedupes anyway). */
function readSeen(text: string | null): Map<string, string> {
  const seen = new Map<string, string>();
  const parsed: unknown = text ? parseJson(text) : null;
  if (!Array.isArray(parsed)) return seen;
  for (const pair of parsed) {
    if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') {
      seen.set(seenKey(pair[0], pair[1]), pair[1]);
    }
  }
  return seen;
}

/** Keeps what the next listing can still return: responses within the overlap behind the cursor. */
function writeSeen(stored: Map<string, string>, cursor: string | null): string {
  const from = cursor === null ? '' : overlapStart(cursor);
  const kept = [...stored]
    .filter(([, at]) => at >= from)
    .map(([key, at]) => [key.slice(0, key.lastIndexOf(' ')), at]);
  return JSON.stringify(kept);
}

/** Sortable lastSubmittedTime, or '' (first, never a cursor) when Google sent none. */
function submittedAt(response: unknown): string {
  const submitted = (response as { lastSubmittedTime?: unknown }).lastSubmittedTime;
  return typeof submitted === 'string' ? sortableInstant(submitted) : '';
}

/**
 * How many of the sorted times to take: at most `max`, but never splitting responses submitted at the
 * same instant (the cursor could not tell them apart), unless that group alone is larger than `max`.
 */
function batchEnd(times: string[], max: number): number {
  if (times.length <= max) return times.length;
  let end = max;
  while (end > 0 && times[end] === times[end - 1]) end--;
  if (end > 0) return end;
  end = max;
  while (end < times.length && times[end] === times[end - 1]) end++;
  return end;
}

/**
 * For the scheduled job: watches expire 7 days after creation or renewal, so renew every watch on the
 * competition's Form; create the RESPONSES watch when there is none and a Pub/Sub topic is given.
 */
export async function renewWatches(services: Services, topicName?: string): Promise<FormWatch[]> {
  const formId = services.competition.form?.formId;
  const forms = services.forms;
  if (!formId || !forms) return [];
  const existing = await forms.listWatches(formId);
  const renewed = await Promise.all(existing.map((w) => forms.renewWatch(formId, w.id)));
  if (!existing.some((w) => w.eventType === 'RESPONSES') && topicName) {
    renewed.push(await forms.createWatch(formId, 'RESPONSES', topicName));
  }
  return renewed;
}
