import ExcelJS from 'exceljs';
import '../jszip-utf8.ts';

/** One worksheet: a header row and rows of text or numbers. */
export interface ExportTable {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
  /** 0-based columns holding scores: shown with two decimals, kept at full precision. */
  scoreColumns?: number[];
  /** Column widths in characters. */
  widths?: number[];
}

/**
 * Tables as an .xlsx workbook (exceljs): a bold, frozen header row; text stays text (a title that
 * starts with "=" is never a formula), numbers stay numbers.
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
      column.width = table.widths?.[i] ?? 18;
      if (table.scoreColumns?.includes(i)) column.numFmt = '0.00';
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
