import ExcelJS from 'exceljs';
import type { ExportTable } from '../../shared/ports.ts';
import '../jszip-utf8.ts';

/** Wide enough for the longest text in the column (header included), within what a screen shows. */
function columnWidth(table: ExportTable, column: number): number {
  let longest = table.header[column]?.length ?? 0;
  for (const row of table.rows) {
    const v = row[column];
    const length = typeof v === 'number' ? String(v).length : (v?.length ?? 0);
    if (length > longest) longest = length;
  }
  return Math.min(60, Math.max(8, longest + 2));
}

/**
 * Tables as an .xlsx workbook (exceljs): a bold, frozen header row with a filter, columns as wide as
 * their content; text stays text (a title that starts with "=" is never a formula), numbers stay numbers.
 */
export async function tablesToXlsx(
  tables: readonly ExportTable[],
  creator = 'juri',
): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = creator;
  for (const table of tables) {
    const sheet = book.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v) => v ?? ''));
    table.header.forEach((_, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = columnWidth(table, i);
      if (table.scoreColumns?.includes(i)) column.numFmt = '0.00';
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
