import type { Lang } from '../../shared/domain/i18n.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { answersByTitle, validateSubmission } from '../../shared/domain/submission.ts';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import type { IntakeSource, RawSubmission, UpsertOutcome } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import type { ParsedPayload } from './payloads.ts';

export interface IngestResult {
  responseId: string | undefined;
  outcome: UpsertOutcome | 'rejected';
  /** The readable number, e.g. INOV-2024-017, when accepted. */
  innovationId?: string;
  /** Field-level reasons in the caller's language, when rejected. */
  reasons?: FieldIssue[];
}

/**
 * Step one for every delivery, before anything reads the payload. A store failure throws
 * AppError('storage_unavailable') (503) and nothing else happens, so the sender retries.
 */
export async function archivePayload(
  services: Services,
  source: IntakeSource,
  body: string,
  responseId: string | undefined,
): Promise<RawSubmission> {
  const raw: RawSubmission = {
    id: crypto.randomUUID(),
    receivedAt: services.clock.now().toISOString(),
    source,
    ...(responseId ? { responseId } : {}),
    body,
  };
  await services.store.archiveRaw(services.competition.id, raw);
  return raw;
}

/**
 * Validates an archived payload and stores the outcome: a rejection with its reasons, or the innovation
 * keyed by response id (the store makes redeliveries and concurrent duplicates land once). Stored
 * reasons are Indonesian for the secretariat; the returned ones are in `lang`.
 */
export async function ingestArchived(
  services: Services,
  raw: RawSubmission,
  parse: (lang: Lang) => ParsedPayload,
  lang: Lang,
): Promise<IngestResult> {
  const { competition, store } = services;
  const cid = competition.id;
  const parsed = parse('id');

  if (!parsed.ok) {
    if (parsed.responseId) {
      await store.recordRejection(cid, {
        responseId: parsed.responseId,
        receivedAt: raw.receivedAt,
        source: raw.source,
        rawId: raw.id,
        reasons: parsed.reasons,
        answers: {},
      });
    }
    const reasons = lang === 'id' ? parsed.reasons : reasonsOf(parse(lang));
    return { responseId: parsed.responseId, outcome: 'rejected', reasons };
  }

  const submission = parsed.submission;
  const checked = validateSubmission(competition, submission, 'id');
  if (!checked.ok) {
    await store.recordRejection(cid, {
      responseId: submission.responseId,
      receivedAt: raw.receivedAt,
      source: raw.source,
      rawId: raw.id,
      reasons: checked.reasons,
      answers: answersByTitle(submission.answers),
    });
    const inLang = lang === 'id' ? checked : validateSubmission(competition, submission, lang);
    return {
      responseId: submission.responseId,
      outcome: 'rejected',
      reasons: inLang.ok ? [] : inLang.reasons,
    };
  }

  const year = competition.year ?? Number(competition.announceAt.slice(0, 4));
  const { outcome, innovation } = await store.upsertInnovation(
    cid,
    {
      responseId: submission.responseId,
      submittedAt: submission.lastSubmittedTime,
      source: raw.source,
      rawId: raw.id,
      innovation: checked.innovation,
    },
    (n) => innovationNumber(year, n),
  );
  await store.clearRejection(cid, submission.responseId);
  return { responseId: submission.responseId, outcome, innovationId: innovation.id };
}

function reasonsOf(parsed: ParsedPayload): FieldIssue[] {
  return parsed.ok ? [] : parsed.reasons;
}

/** A rejected submission answers 422 and names its fields. */
export function rejectionError(reasons: readonly FieldIssue[]): AppError {
  const list = reasons.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new AppError(
    'validation_failed',
    { id: `Kiriman ditolak — ${list}`, en: `Submission rejected — ${list}` },
    { fields: [...reasons] },
  );
}
