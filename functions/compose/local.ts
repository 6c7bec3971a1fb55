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
import ntt2024 from '../../infra/competitions/koin-yanlik-ntt-2024.json' with { type: 'json' };
import { lazyXlsxWriter } from '../../infra/export/lazy-xlsx-writer.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { startLocalSheetsServer } from '../../infra/local-sheets/server.ts';
import { booksOf, createPerJurorScoreSheet } from '../../infra/sheets/per-juror-sheet.ts';
import { createSheetsScoreSheet } from '../../infra/sheets/sheets-adapter.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import type { Clock } from '../../shared/ports.ts';
import { checkedCompetition, readCompetition } from '../cli/io.ts';
import { NO_PUSH_KEYS, type Secrets, type Services, systemClock } from './services.ts';

export interface LocalOptions {
  dir: string;
  config?: string | undefined;
  lang: Lang;
  clock?: Clock;
  /** Overrides the config's sheet.mode (the demo's --per-juror). */
  sheetMode?: 'shared' | 'perJuror';
}

export interface LocalRuntime {
  services: Services;
  paths: { dir: string; database: string; workbook: string };
  sheetsUrl: string;
  spreadsheetId: string;
  /** The spreadsheet holding a juror's tabs (the one shared spreadsheet unless sheet.mode is perJuror). */
  spreadsheetOf: (jurorId: string) => Promise<string>;
  /** The same credentials the adapter uses, for the demo jurors' own Sheets client. */
  sheetsAuth: InstanceType<typeof googleAuth.OAuth2>;
  close(): Promise<void>;
}

/**
 * The composition root of local mode: SQLite on disk, and the real Sheets adapter talking to the
 * local Sheets server over the workbook, so local runs take the production code path.
 */
export async function composeLocal(o: LocalOptions): Promise<LocalRuntime> {
  const dir = resolve(o.dir);
  const paths = { dir, database: join(dir, 'juri.db'), workbook: join(dir, 'juri.xlsx') };
  privateFolder(dir);
  // SQLite gives its -wal and -shm files the mode of the database file, so that one must exist first.
  closeSync(openSync(paths.database, 'a', 0o600));
  // The NTT 2024 config is bundled, so the built CLI needs no file next to it.
  const configured = o.config ? readCompetition(o.config) : checkedCompetition(ntt2024, 'NTT 2024');
  const competition = o.sheetMode ? { ...configured, sheet: { mode: o.sheetMode } } : configured;
  const store = openSqliteStore(paths.database);
  // A fresh token each start: only this process (the app and the demo jurors) can talk to the server.
  const sheets = await startLocalSheetsServer({ file: paths.workbook });
  const auth = new googleAuth.OAuth2();
  auth.setCredentials({ access_token: sheets.accessToken ?? '' });
  const main = { spreadsheetId: sheets.spreadsheetId, auth, rootUrl: sheets.url };
  // perJuror: one .xlsx per juror beside juri.xlsx, made by setup through spreadsheets.create.
  const perJuror = competition.sheet.mode === 'perJuror';
  const sheet = perJuror
    ? createPerJurorScoreSheet({ main, urlOf: (id) => sheets.fileOf(id) })
    : createSheetsScoreSheet(main);
  const services: Services = {
    competition,
    stores: store.competition(competition.id),
    sheet,
    forms: undefined,
    formsWatchTopic: undefined,
    clock: o.clock ?? systemClock,
    secrets: localSecrets(dir),
    lang: o.lang,
    pubsubKeys: NO_PUSH_KEYS,
    xlsx: lazyXlsxWriter,
    sheetLink: { file: paths.workbook },
    localForm: true,
  };
  return {
    services,
    paths,
    sheetsUrl: sheets.url,
    spreadsheetId: sheets.spreadsheetId,
    spreadsheetOf: async (jurorId) => {
      if (!perJuror) return sheets.spreadsheetId;
      // The secretariat's spreadsheet remembers whose spreadsheet is which.
      const { publishState } = (await createSheetsScoreSheet(main).readRanges([])).snapshot();
      const id = booksOf(publishState)[jurorId];
      if (!id) throw new Error(`juror ${jurorId} has no spreadsheet yet: run setup first`);
      return id;
    },
    sheetsAuth: auth,
    async close() {
      await sheets.close();
      store.close();
    },
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
