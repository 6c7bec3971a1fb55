export const PROBLEM_CODES = [
  'not-a-number',
  'out-of-range',
  'conflict',
  'unknown-innovation',
  'unknown-juror',
  'not-on-panel',
  'unknown-criterion',
  'unknown-stage',
  'not-in-stage',
  'not-assigned',
  'duplicate',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A cell that could not be counted, with why, for the jurors and the auditors. */
export interface Problem {
  stage: string;
  innovation: string;
  juror: string;
  criterion: string;
  value: string;
  code: ProblemCode;
  /** The scale an out-of-range value missed. */
  params?: { min: number; max: number };
  cell?: string;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    cmp(a.stage, b.stage) ||
    cmp(a.innovation, b.innovation) ||
    cmp(a.juror, b.juror) ||
    cmp(a.criterion, b.criterion) ||
    cmp(a.code, b.code) ||
    cmp(a.value, b.value)
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
