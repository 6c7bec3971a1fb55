import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../shared/domain/fairness/aggregation.ts';
import { intraclassCorrelations } from '../../shared/domain/fairness/icc.ts';
import { kendallW } from '../../shared/domain/fairness/kendall-w.ts';
import { krippendorffAlpha } from '../../shared/domain/fairness/krippendorff-alpha.ts';
import { normalizeStage } from '../../shared/domain/fairness/normalization.ts';
import { orderStage } from '../../shared/domain/fairness/score-order.ts';
import { stableMean } from '../../shared/domain/scoring.ts';

const total = fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true });
/** Totals as typed sheets give them: whole points or two decimals. */
const typedTotal = fc.integer({ min: 0, max: 10_000 }).map((v) => v / 100);

/** rows[entry][juror], 2–12 entries × 2–6 jurors. */
const block = fc
  .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 6 }))
  .chain(([n, k]) =>
    fc.array(fc.array(typedTotal, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
  );

/** Every juror scores every entry the same: one value per entry, copied k times. */
const agreeingBlock = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 12 }),
    fc.integer({ min: 2, max: 6 }),
  )
  .map(([values, k]) => values.map((v) => Array.from({ length: k }, () => v)));

describe('fairness statistics properties', () => {
  it('mean aggregation is stableMean, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(total, { maxLength: 12 }), (totals) => {
        expect(Object.is(aggregate(totals, 'mean'), stableMean(totals))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("Kendall's W is in [0, 1]", () => {
    fc.assert(
      fc.property(block, (rows) => {
        const r = kendallW(rows);
        if (r.kind === 'kendall-w') {
          expect(r.w).toBeGreaterThanOrEqual(0);
          expect(r.w).toBeLessThanOrEqual(1);
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('perfect agreement gives W = 1, every ICC = 1 and α = 1', () => {
    fc.assert(
      fc.property(agreeingBlock, (rows) => {
        const w = kendallW(rows);
        expect(w.kind === 'kendall-w' && w.w).toBe(1);
        const icc = intraclassCorrelations(rows);
        if (icc.kind !== 'icc') throw new Error(icc.code);
        for (const v of [icc.icc11, icc.icc21, icc.icc31, icc.icc1k, icc.icc2k, icc.icc3k]) {
          expect(v).toBeCloseTo(1, 12);
        }
        for (const level of ['interval', 'nominal'] as const) {
          const alpha = krippendorffAlpha(rows, level);
          expect(alpha.kind === 'alpha' && alpha.alpha).toBe(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('adding a constant to one juror’s totals leaves the z-scored ranking unchanged', () => {
    // Each juror scores at least 3 entries with some spread, so every juror is standardized.
    const stage = fc.tuple(fc.integer({ min: 3, max: 10 }), fc.integer({ min: 2, max: 5 })).chain(([n, k]) =>
      fc.tuple(
        fc.array(fc.array(fc.option(typedTotal, { freq: 4 }), { minLength: k, maxLength: k }), {
          minLength: n,
          maxLength: n,
        }),
        fc.integer({ min: 0, max: k - 1 }),
        fc.integer({ min: -30, max: 30 }),
      ),
    );
    fc.assert(
      fc.property(stage, ([rows, shifted, shift]) => {
        const before = new Map(
          rows.map((row, i) => [
            `E-${i}`,
            Object.fromEntries(row.flatMap((v, j) => (v === null ? [] : [[`J-${j}`, v]]))),
          ]),
        );
        const after = new Map(
          [...before].map(([id, t]) => [
            id,
            Object.fromEntries(Object.entries(t).map(([j, v]) => [j, j === `J-${shifted}` ? v + shift : v])),
          ]),
        );
        const a = normalizeStage(before, 'zscore');
        fc.pre(a.unchanged.length === 0);
        const b = normalizeStage(after, 'zscore');
        expect(b.unchanged).toEqual([]);
        for (const aggregation of ['mean', 'trimmed', 'median'] as const) {
          const x = new Map(orderStage(a.totals, aggregation).map((e) => [e.id, e.score]));
          const y = new Map(orderStage(b.totals, aggregation).map((e) => [e.id, e.score]));
          // The pooled scale moves with the shift, so scores change by one increasing affine map:
          // every pair that differs keeps its order (pairs equal up to rounding are not decided by it).
          for (const [i, xi] of x) {
            for (const [j, xj] of x) {
              const yi = y.get(i) ?? Number.NaN;
              const yj = y.get(j) ?? Number.NaN;
              if (xi - xj > 1e-6) expect(yi).toBeGreaterThan(yj);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("Krippendorff's α does not depend on the order of units or of values within them", () => {
    fc.assert(
      fc.property(block, fc.boolean(), (rows, nominal) => {
        const level = nominal ? 'nominal' : 'interval';
        const a = krippendorffAlpha(rows, level);
        const b = krippendorffAlpha(
          [...rows].reverse().map((u) => [...u].reverse()),
          level,
        );
        if (a.kind === 'alpha' && b.kind === 'alpha') expect(b.alpha).toBeCloseTo(a.alpha, 9);
        else expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
