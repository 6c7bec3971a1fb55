import { columnLetter } from '../../shared/sheet/layout.ts';
import { formatA1, parseA1 } from './a1.ts';
import { invalid } from './errors.ts';
import { type Book, type CellData, type ExtendedValue, getCell, type Sheet, setCell } from './model.ts';

export type RenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type Value = string | number | boolean;

export interface ValueRange {
  range: string;
  majorDimension: 'ROWS';
  values?: Value[][];
}

/** values.get / values.batchGet: the range clipped to the grid, trailing blanks trimmed like Google. */
export function readRange(book: Book, text: string, render: RenderOption): ValueRange {
  const { sheet, startRow, startColumn, endRow, endColumn } = parseA1(book, text);
  const grid = sheet.properties.gridProperties;
  if (startRow >= grid.rowCount || startColumn >= grid.columnCount) {
    throw invalid(
      `Range (${text}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  }
  const r1 = Math.min(endRow ?? grid.rowCount, grid.rowCount);
  const c1 = Math.min(endColumn ?? grid.columnCount, grid.columnCount);
  const values: Value[][] = [];
  for (let r = startRow; r < r1; r++) {
    const row: Value[] = [];
    for (let c = startColumn; c < c1; c++)
      row.push(
        render === 'FORMULA'
          ? formulaOf(getCell(sheet, r, c))
          : renderedValue(book, getCell(sheet, r, c), render),
      );
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    values.push(row);
  }
  while (values.length > 0 && values[values.length - 1]?.length === 0) values.pop();
  const range = formatA1(sheet, startRow, startColumn, r1, c1);
  return values.length > 0 ? { range, majorDimension: 'ROWS', values } : { range, majorDimension: 'ROWS' };
}

function formulaOf(cell: CellData | null): Value {
  const v = cell?.userEnteredValue;
  return v?.formulaValue ?? v?.stringValue ?? v?.numberValue ?? v?.boolValue ?? '';
}

function renderedValue(book: Book, cell: CellData | null, render: RenderOption): Value {
  const entered = cell?.userEnteredValue;
  const v: ExtendedValue | undefined = entered?.formulaValue !== undefined ? cell?.effectiveValue : entered;
  if (!v) return '';
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined)
    return render === 'FORMATTED_VALUE' ? (v.boolValue ? 'TRUE' : 'FALSE') : v.boolValue;
  if (v.numberValue !== undefined) {
    if (render !== 'FORMATTED_VALUE') return v.numberValue;
    return formatNumber(v.numberValue, numberPattern(cell), book.locale);
  }
  return '';
}

function numberPattern(cell: CellData | null): string {
  const nf = cell?.userEnteredFormat?.numberFormat;
  if (nf && typeof nf === 'object' && !Array.isArray(nf) && typeof nf.pattern === 'string') return nf.pattern;
  return '';
}

/** Enough of the Sheets number formats for juri: General, 0, 0.00, #,##0.00 and 0.0%. */
export function formatNumber(n: number, pattern: string, locale: string): string {
  const decimalComma = /^(id|de|fr|es|it|nl|pt|ru|tr)/.test(locale);
  const [dec, group] = decimalComma ? [',', '.'] : ['.', ','];
  let text: string;
  const percent = pattern.endsWith('%');
  const value = percent ? n * 100 : n;
  const fixed = /0\.(0+)/.exec(pattern);
  if (pattern === '' || pattern.toLowerCase() === 'general') {
    text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  } else {
    text = value.toFixed(fixed?.[1]?.length ?? 0);
  }
  let [int = '', frac] = text.split('.');
  if (pattern.includes('#,##')) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${int}${frac === undefined ? '' : dec + frac}${percent ? '%' : ''}`;
}

export type InputOption = 'RAW' | 'USER_ENTERED';

export interface UpdateResult {
  /** The sheet and rows written, for the caller to recalculate once per request. */
  sheet: Sheet;
  rows: number[];
  spreadsheetId: string;
  updatedRange: string;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
}

/** values.update: RAW keeps strings as strings (never a formula); USER_ENTERED parses like typing. */
export function writeRange(book: Book, text: string, values: unknown, option: InputOption): UpdateResult {
  if (!Array.isArray(values)) throw invalid('Invalid value at data.values: expected a list of rows.');
  const { sheet, startRow, startColumn, ...parsed } = parseA1(book, text);
  const endRow = parsed.anchor ? undefined : parsed.endRow;
  const endColumn = parsed.anchor ? undefined : parsed.endColumn;
  const grid = sheet.properties.gridProperties;
  const height = values.length;
  const width = Math.max(0, ...values.map((r) => (Array.isArray(r) ? r.length : 0)));
  if (endRow !== undefined && startRow + height > endRow) throw tooBig(text, 'row');
  if (endColumn !== undefined && startColumn + width > endColumn) throw tooBig(text, 'column');
  if (startRow + height > grid.rowCount || startColumn + width > grid.columnCount) {
    throw invalid(
      `Range (${text}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  }
  let cells = 0;
  values.forEach((row, i) => {
    if (!Array.isArray(row)) throw invalid('Invalid value at data.values: expected a list of cells.');
    row.forEach((raw, j) => {
      const entered = entered_(raw, option, book.locale);
      const r = startRow + i;
      const c = startColumn + j;
      rejectInvalid(sheet, r, c, entered, raw);
      const old = getCell(sheet, r, c);
      const next: CellData = {
        ...(old?.userEnteredFormat ? { userEnteredFormat: old.userEnteredFormat } : {}),
        ...(old?.note ? { note: old.note } : {}),
      };
      if (entered) next.userEnteredValue = entered;
      setCell(sheet, r, c, next.userEnteredValue || next.userEnteredFormat || next.note ? next : null);
      cells += 1;
    });
  });
  return {
    sheet,
    rows: Array.from({ length: height }, (_, i) => startRow + i),
    spreadsheetId: book.spreadsheetId,
    updatedRange: formatA1(sheet, startRow, startColumn, startRow + height, startColumn + width),
    updatedRows: height,
    updatedColumns: width,
    updatedCells: cells,
  };
}

/**
 * A strict rule ("reject input") refuses the write as Google does, with a 400: the whole request fails
 * and nothing of it is stored. Clearing a cell is always allowed.
 */
function rejectInvalid(sheet: Sheet, r: number, c: number, entered: ExtendedValue | undefined, raw: unknown) {
  if (!entered || entered.formulaValue !== undefined) return;
  const rule = ruleAt(sheet, r, c);
  if (rule?.strict !== true) return;
  const condition = rule.condition as { type?: string; values?: { userEnteredValue?: string }[] } | undefined;
  if (condition?.type !== 'NUMBER_BETWEEN') return;
  const [min, max] = (condition.values ?? []).map((v) => Number(v.userEnteredValue));
  const n = entered.numberValue;
  if (n !== undefined && min !== undefined && max !== undefined && n >= min && n <= max) return;
  const cell = `${columnLetter(c)}${r + 1}`;
  throw invalid(
    `The data you entered in cell ${cell} violates the data validation rules set on this cell: ` +
      `"${String(raw)}" is not a number between ${min} and ${max}.`,
  );
}

/** The rule covering a cell: the one set last wins, as setDataValidation replaces earlier rules there. */
function ruleAt(sheet: Sheet, r: number, c: number) {
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const v = sheet.validations[i];
    if (!v) continue;
    const g = v.range;
    const inside =
      r >= (g.startRowIndex ?? 0) &&
      r < (g.endRowIndex ?? Number.POSITIVE_INFINITY) &&
      c >= (g.startColumnIndex ?? 0) &&
      c < (g.endColumnIndex ?? Number.POSITIVE_INFINITY);
    if (inside) return v.rule as { strict?: boolean; condition?: unknown };
  }
  return undefined;
}

function tooBig(text: string, what: string): Error {
  return invalid(`Requested writing within range [${text}], but tried writing to ${what} beyond it`);
}

function entered_(raw: unknown, option: InputOption, locale: string): ExtendedValue | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (typeof raw === 'number') return { numberValue: raw };
  if (typeof raw === 'boolean') return { boolValue: raw };
  const text = String(raw);
  if (option === 'RAW') return { stringValue: text };
  if (text.startsWith('=')) return { formulaValue: text };
  if (/^(TRUE|FALSE)$/i.test(text)) return { boolValue: text.toUpperCase() === 'TRUE' };
  const decimal = /^(id|de|fr|es|it|nl|pt|ru|tr)/.test(locale) ? ',' : '.';
  const numeric = decimal === ',' ? /^[+-]?\d+(,\d+)?$/ : /^[+-]?\d+(\.\d+)?$/;
  if (numeric.test(text.trim())) return { numberValue: Number(text.trim().replace(',', '.')) };
  return { stringValue: text };
}
