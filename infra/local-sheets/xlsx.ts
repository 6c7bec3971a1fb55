import ExcelJS from 'exceljs';
import { cleanDeep } from '../../shared/domain/text.ts';
import { PX_PER_CHAR, type TabToWrite } from '../xlsx/ooxml.ts';
import { cleanedOrSame } from './clean-json.ts';
import { recalculate } from './formulas.ts';
import {
  type Book,
  type CellData,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  emptyBook,
  type JsonObject,
  newSheet,
  type ProtectedRange,
  type Sheet,
  setCell,
  usedExtent,
  type Validation,
} from './model.ts';
import { loadablePackage, UnreadableWorkbook } from './xlsx-package.ts';
import { writeXlsx, type XlsxMemory } from './xlsx-writer.ts';

/** Hidden tab holding what .xlsx cannot say natively: sheet ids, grid sizes, protections, rules. */
export const API_TAB = '_sheets_api';
/**
 * A .xlsx has no spreadsheet locale: LibreOffice and Excel show a number in the reader's own. A number
 * format tagged with a language ([$-421]: Indonesian) is shown in that language's instead, with a
 * decimal comma, as Google shows it in an id_ID spreadsheet. The tag is taken off again on reading.
 */
const LANGUAGE_OF_LOCALE: Record<string, string> = { id_ID: '[$-421]' };
const LANGUAGE_TAG = /^\[\$-[0-9A-Fa-f]+\]/;

interface SheetExtras {
  sheetId: number;
  rowCount: number;
  columnCount: number;
  /**
   * The frozen rows and columns as juri last wrote them: LibreOffice keeps a frozen pane in its view, and
   * a save without one (a conversion, a script) writes the tab without it.
   */
  frozenRowCount?: number;
  frozenColumnCount?: number;
  protectedRanges: ProtectedRange[];
  validations: Validation[];
}

interface BookExtras {
  spreadsheetId: string;
  title: string;
  locale: string;
  timeZone: string;
  nextSheetId: number;
  nextProtectedRangeId: number;
}

/**
 * What one worksheet part says, in the model's terms. The tab's id, grid size, protections and rules
 * come from the hidden API tab when the workbook is assembled (assembleBook).
 */
export interface TabContent {
  title: string;
  hidden: boolean;
  tabColorStyle?: JsonObject;
  /** The tab's own frozen pane; absent when the file shows none (the API tab's figures then stand). */
  frozen?: { rows: number; columns: number };
  columnWidths: Record<string, number>;
  rows: (CellData | null)[][];
  /**
   * Rows taken over from a workbook in memory, already recalculated (and shared with that workbook:
   * never mutated); rows just read are recalculated when assembled.
   */
  settled?: boolean;
}

/** One row of the hidden API tab: a tab's title (empty for the workbook) and its extras as JSON. */
export interface ApiRow {
  key: string;
  json: string;
}

/** The whole .xlsx read through exceljs: always right, and slow (seconds at national scale). */
export async function readBook(
  buffer: ArrayBuffer | Buffer | Uint8Array,
  spreadsheetId: string,
  title: string,
): Promise<Book> {
  const wb = new ExcelJS.Workbook();
  const loadable = await loadablePackage(new Uint8Array(buffer));
  try {
    await wb.xlsx.load(loadable as unknown as ArrayBuffer);
  } catch (cause) {
    throw new UnreadableWorkbook('damaged', { cause });
  }
  const api: ApiRow[] = [];
  wb.getWorksheet(API_TAB)?.eachRow((row) => {
    api.push({ key: String(row.getCell(1).value ?? ''), json: String(row.getCell(2).value ?? '') });
  });
  const tabs = wb.worksheets.filter((ws) => ws.name !== API_TAB).map(tabOfWorksheet);
  return assembleBook(tabs, api, spreadsheetId, title);
}

function tabOfWorksheet(ws: ExcelJS.Worksheet): TabContent {
  const view = ws.views?.[0];
  const tabArgb = ws.properties.tabColor?.argb;
  const tab: TabContent = {
    title: ws.name,
    hidden: ws.state !== 'visible',
    ...(tabArgb ? { tabColorStyle: { rgbColor: hexToColor(tabArgb.slice(-6)) } } : {}),
    ...(view?.state === 'frozen' ? { frozen: { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } } : {}),
    columnWidths: {},
    rows: [],
  };
  ws.columns?.forEach((col, i) => {
    if (col.width && col.width > 0) tab.columnWidths[String(i)] = Math.round(col.width * PX_PER_CHAR);
  });
  const cells = { rows: tab.rows } as Sheet;
  // Empty cells too: a shaded input cell nobody typed into yet holds only its format.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const data = cellFromExcel(cell);
      if (data) setCell(cells, rowNumber - 1, colNumber - 1, data);
    });
  });
  return tab;
}

/** The workbook from its tabs and the hidden API tab's rows, as either reader found them. */
export function assembleBook(
  tabs: readonly TabContent[],
  api: readonly ApiRow[],
  spreadsheetId: string,
  title: string,
): Book {
  const book = emptyBook(spreadsheetId, title);
  book.sheets = [];
  const extras = new Map<string, SheetExtras>();
  for (const { key, json } of api) {
    if (!json) continue;
    if (key === '') Object.assign(book, JSON.parse(json) as BookExtras, { spreadsheetId });
    else extras.set(key, JSON.parse(json) as SheetExtras);
  }
  for (const tab of tabs) {
    const known = extras.get(tab.title);
    const sheetId =
      known && !book.sheets.some((s) => s.properties.sheetId === known.sheetId)
        ? known.sheetId
        : book.nextSheetId++;
    const sheet = newSheet({
      sheetId,
      title: tab.title,
      index: book.sheets.length,
      hidden: tab.hidden,
      ...(tab.tabColorStyle ? { tabColorStyle: tab.tabColorStyle } : {}),
      gridProperties: {
        rowCount: known?.rowCount ?? DEFAULT_ROWS,
        columnCount: known?.columnCount ?? DEFAULT_COLUMNS,
        frozenRowCount: tab.frozen ? tab.frozen.rows : (known?.frozenRowCount ?? 0),
        frozenColumnCount: tab.frozen ? tab.frozen.columns : (known?.frozenColumnCount ?? 0),
      },
    });
    sheet.protectedRanges = (known?.protectedRanges ?? []).map((p) => ({
      ...p,
      range: { ...p.range, sheetId },
    }));
    sheet.validations = (known?.validations ?? []).map((v) => ({ ...v, range: { ...v.range, sheetId } }));
    sheet.columnWidths = tab.columnWidths;
    sheet.rows = tab.rows;
    // A person (or a program) may have changed a cell without recalculating what depends on it.
    if (!tab.settled) recalculate(sheet);
    // A person may have typed below or right of the grid juri knew about.
    const used = usedExtent(sheet);
    sheet.properties.gridProperties.rowCount = Math.max(sheet.properties.gridProperties.rowCount, used.rows);
    sheet.properties.gridProperties.columnCount = Math.max(
      sheet.properties.gridProperties.columnCount,
      used.columns,
    );
    book.sheets.push(sheet);
  }
  book.nextSheetId = Math.max(book.nextSheetId, ...book.sheets.map((s) => s.properties.sheetId + 1));
  if (book.sheets.length === 0) book.sheets = emptyBook(spreadsheetId, title).sheets;
  return book;
}

/** What a tab's part says, taken back from a tab in memory (its part did not change since). */
export function tabOfSheet(sheet: Sheet): TabContent {
  const g = sheet.properties.gridProperties;
  const tabColorStyle = (sheet.properties.tabColorStyle ??
    (sheet.properties.tabColor ? { rgbColor: sheet.properties.tabColor } : undefined)) as
    | JsonObject
    | undefined;
  return {
    title: sheet.properties.title,
    hidden: Boolean(sheet.properties.hidden),
    ...(tabColorStyle ? { tabColorStyle } : {}),
    ...((g.frozenRowCount ?? 0) > 0 || (g.frozenColumnCount ?? 0) > 0
      ? { frozen: { rows: g.frozenRowCount ?? 0, columns: g.frozenColumnCount ?? 0 } }
      : {}),
    columnWidths: sheet.columnWidths,
    rows: sheet.rows,
    settled: true,
  };
}

/** The parts of an exceljs cell juri reads: the fast reader (xlsx-parts.ts) hands over the same. */
export type ExcelCell = Pick<ExcelJS.Cell, 'value' | 'font' | 'fill' | 'numFmt' | 'alignment'> & {
  note?: ExcelJS.Cell['note'] | undefined;
};

export function cellFromExcel(cell: ExcelCell): CellData | null {
  return cellOfParts(cell.value, formatFromExcel(cell), noteText(cell.note));
}

/**
 * cellFromExcel from its parts: the value, the format (`formatFromExcel` of the cell's style, which a
 * reader may work out once per style and give every cell of that style) and the note's text.
 */
export function cellOfParts(
  v: ExcelCell['value'],
  format: JsonObject | undefined,
  note: string,
): CellData | null {
  const out: CellData = {};
  if (typeof v === 'string') out.userEnteredValue = { stringValue: v };
  else if (typeof v === 'number') out.userEnteredValue = { numberValue: v };
  else if (typeof v === 'boolean') out.userEnteredValue = { boolValue: v };
  else if (v instanceof Date) out.userEnteredValue = { stringValue: v.toISOString() };
  else if (v && typeof v === 'object') {
    if ('richText' in v) out.userEnteredValue = { stringValue: v.richText.map((t) => t.text).join('') };
    else if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      const formula = 'formula' in v ? v.formula : undefined;
      if (formula) out.userEnteredValue = { formulaValue: `=${formula}` };
      const effective =
        typeof result === 'number'
          ? { numberValue: result }
          : typeof result === 'boolean'
            ? { boolValue: result }
            : result === undefined || result === null
              ? undefined
              : { stringValue: String(result) };
      if (effective) {
        out.effectiveValue = effective;
        out.userEnteredValue ??= effective;
      }
    } else if ('text' in v) out.userEnteredValue = { stringValue: String(v.text) };
    else if ('error' in v) out.userEnteredValue = { stringValue: String(v.error) };
  }
  if (format) out.userEnteredFormat = format;
  if (note) out.note = note;
  return out.userEnteredValue || out.userEnteredFormat || out.note ? out : null;
}

/** The part of a cell's style juri reads, as the API's format; undefined when there is none. */
export function formatFromExcel(
  style: Pick<ExcelCell, 'font' | 'fill' | 'numFmt' | 'alignment'>,
): JsonObject | undefined {
  const format: JsonObject = {};
  if (style.font?.bold) format.textFormat = { bold: true };
  const fill = style.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
    format.backgroundColor = hexToColor(fill.fgColor.argb.slice(-6));
  const pattern = (style.numFmt ?? '').replace(LANGUAGE_TAG, '');
  if (pattern !== '' && pattern.toLowerCase() !== 'general')
    format.numberFormat = { type: 'NUMBER', pattern };
  if (style.alignment?.wrapText) format.wrapStrategy = 'WRAP';
  return Object.keys(format).length > 0 ? format : undefined;
}

function noteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (typeof note === 'string') return note;
  return (note?.texts ?? []).map((t) => t.text).join('');
}

/**
 * The workbook as an .xlsx (xlsx-writer.ts): a tab whose rows did not change since `previous` (what
 * the last write returned) keeps its deflated part. Returns the file and what the next write is given.
 */
export async function toXlsx(
  unchecked: Book,
  previous?: XlsxMemory,
): Promise<{ bytes: Uint8Array; parts: XlsxMemory }> {
  const cleanRows = previous?.cleanRows ?? new WeakMap();
  const book = cleanBook(unchecked, cleanRows);
  const language = LANGUAGE_OF_LOCALE[book.locale] ?? '';
  const bookExtras: BookExtras = {
    spreadsheetId: book.spreadsheetId,
    title: book.title,
    locale: book.locale,
    timeZone: book.timeZone,
    nextSheetId: book.nextSheetId,
    nextProtectedRangeId: book.nextProtectedRangeId,
  };
  const api = newSheet({ sheetId: -1, title: API_TAB });
  const apiRow = (key: string, json: string) => [
    { userEnteredValue: { stringValue: key } },
    { userEnteredValue: { stringValue: json } },
  ];
  api.rows = [apiRow('', JSON.stringify(bookExtras))];
  for (const sheet of book.sheets) {
    const extras: SheetExtras = {
      sheetId: sheet.properties.sheetId,
      rowCount: sheet.properties.gridProperties.rowCount,
      columnCount: sheet.properties.gridProperties.columnCount,
      frozenRowCount: sheet.properties.gridProperties.frozenRowCount ?? 0,
      frozenColumnCount: sheet.properties.gridProperties.frozenColumnCount ?? 0,
      protectedRanges: sheet.protectedRanges,
      validations: sheet.validations,
    };
    api.rows.push(apiRow(sheet.properties.title, JSON.stringify(extras)));
  }
  const tabs: TabToWrite[] = [
    ...book.sheets.map((sheet) => ({
      sheet,
      state: sheet.properties.hidden ? ('hidden' as const) : ('visible' as const),
    })),
    { sheet: api, state: 'veryHidden', plain: true },
  ];
  const { bytes, memory } = writeXlsx(tabs, language, 'juri', previous);
  memory.cleanRows = cleanRows;
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), parts: memory };
}

/**
 * The last line of defence: one character XML 1.0 cannot hold would make the whole file unreadable.
 * `cleanRows` knows the rows an earlier write cleaned, by their rows array: a tab's rows are never
 * changed in place once a workbook holds them (draft.ts), so a tab no write touched is not looked at
 * again. Rows with nothing to clean (nearly all: requests are cleaned on the way in) are written as they
 * are, without a copy.
 */
function cleanBook(book: Book, cleanRows: WeakMap<Sheet['rows'], Sheet['rows']>): Book {
  const sheets = book.sheets.map((sheet) => {
    let rows = cleanRows.get(sheet.rows);
    if (!rows) {
      rows = cleanedOrSame(sheet.rows);
      cleanRows.set(sheet.rows, rows);
    }
    return { ...(cleanDeep({ ...sheet, rows: [] }) as Sheet), rows };
  });
  return { ...(cleanDeep({ ...book, sheets: [] }) as Book), sheets };
}

export function hexToColor(hex: string): JsonObject {
  const n = Number.parseInt(hex, 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}
