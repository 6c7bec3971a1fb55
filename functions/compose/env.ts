import { z } from 'zod';
import { type Competition, parseCompetition } from '../../shared/domain/competition.ts';
import type { Bilingual, Lang } from '../../shared/domain/i18n.ts';
import { AppError } from '../../shared/errors.ts';
import type { Secrets } from './services.ts';

/** Where the env comes from: Workers bindings need a key file; Node/Cloud Functions use ADC. */
export type Runtime = 'workers' | 'node';

export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
  projectId?: string;
}

/** Overrides for tests and local stand-ins; Google's own endpoints when absent. */
export interface GoogleEndpoints {
  tokenUrl?: string;
  sheetsRootUrl?: string;
  firestoreRootUrl?: string;
  formsRootUrl?: string;
  /** Keys that sign Pub/Sub push tokens (Google's published JWKS when absent). */
  pubsubJwksUrl?: string;
}

export interface GoogleEnv {
  mode: 'google';
  lang: Lang;
  competition: Competition;
  projectId: string;
  databaseId: string;
  /** Absent until the shared Sheet exists; routes that need it answer 503 and `juri doctor` says so. */
  spreadsheetId: string | undefined;
  formId: string | undefined;
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

export interface EnvProblem {
  variable: string;
  text: Bilingual;
}

// An empty secret is the same as a missing one: it must never switch juri into another mode.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = z.preprocess(blankToUndefined, z.string().trim().optional());
const endpoint = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional());

const keyFileSchema = z.object({
  client_email: z.email(),
  private_key: z.string().includes('PRIVATE KEY'),
  private_key_id: z.string().optional(),
  project_id: z.string().optional(),
});

/** The raw variables, as Workers bindings or process.env hold them. Unknown keys are ignored. */
export const rawEnvSchema = z.object({
  JURI_MODE: z.preprocess(blankToUndefined, z.enum(['google', 'local']).optional()),
  JURI_LANG: z.preprocess(blankToUndefined, z.enum(['id', 'en']).optional()),
  COMPETITION_JSON: text,
  SPREADSHEET_ID: text,
  GOOGLE_PROJECT_ID: text,
  FIRESTORE_DATABASE: text,
  GOOGLE_SERVICE_ACCOUNT_JSON: text,
  INTAKE_HMAC_SECRET: text,
  ADMIN_TOKEN: text,
  PUBSUB_AUDIENCE: text,
  PUBSUB_SERVICE_ACCOUNT: text,
  FORM_ID: text,
  FORMS_WATCH_TOPIC: text,
  GOOGLE_TOKEN_URL: endpoint,
  SHEETS_ROOT_URL: endpoint,
  FIRESTORE_ROOT_URL: endpoint,
  FORMS_ROOT_URL: endpoint,
  PUBSUB_JWKS_URL: endpoint,
});

export type RawEnv = z.output<typeof rawEnvSchema>;
type Variable = keyof RawEnv;

/** Which variables are secrets (never in wrangler.toml) — used for the fix-it hints. */
const SECRETS: ReadonlySet<Variable> = new Set<Variable>([
  'GOOGLE_SERVICE_ACCOUNT_JSON',
  'INTAKE_HMAC_SECRET',
  'ADMIN_TOKEN',
  'COMPETITION_JSON',
]);
const MIN_SECRET_LENGTH = 16;

export interface ParseEnvOptions {
  runtime: Runtime;
  /** A config bundled with the Worker; COMPETITION_JSON wins when both are present. */
  bundledCompetition?: unknown;
}

/** Validates the environment; every problem is listed at once, in Indonesian and English. */
export function checkJuriEnv(
  raw: unknown,
  opts: ParseEnvOptions,
): { ok: true; env: JuriEnv } | { ok: false; problems: EnvProblem[] } {
  const parsed = rawEnvSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const seen = new Set<string>();
    const problems = parsed.error.issues
      .map((i) => String(i.path[0] ?? ''))
      .filter((v) => !seen.has(v) && seen.add(v))
      .map((v) => invalid(v));
    return { ok: false, problems };
  }
  const env = parsed.data;
  const lang: Lang = env.JURI_LANG ?? 'id';
  if (env.JURI_MODE === undefined) return { ok: false, problems: [missing('JURI_MODE', opts.runtime)] };
  if (env.JURI_MODE === 'local') {
    if (opts.runtime === 'workers') return { ok: false, problems: [LOCAL_ON_WORKERS] };
    return { ok: true, env: { mode: 'local', lang } };
  }
  return checkGoogle(env, lang, opts);
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
  throw envError([LOCAL_ON_WORKERS]);
}

export function envError(problems: EnvProblem[]): AppError {
  const list = (lang: Lang) =>
    problems.map((p) => `${p.variable}: ${p.text[lang].replace(/\.$/, '')}`).join('; ');
  return new AppError(
    'internal',
    {
      id: `Konfigurasi server belum benar — ${list('id')}`,
      en: `The server configuration is not right — ${list('en')}`,
    },
    { fields: problems.map((p) => ({ field: p.variable, message: p.text.id })) },
  );
}

function checkGoogle(
  env: RawEnv,
  lang: Lang,
  opts: ParseEnvOptions,
): { ok: true; env: GoogleEnv } | { ok: false; problems: EnvProblem[] } {
  const problems: EnvProblem[] = [];
  const serviceAccount = readKeyFile(env.GOOGLE_SERVICE_ACCOUNT_JSON, problems);
  if (!env.GOOGLE_SERVICE_ACCOUNT_JSON && opts.runtime === 'workers')
    problems.push(missing('GOOGLE_SERVICE_ACCOUNT_JSON', opts.runtime));
  const projectId = env.GOOGLE_PROJECT_ID ?? serviceAccount?.projectId;
  if (!projectId) problems.push(missing('GOOGLE_PROJECT_ID', opts.runtime));
  for (const name of ['INTAKE_HMAC_SECRET', 'ADMIN_TOKEN'] as const) {
    const value = env[name];
    if (value === undefined) problems.push(missing(name, opts.runtime));
    else if (value.length < MIN_SECRET_LENGTH) problems.push(tooShort(name));
  }
  if ((env.PUBSUB_AUDIENCE === undefined) !== (env.PUBSUB_SERVICE_ACCOUNT === undefined)) {
    const absent = env.PUBSUB_AUDIENCE === undefined ? 'PUBSUB_AUDIENCE' : 'PUBSUB_SERVICE_ACCOUNT';
    problems.push({
      variable: absent,
      text: {
        id: 'PUBSUB_AUDIENCE dan PUBSUB_SERVICE_ACCOUNT harus diisi berdua (atau dikosongkan berdua).',
        en: 'PUBSUB_AUDIENCE and PUBSUB_SERVICE_ACCOUNT go together: set both or neither.',
      },
    });
  }
  const config = readCompetition(env.COMPETITION_JSON, opts, problems);
  if (problems.length > 0 || !config || !projectId) return { ok: false, problems };
  // The routes read the Form id from the config, so FORM_ID (e.g. a staging copy of the Form) goes there.
  const competition =
    env.FORM_ID && config.form ? { ...config, form: { ...config.form, formId: env.FORM_ID } } : config;
  return {
    ok: true,
    env: {
      mode: 'google',
      lang,
      competition,
      projectId,
      databaseId: env.FIRESTORE_DATABASE ?? '(default)',
      spreadsheetId: env.SPREADSHEET_ID,
      formId: competition.form?.formId,
      formsWatchTopic: env.FORMS_WATCH_TOPIC,
      serviceAccount,
      secrets: {
        intakeHmac: env.INTAKE_HMAC_SECRET,
        adminToken: env.ADMIN_TOKEN,
        pubsubAudience: env.PUBSUB_AUDIENCE,
        pubsubServiceAccount: env.PUBSUB_SERVICE_ACCOUNT,
      },
      endpoints: {
        ...(env.GOOGLE_TOKEN_URL ? { tokenUrl: env.GOOGLE_TOKEN_URL } : {}),
        ...(env.SHEETS_ROOT_URL ? { sheetsRootUrl: withSlash(env.SHEETS_ROOT_URL) } : {}),
        ...(env.FIRESTORE_ROOT_URL ? { firestoreRootUrl: withSlash(env.FIRESTORE_ROOT_URL) } : {}),
        ...(env.FORMS_ROOT_URL ? { formsRootUrl: withSlash(env.FORMS_ROOT_URL) } : {}),
        ...(env.PUBSUB_JWKS_URL ? { pubsubJwksUrl: env.PUBSUB_JWKS_URL } : {}),
      },
    },
  };
}

function readKeyFile(json: string | undefined, problems: EnvProblem[]): ServiceAccountKey | undefined {
  if (json === undefined) return undefined;
  const parsed = keyFileSchema.safeParse(safeJson(json));
  if (!parsed.success) {
    problems.push(invalid('GOOGLE_SERVICE_ACCOUNT_JSON'));
    return undefined;
  }
  const k = parsed.data;
  return {
    clientEmail: k.client_email,
    privateKey: k.private_key,
    ...(k.private_key_id ? { privateKeyId: k.private_key_id } : {}),
    ...(k.project_id ? { projectId: k.project_id } : {}),
  };
}

function readCompetition(
  json: string | undefined,
  opts: ParseEnvOptions,
  problems: EnvProblem[],
): Competition | undefined {
  const input = json === undefined ? opts.bundledCompetition : safeJson(json);
  if (input === undefined) {
    problems.push(
      json === undefined ? missing('COMPETITION_JSON', opts.runtime) : invalid('COMPETITION_JSON'),
    );
    return undefined;
  }
  const id = parseCompetition(input, 'id');
  if (id.ok) return id.value;
  const en = parseCompetition(input, 'en');
  const list = (errors: { path: string; message: string }[]) =>
    errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  problems.push({
    variable: 'COMPETITION_JSON',
    text: {
      id: `konfigurasi lomba tidak valid — ${list(id.errors)}`,
      en: `the competition config is not valid — ${en.ok ? '' : list(en.errors)}`,
    },
  });
  return undefined;
}

function missing(variable: Variable, runtime: Runtime): EnvProblem {
  const how = howToSet(variable, runtime);
  return { variable, text: { id: `belum diisi. ${how.id}`, en: `is not set. ${how.en}` } };
}

function howToSet(variable: Variable, runtime: Runtime): Bilingual {
  if (runtime === 'node')
    return {
      id: `Isi variabel lingkungan ${variable} (lihat README.md (Deploy)).`,
      en: `Set the environment variable ${variable} (see README.md (Deploy)).`,
    };
  if (SECRETS.has(variable))
    return {
      id: `Jalankan: npx wrangler secret put ${variable}`,
      en: `Run: npx wrangler secret put ${variable}`,
    };
  return {
    id: `Isi ${variable} di bagian [vars] pada wrangler.toml.`,
    en: `Set ${variable} under [vars] in wrangler.toml.`,
  };
}

const INVALID: Partial<Record<string, Bilingual>> = {
  JURI_MODE: { id: "harus 'google' atau 'local'.", en: "must be 'google' or 'local'." },
  JURI_LANG: { id: "harus 'id' atau 'en'.", en: "must be 'id' or 'en'." },
  GOOGLE_SERVICE_ACCOUNT_JSON: {
    id: 'harus berisi seluruh isi file kunci JSON service account (dengan client_email dan private_key).',
    en: 'must hold the whole service-account JSON key file (with client_email and private_key).',
  },
  COMPETITION_JSON: { id: 'bukan JSON yang sah.', en: 'is not valid JSON.' },
};

function invalid(variable: string): EnvProblem {
  const known = INVALID[variable];
  if (known) return { variable, text: known };
  if (variable.endsWith('_URL'))
    return { variable, text: { id: 'harus berupa alamat http(s).', en: 'must be an http(s) address.' } };
  return { variable, text: { id: 'nilainya tidak valid.', en: 'has an invalid value.' } };
}

function tooShort(variable: Variable): EnvProblem {
  return {
    variable,
    text: {
      id: `terlalu pendek; pakai minimal ${MIN_SECRET_LENGTH} karakter acak (misalnya: openssl rand -hex 32).`,
      en: `is too short; use at least ${MIN_SECRET_LENGTH} random characters (e.g. openssl rand -hex 32).`,
    },
  };
}

const LOCAL_ON_WORKERS: EnvProblem = {
  variable: 'JURI_MODE',
  text: {
    id: "mode 'local' hanya untuk komputer sendiri (npm start). Di Cloudflare Workers dan Cloud Functions isi 'google'.",
    en: "'local' mode is only for your own computer (npm start). On Cloudflare Workers and Cloud Functions set 'google'.",
  },
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// googleapis joins rootUrl and paths by concatenation, so a missing slash breaks every call.
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
