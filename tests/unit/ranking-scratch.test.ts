import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Juror } from '../../shared/domain/competition.ts';
import { stableMean, stableMeanOfFirst } from '../../shared/domain/scoring.ts';
import { StageCells } from '../../shared/domain/stage-cells.ts';

/** The published rule as first written: sort a copy ascending, then sum from the left. */
const sortedSumMean = (values: readonly number[]) =>
  values.length === 0 ? null : [...values].sort((a, b) => a - b).reduce((s, v) => s + v, 0) / values.length;

const juror = (id: string): Juror => ({
  id,
  name: id,
  email: `${id}@example.org`,
  affiliation: '',
  conflicts: [],
});

describe('the ranking’s allocation-free helpers', () => {
  it('stableMean and stableMeanOfFirst give the sorted-copy mean to the last bit, in any input order', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1e-12, 100, 33.333333333333336),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), fc.array(value, { maxLength: 5 }), (values, junk) => {
        const expected = sortedSumMean(values);
        expect(Object.is(stableMean(values), expected)).toBe(true);
        // Only the first n of the scratch count; what lies beyond is left alone.
        const scratch = [...values, ...junk];
        expect(Object.is(stableMeanOfFirst(scratch, values.length), expected)).toBe(true);
        expect(scratch.slice(values.length)).toEqual(junk);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a mean with NaN to the built-in sort, as before', () => {
    const values = [3, Number.NaN, 1];
    expect(stableMean(values)).toEqual(sortedSumMean(values));
    expect(values).toEqual([3, Number.NaN, 1]);
  });

  it('StageCells: a cell counts when typed once or when every copy agrees; disagreeing copies are all named', () => {
    const cells = new StageCells(2, 3);
    const a = juror('j1');
    const b = juror('j2');
    const s = cells.slot(0, a);
    expect(cells.slot(0, a)).toBe(s);
    const t = cells.slot(0, b);
    expect(t).not.toBe(s);
    cells.add(s, 0, 80, 0);
    cells.add(s, 1, 70, 1);
    cells.add(s, 1, 70, 2);
    cells.add(s, 2, 60, 3);
    cells.add(s, 2, 65, 4);
    cells.add(s, 2, 60, 5);
    cells.add(t, 0, Number.NaN, 6);
    cells.add(t, 1, Number.NaN, 7);
    cells.add(t, 1, Number.NaN, 8);
    cells.add(t, 2, Number.NaN, 9);
    cells.add(t, 2, 5, 10);
    expect([cells.value(s, 0), cells.value(s, 1), cells.value(s, 2)]).toEqual([80, 70, undefined]);
    expect([cells.disagreeing(s, 1), cells.disagreeing(s, 2)]).toEqual([[], [3, 4, 5]]);
    // Text that is not a score never counts, agrees with other such text, and disagrees with a number.
    expect([cells.value(t, 0), cells.value(t, 1), cells.value(t, 2)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([cells.disagreeing(t, 1), cells.disagreeing(t, 2)]).toEqual([[], [9, 10]]);
    const slots: number[] = [];
    expect(cells.slotsOf(0, slots)).toBe(2);
    expect(cells.slotsOf(1, slots)).toBe(0);
    expect([cells.juror(slots[0] ?? -1)?.id, cells.juror(slots[1] ?? -1)?.id].sort()).toEqual(['j1', 'j2']);
  });

  it('StageCells grows past its first capacity without losing a cell', () => {
    const cells = new StageCells(500, 2);
    const jurors = [juror('j1'), juror('j2'), juror('j3')];
    for (let e = 0; e < 500; e++)
      for (const [k, j] of jurors.entries()) cells.add(cells.slot(e, j), k % 2, e + k, e * 3 + k);
    const slots: number[] = [];
    expect(cells.slotsOf(499, slots)).toBe(3);
    const byJuror = new Map(slots.slice(0, 3).map((s) => [cells.juror(s)?.id, s]));
    expect(cells.value(byJuror.get('j3') ?? -1, 0)).toBe(501);
    expect(cells.value(byJuror.get('j1') ?? -1, 0)).toBe(499);
  });
});
