import { describe, expect, it } from 'vitest';
import { fCdf, fQuantile, regularizedBeta } from '../../shared/domain/fairness/f-distribution.ts';

describe('regularized incomplete beta', () => {
  it('matches its closed forms', () => {
    // I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a, fractional parameters included.
    for (const [x, b] of [
      [0.3, 4.5],
      [0.9, 0.7],
      [0.01, 12],
    ] as const) {
      expect(regularizedBeta(x, 1, b)).toBeCloseTo(1 - (1 - x) ** b, 13);
      expect(regularizedBeta(x, b, 1)).toBeCloseTo(x ** b, 13);
    }
    // Symmetric parameters: the median is one half.
    expect(regularizedBeta(0.5, 3.3, 3.3)).toBeCloseTo(0.5, 13);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBeta(0.5, 0, 3)).toBeNaN();
  });
});

describe('F distribution', () => {
  it('reproduces the printed F table', () => {
    // Upper critical values, e.g. NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.3.
    const table: [p: number, d1: number, d2: number, f: number][] = [
      [0.95, 1, 1, 161.448],
      [0.95, 5, 15, 2.901],
      [0.975, 5, 15, 3.576],
      [0.95, 10, 10, 2.978],
      [0.99, 10, 20, 3.368],
    ];
    for (const [p, d1, d2, f] of table) expect(fQuantile(p, d1, d2)).toBeCloseTo(f, 3);
  });

  it('matches the closed-form quantile for 2 numerator degrees of freedom, fractional denominators too', () => {
    // F(2, d): P(X ≤ f) = 1 − (1 + 2f/d)^(−d/2), so f = d/2 · ((1 − p)^(−2/d) − 1).
    for (const [p, d] of [
      [0.9, 7.3],
      [0.975, 2.5],
      [0.025, 41.7],
    ] as const) {
      expect(fQuantile(p, 2, d)).toBeCloseTo((d / 2) * ((1 - p) ** (-2 / d) - 1), 10);
    }
  });

  it('inverts its own CDF', () => {
    for (const [p, d1, d2] of [
      [0.025, 3.7, 12.2],
      [0.5, 1, 30],
      [0.975, 19, 4.4],
    ] as const) {
      expect(fCdf(fQuantile(p, d1, d2), d1, d2)).toBeCloseTo(p, 12);
    }
    expect(fCdf(0, 3, 4)).toBe(0);
    expect(fQuantile(1, 3, 4)).toBeNaN();
  });
});
