import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import { criterionColumns, jurorColumns, jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { JUROR_HEADER_ROWS } from '../../shared/sheet/layout.ts';
import { type SheetEnv, scoreFor, seedInnovations, sheetEnvsClosedAfterEach, typeScores } from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

/** Desk totals by innovation and juror: what the sync counted. */
function totals(record: SyncRecord) {
  return Object.fromEntries((record.result?.stages[0]?.ranking ?? []).map((e) => [e.id, e.totals]));
}

async function scored(): Promise<{ env: SheetEnv; baseline: SyncRecord }> {
  const env = await startEnv();
  await seedInnovations(env, 8);
  await provisionSheet(env.services);
  await typeScores(env, scoreFor, 'desk');
  const baseline = await runSync(env.services, { trigger: 'cli' });
  expect(baseline.sheetIssues).toEqual([]);
  return { env, baseline };
}

/** A person edits the workbook in a spreadsheet program and saves it. */
async function editByHand(env: SheetEnv, title: string, edit: (ws: ExcelJS.Worksheet) => void) {
  const book = new ExcelJS.Workbook();
  // What a person opens is the file: the server writes it behind the answer.
  await env.server.flush();
  await book.xlsx.readFile(env.file);
  const ws = book.getWorksheet(title);
  if (!ws) throw new Error(`no tab ${title}`);
  edit(ws);
  await book.xlsx.writeFile(env.file);
}

function deskTab(env: SheetEnv, k: number) {
  const tab = jurorTabs(env.services.competition).filter((t) => t.stage.id === 'desk')[k];
  if (!tab) throw new Error('no tab');
  return { tab, criteria: criterionColumns(jurorColumns(env.services.competition, tab.stage)) };
}

const firstEntry = JUROR_HEADER_ROWS + 1;

describe('a juror tab whose shape was changed by hand', () => {
  it('with a column inserted among the criteria: read by column name, reported, and left alone by setup', async () => {
    const { env, baseline } = await scored();
    const { tab, criteria } = deskTab(env, 0);
    const at = (criteria[2] ?? 0) + 1;
    await editByHand(env, tab.title, (ws) => {
      ws.spliceColumns(at, 0, []);
      // The juror's own scratch column, full of numbers a positional read would take for scores.
      ws.getCell(JUROR_HEADER_ROWS - 2, at).value = 'Hitungan saya';
      for (let r = firstEntry; r < firstEntry + 8; r++) ws.getCell(r, at).value = 1;
    });
    const after = await runSync(env.services, { trigger: 'cli' });
    expect(totals(after)).toEqual(totals(baseline));
    expect(after.sheetIssues).toEqual([
      expect.objectContaining({
        juror: 'j1',
        tab: tab.title,
        code: 'columns-moved',
        subject: 'Implementasi',
      }),
    ]);
    const before = await env.server.snapshot();
    const setup = await provisionSheet(env.services);
    expect(setup.reshaped).toEqual([tab.title]);
    const untouched = (await env.server.snapshot()).find((t) => t.title === tab.title);
    expect(untouched?.values).toEqual(before.find((t) => t.title === tab.title)?.values);
    // The problem list says what happened and how to mend it.
    const check = (await env.server.snapshot()).find((t) => t.title === '» Periksa Nilai');
    expect(check?.values.flat().join(' ')).toMatch(/Kolom disisipkan atau dipindah \(mulai "Implementasi"\)/);
  });

  it('with its rows sorted by hand: read by innovation id, the same totals', async () => {
    const { env, baseline } = await scored();
    const { tab } = deskTab(env, 1);
    await editByHand(env, tab.title, (ws) => {
      const rows: ExcelJS.CellValue[][] = [];
      ws.eachRow((row, n) => {
        if (n >= firstEntry) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
      });
      rows.reverse().forEach((values, i) => {
        values.forEach((v, c) => {
          ws.getCell(firstEntry + i, c + 1).value = v ?? null;
        });
      });
    });
    const sorted = (await env.server.snapshot()).find((t) => t.title === tab.title);
    expect(sorted?.values[JUROR_HEADER_ROWS]?.[0]).toBe('INOV-2024-008');
    const after = await runSync(env.services, { trigger: 'cli' });
    expect(totals(after)).toEqual(totals(baseline));
    expect(after.sheetIssues).toEqual([]);
  });

  it('with rows inserted above the column names: still read, and reported', async () => {
    const { env, baseline } = await scored();
    const { tab } = deskTab(env, 2);
    await editByHand(env, tab.title, (ws) => {
      ws.spliceRows(2, 0, [], []);
    });
    const after = await runSync(env.services, { trigger: 'cli' });
    expect(totals(after)).toEqual(totals(baseline));
    expect(after.sheetIssues?.map((i) => [i.juror, i.code])).toEqual([['j3', 'header-moved']]);
  });

  it('with a criterion’s column name gone: not read at all, reported, never misread', async () => {
    const { env, baseline } = await scored();
    const { tab, criteria } = deskTab(env, 3);
    await editByHand(env, tab.title, (ws) => {
      ws.getCell(JUROR_HEADER_ROWS - 2, (criteria[3] ?? 0) + 1).value = 'nilai';
    });
    const after = await runSync(env.services, { trigger: 'cli' });
    expect(after.sheetIssues?.map((i) => [i.juror, i.code, i.subject])).toEqual([
      ['j4', 'column-missing', 'Signifikansi'],
    ]);
    // j4's totals are gone from every entry; everyone else's are as before.
    const expected = Object.fromEntries(
      Object.entries(totals(baseline)).map(([id, t]) => [
        id,
        Object.fromEntries(Object.entries(t).filter(([j]) => j !== 'j4')),
      ]),
    );
    expect(totals(after)).toEqual(expected);
    expect(after.progress?.find((p) => p.stage === 'desk' && p.juror === 'j4')).toMatchObject({
      assigned: 0,
    });
  });

  it('with scores typed in a row without an innovation id: reported, not counted', async () => {
    const { env, baseline } = await scored();
    const { tab, criteria } = deskTab(env, 4);
    await editByHand(env, tab.title, (ws) => {
      ws.getCell(firstEntry + 10, (criteria[0] ?? 0) + 1).value = 99;
    });
    const after = await runSync(env.services, { trigger: 'cli' });
    expect(totals(after)).toEqual(totals(baseline));
    expect(after.sheetIssues?.map((i) => [i.juror, i.code])).toEqual([['j5', 'row-without-id']]);
  });
});
