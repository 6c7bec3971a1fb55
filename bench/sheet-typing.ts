import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { auth, sheets, type sheets_v4 } from '@googleapis/sheets';
import { readCell } from '../shared/domain/cells.ts';
import type { Competition } from '../shared/domain/competition.ts';
import { jurorReadRange, locateColumns } from '../shared/sheet/juror-read.ts';
import { type JurorTab, jurorTabs, NAMES_ROW } from '../shared/sheet/juror-tab.ts';
import { a1Cell, JUROR_HEADER_ROWS } from '../shared/sheet/layout.ts';
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

/** Each tab's entry rows and criterion columns, found by the column names as the sync finds them. */
async function locate(client: sheets_v4.Sheets, spreadsheetId: string, tabs: readonly JurorTab[]) {
  const got = await client.spreadsheets.values.batchGet({ spreadsheetId, ranges: tabs.map(jurorReadRange) });
  return tabs.map((tab, i) => {
    const values = (got.data.valueRanges?.[i]?.values ?? []).map((r) => r.map(String));
    const at = locateColumns(tab, values);
    if (!at.ok) throw new Error(`cannot find the columns of ${tab.title}`);
    const first = at.headerRow + JUROR_HEADER_ROWS - NAMES_ROW;
    const rows = values.slice(first).flatMap((row, k) => {
      const id = row[at.idColumn] ?? '';
      return id === '' ? [] : [{ id, row: first + k }];
    });
    return { tab, rows, start: at.criteria[0] ?? 0 };
  });
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
  const data: sheets_v4.Schema$ValueRange[] = [];
  let cells = 0;
  // The criterion columns are adjacent (setup writes them so): one range per entry row.
  for (const { tab, rows, start } of await locate(client, spreadsheetId, tabs)) {
    for (const { id, row } of rows) {
      // The sheet's data validation rejects a slip (a word, out of scale): the juror leaves it blank.
      const typed = tab.stage.criteria.map((criterion, c) => {
        const value = type(stageId, tab.juror.id, id, c);
        return readCell(value, criterion.min, criterion.max).kind === 'number' ? value : '';
      });
      cells += typed.length;
      data.push({ range: a1Cell(tab.title, start, row), values: [typed] });
    }
  }
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
  const [found] = await locate(client, spreadsheetId, [tab]);
  const first = found?.rows[0];
  if (!found || !first) return;
  await client.spreadsheets.values.batchUpdate({
    spreadsheetId,
    requestBody: {
      valueInputOption: 'USER_ENTERED',
      data: [{ range: a1Cell(tab.title, found.start, first.row), values: [[value]] }],
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

/** Where editOneCell types: the tab's title and the cell's A1 (sheet-qualified) and bare forms. */
export async function oneCellAddress(
  client: sheets_v4.Sheets,
  spreadsheetId: string,
  competition: Competition,
): Promise<{ title: string; a1: string; row: number; column: number } | null> {
  const tab = jurorTabs(competition)[0];
  if (!tab) return null;
  const [found] = await locate(client, spreadsheetId, [tab]);
  const first = found?.rows[0];
  if (!found || !first) return null;
  return {
    title: tab.title,
    a1: a1Cell(tab.title, found.start, first.row),
    row: first.row,
    column: found.start,
  };
}
