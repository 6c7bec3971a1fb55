import { type FormulaValue, Parser } from 'hot-formula-parser';
import type { CellData, ExtendedValue, Sheet } from './model.ts';

/**
 * Google recalculates every formula when a cell changes; the local server recalculates, with an
 * Excel-compatible formula engine, the formulas of the sheets a structural request touched, or of the
 * rows a values write touched (`rows`), so reads (and the .xlsx's cached results that LibreOffice
 * shows) carry the value Google would. References are to the formula's own sheet; a formula reading
 * another row is brought up to date by the next structural request or load, not by a values write.
 */
export function recalculate(sheet: Sheet, rows?: ReadonlySet<number>): void {
  const parser = new Parser();
  parser.on('callCellValue', (cell, done) => done(valueAt(sheet, cell.row.index, cell.column.index)));
  parser.on('callRangeValue', (start, end, done) => {
    const rows: FormulaValue[][] = [];
    for (let r = start.row.index; r <= end.row.index; r++) {
      const row: FormulaValue[] = [];
      for (let c = start.column.index; c <= end.column.index; c++) row.push(valueAt(sheet, r, c));
      rows.push(row);
    }
    done(rows);
  });
  // Not in the engine, so as Sheets defines them: the shown text of a link is its label (or the link
  // itself); N() is a number as itself and anything else as 0.
  parser.setFunction('HYPERLINK', (params) => params[1] ?? params[0] ?? '');
  parser.setFunction('N', ([value]) => (typeof value === 'number' ? value : 0));
  sheet.rows.forEach((cells, r) => {
    if (rows && !rows.has(r)) return;
    cells?.forEach((cell, c) => {
      const formula = cell?.userEnteredValue?.formulaValue;
      if (!cell || formula === undefined) return;
      const { error, result } = parser.parse(formula.replace(/^=/, ''));
      // What the engine cannot evaluate keeps the result a spreadsheet program saved with the file.
      if (error && cell.effectiveValue !== undefined) return;
      // A new cell, not the old one changed: a draft's rows are its own, its cells shared (draft.ts).
      cells[c] = { ...cell, effectiveValue: error ? { stringValue: error } : toExtended(result) };
    });
  });
}

function valueAt(sheet: Sheet, row: number, column: number): FormulaValue {
  const cell: CellData | null | undefined = sheet.rows[row]?.[column];
  const v = cell?.userEnteredValue?.formulaValue !== undefined ? cell.effectiveValue : cell?.userEnteredValue;
  return v?.numberValue ?? v?.stringValue ?? v?.boolValue ?? null;
}

function toExtended(value: FormulaValue): ExtendedValue {
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: value == null ? '' : String(value) };
}
