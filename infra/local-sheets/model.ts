/**
 * The workbook as the Sheets API sees it. Cells and sheet properties are kept in the API's own JSON
 * shape (CellData, SheetProperties) so that field masks apply to them generically.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ExtendedValue {
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  formulaValue?: string;
}

/** CellData subset: what was entered, its format, its note, and (for formulas) the calculated result. */
export interface CellData {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: JsonObject;
  effectiveValue?: ExtendedValue;
  note?: string;
}

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: 'GRID';
  hidden?: boolean;
  gridProperties: GridProperties;
  tabColor?: JsonObject;
  tabColorStyle?: JsonObject;
}

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface ProtectedRange {
  protectedRangeId: number;
  range: GridRange;
  description?: string;
  warningOnly?: boolean;
  requestingUserCanEdit?: boolean;
  editors?: { users?: string[]; groups?: string[]; domainUsersCanEdit?: boolean };
}

export interface Validation {
  range: GridRange;
  rule: JsonObject;
}

export interface Sheet {
  properties: SheetProperties;
  /** rows[r][c]; null where nothing was ever set. */
  rows: (CellData | null)[][];
  /** Column widths in pixels, by 0-based column. */
  columnWidths: Record<string, number>;
  protectedRanges: ProtectedRange[];
  validations: Validation[];
}

export interface Book {
  spreadsheetId: string;
  title: string;
  locale: string;
  timeZone: string;
  sheets: Sheet[];
  nextSheetId: number;
  nextProtectedRangeId: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function newSheet(properties: Partial<SheetProperties> & { sheetId: number; title: string }): Sheet {
  return {
    properties: {
      index: 0,
      sheetType: 'GRID',
      hidden: false,
      ...properties,
      gridProperties: {
        rowCount: DEFAULT_ROWS,
        columnCount: DEFAULT_COLUMNS,
        frozenRowCount: 0,
        frozenColumnCount: 0,
        ...properties.gridProperties,
      },
    },
    rows: [],
    columnWidths: {},
    protectedRanges: [],
    validations: [],
  };
}

export function emptyBook(spreadsheetId: string, title: string): Book {
  return {
    spreadsheetId,
    title,
    // What Google gives a spreadsheet a service account creates; juri's setup sets id_ID.
    locale: 'en_US',
    timeZone: 'Asia/Makassar',
    sheets: [newSheet({ sheetId: 0, title: 'Sheet1' })],
    nextSheetId: 1,
    nextProtectedRangeId: 1,
  };
}

export function getCell(sheet: Sheet, row: number, column: number): CellData | null {
  return sheet.rows[row]?.[column] ?? null;
}

export function setCell(sheet: Sheet, row: number, column: number, cell: CellData | null): void {
  let cells = sheet.rows[row];
  if (!cells) {
    for (let r = sheet.rows.length; r <= row; r++) sheet.rows[r] ??= [];
    cells = sheet.rows[row] ?? [];
    sheet.rows[row] = cells;
  }
  for (let c = cells.length; c < column; c++) cells[c] = null;
  cells[column] = cell;
}

/** Keeps rows/columns within the grid after it shrank. */
export function trimToGrid(sheet: Sheet): void {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  sheet.rows.length = Math.min(sheet.rows.length, rowCount);
  for (const cells of sheet.rows) if (cells && cells.length > columnCount) cells.length = columnCount;
}

/** Sheet order lives in properties.index; keep it equal to the array position. */
export function reindex(book: Book): void {
  book.sheets.forEach((s, i) => {
    s.properties.index = i;
  });
}

/** Rows and columns actually holding something. */
export function usedExtent(sheet: Sheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.rows.forEach((cells, r) => {
    cells?.forEach((cell, c) => {
      if (cell) {
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    });
  });
  return { rows, columns };
}
