import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCell, type ScoreEntry } from '../../shared/domain/cells.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { innovation, smallCompetition } from '../unit/fixtures.ts';
import { scoreCell } from './arbitraries.ts';

const RUNS = 10_000;

describe('fuzzing score cells', () => {
  it(`reads any typed cell as empty, a number on the scale, or a problem, never throwing (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        scoreCell,
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 0, max: 100 }),
        (raw, min, span) => {
          const max = min + span;
          const reading = readCell(raw, min, max);
          if (reading.kind === 'empty') expect(raw.trim()).toBe('');
          if (reading.kind === 'number') {
            expect(Number.isFinite(reading.value)).toBe(true);
            expect(reading.value).toBeGreaterThanOrEqual(min);
            expect(reading.value).toBeLessThanOrEqual(max);
            // Only plain ASCII digits with one decimal point or comma ever count.
            expect(raw.trim()).toMatch(/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never takes a formula, full-width or other digits, a list, an overflow or a thousands separator for a score', () => {
    for (const raw of [
      '=8+1',
      '８',
      '８,５',
      '٨',
      '8,5,3',
      '1e309',
      '1e3',
      'NaN',
      'Infinity',
      '0x10',
      '1.000,5',
      '1,000.5',
      '1 000',
      '8%',
      '--8',
    ]) {
      expect([raw, readCell(raw, 0, 10_000).kind]).toEqual([raw, 'invalid']);
    }
    expect(readCell('-0', -1, 1)).toEqual({ kind: 'number', value: -0 });
    expect(readCell(' 8,5 ', 0, 10)).toEqual({ kind: 'number', value: 8.5 });
  });

  it(`ranks any grid of typed cells to finite scores, and reports every cell it could not count (${RUNS} cases)`, () => {
    const competition = smallCompetition();
    const innovations = ['I-1', 'I-2', 'I-3', 'I-4'].map((id) => innovation(id));
    const slots = innovations.flatMap((i) =>
      ['j1', 'j2', 'j3'].flatMap((juror) =>
        ['a', 'b'].map((criterion) => ({ innovation: i.id, juror, criterion })),
      ),
    );
    fc.assert(
      fc.property(fc.array(scoreCell, { minLength: slots.length, maxLength: slots.length }), (values) => {
        const entries: ScoreEntry[] = slots.map((slot, k) => ({
          stage: 'desk',
          ...slot,
          value: values[k] ?? '',
        }));
        const result = rankCompetition(competition, innovations, entries);
        for (const stage of [...result.stages, result.final]) {
          for (const entry of stage.ranking) {
            expect(entry.score === null || Number.isFinite(entry.score)).toBe(true);
            expect(entry.rank === null || (Number.isInteger(entry.rank) && entry.rank >= 1)).toBe(true);
          }
        }
        const reported = new Set(result.problems.map((p) => `${p.innovation}/${p.juror}/${p.criterion}`));
        entries.forEach((e) => {
          if (readCell(e.value, 0, 100).kind === 'invalid') {
            expect(reported.has(`${e.innovation}/${e.juror}/${e.criterion}`), JSON.stringify(e)).toBe(true);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});
