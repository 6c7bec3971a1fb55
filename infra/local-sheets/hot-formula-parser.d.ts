/** The part of hot-formula-parser (MIT, no types of its own) the local Sheets server uses. */
declare module 'hot-formula-parser' {
  export interface CellCoord {
    label: string;
    row: { index: number };
    column: { index: number };
  }
  export type FormulaValue = string | number | boolean | null | undefined;
  export class Parser {
    on(event: 'callCellValue', handler: (cell: CellCoord, done: (value: FormulaValue) => void) => void): void;
    on(
      event: 'callRangeValue',
      handler: (start: CellCoord, end: CellCoord, done: (values: FormulaValue[][]) => void) => void,
    ): void;
    setFunction(name: string, fn: (params: FormulaValue[]) => FormulaValue): void;
    parse(formula: string): { error: string | null; result: FormulaValue };
  }
}
