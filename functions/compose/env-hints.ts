import type { Bilingual } from '../../shared/domain/i18n.ts';

/** Where the env comes from: Workers bindings need a key file; Node and Cloud Functions may use ADC. */
export type Runtime = 'workers' | 'node';

/** One thing wrong with the settings, and how to fix it on this runtime. */
export interface EnvProblem {
  variable: string;
  text: Bilingual;
}

/** Which variables are secrets (never in wrangler.toml): they are set with `wrangler secret put`. */
const SECRETS: ReadonlySet<string> = new Set([
  'GOOGLE_SERVICE_ACCOUNT_JSON',
  'INTAKE_HMAC_SECRET',
  'ADMIN_TOKEN',
  'COMPETITION_JSON',
]);

export const MIN_SECRET_LENGTH = 16;

export function missing(variable: string, runtime: Runtime): EnvProblem {
  const how = howToSet(variable, runtime);
  return { variable, text: { id: `belum diisi. ${how.id}`, en: `is not set. ${how.en}` } };
}

function howToSet(variable: string, runtime: Runtime): Bilingual {
  if (runtime === 'node')
    return {
      id: `Isi variabel lingkungan ${variable} (lihat docs/deploy.md).`,
      en: `Set the environment variable ${variable} (see docs/deploy.md).`,
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

export function invalid(variable: string): EnvProblem {
  const known = INVALID[variable];
  if (known) return { variable, text: known };
  if (variable.endsWith('_URL'))
    return { variable, text: { id: 'harus berupa alamat http(s).', en: 'must be an http(s) address.' } };
  return { variable, text: { id: 'nilainya tidak valid.', en: 'has an invalid value.' } };
}

export function tooShort(variable: string): EnvProblem {
  return {
    variable,
    text: {
      id: `terlalu pendek; pakai minimal ${MIN_SECRET_LENGTH} karakter acak (misalnya: openssl rand -hex 32).`,
      en: `is too short; use at least ${MIN_SECRET_LENGTH} random characters (e.g. openssl rand -hex 32).`,
    },
  };
}

export const PUBSUB_PAIR: Bilingual = {
  id: 'PUBSUB_AUDIENCE dan PUBSUB_SERVICE_ACCOUNT harus diisi berdua (atau dikosongkan berdua).',
  en: 'PUBSUB_AUDIENCE and PUBSUB_SERVICE_ACCOUNT go together: set both or neither.',
};

export const LOCAL_ON_SERVER: EnvProblem = {
  variable: 'JURI_MODE',
  text: {
    id: "mode 'local' hanya untuk komputer sendiri (npm start). Di Cloudflare Workers dan Cloud Functions isi 'google'.",
    en: "'local' mode is only for your own computer (npm start). On Cloudflare Workers and Cloud Functions set 'google'.",
  },
};

/** SPREADSHEET_ID holds one id, which cannot serve several competitions. */
export const SHEET_PER_COMPETITION: Bilingual = {
  id: 'ada beberapa lomba: tulis Sheet tiap lomba sebagai JSON, misalnya {"<id lomba>":"<id Sheet>"}.',
  en: 'there are several competitions: name each one\'s Sheet as JSON, e.g. {"<competition id>":"<Sheet id>"}.',
};

export function unknownCompetitions(ids: readonly string[]): Bilingual {
  const list = ids.map((id) => `"${id}"`).join(', ');
  return {
    id: `menyebut lomba yang tidak ada di konfigurasi: ${list}.`,
    en: `names competitions the config does not hold: ${list}.`,
  };
}

/** FORM_ID replaces one config's Form id; with several competitions, each config names its own Form. */
export const FORM_PER_COMPETITION: Bilingual = {
  id: 'ada beberapa lomba: tulis form.formId di konfigurasi tiap lomba, bukan FORM_ID.',
  en: "there are several competitions: set form.formId in each competition's config, not FORM_ID.",
};
