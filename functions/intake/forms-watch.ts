import type { Lang } from '../../shared/domain/i18n.ts';
import { sortableInstant } from '../../shared/domain/submission.ts';
import { AppError } from '../../shared/errors.ts';
import type { FormWatch } from '../../shared/ports.ts';
import type { Services } from '../services.ts';
import { archivePayload, type IngestResult, ingestArchived } from './ingest.ts';
import { type PubsubEnvelope, parseFormsApiResponse, peekResponseId } from './payloads.ts';

export type PubsubOutcome =
  | { ignored: string }
  | { formId: string; cursor: string | null; results: IngestResult[] };

export function cursorName(formId: string): string {
  return `forms-responses:${formId}`;
}

/**
 * A RESPONSES notification says only "something changed": list what was submitted after the cursor,
 * archive and ingest each response, then move the cursor. The cursor moves only when every response
 * was stored, so a failure re-lists them on the next delivery (ingest is idempotent).
 */
export async function handleFormsNotification(
  services: Services,
  envelope: PubsubEnvelope,
  lang: Lang,
): Promise<PubsubOutcome> {
  const { formId, eventType } = envelope.message.attributes;
  const watched = services.competition.form?.formId;
  if (eventType !== 'RESPONSES') return { ignored: `eventType ${eventType ?? '(none)'}` };
  if (!formId || !watched || formId !== watched) return { ignored: `formId ${formId ?? '(none)'}` };
  const forms = services.forms;
  if (!forms) {
    throw new AppError('upstream_unavailable', {
      id: 'Google Forms API belum dikonfigurasi.',
      en: 'The Google Forms API is not configured.',
    });
  }

  const cid = services.competition.id;
  const cursor = await services.store.getCursor(cid, cursorName(formId));
  const listed = await forms.listSince(formId, cursor);
  const results: IngestResult[] = [];
  let newest = cursor;
  for (const response of listed.responses) {
    const raw = await archivePayload(
      services,
      'forms-api',
      JSON.stringify(response),
      peekResponseId(response),
    );
    results.push(
      await ingestArchived(
        services,
        raw,
        (l) => parseFormsApiResponse(response, listed.questionTitles, l),
        lang,
      ),
    );
    const submitted = (response as { lastSubmittedTime?: unknown }).lastSubmittedTime;
    if (typeof submitted === 'string' && (newest === null || sortableInstant(submitted) > newest))
      newest = sortableInstant(submitted);
  }
  if (newest !== null && newest !== cursor) {
    // Concurrent deliveries may race here; a cursor that moves back only causes a harmless re-list.
    await services.store.setCursor(cid, cursorName(formId), newest);
  }
  return { formId, cursor: newest, results };
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
