/** One typed cell: a juror's score for one criterion of one innovation in one stage. */
export interface ScoreEntry {
  stage: string;
  innovation: string;
  juror: string;
  criterion: string;
  /** Exactly as typed. */
  value: string;
  /** Where it was typed, e.g. 'Desk – j1'!D7, for the problem report. */
  cell?: string;
}

export type CellReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'invalid'; readonly reason: 'not-a-number' | 'out-of-range' };

const EMPTY: CellReading = Object.freeze({ kind: 'empty' });
const NOT_A_NUMBER: CellReading = Object.freeze({ kind: 'invalid', reason: 'not-a-number' });
const OUT_OF_RANGE: CellReading = Object.freeze({ kind: 'invalid', reason: 'out-of-range' });

/**
 * Reads a typed cell by the contract: trim; `8,5` and `8.5` are 8.5; empty is not scored yet.
 * The accepted shapes are `[+-]?(digits([.,]digits?)?|[.,]digits)`, checked by a scan (no regex);
 * the value is what Number() reads once a comma is a point.
 */
export function readCell(raw: string, min: number, max: number): CellReading {
  const text = raw.trim();
  if (text === '') return EMPTY;
  const separator = numberShape(text);
  if (separator === -2) return NOT_A_NUMBER;
  const value = Number(separator >= 0 && text.charCodeAt(separator) === COMMA ? commaToPoint(text) : text);
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  if (value < min || value > max) return OUT_OF_RANGE;
  return { kind: 'number', value };
}

const COMMA = 44;
const POINT = 46;

/** -2: not a number; -1: a number without a decimal separator; else the separator's index. */
function numberShape(text: string): number {
  let k = 0;
  const first = text.charCodeAt(0);
  if (first === 43 || first === 45) k = 1;
  let before = 0;
  while (k < text.length && isDigit(text.charCodeAt(k))) {
    k++;
    before++;
  }
  if (k === text.length) return before > 0 ? -1 : -2;
  const c = text.charCodeAt(k);
  if (c !== COMMA && c !== POINT) return -2;
  const separator = k;
  k++;
  let after = 0;
  while (k < text.length && isDigit(text.charCodeAt(k))) {
    k++;
    after++;
  }
  if (k !== text.length) return -2;
  return before > 0 || after > 0 ? separator : -2;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function commaToPoint(text: string): string {
  const at = text.indexOf(',');
  return `${text.slice(0, at)}.${text.slice(at + 1)}`;
}
