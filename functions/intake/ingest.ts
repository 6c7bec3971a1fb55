import { sha256Hex } from '../../shared/digest.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { type IntakeRules, intakeRules } from '../../shared/domain/intake-rules.ts';
import type { Issue } from '../../shared/domain/issues.ts';
import { answersByTitle, type FormSubmission, type InnovationDraft } from '../../shared/domain/submission.ts';
import { AppError } from '../../shared/errors.ts';
import { t } from '../../shared/messages/catalogue/t.ts';
import { issueFields, issueLine } from '../../shared/messages/issues.ts';
import { zoneName } from '../../shared/messages/moments.ts';
import type {
  AcceptedSubmission,
  IntakeSource,
  RawSubmission,
  Rejection,
  UpsertOutcome,
} from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import { type ParsedPayload, peekResponseId } from './payloads.ts';

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

/** One delivery of a Form response: its bytes as they came, and the JSON read from them (if any). */
export interface Delivery {
  source: IntakeSource;
  body: string | Uint8Array<ArrayBuffer>;
  json: unknown;
}

/**
 * Every submission, however it arrives (Apps Script, the Forms API, the local form), once through each
 * step: name the raw payload by its bytes → parse and validate it, touching no store → store the verdict
 * with the payload. Every payload is archived whatever its verdict: an accepted one in the same atomic
 * write as its innovation (one Firestore commit), any other before its rejection, and one whose judging
 * throws before the error goes on.
 */
export async function ingestSubmission(
  services: Services,
  delivery: Delivery,
  read: (json: unknown) => ParsedPayload,
): Promise<IngestResult> {
  const raw = await rawSubmission(services, delivery.source, delivery.body, peekResponseId(delivery.json));
  // Derived once per config by the composition root's cache; a hand-built Services derives them here.
  const rules = (services.intakeRules ?? intakeRules)(services.competition);
  let verdict: Verdict;
  try {
    verdict = judgeSubmission(services.competition, rules, read(delivery.json));
  } catch (error) {
    await services.stores.archive.archiveRaw(raw);
    throw error;
  }
  return storeVerdict(services, raw, verdict);
}

/** The intake window's verdict for a submission made at `at`, as an issue, or null when open. */
function windowIssue(competition: Services['competition'], rules: IntakeRules, at: Date): Issue | null {
  const state = rules.windowAt(at);
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
 * Archives a payload alone, before anything reads it (a Pub/Sub push). A store failure throws
 * AppError('storage_unavailable') (503) and nothing else happens, so the sender retries.
 */
export async function archivePayload(
  services: Services,
  source: IntakeSource,
  body: string | Uint8Array<ArrayBuffer>,
  responseId: string | undefined,
): Promise<RawSubmission> {
  const raw = await rawSubmission(services, source, body, responseId);
  await services.stores.archive.archiveRaw(raw);
  return raw;
}

/**
 * A payload as the archive keeps it, named by the SHA-256 of its bytes: a replay of the same bytes is
 * counted, not copied.
 */
async function rawSubmission(
  { clock }: Services,
  source: IntakeSource,
  body: string | Uint8Array<ArrayBuffer>,
  responseId: string | undefined,
): Promise<RawSubmission> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const text = exactText(bytes);
  return {
    id: `sha256-${await sha256Hex(bytes)}`,
    receivedAt: clock.now().toISOString(),
    source,
    ...(responseId ? { responseId } : {}),
    ...(text === null ? { body: toBase64(bytes), encoding: 'base64' as const } : { body: text }),
  };
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

/** What a submission comes to before anything is stored: its shape, the intake window and the rules. */
type Verdict =
  | { kind: 'accepted'; submission: FormSubmission; innovation: InnovationDraft }
  | { kind: 'late'; submission: FormSubmission; window: Issue; kept: KeptRejection }
  | { kind: 'rejected'; responseId: string | undefined; reasons: Issue[]; kept: KeptRejection | null };

/** A rejection as stored, but for the facts of its delivery (when, from where, which archived payload). */
type KeptRejection = Omit<Rejection, 'receivedAt' | 'source' | 'rawId'>;

/**
 * Parses and validates a payload, once, without touching the store. Outside the intake window nothing is
 * accepted, valid or not; a valid one is kept whole so that the secretariat can accept it later by an
 * explicit override (acceptLateEntry). The reasons are codes, stored and returned alike.
 */
function judgeSubmission(
  competition: Services['competition'],
  rules: IntakeRules,
  parsed: ParsedPayload,
): Verdict {
  if (!parsed.ok) {
    const { responseId, reasons } = parsed;
    return {
      kind: 'rejected',
      responseId,
      reasons,
      kept: responseId ? { responseId, reasons, answers: {} } : null,
    };
  }
  const { submission } = parsed;
  const { responseId } = submission;
  const checked = rules.validate(submission);
  const window = windowIssue(competition, rules, new Date(submission.lastSubmittedTime));
  if (window) {
    const reasons = [window, ...(checked.ok ? [] : checked.reasons)];
    const answers = answersByTitle(submission.answers);
    const kept = { responseId, reasons, answers, ...(checked.ok ? { submission } : {}) };
    return { kind: 'late', submission, window, kept };
  }
  if (!checked.ok) {
    const kept = { responseId, reasons: checked.reasons, answers: answersByTitle(submission.answers) };
    return { kind: 'rejected', responseId, reasons: checked.reasons, kept };
  }
  return { kind: 'accepted', submission, innovation: checked.innovation };
}

/**
 * Stores what the verdict says with the payload: the innovation keyed by response id and the payload in
 * one write, or the payload and then the rejection with its reasons.
 */
async function storeVerdict(services: Services, raw: RawSubmission, verdict: Verdict): Promise<IngestResult> {
  if (verdict.kind === 'accepted') {
    const { submission } = verdict;
    const accepted = {
      responseId: submission.responseId,
      submittedAt: submission.lastSubmittedTime,
      source: raw.source,
      rawId: raw.id,
      innovation: verdict.innovation,
    };
    const { outcome, innovation } = await storeInnovation(services, accepted, raw);
    return { responseId: submission.responseId, outcome, innovationId: innovation.id };
  }
  await services.stores.archive.archiveRaw(raw);
  if (verdict.kind === 'late') return storeLate(services, raw, verdict);
  if (verdict.kept) await services.stores.archive.recordRejection(rejectionOf(raw, verdict.kept));
  return { responseId: verdict.responseId, outcome: 'rejected', reasons: verdict.reasons };
}

/**
 * A late submission is kept as a rejection, unless it is the Apps Script retrying a late entry the
 * secretariat has accepted since: that one is in already, so the retry changes nothing and leaves no
 * rejection row behind (idempotent).
 */
async function storeLate(
  { stores }: Services,
  raw: RawSubmission,
  verdict: Extract<Verdict, { kind: 'late' }>,
): Promise<IngestResult> {
  const { responseId, lastSubmittedTime } = verdict.submission;
  const accepted = (await stores.innovations.listInnovations()).find(
    (i) => i.responseId === responseId && i.submittedAt === lastSubmittedTime,
  );
  if (accepted) return { responseId, outcome: 'unchanged', innovationId: accepted.id };
  await stores.archive.recordRejection(rejectionOf(raw, verdict.kept));
  return { responseId, outcome: 'rejected', reasons: [verdict.window], outsideWindow: true };
}

function rejectionOf(raw: RawSubmission, kept: KeptRejection): Rejection {
  return {
    responseId: kept.responseId,
    receivedAt: raw.receivedAt,
    source: raw.source,
    rawId: raw.id,
    reasons: kept.reasons,
    answers: kept.answers,
    ...(kept.submission ? { submission: kept.submission } : {}),
  };
}

/**
 * Upserts the innovation by response id, numbered gap-free (the store makes redeliveries and concurrent
 * duplicates land once), with the payload it came in (`raw`) archived in the same write. A created or
 * updated innovation clears the response's rejection in its own write; an unchanged one clears it here.
 */
export async function storeInnovation(
  { competition, stores }: Services,
  accepted: AcceptedSubmission,
  raw?: RawSubmission,
) {
  const year = competition.year ?? Number(competition.announceAt.slice(0, 4));
  const stored = await stores.innovations.upsertInnovation(accepted, (n) => innovationNumber(year, n), raw);
  if (stored.outcome === 'unchanged') await stores.archive.clearRejection(accepted.responseId);
  return stored;
}

/** A rejected submission answers 422 and names its fields, in the reader's language. */
export function rejectionError(reasons: readonly Issue[], lang: Lang): AppError {
  return new AppError(
    'validation_failed',
    {
      id: t('id', 'intake.rejected', { reasons: issueLine(reasons, 'id') }),
      en: t('en', 'intake.rejected', { reasons: issueLine(reasons, 'en') }),
    },
    { fields: issueFields(reasons, lang) },
  );
}
