import { sha256Hex } from '../../shared/digest.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import type { Issue } from '../../shared/domain/issues.ts';
import { lateEntryNeedsCorrection } from '../../shared/domain/lifecycle.ts';
import { answersByTitle, validateSubmission } from '../../shared/domain/submission.ts';
import { intakeState } from '../../shared/domain/timeline.ts';
import { AppError } from '../../shared/errors.ts';
import { issueFields, issueLine } from '../../shared/messages/issues.ts';
import { zoneName } from '../../shared/messages/moments.ts';
import type { IntakeSource, RawSubmission, UpsertOutcome } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import type { ParsedPayload } from './payloads.ts';

export interface IngestResult {
  responseId: string | undefined;
  outcome: UpsertOutcome | 'rejected';
  /** The readable number, e.g. INOV-2024-017, when accepted. */
  innovationId?: string;
  /** Field-level reasons, when rejected: codes, rendered by whoever answers. */
  reasons?: Issue[];
  /** Rejected because intake is not open (yet, or any more): answered 200 so that no one retries. */
  outsideWindow?: boolean;
}

/** The intake window's verdict for a submission made at `at`, as an issue, or null when open. */
function windowIssue(competition: Services['competition'], at: Date): Issue | null {
  const state = intakeState(competition, at);
  if (state === 'open' || !competition.intake) return null;
  const zone = zoneName(competition.timezone);
  if (state === 'closed') {
    return {
      path: 'lastSubmittedTime',
      code: 'intakeClosed',
      params: { closesAt: `${competition.intake.closesAt.replace('T', ' ')} ${zone}` },
    };
  }
  return {
    path: 'lastSubmittedTime',
    code: 'intakeNotOpen',
    params: { opensAt: `${competition.intake.opensAt.replace('T', ' ')} ${zone}` },
  };
}

/**
 * The secretariat's explicit override for a submission that came outside the intake window: it is
 * accepted as it was sent, and the innovation carries who-knows-why (`lateAccepted`) for the record.
 */
export async function acceptLateEntry(
  services: Services,
  responseId: string,
  reason: string,
  options: { correctionAcknowledged?: boolean } = {},
) {
  const { competition, stores, clock } = services;
  const why = reason.trim();
  if (why === '') {
    throw new AppError('bad_request', {
      id: 'Alasan penerimaan pendaftaran terlambat wajib diisi.',
      en: 'A reason for accepting the late entry is required.',
    });
  }
  // After fixing, the entry joins the live ranking only: the fixed version and every public surface stay
  // as they are until a correction is fixed. Say so first, and go on only once that was acknowledged.
  const latest = (await stores.records.listVersions()).at(-1);
  if (lateEntryNeedsCorrection({ latest: latest ?? null }) && !options.correctionAcknowledged) {
    throw new AppError('conflict', {
      id: `Hasil versi ${latest?.version} sudah ditetapkan. Menerima pendaftaran ini berarti ralat (versi baru dengan alasan) diperlukan agar ia ikut dinilai dalam hasil resmi; sampai ralat ditetapkan, hasil resmi dan semua halaman publik tidak berubah. Centang "ralat diperlukan" untuk melanjutkan.`,
      en: `Result version ${latest?.version} is fixed. Accepting this entry means a correction (a new version with a reason) is needed for it to count in the official result; until one is fixed, the official result and every public page stay unchanged. Tick "a correction is needed" to go on.`,
    });
  }
  const rejection = (await stores.archive.listRejections()).find((r) => r.responseId === responseId);
  const submission = rejection?.submission;
  const checked = submission ? validateSubmission(competition, submission) : null;
  if (!rejection || !submission || !checked?.ok) {
    throw new AppError('not_found', {
      id: `Tidak ada kiriman terlambat yang sah dengan ID respons ${responseId}.`,
      en: `No valid late submission with response id ${responseId}.`,
    });
  }
  const year = competition.year ?? Number(competition.announceAt.slice(0, 4));
  const { outcome, innovation } = await stores.innovations.upsertInnovation(
    {
      responseId,
      submittedAt: submission.lastSubmittedTime,
      source: rejection.source,
      rawId: rejection.rawId,
      innovation: {
        ...checked.innovation,
        lateAccepted: { at: clock.now().toISOString(), reason: why.slice(0, 2000) },
      },
    },
    (n) => innovationNumber(year, n),
  );
  if (outcome === 'unchanged') await stores.archive.clearRejection(responseId);
  return { outcome, innovation };
}

/**
 * Step one for every delivery, before anything reads the payload. A store failure throws
 * AppError('storage_unavailable') (503) and nothing else happens, so the sender retries.
 * The payload is named by the SHA-256 of its bytes: a replay of the same bytes is counted, not copied.
 */
export async function archivePayload(
  services: Services,
  source: IntakeSource,
  body: string | Uint8Array<ArrayBuffer>,
  responseId: string | undefined,
): Promise<RawSubmission> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const text = exactText(bytes);
  const raw: RawSubmission = {
    id: `sha256-${await sha256Hex(bytes)}`,
    receivedAt: services.clock.now().toISOString(),
    source,
    ...(responseId ? { responseId } : {}),
    ...(text === null ? { body: toBase64(bytes), encoding: 'base64' as const } : { body: text }),
  };
  await services.stores.archive.archiveRaw(raw);
  return raw;
}

/** The bytes as text when they are valid UTF-8 (a byte-order mark kept), so the archive holds them exactly. */
function exactText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Validates an archived payload and stores the outcome: a rejection with its reasons, or the innovation
 * keyed by response id (the store makes redeliveries and concurrent duplicates land once). Validated
 * once: the reasons are codes, stored and returned alike, and rendered in each reader's language.
 */
export async function ingestArchived(
  services: Services,
  raw: RawSubmission,
  parsed: ParsedPayload,
): Promise<IngestResult> {
  const { competition, stores } = services;

  if (!parsed.ok) {
    if (parsed.responseId) {
      await stores.archive.recordRejection({
        responseId: parsed.responseId,
        receivedAt: raw.receivedAt,
        source: raw.source,
        rawId: raw.id,
        reasons: parsed.reasons,
        answers: {},
      });
    }
    return { responseId: parsed.responseId, outcome: 'rejected', reasons: parsed.reasons };
  }

  const submission = parsed.submission;
  const checked = validateSubmission(competition, submission);
  const window = windowIssue(competition, new Date(submission.lastSubmittedTime));
  if (window) {
    // The Apps Script retrying a late entry the secretariat has accepted since: the same submission is
    // in already, so the retry changes nothing and leaves no rejection row behind (idempotent).
    const accepted = (await stores.innovations.listInnovations()).find(
      (i) => i.responseId === submission.responseId && i.submittedAt === submission.lastSubmittedTime,
    );
    if (accepted)
      return { responseId: submission.responseId, outcome: 'unchanged', innovationId: accepted.id };
    // Outside the window nothing is accepted, valid or not; a valid one is kept whole so that the
    // secretariat can accept it later by an explicit override (acceptLateEntry).
    await stores.archive.recordRejection({
      responseId: submission.responseId,
      receivedAt: raw.receivedAt,
      source: raw.source,
      rawId: raw.id,
      reasons: [window, ...(checked.ok ? [] : checked.reasons)],
      answers: answersByTitle(submission.answers),
      ...(checked.ok ? { submission } : {}),
    });
    return { responseId: submission.responseId, outcome: 'rejected', reasons: [window], outsideWindow: true };
  }
  if (!checked.ok) {
    await stores.archive.recordRejection({
      responseId: submission.responseId,
      receivedAt: raw.receivedAt,
      source: raw.source,
      rawId: raw.id,
      reasons: checked.reasons,
      answers: answersByTitle(submission.answers),
    });
    return { responseId: submission.responseId, outcome: 'rejected', reasons: checked.reasons };
  }

  const year = competition.year ?? Number(competition.announceAt.slice(0, 4));
  const { outcome, innovation } = await stores.innovations.upsertInnovation(
    {
      responseId: submission.responseId,
      submittedAt: submission.lastSubmittedTime,
      source: raw.source,
      rawId: raw.id,
      innovation: checked.innovation,
    },
    (n) => innovationNumber(year, n),
  );
  // A created or updated innovation cleared the response's rejection in its own write.
  if (outcome === 'unchanged') await stores.archive.clearRejection(submission.responseId);
  return { responseId: submission.responseId, outcome, innovationId: innovation.id };
}

/** A rejected submission answers 422 and names its fields, in the reader's language. */
export function rejectionError(reasons: readonly Issue[], lang: Lang): AppError {
  return new AppError(
    'validation_failed',
    {
      id: `Kiriman ditolak — ${issueLine(reasons, 'id')}`,
      en: `Submission rejected — ${issueLine(reasons, 'en')}`,
    },
    { fields: issueFields(reasons, lang) },
  );
}
