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
} satisfies English<typeof ID>;
