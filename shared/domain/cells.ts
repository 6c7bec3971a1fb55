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

/** Reads a typed cell by the contract: trim; `8,5` and `8.5` are 8.5; empty is not scored yet. */
export function readCell(raw: string, min: number, max: number): CellReading {
  const read = readScore(raw, min, max);
  if (typeof read === 'number') return { kind: 'number', value: read };
  return read === 'empty' ? EMPTY : read === 'not-a-number' ? NOT_A_NUMBER : OUT_OF_RANGE;
}

/**
 * readCell without allocating: the number, 'empty', or why the text is not a score.
 * The accepted shapes are `[+-]?(digits([.,]digits?)?|[.,]digits)`, checked by a scan (no regex);
 * the value is what Number() reads once a comma is a point.
 */
export function readScore(
  raw: string,
  min: number,
  max: number,
): number | 'empty' | 'not-a-number' | 'out-of-range' {
  const text = raw.trim();
  if (text === '') return 'empty';
  const separator = numberShape(text);
  if (separator === -2) return 'not-a-number';
  const value = exactDecimal(text, separator) ?? Number(separator >= 0 ? pointed(text, separator) : text);
  if (!Number.isFinite(value)) return 'not-a-number';
  if (value < min || value > max) return 'out-of-range';
  return value;
}

/**
 * The value of a number-shaped text of at most 15 digits without making a string: the digits as an
 * integer (exact below 2^53) divided by a power of ten (exact up to 10^22) is one correctly rounded
 * operation, so it is the double Number() reads. undefined when the text has more digits.
 */
function exactDecimal(text: string, separator: number): number | undefined {
  const first = text.charCodeAt(0);
  const signed = first === 43 || first === 45;
  const digits = text.length - (signed ? 1 : 0) - (separator >= 0 ? 1 : 0);
  if (digits > 15) return undefined;
  let n = 0;
  for (let k = signed ? 1 : 0; k < text.length; k++) {
    if (k !== separator) n = n * 10 + (text.charCodeAt(k) - 48);
  }
  const value = separator >= 0 ? n / (POWERS_OF_TEN[text.length - 1 - separator] ?? 1) : n;
  return first === 45 ? -value : value;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

function pointed(text: string, separator: number): string {
  return text.charCodeAt(separator) === COMMA
    ? `${text.slice(0, separator)}.${text.slice(separator + 1)}`
    : text;
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
