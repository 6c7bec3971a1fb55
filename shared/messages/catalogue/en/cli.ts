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
  'cli.serve.badPort': 'Invalid PORT: {port}',
  'cli.serve.portUnavailable': 'Port {port} is in use or cannot be opened.',
  'cli.serve.pressCtrlC': 'Press Ctrl+C to stop.',
  'cli.serve.savingWorkbook': 'Saving the workbook…',
  'cli.serve.seedingDemo': 'First start: seeding the 2024 demo…',
  'cli.serve.running': 'juri is running — {url}',
  'cli.serve.competitions': 'Competitions',
  'cli.serve.adminToken': 'Admin token',
  'cli.serve.database': 'Database',
  'cli.serve.announcement': 'Announcement',
  'cli.serve.dashboard': 'Dashboard',
  'cli.serve.formIntake': 'Form intake',
  'cli.serve.registrationOpen': 'Registration form (open)',
  'cli.serve.registrationLocal': 'Registration form (local)',
  'cli.serve.catalogue': 'Innovation catalogue',
  'cli.serve.workbook': 'Workbook (the Sheet)',
  'cli.serve.sheetsApi': 'Local Sheets API',
  'cli.record.provisional': 'provisional',
  'cli.record.final': 'final',
  'cli.record.fixed': 'Result version {version} fixed ({kind}).',
  'cli.record.verificationCode': 'Verification code: {code}',
  'cli.record.verificationCodeAsPublished': 'Verification code: {code} (as published)',
  'cli.record.excludeFormat': '--exclude needs <ID>=<reason>, not "{text}".',
  'cli.record.badVersion': 'Invalid version: {version}',
  'cli.record.wrote': 'Wrote {file}: versions 1–{version}, SHA-256 {hash}.',
  'cli.record.unreadableJson': '{path} cannot be read as JSON.',
  'cli.record.refuted': 'REFUTED.',
  'cli.record.confirmed': 'CONFIRMED.',
  'cli.record.confirmedDetail':
    'Versions 1–{version}: every hash matches its content, the chain is unbroken, and the rankings follow from the typed cells by the rules {rules}.',
  'cli.record.moreFindings': '… and {n} more.',
  'cli.record.tiesFormat': '{path}: must be JSON {example}',
  'cli.record.tiesNote': 'why',
  'cli.sheet.ready': 'Juror tabs are ready.',
  'cli.sheet.stageLine': '{stage}: {innovations} innovations, {rows} rows',
  'cli.sheet.jurorBooks': "Each juror's own spreadsheet (send each juror their link):",
  'cli.sheet.reshaped': '"{tab}": its shape was changed by hand; left as it is (see the score check tab)',
  'cli.sheet.synced': 'Sync: {status} ({reads} read, {writes} write).',
  'cli.phase.unknown':
    'Unknown phase: {phase} (registration, selection, judging:<stage>, fixing, publicTest, announced, corrected).',
  'cli.phase.current': 'Phase: {phase}',
  'cli.io.invalidConfig': 'Competition config {source} is not valid:\n{issues}',
  'cli.io.notJson': '{path} is not valid JSON: {detail}',
  'cli.io.unreadable': 'Cannot read file {path}.',
  'cli.csv.broken': '{path}: broken CSV — {detail}',
  'cli.csv.rowProblem': 'row {row}: {problem}',
  'cli.csv.unclosedQuote': 'a quoted field is not closed',
  'cli.csv.textAfterQuote': 'text follows the closing quote of a quoted field',
  'cli.csv.fieldCount': 'row {row} has {fields} fields, the header {header}',
  'cli.csv.missingColumns': '{path}: missing column(s) {missing} (needed: {needed})',
  'cli.rank.noStage': 'No stage "{stage}". Choose one of: {known}',
  'cli.rank.colRank': 'Rank',
  'cli.rank.colScore': 'Score',
  'cli.rank.colJurors': 'Jurors',
  'cli.rank.colStatus': 'Status',
  'cli.rank.colAdvances': 'Advances',
  'cli.rank.colRepresentation': 'Representation rules',
  'cli.rank.yes': 'yes',
  'cli.rank.complete': 'complete',
  'cli.rank.incomplete': 'incomplete',
  'cli.rank.stage': 'Stage: {stage}',
  'cli.rank.tieNote': '= shares its rank: the panel decides.',
  'cli.rank.problems': 'Problems ({n}):',
  'cli.help': `juri — judging for public-service innovation competitions

Commands:
  juri serve [--local] [--port 8787] [--dir .juri] [--config <json>]
                     Run the server (npm start = serve --local).
  juri demo [--dir <folder>] [--per-juror]
                     Run the 2024 scenario end to end to the Top 10 and write an .xlsx workbook
                     (--per-juror: one workbook per juror, as sheet.mode "perJuror" does).
  juri rank --config <json> --innovations <csv> --scores <csv> [--stage <id>|final] [--json] [--what-if]
                     Rank from CSV files; --what-if: the Top N under every scoring rule.
  juri sheet setup [--local] [--dir .juri]
                     Provision the juror tabs in the Google Sheet (or the local workbook).
  juri sync [--local] [--dir .juri]
                     Sync scores and write the ranking tabs now.
  juri finalize [--local] [--dir .juri] [--reason <text>] [--ties <json>] [--confirm]
                [--exclude <ID>=<reason>]... [--acknowledge-absent <reason> --by <name>]
                     Fix the result (a new version from the last sync); a correction needs --reason.
                     --exclude: leave an unscored innovation out of the result, with a reason;
                     --acknowledge-absent: acknowledge the jurors who typed no score.
  juri phase [<phase>] [--local] [--dir .juri] [--reason <text>]
                     Print the competition's phase and its log; with <phase> (e.g. judging:interview,
                     fixing, announced) move it, --reason required.
  juri export-record [<version>] [--local] [--dir .juri] [--out <file>] [--with-contacts]
                     Write the result record (versions 1 to <version>) to one JSON file, without
                     e-mails and phones (--with-contacts: with them, in a file only its owner reads).
  juri verify <file> [--expect <verification code>]
                     Re-check a record: hashes, chain, and rankings from the typed cells;
                     --expect: compare with the published verification code.
  juri doctor        Check credentials, Sheet access and Firestore access.

Exit codes: 0 success/confirmed, 1 an input problem or a refuted record, 2 a usage error.
Common options: --lang id|en (message language; default id);
  --competition <id> (the competition sheet, sync, finalize, phase and export-record work on; default:
  the only one, or the newest not yet announced). --config may hold one competition, a list of them,
  or a folder of competition files.`,
  'cli.usage': 'Unknown or incomplete command: {what}',
  'cli.jobs.unknownJob': "juri: unknown job \"{job}\" (expected 'sync' or 'renew-watches')",
  'cli.jobs.noJobForCron': 'juri: no job for cron "{cron}" (see functions/jobs.ts and wrangler.toml)',
  'cli.gcf.competitionFileUnreadable':
    'The competition config file (or folder) {file} (COMPETITION_FILE) cannot be read or is not JSON.',
} satisfies English<typeof ID>;
