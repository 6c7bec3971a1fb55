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
 * The accepted shapes are `[+-]?(digits([.,]digits?)?|[.,]digits)`, checked in one scan (no regex)
 * that also sums the digits: up to 15 digits that integer is exact, and dividing it by an exact power
 * of ten is one correctly rounded operation, so the value is the double Number() reads. Longer texts
 * go through Number() once a comma is a point.
 */
export function readScore(
  raw: string,
  min: number,
  max: number,
): number | 'empty' | 'not-a-number' | 'out-of-range' {
  const text = raw.trim();
  const length = text.length;
  if (length === 0) return 'empty';
  const first = text.charCodeAt(0);
  let k = first === 43 || first === 45 ? 1 : 0;
  let n = 0;
  let before = 0;
  let after = 0;
  let separator = -1;
  for (; k < length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (separator < 0) before++;
      else after++;
    } else if ((c === COMMA || c === POINT) && separator < 0) separator = k;
    else return 'not-a-number';
  }
  if (before === 0 && after === 0) return 'not-a-number';
  let value: number;
  if (before + after <= 15) {
    const magnitude = separator >= 0 ? n / (POWERS_OF_TEN[after] ?? 1) : n;
    value = first === 45 ? -magnitude : magnitude;
  } else {
    value = Number(
      separator >= 0 && text.charCodeAt(separator) === COMMA
        ? `${text.slice(0, separator)}.${text.slice(separator + 1)}`
        : text,
    );
  }
  if (!Number.isFinite(value)) return 'not-a-number';
  if (value < min || value > max) return 'out-of-range';
  return value;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);
const COMMA = 44;
const POINT = 46;
