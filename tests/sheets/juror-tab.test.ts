import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { jurorTotal, toFourDecimals } from '../../shared/domain/scoring.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import {
  columnOf,
  criterionColumns,
  jurorColumns,
  jurorTabs,
  NAMES_ROW,
} from '../../shared/sheet/juror-tab.ts';
import { a1Cell, columnLetter, JUROR_HEADER_ROWS, quoteTitle } from '../../shared/sheet/layout.ts';
import { csvRecords } from '../helpers/csv.ts';
import { needTools } from '../helpers/tools.ts';
import {
  type SheetEnv,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  submission,
  typeScores,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

const first = JUROR_HEADER_ROWS + 1;

/** Innovations whose Form answers carried the proposal and video links (one with a hostile link). */
async function seedWithLinks(env: SheetEnv, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) {
    const proposalUrl =
      n === 1
        ? 'https://drive.example.org/a"),IMPORTXML("http://x","//a'
        : `https://drive.example.org/p-${n}.pdf`;
    const details = { proposalUrl, videoUrl: `https://video.example.org/v-${n}` };
    await env.store
      .competition(env.services.competition.id)
      .innovations.upsertInnovation(submission(n, { details }), (k) => innovationNumber(2024, k));
  }
}

async function values(env: SheetEnv, range: string, render = 'FORMATTED_VALUE') {
  const got = await env.client.spreadsheets.values.get({
    spreadsheetId: env.server.spreadsheetId,
    range,
    valueRenderOption: render,
  });
  return (got.data.values ?? []).map((r) => r.map((c) => String(c ?? '')));
}

function deskTab(env: SheetEnv, k = 0) {
  const tab = jurorTabs(env.services.competition).filter((t) => t.stage.id === 'desk')[k];
  if (!tab) throw new Error('no desk tab');
  return { tab, columns: jurorColumns(env.services.competition, tab.stage) };
}

describe('the juror tab', () => {
  it('names the juror, the stage and the deadline, says what to do, and links what the Form collected', async () => {
    const env = await startEnv();
    await seedWithLinks(env, 4);
    await provisionSheet(env.services);
    const { tab, columns } = deskTab(env);
    expect(tab.title).toBe('Yohanes Bria – Proposal');
    const head = await values(env, `${quoteTitle(tab.title)}!A1:P${JUROR_HEADER_ROWS}`);
    expect(head[0]?.slice(0, 4)).toEqual([
      'Juri',
      'Dr. Yohanes Bria, M.Si. (j1)',
      'Tahap',
      'Penilaian Proposal',
    ]);
    expect(head[1]?.slice(0, 3)).toEqual([
      'Batas waktu',
      'Jumat, 29 November 2024 pukul 17.00 WITA',
      'Petunjuk',
    ]);
    expect(head[1]?.[3]).toMatch(/^Ketik nilai Anda di sel kuning/);
    expect(head[NAMES_ROW]).toEqual([
      'ID',
      'Judul Inovasi',
      'Perangkat Daerah / BUMD',
      'Kabupaten/Kota',
      'Proposal',
      'Video',
      'Latar Belakang & Tujuan',
      'Kebaruan / Nilai Tambah',
      'Implementasi',
      'Signifikansi',
      'Adaptabilitas',
      'Sumber Daya',
      'Strategi Keberlanjutan',
      'Total Anda (0–100)',
      'Catatan Juri',
      'Keterangan',
    ]);
    expect(head[3]?.slice(5, 8)).toEqual(['Bobot', '10', '15']);
    expect(head[4]?.slice(5, 8)).toEqual(['Skala', '0–100', '0–100']);

    // Links are formulas over a label; the hostile one stays inside its string, percent-encoded.
    const proposal = columnOf(columns, 'link');
    const links = await values(
      env,
      `${quoteTitle(tab.title)}!${columnLetter(proposal)}${first}:${columnLetter(proposal + 1)}`,
      'FORMULA',
    );
    const byRow = await values(env, `${quoteTitle(tab.title)}!A${first}:A`);
    const row1 = byRow.findIndex((r) => r[0] === 'INOV-2024-001');
    expect(links[row1]?.[0]).toBe(
      '=HYPERLINK("https://drive.example.org/a%22),IMPORTXML(%22http://x%22,%22//a","Proposal")',
    );
    expect(links[row1]?.[1]).toBe('=HYPERLINK("https://video.example.org/v-1","Video")');
    const shown = await values(
      env,
      `${quoteTitle(tab.title)}!${columnLetter(proposal)}${first}:${columnLetter(proposal + 1)}`,
    );
    expect(shown[row1]).toEqual(['Proposal', 'Video']);

    // Each criterion's description is a note on its name and a row of the guide.
    const book = new ExcelJS.Workbook();
    // What a person opens is the file: the server writes it behind the answer.
    await env.server.flush();
    await book.xlsx.readFile(env.file);
    const ws = book.getWorksheet(tab.title);
    const firstCriterion = criterionColumns(columns)[0] ?? 0;
    expect(ws?.getCell(NAMES_ROW + 1, firstCriterion + 1).note).toMatch(/^Masalah layanan publik/);
    // Input cells are shaded; the total is not.
    const fill = (c: number) =>
      (ws?.getCell(first, c + 1).fill as { fgColor?: { argb?: string } })?.fgColor?.argb;
    expect(fill(firstCriterion)).toBe('FFFFF2B3');
    expect(fill(columnOf(columns, 'comment'))).toBe('FFFFF2B3');
    expect(fill(columnOf(columns, 'total'))).toBeUndefined();
    const guide = await values(env, "'Petunjuk'!A1:D60");
    expect(guide.flat().join('\n')).toContain('Dampak nyata bagi pengguna layanan');
    expect(guide.some((r) => r[0] === 'Signifikansi' && r[1] === '30' && r[2] === '0–100')).toBe(true);
  });

  it('refuses "delapan puluh" and out-of-scale numbers, and takes 8,5 in the id_ID sheet', async () => {
    const env = await startEnv();
    await seedInnovations(env, 3);
    const info = async () =>
      (await env.client.spreadsheets.get({ spreadsheetId: env.server.spreadsheetId })).data;
    expect((await info()).properties?.locale).toBe('en_US');
    await provisionSheet(env.services);
    expect((await info()).properties?.locale).toBe('id_ID');
    const { tab, columns } = deskTab(env);
    const cell = a1Cell(tab.title, criterionColumns(columns)[0] ?? 0, JUROR_HEADER_ROWS);
    const type = (value: string) =>
      env.client.spreadsheets.values.update({
        spreadsheetId: env.server.spreadsheetId,
        range: cell,
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [[value]] },
      });
    for (const bad of ['delapan puluh', '150', '-1', '8.5']) {
      const refused = await type(bad).catch((e: { status?: number; message?: string }) => e);
      expect(refused, bad).toMatchObject({ status: 400 });
      expect((refused as Error).message).toMatch(/violates the data validation rules/);
    }
    expect((await values(env, cell))[0]?.[0] ?? '').toBe('');
    await type('8,5');
    expect(await values(env, cell, 'UNFORMATTED_VALUE')).toEqual([['8.5']]);
    expect(await values(env, cell)).toEqual([['8,5']]);
  });

  it('shows the juror’s own total, by a formula that agrees with juri’s jurorTotal', async () => {
    const env = await startEnv();
    await seedInnovations(env, 24);
    await provisionSheet(env.services);
    const rand = seededRandom(13);
    const typed = new Map<string, (string | null)[]>();
    await typeScores(
      env,
      (stage, juror, innovation, c) => {
        const key = `${stage}|${juror}|${innovation}`;
        const row = typed.get(key) ?? [];
        // Mostly complete rows with decimal commas; some rows left incomplete.
        const v = rand() < 0.06 ? null : (Math.round(rand() * 200) / 2).toString().replace('.', ',');
        row[c] = v;
        typed.set(key, row);
        return v;
      },
      'desk',
    );
    let compared = 0;
    for (const [k] of jurorTabs(env.services.competition)
      .filter((t) => t.stage.id === 'desk')
      .entries()) {
      const { tab, columns } = deskTab(env, k);
      const total = columnOf(columns, 'total');
      const rows = await values(
        env,
        `${quoteTitle(tab.title)}!A${first}:${columnLetter(total)}`,
        'UNFORMATTED_VALUE',
      );
      for (const row of rows) {
        const cells = typed.get(`desk|${tab.juror.id}|${row[0]}`) ?? [];
        const scores = new Map<string, number>();
        tab.stage.criteria.forEach((c, i) => {
          const v = cells[i];
          if (v) scores.set(c.id, Number(v.replace(',', '.')));
        });
        const expected = jurorTotal(tab.stage, scores);
        const shown = row[total] ?? '';
        if (expected === null) expect(shown).toBe('');
        else expect(toFourDecimals(Number(shown))).toBe(toFourDecimals(expected));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('reads the unformatted number: a cell formatted without decimals is not read rounded', async () => {
    const env = await startEnv();
    await seedInnovations(env, 4);
    await provisionSheet(env.services);
    await typeScores(env, (_s, _j, _i, c) => (c === 0 ? '8,5' : '80'), 'desk');
    const { tab, columns } = deskTab(env);
    const column = criterionColumns(columns)[0] ?? 0;
    const info = await env.client.spreadsheets.get({ spreadsheetId: env.server.spreadsheetId });
    const sheetId =
      info.data.sheets?.find((s) => s.properties?.title === tab.title)?.properties?.sheetId ?? 0;
    await env.client.spreadsheets.batchUpdate({
      spreadsheetId: env.server.spreadsheetId,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: {
                sheetId,
                startRowIndex: JUROR_HEADER_ROWS,
                startColumnIndex: column,
                endColumnIndex: column + 1,
              },
              cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0' } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
        ],
      },
    });
    const cell = a1Cell(tab.title, column, JUROR_HEADER_ROWS);
    // What a FORMATTED_VALUE read would have counted:
    expect(await values(env, cell)).toEqual([['9']]);
    const record = await runSync(env.services, { trigger: 'cli' });
    const entry = record.result?.stages[0]?.ranking.find((e) => e.totals.j1 !== undefined);
    // j1: 10·8.5 + 90·80 over 100 = 72.85 (a rounded 9 would give 72.9).
    expect(entry?.totals.j1).toBeCloseTo(72.85, 10);
  });
});

describe('the juror’s total, recalculated by LibreOffice', () => {
  it('agrees with jurorTotal on every row, computed by another spreadsheet engine from the formula text', async (ctx) => {
    const SOFFICE = needTools(ctx, ['soffice'], 'apt-get install libreoffice-calc-nogui').soffice;
    const env = await startEnv();
    await seedInnovations(env, 20);
    await provisionSheet(env.services);
    const rand = seededRandom(7);
    await typeScores(
      env,
      () => (rand() < 0.08 ? null : (Math.round(rand() * 200) / 2).toString().replace('.', ',')),
      'desk',
    );
    // The saved results are spoiled, and LibreOffice told to recalculate on load: what it shows is its own.
    const book = new ExcelJS.Workbook();
    // What a person opens is the file: the server writes it behind the answer.
    await env.server.flush();
    await book.xlsx.readFile(env.file);
    const { tab, columns } = deskTab(env);
    const ws = book.getWorksheet(tab.title);
    const total = columnOf(columns, 'total');
    ws?.eachRow((row, n) => {
      const cell = row.getCell(total + 1);
      const v = cell.value as { formula?: string } | null;
      if (n >= first && v?.formula) cell.value = { formula: v.formula, result: -1 };
    });
    const input = join(env.dir, 'recalc.xlsx');
    await book.xlsx.writeFile(input);
    const profile = join(env.dir, 'lo-recalc');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">' +
        '<value>0</value></prop></item></oor:items>',
    );
    const out = join(env.dir, 'csv');
    // The first tab (the juror tabs come first), unformatted, full precision.
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1',
        '--outdir',
        out,
        input,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const csv = readdirSync(out).find((f) => f.endsWith('.csv')) ?? '';
    const rows = csvRecords(readFileSync(join(out, csv), 'utf8')).slice(JUROR_HEADER_ROWS);
    const criteria = criterionColumns(columns);
    let compared = 0;
    for (const row of rows) {
      if (!row[0]) continue;
      const scores = new Map<string, number>();
      tab.stage.criteria.forEach((c, i) => {
        const v = row[criteria[i] ?? 0] ?? '';
        if (v !== '') scores.set(c.id, Number(v));
      });
      const expected = jurorTotal(tab.stage, scores);
      const shown = row[total] ?? '';
      if (expected === null) expect(shown, row[0]).toBe('');
      else expect(toFourDecimals(Number(shown)), row[0]).toBe(toFourDecimals(expected));
      compared += 1;
    }
    expect(compared).toBe(20);
  }, 180_000);
});
