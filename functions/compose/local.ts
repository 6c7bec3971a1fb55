import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { auth as googleAuth } from '@googleapis/sheets';
import { lazyXlsxWriter } from '../../infra/export/lazy-xlsx-writer.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { type LocalSheetsServer, startLocalSheetsServer } from '../../infra/local-sheets/server.ts';
import { booksOf, createPerJurorScoreSheet } from '../../infra/sheets/per-juror-sheet.ts';
import { createSheetsScoreSheet } from '../../infra/sheets/sheets-adapter.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { intakeRulesCache } from '../../shared/domain/intake-rules.ts';
import { perConfig } from '../../shared/domain/per-config.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { Clock } from '../../shared/ports.ts';
import { readCompetitions } from '../cli/io.ts';
import { demoCompetition } from '../demo/kipp.ts';
import { configKeyOf } from '../scores/sync-read.ts';
import { chooseCompetition } from './deployment.ts';
import { type Deployment, NO_PUSH_KEYS, type Secrets, type Services, systemClock } from './services.ts';

export interface LocalOptions {
  dir: string;
  /** A config file, a file with a list of configs, or a folder of them (functions/cli/io.ts). */
  config?: string | undefined;
  /** The competition `services` is bound to; the default (deployment.ts) when absent. */
  competition?: string | undefined;
  lang: Lang;
  clock?: Clock;
  /** Overrides the config's sheet.mode (the demo's --per-juror). */
  sheetMode?: 'shared' | 'perJuror';
}

/** One competition in local mode: its services and its own workbook on its own local Sheets server. */
export interface LocalCompetition {
  services: Services;
  paths: { dir: string; database: string; workbook: string };
  sheetsUrl: string;
  spreadsheetId: string;
  /** The spreadsheet holding a juror's tabs (the one shared spreadsheet unless sheet.mode is perJuror). */
  spreadsheetOf: (jurorId: string) => Promise<string>;
  /** The same credentials the adapter uses, for the demo jurors' own Sheets client. */
  sheetsAuth: InstanceType<typeof googleAuth.OAuth2>;
}

/** Local mode: the chosen competition's fields at the top, every competition in `competitions`. */
export interface LocalRuntime extends LocalCompetition {
  /** In the config's order, as `deployment` lists their services. */
  competitions: LocalCompetition[];
  deployment: Deployment;
  close(): Promise<void>;
}

/**
 * Where local mode finds more competitions beside the bundled one when no config is given: one file per
 * competition (the demo's open year is written there on the first `npm start`).
 */
export const MORE_COMPETITIONS_DIR = 'kompetisi';

/**
 * The composition root of local mode: SQLite on disk (one database, each competition's data apart), and
 * the real Sheets adapter talking to a local Sheets server over each competition's workbook, so local
 * runs take the production code path.
 */
export async function composeLocal(o: LocalOptions): Promise<LocalRuntime> {
  const dir = resolve(o.dir);
  const database = join(dir, 'juri.db');
  privateFolder(dir);
  // SQLite gives its -wal and -shm files the mode of the database file, so that one must exist first.
  closeSync(openSync(database, 'a', 0o600));
  const configs = localCompetitions(dir, o.config).map((c) =>
    o.sheetMode ? { ...c, sheet: { mode: o.sheetMode } } : c,
  );
  const store = openSqliteStore(database);
  const secrets = localSecrets(dir);
  const competitions: LocalCompetition[] = [];
  const servers: LocalSheetsServer[] = [];
  const close = async () => {
    await Promise.all(servers.map((s) => s.close()));
    store.close();
  };
  try {
    const intakeRules = intakeRulesCache();
    const configKeys = perConfig(configKeyOf);
    for (const [i, competition] of configs.entries()) {
      // The first keeps juri.xlsx, as a folder of one competition always had it.
      const workbook = join(dir, i === 0 ? 'juri.xlsx' : `juri-${competition.id}.xlsx`);
      // A fresh token each start: only this process (the app and the demo jurors) can talk to the server.
      const sheets = await startLocalSheetsServer({ file: workbook });
      servers.push(sheets);
      const services: Services = {
        competition,
        stores: store.competition(competition.id),
        forms: undefined,
        formsWatchTopic: undefined,
        clock: o.clock ?? systemClock,
        secrets,
        lang: o.lang,
        pubsubKeys: NO_PUSH_KEYS,
        xlsx: lazyXlsxWriter,
        intakeRules,
        configKeys,
        sheetLink: { file: workbook },
        localForm: true,
        sheet: undefined,
      };
      competitions.push({ ...localSheet(services, sheets), paths: { dir, database, workbook } });
    }
  } catch (err) {
    await close();
    throw err;
  }
  const deployment = competitions.map((c) => c.services);
  const chosen = await chooseCompetition(deployment, o.competition).catch(async (err: unknown) => {
    await close();
    throw err;
  });
  // The chosen one is one of them: configs are never an empty list.
  const top = competitions.find((c) => c.services === chosen) as LocalCompetition;
  return { ...top, competitions, deployment, close };
}

/** The configs: the given path's, else the bundled NTT 2024 and any in the folder's kompetisi/. */
function localCompetitions(dir: string, config: string | undefined): Competition[] {
  if (config) return readCompetitions(config);
  // The NTT 2024 config is bundled, so the built CLI needs no file next to it.
  // With the demo's field verification, representation rule and calibration round (functions/demo/kipp.ts),
  // so the demo and `npm start` show the whole KIPP path offline.
  const bundled = demoCompetition();
  const more = join(dir, MORE_COMPETITIONS_DIR);
  return existsSync(more) && readdirSync(more).some((f) => f.endsWith('.json'))
    ? [bundled, ...readCompetitions(more)]
    : [bundled];
}

/** The competition's Sheet over its local server: one workbook, or one per juror in perJuror mode. */
function localSheet(base: Services, sheets: LocalSheetsServer): Omit<LocalCompetition, 'paths'> {
  const auth = new googleAuth.OAuth2();
  auth.setCredentials({ access_token: sheets.accessToken ?? '' });
  const main = { spreadsheetId: sheets.spreadsheetId, auth, rootUrl: sheets.url };
  // perJuror: one .xlsx per juror beside the workbook, made by setup through spreadsheets.create.
  const perJuror = base.competition.sheet.mode === 'perJuror';
  const sheet = perJuror
    ? createPerJurorScoreSheet({ main, urlOf: (id) => sheets.fileOf(id) })
    : createSheetsScoreSheet(main);
  return {
    services: { ...base, sheet },
    sheetsUrl: sheets.url,
    spreadsheetId: sheets.spreadsheetId,
    spreadsheetOf: async (jurorId) => {
      if (!perJuror) return sheets.spreadsheetId;
      // The secretariat's spreadsheet remembers whose spreadsheet is which.
      const { publishState } = (await createSheetsScoreSheet(main).readRanges([])).snapshot();
      const id = booksOf(publishState)[jurorId];
      if (!id)
        throw new AppError('sheet_unavailable', bilingual('adapter.jurorSheetNotSetUp', { juror: jurorId }));
      return id;
    },
    sheetsAuth: auth,
  };
}

/** The files juri keeps in its folder. */
const OWN_FILES = ['juri.db', 'juri.db-wal', 'juri.db-shm', 'juri.xlsx', 'secrets.json'];

/**
 * The folder holds the entrants' contact details: 0700, its files owner only (0600 as juri writes
 * them), whatever the umask. A folder
 * that already existed is tightened only when it is juri's (empty, or holding juri's files), so that
 * `--dir ~` never locks a person out of their own home folder; the files are private either way.
 */
function privateFolder(dir: string): void {
  const existed = existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const entries = readdirSync(dir);
  if (!existed || entries.length === 0 || entries.some((name) => OWN_FILES.includes(name))) {
    tighten(dir, 0o700);
  }
  // Group and others lose their bits; the owner's stay as they are, so a workbook made read-only stays so.
  for (const name of OWN_FILES) {
    if (entries.includes(name)) tighten(join(dir, name), statSync(join(dir, name)).mode & 0o700);
  }
}

/** chmod only when the mode differs: a file its owner made immutable (chattr +i) refuses even a no-op chmod. */
function tighten(path: string, mode: number): void {
  if ((statSync(path).mode & 0o7777) !== mode) chmodSync(path, mode);
}

/** Generated once per folder and kept, so a restart keeps the same admin token. */
function localSecrets(dir: string): Secrets {
  const file = join(dir, 'secrets.json');
  if (!existsSync(file)) {
    const fresh = {
      adminToken: randomBytes(18).toString('base64url'),
      intakeHmac: randomBytes(32).toString('hex'),
    };
    writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600 });
  }
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { adminToken: string; intakeHmac: string };
  return {
    adminToken: saved.adminToken,
    intakeHmac: saved.intakeHmac,
    pubsubAudience: undefined,
    pubsubServiceAccount: undefined,
  };
}
