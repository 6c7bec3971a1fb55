import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startLocalSheetsServer } from '../../infra/local-sheets/index.ts';
import { cleanText } from '../../shared/domain/text.ts';
import { sheetEnvsClosedAfterEach, TOKEN } from '../sheets/helpers.ts';
import { anyText } from './arbitraries.ts';

const RUNS = 10_000;
/** XML 1.0's Char production: what an .xlsx part may hold. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

const startSheetEnv = sheetEnvsClosedAfterEach();

/** Fails on the first cell that differs, naming it and both texts escaped. */
function sameGrid(where: string, got: string[][], want: string[][]): void {
  for (const [r, row] of want.entries()) {
    for (const [c, text] of row.entries()) {
      if (got[r]?.[c] === text) continue;
      throw new Error(
        `${where}: row ${r + 1}, column ${c + 1}: ${JSON.stringify(got[r]?.[c])} ≠ ${JSON.stringify(text)}`,
      );
    }
  }
}

describe('fuzzing sheet text', () => {
  it(`cleans any text into something XML holds, stable under cleaning again (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(anyText(60), (text) => {
        const clean = cleanText(text);
        expect(clean).toMatch(XML_CHARS);
        expect(clean).not.toMatch(/\p{Noncharacter_Code_Point}|\r/u);
        expect(cleanText(clean)).toBe(clean);
        expect(clean.normalize('NFC')).toBe(clean);
      }),
      { numRuns: RUNS },
    );
  });

  it(`round-trips ${RUNS} texts through the local Sheets server and the .xlsx file, which stays readable`, async () => {
    const env = await startSheetEnv();
    let batch = 0;
    // 10 runs of 1,000 texts each: every run is one write, one read, a restart and a read of the file.
    await fc.assert(
      fc.asyncProperty(fc.array(anyText(80), { minLength: 1000, maxLength: 1000 }), async (texts) => {
        batch += 1;
        const range = `Sheet1!A1:J100`;
        const rows = Array.from({ length: 100 }, (_, r) => texts.slice(r * 10, r * 10 + 10));
        await env.client.spreadsheets.values.batchUpdate({
          spreadsheetId: env.server.spreadsheetId,
          requestBody: { valueInputOption: 'RAW', data: [{ range, values: rows }] },
        });
        const expected = rows.map((row) => row.map(cleanText));
        const asGrid = (values: unknown[][] | null | undefined) =>
          Array.from({ length: 100 }, (_, r) =>
            Array.from({ length: 10 }, (_, c) => String(values?.[r]?.[c] ?? '')),
          );

        const live = await env.client.spreadsheets.values.get({
          spreadsheetId: env.server.spreadsheetId,
          range,
        });
        sameGrid('read back live', asGrid(live.data.values), expected);

        // A restart reads the file from scratch.
        await env.server.flush();
        const again = await startLocalSheetsServer({ file: env.file, accessToken: TOKEN, create: false });
        try {
          const res = await fetch(
            `${again.url}v4/spreadsheets/${again.spreadsheetId}/values:batchGet?ranges=${encodeURIComponent(range)}`,
            {
              headers: { authorization: `Bearer ${TOKEN}` },
            },
          );
          expect(res.status).toBe(200);
          const body = (await res.json()) as { valueRanges: { values?: unknown[][] }[] };
          sameGrid('read back after a restart', asGrid(body.valueRanges[0]?.values), expected);
        } finally {
          await again.close();
        }

        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(env.file);
        const sheet = book.getWorksheet('Sheet1');
        const fromFile = Array.from({ length: 100 }, (_, r) =>
          Array.from({ length: 10 }, (_, c) => String(sheet?.getCell(r + 1, c + 1).value ?? '')),
        );
        sameGrid('read from the file by exceljs', fromFile, expected);
      }),
      // No shrinking: a batch takes a second, and sameGrid already names the text that differs.
      // Every batch runs, however slow the machine: no time limit decides the verdict.
      { numRuns: RUNS / 1000, endOnFailure: true },
    );
    expect(batch).toBeGreaterThanOrEqual(RUNS / 1000);
    // A hang detector: ten batches of a second each when idle.
  }, 1_800_000);
});
