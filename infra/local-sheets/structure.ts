import { type CellMask, cellMask, type MaskMemo, maskedCell } from './cell-mask.ts';
import { DIMENSION_HANDLERS } from './dimensions.ts';
import { invalid, SheetsApiError } from './errors.ts';
import { recalculate } from './formulas.ts';
import {
  type Book,
  type GridRange,
  getCell,
  type Json,
  type JsonObject,
  newSheet,
  type ProtectedRange,
  reindex,
  type Sheet,
  type SheetProperties,
  setCell,
  trimToGrid,
} from './model.ts';

/** .xlsx cannot hold longer tab titles, so the local workbook refuses them (Google would accept them). */
const MAX_TITLE = 31;

type Request = Record<string, JsonObject>;
type Reply = JsonObject;

/** spreadsheets.batchUpdate: applies every request in order to `book` (the caller passes a copy). */
export function applyRequests(book: Book, requests: unknown): Reply[] {
  if (!Array.isArray(requests)) throw invalid('Invalid JSON payload: "requests" must be a list.');
  const touched = new Set<number>();
  const replies = requests.map((request: unknown, i) => {
    if (!isObject(request)) throw invalid(`Invalid requests[${i}]: expected an object.`);
    const [kind, body] = Object.entries(request)[0] ?? [];
    if (!kind || !isObject(body)) throw invalid(`Invalid requests[${i}]: no request kind.`);
    const handler = HANDLERS[kind];
    if (!handler)
      throw invalid(`Invalid requests[${i}]: the local Sheets server does not support "${kind}".`);
    if (kind === 'updateCells' || kind === 'repeatCell') touched.add(targetSheetId(body));
    try {
      return handler(book, body);
    } catch (e) {
      if (e instanceof SheetsApiError)
        throw new SheetsApiError(e.code, `Invalid requests[${i}].${kind}: ${e.message}`);
      throw e;
    }
  });
  for (const sheet of book.sheets) if (touched.has(sheet.properties.sheetId)) recalculate(sheet);
  return replies;
}

function targetSheetId(body: JsonObject): number {
  const at = isObject(body.start) ? body.start : isObject(body.range) ? body.range : {};
  return num(at.sheetId);
}

const HANDLERS: Record<string, (book: Book, body: JsonObject) => Reply> = {
  updateSpreadsheetProperties(book, body) {
    const p = isObject(body.properties) ? body.properties : {};
    const next: JsonObject = { title: book.title, locale: book.locale, timeZone: book.timeZone };
    applyMask(next, p, fieldList(body.fields));
    if (typeof next.title === 'string' && next.title !== '') book.title = next.title;
    if (typeof next.locale === 'string' && next.locale !== '') book.locale = next.locale;
    if (typeof next.timeZone === 'string' && next.timeZone !== '') book.timeZone = next.timeZone;
    return {};
  },
  addSheet(book, body) {
    const p = (isObject(body.properties) ? body.properties : {}) as Partial<SheetProperties>;
    const sheetId = typeof p.sheetId === 'number' ? p.sheetId : book.nextSheetId;
    if (book.sheets.some((s) => s.properties.sheetId === sheetId))
      throw invalid(`Sheet with id ${sheetId} already exists.`);
    const title = p.title ?? `Sheet${book.sheets.length + 1}`;
    checkTitle(book, title, undefined);
    const sheet = newSheet({ ...p, sheetId, title } as Partial<SheetProperties> & {
      sheetId: number;
      title: string;
    });
    book.nextSheetId = Math.max(book.nextSheetId, sheetId + 1);
    const at = typeof p.index === 'number' ? Math.min(p.index, book.sheets.length) : book.sheets.length;
    book.sheets.splice(at, 0, sheet);
    reindex(book);
    checkVisible(book);
    return { addSheet: { properties: sheet.properties as unknown as JsonObject } };
  },
  deleteSheet(book, body) {
    const sheet = sheetById(book, body.sheetId);
    if (book.sheets.length === 1) throw invalid("You can't remove all the sheets in a document.");
    book.sheets = book.sheets.filter((s) => s !== sheet);
    reindex(book);
    checkVisible(book);
    return {};
  },
  updateSheetProperties(book, body) {
    const p = isObject(body.properties) ? body.properties : {};
    const sheet = sheetById(book, p.sheetId);
    const fields = fieldList(body.fields);
    const next = structuredClone(sheet.properties) as unknown as JsonObject;
    applyMask(next, p, fields);
    const props = next as unknown as SheetProperties;
    if (props.title !== sheet.properties.title) checkTitle(book, props.title, sheet);
    const grid = props.gridProperties;
    if (grid.rowCount < 1 || grid.columnCount < 1)
      throw invalid('The grid must keep at least one row and column.');
    if ((grid.frozenRowCount ?? 0) >= grid.rowCount)
      throw invalid("You can't freeze all visible rows on the sheet.");
    sheet.properties = props;
    trimToGrid(sheet);
    if (typeof p.index === 'number' && (fields.includes('index') || fields.includes('*'))) {
      // Google counts the target in "before the move" positions: moving a tab to the right needs its
      // new index + 1, and asking for its own index or the next is no move at all.
      const from = book.sheets.indexOf(sheet);
      const to = p.index > from ? p.index - 1 : p.index;
      book.sheets = book.sheets.filter((s) => s !== sheet);
      book.sheets.splice(Math.min(Math.max(0, to), book.sheets.length), 0, sheet);
    }
    reindex(book);
    checkVisible(book);
    return {};
  },
  updateCells(book, body) {
    const fields = cellMask(fieldList(body.fields));
    const rows = Array.isArray(body.rows) ? body.rows : [];
    if (isObject(body.start)) {
      const sheet = sheetById(book, body.start.sheetId);
      const r0 = num(body.start.rowIndex);
      const c0 = num(body.start.columnIndex);
      rows.forEach((row, i) => {
        const values = isObject(row) && Array.isArray(row.values) ? row.values : [];
        values.forEach((cell, j) => {
          writeCell(sheet, r0 + i, c0 + j, isObject(cell) ? cell : {}, fields);
        });
      });
      return {};
    }
    if (!isObject(body.range)) throw invalid('Either "start" or "range" is required.');
    const { sheet, r0, r1, c0, c1 } = bounds(book, body.range as GridRange);
    for (let r = r0; r < r1; r++) {
      const row = rows[r - r0];
      const values = isObject(row) && Array.isArray(row.values) ? row.values : [];
      for (let c = c0; c < c1; c++) {
        const cell = values[c - c0];
        writeCell(sheet, r, c, isObject(cell) ? cell : {}, fields);
      }
    }
    return {};
  },
  repeatCell(book, body) {
    const { sheet, r0, r1, c0, c1 } = bounds(book, (body.range ?? {}) as GridRange);
    const cell = isObject(body.cell) ? body.cell : {};
    const fields = cellMask(fieldList(body.fields));
    const memo: MaskMemo = new Map();
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) writeCell(sheet, r, c, cell, fields, memo);
    return {};
  },
  setDataValidation(book, body) {
    const range = (body.range ?? {}) as GridRange;
    const { sheet } = bounds(book, range);
    const key = JSON.stringify(range);
    sheet.validations = sheet.validations.filter((v) => JSON.stringify(v.range) !== key);
    if (isObject(body.rule)) sheet.validations.push({ range, rule: body.rule });
    return {};
  },
  addProtectedRange(book, body) {
    const given = isObject(body.protectedRange) ? body.protectedRange : {};
    const range = (given.range ?? {}) as GridRange;
    const { sheet } = bounds(book, range);
    const protectedRange = {
      ...(given as unknown as ProtectedRange),
      protectedRangeId: book.nextProtectedRangeId,
      requestingUserCanEdit: true,
    };
    book.nextProtectedRangeId += 1;
    sheet.protectedRanges.push(protectedRange);
    return { addProtectedRange: { protectedRange: protectedRange as unknown as JsonObject } };
  },
  deleteProtectedRange(book, body) {
    const id = body.protectedRangeId;
    const sheet = book.sheets.find((s) => s.protectedRanges.some((p) => p.protectedRangeId === id));
    if (!sheet) throw invalid(`No protected range with id: ${String(id)}`);
    sheet.protectedRanges = sheet.protectedRanges.filter((p) => p.protectedRangeId !== id);
    return {};
  },
  updateDimensionProperties(book, body) {
    const range = isObject(body.range) ? body.range : {};
    const sheet = sheetById(book, range.sheetId);
    const props = isObject(body.properties) ? body.properties : {};
    if (range.dimension === 'COLUMNS' && typeof props.pixelSize === 'number') {
      for (
        let c = num(range.startIndex);
        c < num(range.endIndex, sheet.properties.gridProperties.columnCount);
        c++
      )
        sheet.columnWidths[String(c)] = props.pixelSize;
    }
    return {};
  },
  appendDimension(book, body) {
    const sheet = sheetById(book, body.sheetId);
    const grid = sheet.properties.gridProperties;
    if (body.dimension === 'ROWS') grid.rowCount += num(body.length);
    else grid.columnCount += num(body.length);
    return {};
  },
  ...DIMENSION_HANDLERS,
};

function writeCell(
  sheet: Sheet,
  r: number,
  c: number,
  source: JsonObject,
  mask: CellMask,
  memo?: MaskMemo,
): void {
  const grid = sheet.properties.gridProperties;
  if (r >= grid.rowCount || c >= grid.columnCount)
    throw invalid(`Range exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`);
  setCell(sheet, r, c, maskedCell(getCell(sheet, r, c), source, mask, memo));
}

/** Copies the masked paths from source into target; a path missing in source is cleared. */
export function applyMask(target: JsonObject, source: JsonObject, fields: string[]): void {
  if (fields.includes('*')) {
    for (const k of Object.keys(target)) delete target[k];
    Object.assign(target, structuredClone(source));
    return;
  }
  for (const field of fields) {
    const path = field.split('.');
    const last = path.pop();
    if (!last) continue;
    let t: JsonObject = target;
    let s: Json | undefined = source;
    for (const key of path) {
      const nextT = t[key];
      if (!isObject(nextT)) t[key] = {};
      t = t[key] as JsonObject;
      s = isObject(s) ? s[key] : undefined;
    }
    const value = isObject(s) ? s[last] : undefined;
    if (value === undefined) delete t[last];
    else t[last] = typeof value === 'object' ? structuredClone(value) : value;
  }
  pruneEmpty(target);
}

function pruneEmpty(o: JsonObject): void {
  for (const [k, v] of Object.entries(o)) {
    if (isObject(v)) {
      pruneEmpty(v);
      if (Object.keys(v).length === 0) delete o[k];
    }
  }
}

function fieldList(fields: Json | undefined): string[] {
  if (typeof fields !== 'string' || fields.trim() === '') throw invalid('"fields" is required.');
  return fields.split(',').map((f) => f.trim());
}

function bounds(book: Book, range: GridRange) {
  const sheet = sheetById(book, range.sheetId ?? 0);
  const grid = sheet.properties.gridProperties;
  const r0 = range.startRowIndex ?? 0;
  const c0 = range.startColumnIndex ?? 0;
  const r1 = range.endRowIndex ?? grid.rowCount;
  const c1 = range.endColumnIndex ?? grid.columnCount;
  if (r1 > grid.rowCount || c1 > grid.columnCount)
    throw invalid(`Range exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`);
  return { sheet, r0, r1, c0, c1 };
}

function sheetById(book: Book, id: Json | undefined): Sheet {
  const sheet = book.sheets.find((s) => s.properties.sheetId === (id ?? 0));
  if (!sheet) throw invalid(`No grid with id: ${String(id ?? 0)}`);
  return sheet;
}

function checkTitle(book: Book, title: string, self: Sheet | undefined): void {
  if (title.length > MAX_TITLE)
    throw invalid(`Sheet name "${title}" is longer than 31 characters, which an .xlsx workbook cannot hold.`);
  if (/[[\]*?/\\:]/.test(title))
    throw invalid(`Sheet name "${title}" contains a character an .xlsx cannot hold.`);
  const clash = book.sheets.find(
    (s) => s !== self && s.properties.title.toLowerCase() === title.toLowerCase(),
  );
  if (clash) throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
}

function checkVisible(book: Book): void {
  if (!book.sheets.some((s) => !s.properties.hidden))
    throw invalid("You can't hide all the sheets in a document.");
}

function num(v: Json | undefined, fallback = 0): number {
  return typeof v === 'number' ? v : fallback;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type { Request };
