import type { Bilingual, Lang } from '../../shared/domain/i18n.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';

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
  return { variable, text: bilingual(howToSet(variable, runtime), { variable }) };
}

/** Where a missing variable is set on this runtime: the environment, a Worker secret, or wrangler.toml. */
function howToSet(variable: string, runtime: Runtime) {
  if (runtime === 'node') return 'cli.env.missingNode';
  if (SECRETS.has(variable)) return 'cli.env.missingSecret';
  return 'cli.env.missingVar';
}

type InvalidKey =
  | 'cli.env.invalidMode'
  | 'cli.env.invalidLang'
  | 'cli.env.invalidServiceAccount'
  | 'cli.env.invalidJson';

const INVALID: Partial<Record<string, InvalidKey>> = {
  JURI_MODE: 'cli.env.invalidMode',
  JURI_LANG: 'cli.env.invalidLang',
  GOOGLE_SERVICE_ACCOUNT_JSON: 'cli.env.invalidServiceAccount',
  COMPETITION_JSON: 'cli.env.invalidJson',
};

export function invalid(variable: string): EnvProblem {
  const known = INVALID[variable];
  if (known) return { variable, text: bilingual(known) };
  if (variable.endsWith('_URL')) return { variable, text: bilingual('cli.env.invalidUrl') };
  return { variable, text: bilingual('cli.env.invalidValue') };
}

export function tooShort(variable: string): EnvProblem {
  return { variable, text: bilingual('cli.env.tooShort', { min: MIN_SECRET_LENGTH }) };
}

export const PUBSUB_PAIR: Bilingual = bilingual('cli.env.pubsubPair');

export const LOCAL_ON_SERVER: EnvProblem = {
  variable: 'JURI_MODE',
  text: bilingual('cli.env.localOnServer'),
};

/** SPREADSHEET_ID holds one id, which cannot serve several competitions. */
export const SHEET_PER_COMPETITION: Bilingual = {
  id: sheetPerCompetition('id'),
  en: sheetPerCompetition('en'),
};

function sheetPerCompetition(lang: Lang): string {
  const example = `{"${t(lang, 'cli.env.competitionIdPlaceholder')}":"${t(lang, 'cli.env.sheetIdPlaceholder')}"}`;
  return t(lang, 'cli.env.sheetPerCompetition', { example });
}

export function unknownCompetitions(ids: readonly string[]): Bilingual {
  const list = ids.map((id) => `"${id}"`).join(', ');
  return bilingual('cli.env.unknownCompetitions', { list });
}

/** FORM_ID replaces one config's Form id; with several competitions, each config names its own Form. */
export const FORM_PER_COMPETITION: Bilingual = bilingual('cli.env.formPerCompetition');
