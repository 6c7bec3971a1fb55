import { invalid } from './errors.ts';
import type { Book, GridRange, JsonObject, Sheet } from './model.ts';

/**
 * insertDimension and deleteDimension for rows, as Google applies them: the cells below move, the grid
 * grows or shrinks, and the validations and protected ranges below move with them. Google also rewrites
 * every formula's references; this server does not, so it refuses to move rows of a sheet holding a formula
 * other than a HYPERLINK (juri moves rows only in its output tabs, whose only formulas are links).
 */
export const DIMENSION_HANDLERS = {
  insertDimension(book: Book, body: JsonObject) {
    const { sheet, start, end } = rowsOf(book, body.range);
    if (body.inheritFromBefore === true && start === 0)
      throw invalid('Cannot inherit properties from before when inserting at the start.');
    if (start > sheet.properties.gridProperties.rowCount)
      throw invalid(`Range exceeds grid limits. Max rows: ${sheet.properties.gridProperties.rowCount}`);
    const count = end - start;
    if (sheet.rows.length > start) sheet.rows.splice(start, 0, ...Array.from({ length: count }, () => []));
    sheet.properties.gridProperties.rowCount += count;
    shiftRanges(sheet, start, count);
    return {};
  },
  deleteDimension(book: Book, body: JsonObject) {
    const { sheet, start, end } = rowsOf(book, body.range);
    const grid = sheet.properties.gridProperties;
    if (end > grid.rowCount) throw invalid(`Range exceeds grid limits. Max rows: ${grid.rowCount}`);
    if (end - start >= grid.rowCount) throw invalid("You can't delete all the rows on the sheet.");
    if ((grid.frozenRowCount ?? 0) >= grid.rowCount - (end - start))
      throw invalid("You can't delete all non-frozen rows.");
    sheet.rows.splice(start, end - start);
    grid.rowCount -= end - start;
    shiftRanges(sheet, end, start - end);
    return {};
  },
};

function rowsOf(book: Book, range: unknown): { sheet: Sheet; start: number; end: number } {
  const r = (typeof range === 'object' && range !== null ? range : {}) as JsonObject;
  if (r.dimension !== 'ROWS')
    throw invalid('the local Sheets server inserts and deletes rows only (dimension "ROWS").');
  const sheet = book.sheets.find((s) => s.properties.sheetId === (r.sheetId ?? 0));
  if (!sheet) throw invalid(`No grid with id: ${String(r.sheetId ?? 0)}`);
  const start = typeof r.startIndex === 'number' ? r.startIndex : 0;
  const end = typeof r.endIndex === 'number' ? r.endIndex : start;
  if (end <= start) throw invalid('The range must span at least one row.');
  const moving = sheet.rows.some((cells) =>
    cells?.some((c) => c?.userEnteredValue?.formulaValue?.startsWith('=HYPERLINK(') === false),
  );
  if (moving) throw invalid('the local Sheets server does not move rows of a sheet holding formulas.');
  return { sheet, start, end };
}

/** Ranges at or below `from` move by `by` rows (a deleted range's rows were removed with it). */
function shiftRanges(sheet: Sheet, from: number, by: number): void {
  const move = (g: GridRange) => {
    if ((g.startRowIndex ?? 0) >= from) g.startRowIndex = (g.startRowIndex ?? 0) + by;
    if (g.endRowIndex !== undefined && g.endRowIndex >= from) g.endRowIndex += by;
  };
  for (const v of sheet.validations) move(v.range);
  for (const p of sheet.protectedRanges) move(p.range);
}
