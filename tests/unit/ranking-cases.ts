import fc from 'fast-check';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { innovation, smallCompetition } from './fixtures.ts';

/**
 * Random judging data for property tests: decimal commas, blanks, garbage, out-of-range values,
 * conflicts (juror regions), unknown stages/jurors/criteria, and few distinct values so that exact
 * ties and ties at the cut-off are common.
 */
const REGIONS = ['Kota Kupang', 'Ende', 'Alor', 'Sikka'];
const IDS = ['I-1', 'I-2', 'I-3', 'I-4', 'I-5', 'I-6'];
// Few distinct values so that exact ties and ties at the cut-off happen often.
const TYPED = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom('50', '60', '60,0', '70.5', '70,5', ' 80 ', '100', '0') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ') },
  { weight: 1, arbitrary: fc.constantFrom('abc', '8,5,1', '-1', '101', '1e2', 'n/a') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map(String) },
);

const GRID = IDS.flatMap((innovation) =>
  ['j1', 'j2', 'j3'].flatMap((juror) => [
    { stage: 'desk', innovation, juror, criterion: 'a' },
    { stage: 'desk', innovation, juror, criterion: 'b' },
    { stage: 'interview', innovation, juror, criterion: 'x' },
  ]),
);

export interface Case {
  competition: Competition;
  innovations: Innovation[];
  scores: ScoreEntry[];
}

export const caseArb: fc.Arbitrary<Case> = fc
  .record({
    regions: fc.array(fc.constantFrom(...REGIONS), { minLength: IDS.length, maxLength: IDS.length }),
    categories: fc.array(fc.constantFrom('prov', 'kabkota'), {
      minLength: IDS.length,
      maxLength: IDS.length,
    }),
    deskTop: fc.integer({ min: 1, max: 5 }),
    per: fc.constantFrom('overall' as const, 'category' as const),
    grid: fc.array(TYPED, { minLength: GRID.length, maxLength: GRID.length }),
    extra: fc.array(
      fc.record({
        stage: fc.constantFrom('desk', 'interview', 'semifinal'),
        innovation: fc.constantFrom(...IDS, 'I-404'),
        juror: fc.constantFrom('j1', 'j2', 'j3', 'j9'),
        criterion: fc.constantFrom('a', 'b', 'x', 'z'),
        value: TYPED,
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ regions, categories, deskTop, per, grid, extra }) => {
    const cells = [...GRID.map((g, i) => ({ ...g, value: grid[i] ?? '' })), ...extra];
    const base = smallCompetition();
    const competition: Competition = {
      ...base,
      stages: base.stages.map((s, i) => (i === 0 ? { ...s, advance: { top: deskTop, per } } : s)),
    };
    const innovations = IDS.map((id, i) => innovation(id, regions[i] ?? 'Sikka', categories[i] ?? 'prov'));
    const scores = cells.map((c) => ({ ...c, value: c.criterion === 'x' ? scaleToTen(c.value) : c.value }));
    return { competition, innovations, scores };
  });

function scaleToTen(value: string): string {
  const n = Number(value.trim().replace(',', '.'));
  return Number.isFinite(n) && value.trim() !== '' ? String(Math.round(n / 10)).replace('.', ',') : value;
}
