import { describe, expect, it } from 'vitest';
import { assignStage } from '../../shared/domain/assignment.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { parseCompetition } from '../../shared/domain/competition.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { hasConflict } from '../../shared/domain/scoring.ts';
import { innovation, smallCompetition } from './fixtures.ts';

const cell = (inn: string, juror: string, criterion: string, value: string): ScoreEntry => ({
  stage: 'desk',
  innovation: inn,
  juror,
  criterion,
  value,
});

/** j1 (Kota Kupang) and j2 (Ende) as in the fixture; j3 is a national expert with no region. */
function withNationalExpert() {
  return smallCompetition({
    jurors: [
      { id: 'j1', name: 'J1', email: 'j1@example.org', region: 'Kota Kupang' },
      { id: 'j2', name: 'J2', email: 'j2@example.org', region: 'Ende' },
      { id: 'j3', name: 'Prof. Nasional', email: 'j3@example.org', conflicts: ['I-2'] },
    ],
  });
}

describe('a juror without a region (from outside the province)', () => {
  it('is accepted by the config, which used to refuse it', () => {
    const c = withNationalExpert();
    expect(c.jurors[2]?.region).toBeUndefined();
    const bad = parseCompetition({ ...c, jurors: [{ ...c.jurors[0], region: 'Jakarta' }] });
    expect(bad.ok).toBe(false);
  });

  it('has only the conflicts that are listed', () => {
    const [, , expert] = withNationalExpert().jurors;
    if (!expert) throw new Error('fixture');
    expect(hasConflict(expert, { id: 'I-1', region: 'Kota Kupang' })).toBe(false);
    expect(hasConflict(expert, { id: 'I-1', region: 'Ende' })).toBe(false);
    expect(hasConflict(expert, { id: 'I-2', region: 'Alor' })).toBe(true);
  });

  it('counts for innovations from every region and ranks them correctly', () => {
    const c = withNationalExpert();
    const innovations = [
      innovation('I-1', 'Kota Kupang'),
      innovation('I-2', 'Ende'),
      innovation('I-3', 'Alor'),
    ];
    const scores = [
      // I-1 is from j1's region: j1 does not count, j2 and the expert do.
      cell('I-1', 'j1', 'a', '100'),
      cell('I-1', 'j1', 'b', '100'),
      cell('I-1', 'j2', 'a', '80'),
      cell('I-1', 'j2', 'b', '80'),
      cell('I-1', 'j3', 'a', '60'),
      cell('I-1', 'j3', 'b', '60'),
      // I-2: j2 shares the region, the expert declared a conflict; only j1 counts → incomplete.
      cell('I-2', 'j1', 'a', '90'),
      cell('I-2', 'j1', 'b', '90'),
      // I-3: everyone counts.
      cell('I-3', 'j1', 'a', '50'),
      cell('I-3', 'j1', 'b', '50'),
      cell('I-3', 'j2', 'a', '70'),
      cell('I-3', 'j2', 'b', '70'),
      cell('I-3', 'j3', 'a', '90'),
      cell('I-3', 'j3', 'b', '90'),
    ];
    const desk = rankCompetition(c, innovations, scores).stages[0];
    const byId = new Map(desk?.ranking.map((e) => [e.id, e]));
    expect(byId.get('I-1')).toMatchObject({ rank: 1, jurors: 2, status: 'complete', score: 70 });
    expect(byId.get('I-1')?.totals).toEqual({ j2: 80, j3: 60 });
    expect(byId.get('I-3')).toMatchObject({ rank: 1, jurors: 3, status: 'complete', score: 70 });
    expect(byId.get('I-2')).toMatchObject({ rank: null, jurors: 1, status: 'incomplete' });
    expect(desk?.problems.map((p) => [p.innovation, p.juror, p.code])).toEqual([
      ['I-1', 'j1', 'conflict'],
      ['I-1', 'j1', 'conflict'],
    ]);
  });

  it('is assigned innovations from any region', () => {
    const c = withNationalExpert();
    const stage = c.stages[0];
    if (!stage) throw new Error('fixture');
    const rows = assignStage(c, stage, [innovation('I-1', 'Kota Kupang'), innovation('I-3', 'Alor')]);
    expect(rows.get('j3')?.map((r) => [r.innovation.id, r.conflict])).toEqual([
      ['I-1', false],
      ['I-3', false],
    ]);
  });
});
