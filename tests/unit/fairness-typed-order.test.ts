import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keySorter,
  placeQuantiles,
  selectKth,
  sortKeysInRange,
} from '../../shared/domain/fairness/typed-order.ts';

describe('typed-array ordering for the bootstrap', () => {
  it('the bucket pass sorts like the native sort, crowded buckets included', () => {
    // Few distinct levels put many keys in one bucket (the native fallback); many levels, few per bucket.
    const keysAndLevels = fc
      .tuple(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: -50, max: 50 }),
      )
      .chain(([n, spread, low]) =>
        fc
          .array(fc.integer({ min: low, max: low + spread }), { minLength: n, maxLength: n })
          .map((levels) => ({ n, low, high: low + spread, levels })),
      );
    fc.assert(
      fc.property(keysAndLevels, ({ n, low, high, levels }) => {
        const level = Float64Array.from(levels);
        const keys = Float64Array.from(levels, (l, i) => l * n + ((i * 7) % n));
        const sorter = keySorter(n);
        sortKeysInRange(keys, level, low, high, sorter);
        expect([...sorter.sorted]).toEqual([...keys].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('selects the k-th smallest of a slice, as a sort would', () => {
    const slice = fc
      .array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 200 })
      .chain((values) =>
        fc
          .tuple(fc.nat({ max: values.length - 1 }), fc.nat({ max: values.length - 1 }))
          .map(([a, b]) => ({ values, from: Math.min(a, b), to: Math.max(a, b) + 1 })),
      )
      .chain((s) => fc.integer({ min: s.from, max: s.to - 1 }).map((k) => ({ ...s, k })));
    fc.assert(
      fc.property(slice, ({ values, from, to, k }) => {
        const a = Uint16Array.from(values);
        const expected = [...values.slice(from, to)].sort((x, y) => x - y)[k - from];
        expect(selectKth(a, from, to, k)).toBe(expected);
        // Outside the slice nothing moved.
        expect([...a.slice(0, from), ...a.slice(to)]).toEqual([
          ...values.slice(0, from),
          ...values.slice(to),
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('counts out two places of a slice, as a sort would, and leaves the counts at zero', () => {
    const slice = fc
      .tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 200 }))
      .chain(([n, length]) =>
        fc
          .tuple(
            fc.array(fc.integer({ min: 1, max: n }), { minLength: length, maxLength: length }),
            fc.nat({ max: length - 1 }),
            fc.nat({ max: length - 1 }),
            fc.nat({ max: 5 }),
          )
          .map(([values, a, b, pad]) => ({ n, values, low: Math.min(a, b), high: Math.max(a, b), pad })),
      );
    fc.assert(
      fc.property(slice, ({ n, values, low, high, pad }) => {
        const places = Uint32Array.from([...Array(pad).fill(n), ...values, ...Array(pad).fill(1)]);
        const counts = new Uint32Array(n + 1);
        const sorted = [...values].sort((x, y) => x - y);
        expect(placeQuantiles(places, pad, pad + values.length, low, high, counts)).toEqual({
          low: sorted[low],
          high: sorted[high],
        });
        expect(counts.every((c) => c === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
