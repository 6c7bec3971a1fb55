import type { ExportTable } from '../../shared/ports.ts';
import { type CellData, newSheet, type Sheet } from '../local-sheets/model.ts';
import { newFormats, PX_PER_CHAR, packageParts, type TabToWrite, tabNames, tabXml } from '../xlsx/ooxml.ts';
import { deflatedPart, zipOf } from '../xlsx/zip.ts';

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

const BOLD = { textFormat: { bold: true } };
const SCORE = { numberFormat: { type: 'NUMBER', pattern: '0.00' } };

/** One table as a tab: a bold header row, then its rows; text stays text, numbers stay numbers. */
function sheetOf(table: ExportTable, index: number): Sheet {
  const sheet = newSheet({ sheetId: index, title: table.name.slice(0, 31), index });
  sheet.properties.gridProperties.frozenRowCount = 1;
  const scores = new Set(table.scoreColumns ?? []);
  const header: CellData[] = table.header.map((h) => ({
    userEnteredValue: { stringValue: h },
    userEnteredFormat: BOLD,
  }));
  const rows: CellData[][] = table.rows.map((row) =>
    row.map((v, c) => ({
      userEnteredValue: typeof v === 'number' ? { numberValue: v } : { stringValue: v ?? '' },
      ...(scores.has(c) ? { userEnteredFormat: SCORE } : {}),
    })),
  );
  sheet.rows = [header, ...rows];
  table.header.forEach((_, i) => {
    sheet.columnWidths[String(i)] = columnWidth(table, i) * PX_PER_CHAR;
  });
  return sheet;
}

/**
 * Tables as an .xlsx workbook (infra/xlsx): a bold, frozen header row with a filter, columns as wide as
 * their content; text stays text (a title that starts with "=" is never a formula), numbers stay
 * numbers. No exceljs and no JSZip: the Worker bundle carries neither, and no emoji is cut in two.
 */
export async function tablesToXlsx(
  tables: readonly ExportTable[],
  creator = 'juri',
): Promise<Uint8Array<ArrayBuffer>> {
  const tabs: TabToWrite[] = tables.map((table, i) => ({
    sheet: sheetOf(table, i),
    state: 'visible',
    plain: true,
    autoFilter: true,
  }));
  const formats = newFormats();
  const xml = tabs.map((tab) => tabXml(tab, '', formats));
  const names = tabNames(xml.map((x) => x.notes !== undefined));
  const parts: [string, string][] = [
    ...packageParts(tabs, names, creator, formats),
    ...xml.map((x, i) => [names[i]?.sheet ?? '', x.sheet] as [string, string]),
  ];
  const deflated = await Promise.all(
    parts.map(async ([name, text]) => [name, await deflatedPart(text)] as const),
  );
  return zipOf(deflated);
}
