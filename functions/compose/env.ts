import { z } from 'zod';
import { type Competition, parseCompetitions } from '../../shared/domain/competition.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { AppError } from '../../shared/errors.ts';
import { t } from '../../shared/messages/catalogue/t.ts';
import { issueLine } from '../../shared/messages/issues.ts';
import {
  type EnvProblem,
  FORM_PER_COMPETITION,
  invalid,
  LOCAL_ON_SERVER,
  MIN_SECRET_LENGTH,
  missing,
  PUBSUB_PAIR,
  type Runtime,
  SHEET_PER_COMPETITION,
  tooShort,
  unknownCompetitions,
} from './env-hints.ts';
import type { ClientAddressSource, Secrets } from './services.ts';

export type { EnvProblem, Runtime };

export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
  projectId?: string;
}

/** Stand-ins for Google's endpoints: the offline tests and a local Sheets server. Google's own when absent. */
export interface GoogleEndpoints {
  tokenUrl?: string;
  sheetsRootUrl?: string;
  firestoreRootUrl?: string;
  formsRootUrl?: string;
  /** Keys that sign Pub/Sub push tokens (Google's published JWKS when absent). */
  pubsubJwksUrl?: string;
}

/** One competition a deployment serves, with its own Sheet and Form. */
export interface DeployedCompetition {
  competition: Competition;
  /** Absent until the competition's Sheet exists; routes that need it answer 503 and `juri doctor` says so. */
  spreadsheetId: string | undefined;
  formId: string | undefined;
}

export interface GoogleEnv {
  mode: 'google';
  lang: Lang;
  /** In the config's order: one competition is a list of one. */
  competitions: DeployedCompetition[];
  projectId: string;
  databaseId: string;
  /** FIRESTORE_DEADLINE_MS: the Node client's deadline per call (infra/firestore/node-store.ts). */
  firestoreDeadlineMs: number | undefined;
  /** Pub/Sub topic (projects/…/topics/…) for the Forms RESPONSES watch; renewal creates the watch when set. */
  formsWatchTopic: string | undefined;
  /** Required on Workers; on Node, Application Default Credentials are used when absent. */
  serviceAccount: ServiceAccountKey | undefined;
  secrets: Secrets;
  endpoints: GoogleEndpoints;
}

export interface LocalEnv {
  mode: 'local';
  lang: Lang;
}

export type JuriEnv = GoogleEnv | LocalEnv;

// An empty secret is the same as a missing one: it must never switch juri into another mode.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = z.preprocess(blankToUndefined, z.string().trim().optional());
const secret = z.preprocess(
  blankToUndefined,
  z.string().min(MIN_SECRET_LENGTH, { error: 'tooShort' }).optional(),
);
const endpoint = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional());
// googleapis joins rootUrl and paths by concatenation, so a missing slash breaks every call.
const rootUrl = endpoint.transform((url) => (url === undefined || url.endsWith('/') ? url : `${url}/`));

const keyFile = z.preprocess(
  (v) => {
    const blank = blankToUndefined(v);
    if (typeof blank !== 'string') return blank;
    try {
      return JSON.parse(blank);
    } catch {
      return null;
    }
  },
  z
    .object({
      client_email: z.email(),
      private_key: z.string().includes('PRIVATE KEY'),
      private_key_id: z.string().optional(),
      project_id: z.string().optional(),
    })
    .optional(),
);

/**
 * The raw variables, as Workers bindings or process.env hold them. Unknown keys are ignored. The key
 * order is the order problems are listed in: the settings a newcomer fills first come first.
 */
export const rawEnvSchema = z.object({
  JURI_MODE: z.preprocess(blankToUndefined, z.enum(['google', 'local']).optional()),
  JURI_LANG: z.preprocess(blankToUndefined, z.enum(['id', 'en']).optional()),
  GOOGLE_SERVICE_ACCOUNT_JSON: keyFile,
  GOOGLE_PROJECT_ID: text,
  INTAKE_HMAC_SECRET: secret,
  ADMIN_TOKEN: secret,
  PUBSUB_AUDIENCE: text,
  PUBSUB_SERVICE_ACCOUNT: text,
  COMPETITION_JSON: text,
  SPREADSHEET_ID: text,
  FIRESTORE_DATABASE: text,
  /** How long one Firestore call may take on Node before juri answers 503 (5,000 when unset). */
  FIRESTORE_DEADLINE_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(100).max(600_000).optional(),
  ),
  FORM_ID: text,
  FORMS_WATCH_TOPIC: text,
  GOOGLE_TOKEN_URL: endpoint,
  SHEETS_ROOT_URL: rootUrl,
  FIRESTORE_ROOT_URL: rootUrl,
  FORMS_ROOT_URL: rootUrl,
  PUBSUB_JWKS_URL: endpoint,
});

const VARIABLE_ORDER = Object.keys(rawEnvSchema.shape);

/** TRUSTED_PROXY names the header a proxy in front of a Node server writes; TRUSTED_PROXY_HOPS counts such proxies. */
const trustedProxySchema = z.object({
  TRUSTED_PROXY: z.preprocess(blankToUndefined, z.enum(['cf-connecting-ip', 'x-forwarded-for']).optional()),
  TRUSTED_PROXY_HOPS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10).optional()),
});

/**
 * Where a Node server may read the client's address: the TCP peer unless TRUSTED_PROXY says a proxy in
 * front writes it (`fallback` is the runtime's own front end, e.g. Google's on Cloud Functions). A header
 * is trusted only when configured: otherwise any client could pose as many.
 */
export function parseTrustedProxy(
  raw: Record<string, string | undefined>,
  fallback: ClientAddressSource = 'socket',
): ClientAddressSource {
  const parsed = trustedProxySchema.safeParse(raw);
  if (!parsed.success) throw envError(schemaProblems(parsed.error));
  const { TRUSTED_PROXY: header, TRUSTED_PROXY_HOPS: hops } = parsed.data;
  if (header === 'cf-connecting-ip') return header;
  if (header === 'x-forwarded-for' || (hops !== undefined && typeof fallback === 'object'))
    return { header: 'x-forwarded-for', hops: hops ?? 1 };
  return fallback;
}

export type RawEnv = z.output<typeof rawEnvSchema>;

export interface ParseEnvOptions {
  runtime: Runtime;
  /** A config, or a list of them, bundled with the Worker; COMPETITION_JSON wins when both are present. */
  bundledCompetition?: unknown;
}

/** Validates the environment; every problem is listed at once, in Indonesian and English. */
export function checkJuriEnv(
  raw: unknown,
  opts: ParseEnvOptions,
): { ok: true; env: JuriEnv } | { ok: false; problems: EnvProblem[] } {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const parsed = rawEnvSchema.safeParse(input);
  // A malformed value is one problem; the rest of the settings are still checked, so that every
  // problem is listed at once, in the order a newcomer fills them in.
  const malformed = parsed.success ? [] : schemaProblems(parsed.error);
  const rest = parsed.success
    ? parsed.data
    : rawEnvSchema.parse(
        Object.fromEntries(Object.entries(input).filter(([k]) => !malformed.some((p) => p.variable === k))),
      );
  const lang: Lang = rest.JURI_LANG ?? 'id';
  const fail = (more: EnvProblem[]) => ({ ok: false as const, problems: ordered([...malformed, ...more]) });
  if (rest.JURI_MODE === undefined)
    return fail(
      malformed.some((p) => p.variable === 'JURI_MODE') ? [] : [missing('JURI_MODE', opts.runtime)],
    );
  if (rest.JURI_MODE === 'local') {
    if (opts.runtime === 'workers') return fail([LOCAL_ON_SERVER]);
    return malformed.length > 0 ? fail([]) : { ok: true, env: { mode: 'local', lang } };
  }
  const google = checkGoogle(rest, lang, opts, new Set(malformed.map((p) => p.variable)));
  if (google.ok && malformed.length === 0) return google;
  return fail(google.ok ? [] : google.problems);
}

function ordered(problems: EnvProblem[]): EnvProblem[] {
  const rank = (v: string) => VARIABLE_ORDER.indexOf(v) + 1 || VARIABLE_ORDER.length + 1;
  return problems.sort((a, b) => rank(a.variable) - rank(b.variable));
}

/** Like checkJuriEnv, but throws one AppError naming every problem (HTTP 500, logged). */
export function parseJuriEnv(raw: unknown, opts: ParseEnvOptions): JuriEnv {
  const result = checkJuriEnv(raw, opts);
  if (result.ok) return result.env;
  throw envError(result.problems);
}

/** For entry points that only serve Google mode (Workers, Cloud Functions). */
export function parseGoogleEnv(raw: unknown, opts: ParseEnvOptions): GoogleEnv {
  const env = parseJuriEnv(raw, opts);
  if (env.mode === 'google') return env;
  throw envError([LOCAL_ON_SERVER]);
}

export function envError(problems: EnvProblem[]): AppError {
  const list = (lang: Lang) =>
    problems.map((p) => `${p.variable}: ${p.text[lang].replace(/\.$/, '')}`).join('; ');
  return new AppError(
    'internal',
    { id: serverConfigWrong('id', list('id')), en: serverConfigWrong('en', list('en')) },
    { fields: problems.map((p) => ({ field: p.variable, message: p.text.id })) },
  );
}

function serverConfigWrong(lang: Lang, problems: string): string {
  return t(lang, 'cli.env.serverConfigWrong', { problems });
}

/** One problem per variable, the first issue zod found with it. */
function schemaProblems(error: z.ZodError): EnvProblem[] {
  const seen = new Set<string>();
  const problems: EnvProblem[] = [];
  for (const issue of error.issues) {
    const variable = String(issue.path[0] ?? '');
    if (seen.has(variable)) continue;
    seen.add(variable);
    problems.push(issue.message === 'tooShort' ? tooShort(variable) : invalid(variable));
  }
  return problems;
}

/** The settings Google mode needs; `reported` ones were malformed and are not called missing too. */
function checkGoogle(
  env: RawEnv,
  lang: Lang,
  opts: ParseEnvOptions,
  reported: ReadonlySet<string>,
): { ok: true; env: GoogleEnv } | { ok: false; problems: EnvProblem[] } {
  const problems: EnvProblem[] = [];
  const need = (variable: keyof RawEnv, present: unknown) => {
    if (!present && !reported.has(variable)) problems.push(missing(variable, opts.runtime));
  };
  const key = env.GOOGLE_SERVICE_ACCOUNT_JSON;
  if (opts.runtime === 'workers') need('GOOGLE_SERVICE_ACCOUNT_JSON', key);
  const projectId = env.GOOGLE_PROJECT_ID ?? key?.project_id;
  need('GOOGLE_PROJECT_ID', projectId);
  need('INTAKE_HMAC_SECRET', env.INTAKE_HMAC_SECRET);
  need('ADMIN_TOKEN', env.ADMIN_TOKEN);
  if ((env.PUBSUB_AUDIENCE === undefined) !== (env.PUBSUB_SERVICE_ACCOUNT === undefined)) {
    const absent = env.PUBSUB_AUDIENCE === undefined ? 'PUBSUB_AUDIENCE' : 'PUBSUB_SERVICE_ACCOUNT';
    problems.push({ variable: absent, text: PUBSUB_PAIR });
  }
  const configs = readCompetitions(env.COMPETITION_JSON, opts, problems);
  const competitions = configs && deployed(configs, env, problems);
  if (problems.length > 0 || !competitions || !projectId) return { ok: false, problems };
  return {
    ok: true,
    env: {
      mode: 'google',
      lang,
      competitions,
      projectId,
      databaseId: env.FIRESTORE_DATABASE ?? '(default)',
      firestoreDeadlineMs: env.FIRESTORE_DEADLINE_MS,
      formsWatchTopic: env.FORMS_WATCH_TOPIC,
      serviceAccount: key && {
        clientEmail: key.client_email,
        privateKey: key.private_key,
        ...(key.private_key_id ? { privateKeyId: key.private_key_id } : {}),
        ...(key.project_id ? { projectId: key.project_id } : {}),
      },
      secrets: {
        intakeHmac: env.INTAKE_HMAC_SECRET,
        adminToken: env.ADMIN_TOKEN,
        pubsubAudience: env.PUBSUB_AUDIENCE,
        pubsubServiceAccount: env.PUBSUB_SERVICE_ACCOUNT,
      },
      endpoints: {
        ...(env.GOOGLE_TOKEN_URL ? { tokenUrl: env.GOOGLE_TOKEN_URL } : {}),
        ...(env.SHEETS_ROOT_URL ? { sheetsRootUrl: env.SHEETS_ROOT_URL } : {}),
        ...(env.FIRESTORE_ROOT_URL ? { firestoreRootUrl: env.FIRESTORE_ROOT_URL } : {}),
        ...(env.FORMS_ROOT_URL ? { formsRootUrl: env.FORMS_ROOT_URL } : {}),
        ...(env.PUBSUB_JWKS_URL ? { pubsubJwksUrl: env.PUBSUB_JWKS_URL } : {}),
      },
    },
  };
}

/**
 * Each competition with its Sheet and Form. SPREADSHEET_ID holds one id for one competition, or a JSON
 * object of competition id → Sheet id; FORM_ID (e.g. a staging copy of the Form) replaces the one
 * competition's form.formId, which the routes read.
 */
function deployed(
  configs: Competition[],
  env: RawEnv,
  problems: EnvProblem[],
): DeployedCompetition[] | undefined {
  const sheets = sheetIds(env.SPREADSHEET_ID, configs, problems);
  if (env.FORM_ID && configs.length > 1) problems.push({ variable: 'FORM_ID', text: FORM_PER_COMPETITION });
  if (!sheets) return undefined;
  return configs.map((config) => {
    const competition =
      env.FORM_ID && config.form ? { ...config, form: { ...config.form, formId: env.FORM_ID } } : config;
    return { competition, spreadsheetId: sheets[config.id], formId: competition.form?.formId };
  });
}

function sheetIds(
  value: string | undefined,
  configs: Competition[],
  problems: EnvProblem[],
): Record<string, string> | undefined {
  const problem = (text: EnvProblem['text']) => {
    problems.push({ variable: 'SPREADSHEET_ID', text });
    return undefined;
  };
  if (value === undefined) return {};
  if (!value.startsWith('{')) {
    const only = configs.length === 1 ? configs[0] : undefined;
    return only ? { [only.id]: value } : problem(SHEET_PER_COMPETITION);
  }
  const parsed = z.record(z.string(), z.string().trim().min(1)).safeParse(safeJson(value));
  if (!parsed.success) return problem(SHEET_PER_COMPETITION);
  const unknown = Object.keys(parsed.data).filter((id) => !configs.some((c) => c.id === id));
  return unknown.length > 0 ? problem(unknownCompetitions(unknown)) : parsed.data;
}

/** Parsed once; the issues are rendered in both languages for the one error. */
function readCompetitions(
  json: string | undefined,
  opts: ParseEnvOptions,
  problems: EnvProblem[],
): Competition[] | undefined {
  const input = json === undefined ? opts.bundledCompetition : safeJson(json);
  if (input === undefined) {
    problems.push(
      json === undefined ? missing('COMPETITION_JSON', opts.runtime) : invalid('COMPETITION_JSON'),
    );
    return undefined;
  }
  const parsed = parseCompetitions(input);
  if (parsed.ok) return parsed.value;
  problems.push({
    variable: 'COMPETITION_JSON',
    text: {
      id: t('id', 'cli.env.competitionConfigInvalid', { issues: issueLine(parsed.issues, 'id') }),
      en: t('en', 'cli.env.competitionConfigInvalid', { issues: issueLine(parsed.issues, 'en') }),
    },
  });
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
