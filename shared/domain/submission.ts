import { z } from 'zod';
import type { Competition } from './competition.ts';
import type { Innovation } from './innovation.ts';
import { type Issue, issuesOf } from './issues.ts';
import { normalizePhone } from './phone.ts';
import { SUBMISSION_FIELDS, type SubmissionField } from './submission-fields.ts';
import { singleLine } from './text.ts';

/** One question's answer, whichever way it arrived (Apps Script sends titles, the Forms API question ids). */
export interface FormAnswer {
  questionId?: string;
  title?: string;
  values: string[];
}

/** A Form response normalised from either delivery path. */
export interface FormSubmission {
  responseId: string;
  /** ISO 8601; a newer one for the same responseId is an edit. */
  lastSubmittedTime: string;
  respondentEmail?: string;
  answers: FormAnswer[];
}

/** What an accepted submission becomes (same shape as AcceptedSubmission['innovation'] in shared/ports.ts). */
export type InnovationDraft = Omit<Innovation, 'id' | 'version' | 'responseId' | 'submittedAt'>;

export type SubmissionResult = { ok: true; innovation: InnovationDraft } | { ok: false; reasons: Issue[] };

type FormMapping = NonNullable<Competition['form']>;

const MAX_SHORT = 300;
const MAX_LONG = 20_000;
const MAX_SUMMARY_WORDS = 200;
const EARLIEST_YEAR = 1945;

/** Case, punctuation and spacing do not matter when matching titles and answers. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,;:()'"’/\\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function questionRefs(form: FormMapping | undefined, field: SubmissionField): string[] {
  const ref = form ? form.fields[field] : field;
  if (ref === undefined) return [];
  return Array.isArray(ref) ? ref : [ref];
}

function answerText(answer: FormAnswer): string {
  return answer.values
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .join(', ');
}

/**
 * Picks each submission field's answer by the question ids or titles the config names. With several
 * questions (e.g. one per Form branch) the first non-empty answer wins. Without a `form` section the
 * field names themselves are the question titles.
 */
export function mapAnswers(
  form: FormMapping | undefined,
  answers: readonly FormAnswer[],
): Partial<Record<SubmissionField, string>> {
  return answerPicker(form)(answers);
}

/**
 * mapAnswers with the config's side normalised once: each field's question refs, and per call each
 * answer's title once (not once for every field and ref it is compared with).
 */
export function answerPicker(
  form: FormMapping | undefined,
): (answers: readonly FormAnswer[]) => Partial<Record<SubmissionField, string>> {
  const fields = SUBMISSION_FIELDS.map((field) => ({
    field,
    refs: questionRefs(form, field).map((ref) => ({ ref, wanted: normalizeText(ref) })),
  }));
  return (answers) => {
    const titles = answers.map((a) => (a.title === undefined ? undefined : normalizeText(a.title)));
    const out: Partial<Record<SubmissionField, string>> = {};
    for (const { field, refs } of fields) {
      for (const { ref, wanted } of refs) {
        const at = answers.findIndex(
          (a, i) => (a.questionId !== undefined && a.questionId === ref) || titles[i] === wanted,
        );
        const hit = answers[at];
        const text = hit ? answerText(hit) : '';
        if (text !== '') {
          out[field] = text;
          break;
        }
      }
    }
    return out;
  };
}

/** What the respondent typed, keyed by question title, for the secretariat's rejection list. */
export function answersByTitle(answers: readonly FormAnswer[]): Record<string, string> {
  // Entries, not assignment: a question titled "__proto__" is kept as an ordinary key.
  return Object.fromEntries(answers.map((a, i) => [a.title ?? a.questionId ?? `#${i + 1}`, answerText(a)]));
}

const REGENCY_PREFIX = /^(kabupaten|kab)\s+/;

/**
 * Resolves a typed region to the competition's spelling: "Kab. Kupang", "KABUPATEN KUPANG" → "Kupang";
 * through the config's aliases, "Pemprov NTT" → the province entry and "TTS" → "Timor Tengah Selatan".
 */
export function matchRegion(
  input: string,
  regions: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  return regionMatcher(regions, aliases)(input);
}

/** matchRegion with the regions and aliases normalised once, for a schema that matches every submission. */
export function regionMatcher(
  regions: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): (input: string) => string | undefined {
  const byNorm = new Map(regions.map((r) => [normalizeText(r), r]));
  // An alias resolves through the regions' spellings; an unknown typed name looks up the empty spelling.
  const viaAlias = new Map(
    Object.entries(aliases).map(([typed, region]) => [
      normalizeText(typed),
      byNorm.get(normalizeText(region)),
    ]),
  );
  const unaliased = byNorm.get('');
  return (input) => {
    const typed = normalizeText(input);
    const bare = typed.replace(REGENCY_PREFIX, '');
    for (const candidate of [typed, bare]) {
      const hit = byNorm.get(candidate) ?? (viaAlias.has(candidate) ? viaAlias.get(candidate) : unaliased);
      if (hit) return hit;
    }
    return undefined;
  };
}

/** Category by the config's answer table, then by id, then by name. */
export function matchCategory(input: string, c: Competition): string | undefined {
  const typed = normalizeText(input);
  for (const [answer, id] of Object.entries(c.form?.categoryAnswers ?? {})) {
    if (normalizeText(answer) === typed) return id;
  }
  return c.categories.find((k) => normalizeText(k.id) === typed || normalizeText(k.name) === typed)?.id;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** People paste "bit.ly/abc" without a scheme; add one before checking. */
function withScheme(link: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(link) ? link : `https://${link}`;
}

/** A custom issue carrying one of shared/messages' codes and its values. */
function flag(ctx: z.RefinementCtx, key: string, args: Record<string, string | number> = {}) {
  ctx.addIssue({ code: 'custom', message: key, params: { key, args } });
}

/** How a competition's config checks a submission, built once and used for each one. */
export interface SubmissionRules {
  validate(submission: FormSubmission): SubmissionResult;
}

/** The config's schema, question lookup and region lookup, built once for every submission to come. */
export function submissionRules(c: Competition): SubmissionRules {
  const pick = answerPicker(c.form);
  const schema = buildSubmissionSchema(c);
  return { validate: (submission) => validateWith(schema, pick(submission.answers), submission) };
}

const URL_SCHEMA = z.url({ protocol: /^https?$/ });
const EMAIL_SCHEMA = z.email();

function buildSubmissionSchema(c: Competition) {
  const form = c.form;
  // Every field but the proposal's sections is one line (shared/domain/text.ts: no invisible characters).
  const required = (max = MAX_SHORT) =>
    singleLine({ error: 'required' }).min(1, { error: 'required' }).max(max, { error: 'tooLong' });
  const line = (max = MAX_SHORT) => singleLine().max(max, { error: 'tooLong' }).optional();
  const optional = (max = MAX_LONG) => z.string().trim().max(max, { error: 'tooLong' }).optional();
  const link = line(2_000).superRefine((v, ctx) => {
    if (v !== undefined && !URL_SCHEMA.safeParse(withScheme(v)).success) flag(ctx, 'url');
  });
  const minYear = form?.minStartYear ?? EARLIEST_YEAR;
  const regionOf = regionMatcher(c.regions, c.regionAliases);
  const maxYear = form?.maxStartYear ?? c.year ?? Number(c.announceAt.slice(0, 4));

  return z.object({
    title: required(),
    agency: required(),
    region: required().transform((v, ctx) => {
      const region = regionOf(v);
      if (region === undefined) flag(ctx, 'regionNotListed', { value: v });
      return region ?? v;
    }),
    category: required().transform((v, ctx) => {
      const id = matchCategory(v, c);
      if (id === undefined) {
        const options = c.categories.map((k) => k.name).join(', ');
        flag(ctx, 'unknownCategory', { value: v, options });
      }
      return id ?? v;
    }),
    startYear: line(20).superRefine((v, ctx) => {
      if (v === undefined) return;
      const m = /^(\d{4})(?:-\d{2}-\d{2})?$/.exec(v);
      if (!m) return flag(ctx, 'year');
      const year = Number(m[1]);
      if (year < minYear || year > maxYear) flag(ctx, 'yearRange', { min: minYear, max: maxYear });
    }),
    summary: optional().superRefine((v, ctx) => {
      const n = v === undefined ? 0 : countWords(v);
      if (n > MAX_SUMMARY_WORDS) flag(ctx, 'summaryWords', { max: MAX_SUMMARY_WORDS, n });
    }),
    background: optional(),
    novelty: optional(),
    implementation: optional(),
    significance: optional(),
    adaptability: optional(),
    resources: optional(),
    sustainability: optional(),
    proposalUrl: link,
    videoUrl: link,
    contactName: line(),
    contactPhone: line(40).superRefine((v, ctx) => {
      if (v !== undefined && normalizePhone(v) === undefined) flag(ctx, 'phone');
    }),
    contactEmail: line().superRefine((v, ctx) => {
      if (v !== undefined && !EMAIL_SCHEMA.safeParse(v).success) flag(ctx, 'email');
    }),
    consent: line(),
  });
}

const CORE_FIELDS = new Set<SubmissionField>(['title', 'agency', 'region', 'category', 'summary']);

/**
 * Maps a Form response onto the competition's submission fields and validates it. Reasons name the
 * submission field (e.g. `region`) and carry a code; shared/messages says it in the reader's language.
 * The rules are derived for this one call (a late entry, a test): intake takes them from the
 * composition root's cache (intake-rules.ts).
 */
export function validateSubmission(c: Competition, submission: FormSubmission): SubmissionResult {
  return submissionRules(c).validate(submission);
}

function validateWith(
  schema: ReturnType<typeof buildSubmissionSchema>,
  mapped: Partial<Record<SubmissionField, string>>,
  submission: FormSubmission,
): SubmissionResult {
  const parsed = schema.safeParse(mapped);
  if (!parsed.success) return { ok: false, reasons: issuesOf(parsed.error) };
  const v = parsed.data;
  const details: Record<string, string> = {};
  for (const field of SUBMISSION_FIELDS) {
    const value = v[field];
    if (CORE_FIELDS.has(field) || value === undefined || value === '') continue;
    details[field] = normalizeDetail(field, value);
  }
  if (submission.respondentEmail) details.respondentEmail = submission.respondentEmail;
  return {
    ok: true,
    innovation: {
      title: v.title,
      agency: v.agency,
      region: v.region,
      category: v.category,
      ...(v.summary !== undefined ? { summary: v.summary } : {}),
      details,
    },
  };
}

const CONSENT_WORDS = /^(ya|iya|setuju|bersedia|yes|i agree|agree)\b/;

/** The agency agreed, on the Form, to the innovation being listed publicly ("Ya, setuju", "Bersedia"…). */
export function hasConsent(innovation: Pick<Innovation, 'details'>): boolean {
  return CONSENT_WORDS.test(normalizeText(innovation.details?.consent ?? ''));
}

function normalizeDetail(field: SubmissionField, value: string): string {
  if (field === 'contactPhone') return normalizePhone(value) ?? value;
  if (field === 'contactEmail') return value.toLowerCase();
  if (field === 'proposalUrl' || field === 'videoUrl') return withScheme(value);
  if (field === 'startYear') return value.slice(0, 4);
  return value;
}
