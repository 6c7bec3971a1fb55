import { type Bilingual, fill, type Lang } from '../domain/i18n.ts';
import type { Problem, ProblemCode } from '../domain/problems.ts';
import { formatNumber } from './numbers.ts';

const REASONS = {
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
  'not-assigned': {
    id: 'inovasi ini tidak dibagikan kepada juri ini; nilai tidak dihitung',
    en: 'this innovation is not assigned to this juror; score not counted',
  },
  duplicate: {
    id: 'nilai ganda yang berbeda untuk sel yang sama; tidak dihitung',
    en: 'different duplicate values for the same cell; not counted',
  },
} satisfies Record<ProblemCode, Bilingual>;

/** Why a cell was not counted, in the reader's language. */
export function problemText(problem: Pick<Problem, 'code' | 'params'>, lang: Lang): string {
  const args = problem.params
    ? { min: formatNumber(problem.params.min, lang), max: formatNumber(problem.params.max, lang) }
    : {};
  return fill(REASONS[problem.code][lang], args);
}
