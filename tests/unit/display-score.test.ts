import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import {
  DISPLAY_RULE,
  decimalRational,
  displayOfNumber,
  roundHalfUp,
  withDisplay,
} from '../../shared/domain/display-score.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { scoreText } from '../../shared/messages/numbers.ts';
import { innovation, smallCompetition } from './fixtures.ts';
import { caseArb } from './ranking-cases.ts';

const r = (text: string) => decimalRational(text) ?? { n: 0n, d: 1n };

/** Desk cells typing one value for both criteria, so each juror's total is that value. */
function desk(rows: Record<string, Record<string, string>>): ScoreEntry[] {
  return Object.entries(rows).flatMap(([inn, byJuror]) =>
    Object.entries(byJuror).flatMap(([juror, value]) =>
      ['a', 'b'].map((criterion) => ({ stage: 'desk', innovation: inn, juror, criterion, value })),
    ),
  );
}

function ranked(c: Competition, cells: ScoreEntry[], ids = ['I-1', 'I-2']) {
  const innovations = ids.map((id) => innovation(id));
  return withDisplay(c, rankCompetition(c, innovations, cells), cells);
}

describe('the display rule: half-up to 2 decimals on the exact decimal value', () => {
  it('is named as the record names it', () => {
    expect(DISPLAY_RULE).toEqual({ rule: 'decimal-half-up', decimals: 2 });
  });

  it('rounds the exact value, half away from zero', () => {
    expect(roundHalfUp(r('90.445'))).toBe('90.45');
    expect(roundHalfUp(r('90.4449999'))).toBe('90.44');
    expect(roundHalfUp(r('0.005'))).toBe('0.01');
    expect(roundHalfUp(r('-1.005'))).toBe('-1.01');
    expect(roundHalfUp(r('-0.004'))).toBe('0.00');
    expect(roundHalfUp({ n: 2n, d: 3n })).toBe('0.67');
    expect(roundHalfUp({ n: 1n, d: 3n })).toBe('0.33');
    expect(roundHalfUp(r('100'))).toBe('100.00');
    expect(roundHalfUp(r('2.5'), 0)).toBe('3');
    // Binary floating point says otherwise: the reason for the rule.
    expect((90.445).toFixed(2)).toBe('90.44');
  });

  it('reads typed decimals and config numbers exactly', () => {
    expect(decimalRational(' 8,5 ')).toEqual({ n: 85n, d: 10n });
    expect(decimalRational('.5')).toEqual({ n: 5n, d: 10n });
    expect(decimalRational('-3')).toEqual({ n: -3n, d: 1n });
    expect(decimalRational('1e-7')).toEqual({ n: 1n, d: 10_000_000n });
    expect(decimalRational('2.5e3')).toEqual({ n: 2500n, d: 1n });
    for (const bad of ['', '.', 'delapan', '8,5,1', '1e', '--1']) expect(decimalRational(bad)).toBeNull();
    expect(displayOfNumber(90.445)).toBe('90.45');
  });

  it('gives the mean of 90,44 and 90,45 as 90.45, where the float mean prints 90.44', () => {
    const c = smallCompetition();
    const result = ranked(c, desk({ 'I-1': { j1: '90,44', j2: '90.45' }, 'I-2': { j1: '70', j2: '70' } }));
    const first = result.stages[0]?.ranking.find((e) => e.id === 'I-1');
    expect(first?.score?.toFixed(2)).toBe('90.44');
    expect(first?.display).toBe('90.45');
    expect(first && scoreText(first, 'id')).toBe('90,45');
    expect(first && scoreText(first, 'en')).toBe('90.45');
    expect(result.stages[0]?.ranking.find((e) => e.id === 'I-2')?.display).toBe('70.00');
  });

  it('weights criteria and stages exactly: the final score is Σ w·stage / Σ w of exact stage scores', () => {
    const c = smallCompetition();
    // Desk: 30·a + 70·b over 100; interview on 1–10: 100·(x − 1)/9.
    const cells: ScoreEntry[] = [
      ...['j1', 'j2'].flatMap((juror) => [
        { stage: 'desk', innovation: 'I-1', juror, criterion: 'a', value: '80,1' },
        { stage: 'desk', innovation: 'I-1', juror, criterion: 'b', value: '90,3' },
        { stage: 'desk', innovation: 'I-2', juror, criterion: 'a', value: '60' },
        { stage: 'desk', innovation: 'I-2', juror, criterion: 'b', value: '60' },
      ]),
      { stage: 'interview', innovation: 'I-1', juror: 'j1', criterion: 'x', value: '8' },
      { stage: 'interview', innovation: 'I-1', juror: 'j2', criterion: 'x', value: '9,5' },
      { stage: 'interview', innovation: 'I-2', juror: 'j1', criterion: 'x', value: '5' },
      { stage: 'interview', innovation: 'I-2', juror: 'j2', criterion: 'x', value: '5' },
    ];
    const result = ranked(c, cells);
    // Desk 0.3·80.1 + 0.7·90.3 = 87.24; interview mean of 700/9 and 850/9 = 775/9;
    // final (40·87.24 + 60·775/9) / 100 = 34.896 + 51.6666… = 86.5626…
    expect(result.stages[0]?.ranking[0]?.display).toBe('87.24');
    expect(result.stages[1]?.ranking[0]?.display).toBe('86.11');
    expect(result.final.ranking[0]?.display).toBe('86.56');
  });

  it('takes the median and the trimmed mean exactly, and z-scoring by the documented fallback', () => {
    const base = smallCompetition();
    const c = {
      ...base,
      jurors: [...base.jurors, { ...base.jurors[1], id: 'j4' } as Competition['jurors'][number]],
    };
    const cells = desk({
      'I-1': { j1: '90,445', j2: '10', j3: '90,445', j4: '100' },
      'I-2': { j1: '50', j2: '60', j3: '70', j4: '80' },
      'I-3': { j1: '55', j2: '65', j3: '75', j4: '85' },
    });
    const ids = ['I-1', 'I-2', 'I-3'];
    const of = (method: 'median' | 'trimmed', normalize: 'none' | 'zscore' = 'none') =>
      ranked(
        { ...c, stages: c.stages.map((s) => ({ ...s, aggregation: { method, normalize } })) },
        cells,
        ids,
      ).stages[0]?.ranking.find((e) => e.id === 'I-1');
    expect(of('median')?.display).toBe('90.45');
    expect(of('trimmed')?.display).toBe('90.45');
    const z = of('median', 'zscore');
    expect(z?.display).toBe(displayOfNumber(z?.score ?? 0));
  });

  it('keeps the digits a result ranked before the rule printed (no display): toFixed', () => {
    expect(scoreText({ score: 90.445 }, 'id')).toBe('90,44');
    expect(scoreText({ score: null }, 'id')).toBe('–');
  });

  it('changes no ranking number, and every display is its score to within half a cent', () => {
    fc.assert(
      fc.property(caseArb, ({ competition, innovations, scores }) => {
        const plain = rankCompetition(competition, innovations, scores);
        const shown = withDisplay(competition, plain, scores);
        for (const [was, now] of [...plain.stages, plain.final].map(
          (s, k) => [s, [...shown.stages, shown.final][k]] as const,
        )) {
          expect(now?.ranking.map(({ display: _, ...e }) => e)).toEqual(was.ranking);
          for (const e of now?.ranking ?? []) {
            if (e.score === null) expect(e.display).toBeUndefined();
            else {
              expect(e.display).toMatch(/^-?\d+\.\d\d$/);
              expect(Math.abs(Number(e.display) - e.score)).toBeLessThanOrEqual(0.005 + 1e-9);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
