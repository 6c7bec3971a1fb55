import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { auth, sheets, type sheets_v4 } from '@googleapis/sheets';
import type { Competition } from '../shared/domain/competition.ts';
import {
  JUROR_HEADER_ROWS,
  JUROR_INFO_COLUMNS,
  jurorTabs,
  quoteTitle,
} from '../shared/domain/sheet-layout.ts';
import type { Typist } from './generate.ts';

/** People at the shared sheet, for the benchmark: a client that types scores as jurors do. */

export function oauth(token: string) {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: token });
  return client;
}

export function sheetsClient(rootUrl: string, token: string): sheets_v4.Sheets {
  return sheets({ version: 'v4', auth: oauth(token), rootUrl, retry: false });
}

/** Types every juror tab of `stageId` (USER_ENTERED, as a person would) in one batchUpdate. */
export async function typeScores(
  client: sheets_v4.Sheets,
  spreadsheetId: string,
  competition: Competition,
  type: Typist,
  stageId: string,
): Promise<number> {
  const tabs = jurorTabs(competition).filter((t) => t.stage.id === stageId);
  const got = await client.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: tabs.map((t) => `${quoteTitle(t.title)}!A${JUROR_HEADER_ROWS + 1}:A`),
  });
  const data: sheets_v4.Schema$ValueRange[] = [];
  let cells = 0;
  tabs.forEach((tab, i) => {
    const ids = (got.data.valueRanges?.[i]?.values ?? []).map((r) => String(r[0] ?? ''));
    if (ids.length === 0) return;
    const rows = ids.map((id) => tab.stage.criteria.map((_, c) => type(stageId, tab.juror.id, id, c)));
    cells += rows.length * tab.stage.criteria.length;
    const column = String.fromCharCode(65 + JUROR_INFO_COLUMNS);
    data.push({ range: `${quoteTitle(tab.title)}!${column}${JUROR_HEADER_ROWS + 1}`, values: rows });
  });
  if (data.length > 0) {
    await client.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'USER_ENTERED', data },
    });
  }
  return cells;
}

/** A juror changes one score: the first criterion of the first row of the first juror tab. */
export async function editOneCell(
  client: sheets_v4.Sheets,
  spreadsheetId: string,
  competition: Competition,
  value: string,
): Promise<void> {
  const tab = jurorTabs(competition)[0];
  if (!tab) return;
  const column = String.fromCharCode(65 + JUROR_INFO_COLUMNS);
  await client.spreadsheets.values.batchUpdate({
    spreadsheetId,
    requestBody: {
      valueInputOption: 'USER_ENTERED',
      data: [{ range: `${quoteTitle(tab.title)}!${column}${JUROR_HEADER_ROWS + 1}`, values: [[value]] }],
    },
  });
}

export interface SheetsHost {
  url: string;
  spreadsheetId: string;
  child: ChildProcess;
  close(): Promise<void>;
}

/** Starts bench/sheets-host.ts in its own process and waits for its address. */
export async function startSheetsHost(file: string, token: string): Promise<SheetsHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sheets-host.ts', file, token], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sheets host exited with ${code}`)));
  });
  const { url, spreadsheetId } = JSON.parse(first) as { url: string; spreadsheetId: string };
  return {
    url,
    spreadsheetId,
    child,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
      }),
  };
}
