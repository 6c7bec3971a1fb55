import { type Bilingual, fill, type Lang } from './i18n.ts';
import { formatNumber } from './numbers.ts';

export const PROBLEM_REASONS = {
  'not-a-number': { id: 'bukan angka', en: 'not a number' },
  'out-of-range': { id: 'di luar rentang {min}–{max}', en: 'outside the range {min}–{max}' },
  conflict: {
    id: 'juri memiliki konflik kepentingan dengan inovasi ini; nilai tidak dihitung',
    en: 'juror has a conflict of interest with this innovation; score not counted',
  },
  'unknown-innovation': { id: 'inovasi tidak dikenal', en: 'unknown innovation' },
  'unknown-juror': { id: 'juri tidak terdaftar', en: 'juror is not listed' },
  'not-on-panel': { id: 'juri bukan anggota panel tahap ini', en: 'juror is not on this stage’s panel' },
  'unknown-criterion': { id: 'kriteria tidak ada pada tahap ini', en: 'criterion is not in this stage' },
  'unknown-stage': { id: 'tahap tidak dikenal', en: 'unknown stage' },
  'not-in-stage': {
    id: 'inovasi tidak lolos ke tahap ini; nilai tidak dihitung',
    en: 'innovation did not advance to this stage; score not counted',
  },
  duplicate: {
    id: 'nilai ganda yang berbeda untuk sel yang sama; tidak dihitung',
    en: 'different duplicate values for the same cell; not counted',
  },
} satisfies Record<string, Bilingual>;

export type ProblemCode = keyof typeof PROBLEM_REASONS;

/** A cell that could not be counted, with why, for the jurors and the auditors. */
export interface Problem {
  stage: string;
  innovation: string;
  juror: string;
  criterion: string;
  value: string;
  code: ProblemCode;
  reason: string;
  cell?: string;
}

export function problemReason(
  code: ProblemCode,
  lang: Lang,
  args: Record<string, string | number> = {},
): string {
  const localized = Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, lang) : v]),
  );
  return fill(PROBLEM_REASONS[code][lang], localized);
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
