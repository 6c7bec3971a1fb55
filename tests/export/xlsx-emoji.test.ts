import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { tablesToXlsx } from '../../infra/export/xlsx-tables.ts';

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
