import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Book, emptyBook, newSheet, setCell } from '../../infra/local-sheets/model.ts';
import { readBook, toXlsx } from '../../infra/local-sheets/xlsx.ts';
import { workbookReader } from '../../infra/local-sheets/xlsx-parts.ts';
import { needTools } from '../helpers/tools.ts';

/**
 * A saved workbook is read by its changed tabs (infra/local-sheets/xlsx-parts.ts): whatever it reads
 * must be what the full exceljs read gives, and the tabs whose parts did not change are taken over from
 * memory.
 */

const ID = 'local-juri-sheet';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every feature juri's tabs use: notes, frozen rows, widths, shading, bold, wrap, decimal comma, formulas. */
function sampleBook(): Book {
  const book = emptyBook(ID, 'juri');
  book.locale = 'id_ID';
  const juror = book.sheets[0] as Book['sheets'][number];
  juror.properties.title = "Juri 'A' & <B> 🌾";
  juror.properties.gridProperties.frozenRowCount = 2;
  juror.properties.tabColorStyle = { rgbColor: { red: 1, green: 0.5, blue: 0 } };
  juror.columnWidths = { '0': 203, '2': 70 };
  juror.protectedRanges = [{ protectedRangeId: 1, range: { sheetId: 0, startRowIndex: 0, endRowIndex: 2 } }];
  juror.validations = [
    {
      range: { sheetId: 0, startRowIndex: 2, endRowIndex: 5, startColumnIndex: 1, endColumnIndex: 3 },
      rule: {
        condition: {
          type: 'NUMBER_BETWEEN',
          values: [{ userEnteredValue: '0' }, { userEnteredValue: '10' }],
        },
      },
    },
  ];
  setCell(juror, 0, 0, {
    userEnteredValue: { stringValue: 'Judul\nkedua baris' },
    userEnteredFormat: { textFormat: { bold: true }, wrapStrategy: 'WRAP' },
    note: 'Kriteria 1: kebaruan',
  });
  setCell(juror, 1, 1, {
    userEnteredValue: { numberValue: 8.5 },
    userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.0' } },
  });
  setCell(juror, 1, 2, { userEnteredValue: { formulaValue: '=B2*2' } });
  setCell(juror, 2, 0, { userEnteredValue: { boolValue: true } });
  setCell(juror, 2, 1, { userEnteredFormat: { backgroundColor: { red: 0.95, green: 0.7, blue: 0.2 } } });
  setCell(juror, 3, 0, { userEnteredValue: { stringValue: '=kept as text' } });
  setCell(juror, 4, 3, { userEnteredValue: { stringValue: 'Judul\nkedua baris' } });
  const other = newSheet({ sheetId: 7, title: 'Juri B', index: 1 });
  setCell(other, 0, 0, { userEnteredValue: { stringValue: 'B' } });
  setCell(other, 5, 1, { userEnteredValue: { numberValue: 7 }, note: 'catatan' });
  const hidden = newSheet({ sheetId: 9, title: '_juri', index: 2, hidden: true });
  setCell(hidden, 0, 0, { userEnteredValue: { stringValue: '{"a":1}' } });
  book.sheets.push(other, hidden);
  book.nextSheetId = 10;
  book.nextProtectedRangeId = 2;
  return book;
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'juri-changed-tabs-'));
  dirs.push(dir);
  return dir;
}

/** The workbook as a person's program saves it after changing one cell (exceljs writes every part). */
async function savedWith(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Plain JSON, so that shared and fresh arrays compare by content. */
const plain = (book: Book) => JSON.parse(JSON.stringify(book)) as unknown;

describe('reading a saved workbook by its changed tabs', () => {
  it('reads what the full read reads, and takes the tabs whose parts did not change from memory', async () => {
    const reader = workbookReader(ID, 'juri');
    const written = (await toXlsx(sampleBook())).bytes;
    const inMemory = await readBook(written, ID, 'juri');
    reader.wrote(written, inMemory);

    const saved = await savedWith(written, (wb) => {
      const ws = wb.getWorksheet('Juri B');
      if (ws) ws.getCell('B6').value = 9;
    });
    const fast = await reader.read(saved);
    // exceljs rewrites every tab's page setup when it saves: all four parts changed.
    expect(reader.lastRead()).toEqual({ full: false, parsed: 4, kept: 0 });
    const full = await readBook(saved, ID, 'juri');
    expect(plain(fast)).toEqual(plain(full));
    expect(fast.sheets[1]?.rows[5]?.[1]?.userEnteredValue).toEqual({ numberValue: 9 });
    // Parsed again, but saying what memory says: the tabs nobody edited keep the rows in memory
    // (recalculated already, and known to the next write), the edited one is read anew.
    expect(fast.sheets[0]?.rows).toBe(inMemory.sheets[0]?.rows);
    expect(fast.sheets[2]?.rows).toBe(inMemory.sheets[2]?.rows);
    expect(fast.sheets[1]?.rows).not.toBe(inMemory.sheets[1]?.rows);

    // Read again unchanged: every tab now comes from memory, and still as the full read has it.
    const again = await reader.read(saved);
    // The hidden API tab is always read (it is small, and says what the others' ids are).
    expect(reader.lastRead()).toEqual({ full: false, parsed: 1, kept: 3 });
    expect(plain(again)).toEqual(plain(full));
    expect(again.sheets.map((s) => s.rows)).toEqual(fast.sheets.map((s) => s.rows));
    again.sheets.forEach((sheet, i) => {
      expect(sheet.rows, sheet.properties.title).toBe(fast.sheets[i]?.rows);
    });
  });

  it('deflates again only the parts a write changed', async () => {
    const book = sampleBook();
    const first = await toXlsx(book);
    // As the server changes a tab (draft.ts): its rows copied, every other tab's shared as they are.
    const other = { ...(book.sheets[1] as Book['sheets'][number]) };
    other.rows = structuredClone(other.rows);
    setCell(other, 5, 1, { userEnteredValue: { numberValue: 8 } });
    const second = await toXlsx(
      { ...book, sheets: [book.sheets[0], other, book.sheets[2]] as Book['sheets'] },
      first.parts,
    );
    const kept = [...second.parts.entries]
      .filter(([name, part]) => first.parts.entries.get(name) === part)
      .map(([n]) => n);
    expect(kept).toContain('xl/styles.xml');
    expect(kept).toContain('xl/workbook.xml');
    expect(kept).toContain('xl/worksheets/sheet1.xml');
    expect(kept).toContain('xl/worksheets/sheet3.xml');
    expect(kept).not.toContain('xl/worksheets/sheet2.xml');
    // Still a workbook every reader opens.
    const read = await readBook(second.bytes, ID, 'juri');
    expect(read.sheets[1]?.rows[5]?.[1]?.userEnteredValue).toEqual({ numberValue: 8 });
  });

  it('falls back to the full read when tabs were added or renamed, or a tab holds a date or merged cells', async () => {
    const written = (await toXlsx(sampleBook())).bytes;
    const edits: ((wb: ExcelJS.Workbook) => void)[] = [
      (wb) => {
        wb.addWorksheet('Baru').getCell('A1').value = 'x';
      },
      (wb) => {
        const ws = wb.getWorksheet('Juri B');
        if (ws) ws.name = 'Juri C';
      },
      (wb) => {
        const ws = wb.getWorksheet('Juri B');
        if (ws) ws.getCell('C3').value = new Date(Date.UTC(2026, 11, 7));
      },
      (wb) => {
        wb.getWorksheet('Juri B')?.mergeCells('D1:E1');
      },
    ];
    for (const edit of edits) {
      const reader = workbookReader(ID, 'juri');
      reader.wrote(written, await readBook(written, ID, 'juri'));
      const saved = await savedWith(written, edit);
      expect(plain(await reader.read(saved))).toEqual(plain(await readBook(saved, ID, 'juri')));
      expect(reader.lastRead()).toEqual({ full: true });
    }
  });

  it('reads every tab of a LibreOffice save as the full read does', async (ctx) => {
    const tools = needTools(ctx, ['soffice'], 'apt-get install libreoffice-calc-nogui');
    const dir = folder();
    const file = join(dir, 'juri.xlsx');
    const written = (await toXlsx(sampleBook())).bytes;
    writeFileSync(file, written);
    const out = join(dir, 'out');
    mkdirSync(join(dir, 'home'));
    execFileSync(
      tools.soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        out,
        file,
      ],
      { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: join(dir, 'home') } },
    );
    const saved = new Uint8Array(readFileSync(join(out, readdirSync(out)[0] ?? '')));
    const reader = workbookReader(ID, 'juri');
    reader.wrote(written, await readBook(written, ID, 'juri'));
    const fast = await reader.read(saved);
    expect(reader.lastRead()).toEqual({ full: false, parsed: 4, kept: 0 });
    expect(plain(fast)).toEqual(plain(await readBook(saved, ID, 'juri')));
    // What a juror sees survives LibreOffice's own way of writing the parts.
    expect(fast.sheets[0]?.rows[0]?.[0]?.note).toBe('Kriteria 1: kebaruan');
    expect(fast.sheets[0]?.rows[1]?.[1]?.userEnteredFormat).toEqual({
      numberFormat: { type: 'NUMBER', pattern: '0.0' },
    });
  }, 180_000);
});
