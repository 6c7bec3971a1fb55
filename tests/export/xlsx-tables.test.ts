import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { tablesToXlsx } from '../../infra/export/xlsx-tables.ts';
import { entryBytes, zipEntries } from '../../infra/local-sheets/zip-entries.ts';

// JSZip writes a string entry in 16 Ki UTF-16 slices, each encoded alone: an emoji straddling a slice
// boundary came out as two U+FFFD. A sheet this long puts several emoji across boundaries.
test('an exported workbook keeps every emoji, wherever it falls in the sheet', async () => {
  const titles = Array.from({ length: 3000 }, (_, i) => `${'x'.repeat(i % 3)}${'🚀'.repeat(20)} ${i}`);
  const bytes = await tablesToXlsx([{ name: 'Inovasi', header: ['Judul'], rows: titles.map((t) => [t]) }]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer);
  const read = (book.getWorksheet('Inovasi')?.getColumn(1).values ?? []).slice(2);
  expect(read).toEqual(titles);
});

// 1 exported workbook in 40 lost an emoji before: each of these puts its emoji at another offset of the
// sheet's part, past every 16 Ki boundary a slicing writer would cut at.
test('every one of many exported workbooks keeps its emoji', async () => {
  for (let n = 0; n < 120; n++) {
    const title = `Lapak Tenun 🧵 ${n} — 🚀🇮🇩`;
    const rows = Array.from({ length: 200 }, (_, i) => [`${'a'.repeat(30 + ((i * 7 + n) % 23))} ${i}`]);
    rows.splice(100 + (n % 60), 0, [title]);
    const bytes = await tablesToXlsx([{ name: 'Inovasi', header: ['Judul'], rows }]);
    const entries = zipEntries(bytes);
    const entry = entries.get('xl/worksheets/sheet1.xml');
    if (!entry) throw new Error('no sheet part');
    const xml = entryBytes(bytes, entry).toString('utf8');
    expect(xml, `workbook ${n}`).toContain(title);
    expect(xml, `workbook ${n}`).not.toContain('\uFFFD');
  }
});

test('an exported sheet is ready to read: columns as wide as their content, a header filter, frozen headers', async () => {
  const bytes = await tablesToXlsx([
    {
      name: 'Peringkat',
      header: ['ID', 'Judul inovasi', 'Nilai'],
      rows: [
        ['INOV-2024-011', 'Layanan Adminduk Keliling Desa Terpencil di Pulau Semau', 90.445],
        ['INOV-2024-002', 'SiKadir', 88.1],
      ],
      scoreColumns: [2],
    },
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer);
  const sheet = book.getWorksheet('Peringkat');
  expect(sheet?.getColumn(1).width).toBeGreaterThanOrEqual('INOV-2024-011'.length);
  expect(sheet?.getColumn(2).width).toBeGreaterThanOrEqual(
    'Layanan Adminduk Keliling Desa Terpencil di Pulau Semau'.length,
  );
  expect(sheet?.autoFilter).toBeTruthy();
  expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});
