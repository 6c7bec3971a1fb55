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
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'invalid'; reason: 'not-a-number' | 'out-of-range' };

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** Reads a typed cell by the contract: trim; `8,5` and `8.5` are 8.5; empty is not scored yet. */
export function readCell(raw: string, min: number, max: number): CellReading {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (!NUMBER.test(text)) return { kind: 'invalid', reason: 'not-a-number' };
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'not-a-number' };
  if (value < min || value > max) return { kind: 'invalid', reason: 'out-of-range' };
  return { kind: 'number', value };
}
