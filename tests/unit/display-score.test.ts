import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import {
  clearDisplay,
  DISPLAY_RULE,
  decimalRational,
  displayOfNumber,
  exactDisplay,
  roundHalfUp,
  withDisplay,
} from '../../shared/domain/display-score.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { typedCellsOf } from '../../shared/domain/typed-cells.ts';
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

/**
 * Typed decimals of 0–3 places on scales that need not start at 0, weights of a few digits, 2–4 jurors:
 * means landing on a rounding boundary (x.xx5) exactly, or a rounding error away from it, are common.
 */
const boundaryCase = fc
  .record({
    weights: fc.constantFrom([1, 1], [30, 70], [1, 3], [0, 1], [7, 13]),
    min: fc.constantFrom(0, 0, 1, 0.5, -10),
    interviewWeight: fc.constantFrom(30, 70, 50),
    method: fc.constantFrom('mean', 'mean', 'median', 'trimmed'),
    normalize: fc.constantFrom('none', 'none', 'none', 'zscore'),
    jurors: fc.constantFrom(['j1', 'j2'], ['j1', 'j2', 'j4'], ['j1', 'j2', 'j3', 'j4']),
    values: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 3 }), fc.boolean()),
      { minLength: 24, maxLength: 24 },
    ),
  })
  .map(({ weights, min, interviewWeight, method, normalize, jurors, values }) => {
    const base = smallCompetition();
    const panel = [...base.jurors, { ...base.jurors[1], id: 'j4' } as Competition['jurors'][number]];
    const competition: Competition = {
      ...base,
      jurors: panel,
      stages: base.stages.map((s, i) =>
        i === 0
          ? {
              ...s,
              aggregation: { method, normalize },
              criteria: s.criteria.map((c, k) => ({ ...c, min, max: 100, weight: weights[k] ?? 1 })),
            }
          : s,
      ),
      final: { ...base.final, weights: { desk: 100 - interviewWeight, interview: interviewWeight } },
    };
    const ids = ['I-1', 'I-2', 'I-3'];
    let v = 0;
    const typed = () => {
      const [n, places, comma] = values[v++ % values.length] ?? [0, 0, false];
      const text = Math.max(min, n / 100).toFixed(places);
      return comma ? ` ${text.replace('.', ',')}` : text;
    };
    const cells: ScoreEntry[] = ids.flatMap((inn) =>
      jurors.flatMap((juror) => [
        { stage: 'desk', innovation: inn, juror, criterion: 'a', value: typed() },
        { stage: 'desk', innovation: inn, juror, criterion: 'b', value: typed() },
        { stage: 'interview', innovation: inn, juror, criterion: 'x', value: String(1 + (v++ % 10)) },
      ]),
    );
    return { competition, innovations: ids.map((id) => innovation(id)), cells };
  });

describe('printing from the double where it is clear of a rounding boundary', () => {
  it('prints what the exact values print, for a list and for columns', () => {
    fc.assert(
      fc.property(boundaryCase, ({ competition, innovations, cells }) => {
        const result = rankCompetition(competition, innovations, cells);
        for (const given of [cells, typedCellsOf(competition, cells)]) {
          expect(JSON.stringify(withDisplay(competition, { ...result }, given))).toBe(
            JSON.stringify(exactDisplay(competition, { ...result }, given)),
          );
        }
      }),
      { numRuns: 600 },
    );
  });

  it('prints from a double only what its shortest decimal prints', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e8, max: 1e8, noNaN: true }), (x) => {
        const clear = clearDisplay(x);
        if (clear !== undefined) expect(clear).toBe(displayOfNumber(x));
      }),
      { numRuns: 2000 },
    );
    for (const x of [90.445, 0.005, 2.675, -1.005, 1e8, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(clearDisplay(x)).toBeUndefined();
    }
    expect(clearDisplay(90.4449)).toBe('90.44');
    expect(clearDisplay(-0.004)).toBe('0.00');
    expect(clearDisplay(-0.006)).toBe('-0.01');
    expect(clearDisplay(100)).toBe('100.00');
  });

  it('counts the decimals of a text typed with a space before it', () => {
    // Every text's decimals counted after the space: the mean 90.445 is exact, and prints 90.45
    // (its double prints 90.44).
    const c = smallCompetition();
    const result = ranked(c, desk({ 'I-1': { j1: ' 90,44', j2: ' 90.45' }, 'I-2': { j1: '70', j2: '70' } }));
    expect(result.stages[0]?.ranking.find((e) => e.id === 'I-1')?.display).toBe('90.45');
  });
});
