import { z } from 'zod';
import { type Issue, issuesOf } from '../../shared/domain/issues.ts';
import type { FormAnswer, FormSubmission } from '../../shared/domain/submission.ts';
import {
  cleanDeep,
  cleanText,
  MAX_JSON_DEPTH,
  singleLine,
  singleLineText,
  withinJsonDepth,
} from '../../shared/domain/text.ts';

/** A payload turned into a FormSubmission, or the reasons its shape is wrong. */
export type ParsedPayload =
  | { ok: true; submission: FormSubmission }
  | { ok: false; responseId: string | undefined; reasons: Issue[] };

const instant = z.iso.datetime({ offset: true });

/** What infra/deploy/apps-script/Code.gs POSTs to /intake/form. */
export const appsScriptPayloadSchema = z.object({
  formId: z.string().optional(),
  responseId: singleLine().min(1),
  timestamp: instant,
  /** Empty when the Form does not collect emails. */
  respondentEmail: z.string().nullish(),
  answers: z.array(
    z.object({
      title: z.string(),
      questionId: z.string().optional(),
      values: z.array(z.string()),
    }),
  ),
});

/** Google's FormResponse as forms.responses.list returns it: answers keyed by questionId. */
export const formsApiResponseSchema = z.object({
  responseId: singleLine().min(1),
  lastSubmittedTime: instant,
  createTime: z.string().nullish(),
  respondentEmail: z.string().nullish(),
  answers: z
    .record(
      z.string(),
      z.object({
        questionId: z.string().nullish(),
        textAnswers: z
          .object({ answers: z.array(z.object({ value: z.string().nullish() })).nullish() })
          .nullish(),
        fileUploadAnswers: z
          .object({ answers: z.array(z.object({ fileId: z.string().nullish() })).nullish() })
          .nullish(),
      }),
    )
    .nullish(),
});

/** Pub/Sub push delivery: the envelope around a Forms API watch notification (which carries no answers). */
export const pubsubEnvelopeSchema = z.object({
  message: z.object({
    data: z.string().optional(),
    attributes: z.record(z.string(), z.string()).default({}),
    messageId: z.string().optional(),
    publishTime: z.string().optional(),
  }),
  subscription: z.string().optional(),
});

export type PubsubEnvelope = z.output<typeof pubsubEnvelopeSchema>;

/** Reads the response id before validation, so that the archive and a rejection can name it. */
export function peekResponseId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const id = (body as { responseId?: unknown }).responseId;
  // A single line, as the schemas read it: the archive, a rejection and the entry name one id.
  const line = typeof id === 'string' ? singleLineText(id) : '';
  return line !== '' ? line : undefined;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function instantIso(value: string): string {
  return new Date(value).toISOString();
}

/** Text is cleaned (shared/domain/text.ts) before validation; the archive keeps the payload as it came. */
export function parseAppsScriptPayload(body: unknown): ParsedPayload {
  if (!withinJsonDepth(body)) return tooDeep(body);
  const clean = cleanDeep(body);
  const parsed = appsScriptPayloadSchema.safeParse(clean);
  if (!parsed.success)
    return { ok: false, responseId: peekResponseId(clean), reasons: issuesOf(parsed.error) };
  const p = parsed.data;
  const answers: FormAnswer[] = p.answers.map((a) => ({
    title: a.title,
    ...(a.questionId ? { questionId: a.questionId } : {}),
    values: a.values,
  }));
  return {
    ok: true,
    submission: {
      responseId: p.responseId,
      lastSubmittedTime: instantIso(p.timestamp),
      ...(p.respondentEmail ? { respondentEmail: p.respondentEmail } : {}),
      answers,
    },
  };
}

/** A file upload answer is a Drive file id; a link is what the secretariat can open. */
function driveLink(fileId: string): string {
  return `https://drive.google.com/open?id=${encodeURIComponent(fileId)}`;
}

/** A payload nested past any real one: rejected (and so recorded) with its reason, never walked. */
function tooDeep(body: unknown): ParsedPayload {
  return {
    ok: false,
    responseId: peekResponseId(body),
    reasons: [{ path: '(root)', code: 'tooDeep', params: { maximum: MAX_JSON_DEPTH } }],
  };
}

export function parseFormsApiResponse(body: unknown, questionTitles: Record<string, string>): ParsedPayload {
  if (!withinJsonDepth(body)) return tooDeep(body);
  const clean = cleanDeep(body);
  const parsed = formsApiResponseSchema.safeParse(clean);
  if (!parsed.success)
    return { ok: false, responseId: peekResponseId(clean), reasons: issuesOf(parsed.error) };
  const p = parsed.data;
  const answers: FormAnswer[] = Object.entries(p.answers ?? {}).map(([key, a]) => {
    const questionId = a.questionId ?? key;
    // Own keys only: a question id like "constructor" must not find something on Object.prototype.
    const title = Object.hasOwn(questionTitles, questionId) ? questionTitles[questionId] : undefined;
    const texts = (a.textAnswers?.answers ?? []).map((x) => x.value ?? '');
    const files = (a.fileUploadAnswers?.answers ?? []).flatMap((x) =>
      x.fileId ? [driveLink(x.fileId)] : [],
    );
    return {
      questionId,
      ...(typeof title === 'string' ? { title: cleanText(title) } : {}),
      values: [...texts, ...files],
    };
  });
  return {
    ok: true,
    submission: {
      responseId: p.responseId,
      lastSubmittedTime: instantIso(p.lastSubmittedTime),
      ...(p.respondentEmail ? { respondentEmail: p.respondentEmail } : {}),
      answers,
    },
  };
}
