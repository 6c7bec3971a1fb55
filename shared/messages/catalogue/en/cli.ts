import type { CLI as ID } from '../id/cli.ts';
import type { English } from '../params.ts';

/** The words of the command line (juri doctor, serve, rank, finalize, verify, …) and of the settings check, in English. */
export const CLI = {
  'cli.doctor.localMode': 'Local mode: data stays on this computer; no Google account needed.',
  'cli.doctor.settingsComplete': 'Settings complete.',
  'cli.doctor.phase': 'Phase: {phase} ({n} transitions logged).',
  'cli.doctor.versionsIntact': 'Every stored result version ({n}) matches its hash.',
  'cli.doctor.versionsAltered':
    'ALARM: stored result version {versions} does not match its hash: its content was changed in the store. The public page does not show it.',
  'cli.doctor.configValid': 'Competition config "{name}" is valid: {jurors} jurors, stages {stages}.',
  'cli.doctor.formMissing':
    'The "form" section is missing: juri cannot tell which Form questions hold the title, agency, etc.',
  'cli.doctor.keyAccepted': 'Google accepted the service-account key {email}.',
  'cli.doctor.adcWorks': 'Application Default Credentials work.',
  'cli.doctor.noCredentials':
    'No Google credentials: set GOOGLE_SERVICE_ACCOUNT_JSON, or run "gcloud auth application-default login". ({detail})',
  'cli.doctor.sheetIdUnset':
    'SPREADSHEET_ID is not set. Take it from the Sheet address: /spreadsheets/d/<SPREADSHEET_ID>/edit',
  'cli.doctor.sheetOpens': 'Sheet "{title}" can be opened.',
  'cli.doctor.functionAccount': "the function's service account",
  'cli.doctor.sheetNotShared': 'The Sheet is not shared. Open the Sheet → Share → add {who} as Editor.',
  'cli.doctor.sheetNotFound': 'Sheet not found: check SPREADSHEET_ID.',
  'cli.doctor.sheetUnopenable': 'The Sheet cannot be opened ({detail}).',
  'cli.doctor.firestoreReadable': 'Firestore of project {project} can be read.',
  'cli.doctor.firestoreDenied':
    'Firestore access denied. Give the service account the "Cloud Datastore User" role in project {project}.',
  'cli.doctor.firestoreMissing':
    'Firestore database "{database}" does not exist in project {project}. Create it in the Firebase console → Firestore Database.',
  'cli.doctor.firestoreUnreachable': 'Firestore cannot be reached ({detail}).',
  'cli.freePlan.unchangedFits': 'A cron tick with nothing new: about {ms} ms of CPU (fits).',
  'cli.freePlan.unchangedTooMuch': 'A cron tick with nothing new: about {ms} ms of CPU (does not fit).',
  'cli.freePlan.writtenEmpty':
    'A sync that writes: about {ms} ms of CPU before any entry, growing with the score cells.',
  'cli.freePlan.written':
    'A sync that writes, for {entries} entries (about {cells} score cells): about {ms} ms of CPU.',
  'cli.freePlan.fits':
    "It fits Cloudflare Workers' free plan ({limit} ms per request) up to about {max} entries.",
  'cli.freePlan.tooMuch':
    "It does not fit Cloudflare Workers' free plan ({limit} ms per request{limitNote}). Intake and the pages stay on the free plan; run the sync with `juri sync` from the secretariat's computer, on Cloud Functions, or on Workers Paid.",
  'cli.freePlan.limitNote': '; the limit is about {max} entries',
  'cli.env.missingNode': 'is not set. Set the environment variable {variable} (see docs/deploy.md).',
  'cli.env.missingSecret': 'is not set. Run: npx wrangler secret put {variable}',
  'cli.env.missingVar': 'is not set. Set {variable} under [vars] in wrangler.toml.',
  'cli.env.invalidMode': "must be 'google' or 'local'.",
  'cli.env.invalidLang': "must be 'id' or 'en'.",
  'cli.env.invalidServiceAccount':
    'must hold the whole service-account JSON key file (with client_email and private_key).',
  'cli.env.invalidJson': 'is not valid JSON.',
  'cli.env.invalidUrl': 'must be an http(s) address.',
  'cli.env.invalidValue': 'has an invalid value.',
  'cli.env.tooShort': 'is too short; use at least {min} random characters (e.g. openssl rand -hex 32).',
  'cli.env.pubsubPair': 'PUBSUB_AUDIENCE and PUBSUB_SERVICE_ACCOUNT go together: set both or neither.',
  'cli.env.localOnServer':
    "'local' mode is only for your own computer (npm start). On Cloudflare Workers and Cloud Functions set 'google'.",
  'cli.env.sheetPerCompetition':
    "there are several competitions: name each one's Sheet as JSON, e.g. {example}.",
  'cli.env.competitionIdPlaceholder': '<competition id>',
  'cli.env.sheetIdPlaceholder': '<Sheet id>',
  'cli.env.unknownCompetitions': 'names competitions the config does not hold: {list}.',
  'cli.env.formPerCompetition':
    "there are several competitions: set form.formId in each competition's config, not FORM_ID.",
  'cli.env.serverConfigWrong': 'The server configuration is not right — {problems}',
  'cli.env.competitionConfigInvalid': 'the competition config is not valid — {issues}',
} satisfies English<typeof ID>;
