import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auth as googleAuth } from '@googleapis/sheets';
import ntt2024 from '../../infra/deploy/competitions/koin-yanlik-ntt-2024.json' with { type: 'json' };
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { startLocalSheetsServer } from '../../infra/local-sheets/server.ts';
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
}

export interface LocalRuntime {
  services: Services;
  paths: { dir: string; database: string; workbook: string };
  sheetsUrl: string;
  spreadsheetId: string;
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
  mkdirSync(dir, { recursive: true });
  const paths = { dir, database: join(dir, 'juri.db'), workbook: join(dir, 'juri.xlsx') };
  // The NTT 2024 config is bundled, so the built CLI needs no file next to it.
  const competition = o.config ? readCompetition(o.config) : checkedCompetition(ntt2024, 'NTT 2024');
  const store = openSqliteStore(paths.database);
  const sheets = await startLocalSheetsServer({ file: paths.workbook });
  // The local Sheets server accepts any bearer token; the client still sends one, as it would to Google.
  const auth = new googleAuth.OAuth2();
  auth.setCredentials({ access_token: 'local-mode' });
  const sheet = createSheetsScoreSheet({ spreadsheetId: sheets.spreadsheetId, auth, rootUrl: sheets.url });
  const services: Services = {
    competition,
    store,
    sheet,
    forms: undefined,
    formsWatchTopic: undefined,
    clock: o.clock ?? systemClock,
    secrets: localSecrets(dir),
    lang: o.lang,
    pubsubKeys: NO_PUSH_KEYS,
    sheetLink: { file: paths.workbook },
    localForm: true,
  };
  return {
    services,
    paths,
    sheetsUrl: sheets.url,
    spreadsheetId: sheets.spreadsheetId,
    sheetsAuth: auth,
    async close() {
      await sheets.close();
      store.close();
    },
  };
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
