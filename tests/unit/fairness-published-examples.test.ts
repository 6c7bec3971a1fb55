import { describe, expect, it } from 'vitest';
import {
  chiSquareCdf,
  chiSquareSurvival,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from '../../shared/domain/fairness/chi-square.ts';
import { icc2Interval, intraclassCorrelations } from '../../shared/domain/fairness/icc.ts';
import { kendallW } from '../../shared/domain/fairness/kendall-w.ts';
import { krippendorffAlpha } from '../../shared/domain/fairness/krippendorff-alpha.ts';

/** rows[target][judge] → rows[judge][target] and back. */
const transpose = (m: number[][]) => (m[0] ?? []).map((_, j) => m.map((r) => r[j] ?? 0));

describe('ICC: Shrout & Fleiss (1979), Table 2 (6 targets × 4 judges)', () => {
  // P. E. Shrout & J. L. Fleiss, "Intraclass correlations: uses in assessing rater reliability",
  // Psychological Bulletin 86(2), 420–428, 1979. Table 2 data; Table 4 gives the coefficients.
  const table2 = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];

  it('reproduces the published single- and average-rater coefficients', () => {
    const r = intraclassCorrelations(table2);
    if (r.kind !== 'icc') throw new Error(r.code);
    expect(r.icc11?.toFixed(2)).toBe('0.17');
    expect(r.icc21?.toFixed(2)).toBe('0.29');
    expect(r.icc31?.toFixed(2)).toBe('0.71');
    expect(r.icc1k?.toFixed(2)).toBe('0.44');
    expect(r.icc2k?.toFixed(2)).toBe('0.62');
    expect(r.icc3k?.toFixed(2)).toBe('0.91');
    expect({ n: r.n, k: r.k }).toEqual({ n: 6, k: 4 });
  });

  it('gives the 95 % confidence intervals of ICC(2,1) and ICC(2,k) that R’s psych::ICC prints', () => {
    // psych::ICC on Table 2 (D. Wollschläger, RExRepos, "Inter-rater-reliability and
    // Intra-class-correlation", interRaterICC.md): ICC2 0.29 [0.019, 0.76], ICC2k 0.62 [0.071, 0.93].
    const r = intraclassCorrelations(table2);
    if (r.kind !== 'icc') throw new Error(r.code);
    const ci = icc2Interval(r);
    expect(ci?.single.low?.toFixed(3)).toBe('0.019');
    expect(ci?.single.high?.toFixed(2)).toBe('0.76');
    expect(ci?.average.low?.toFixed(3)).toBe('0.071');
    expect(ci?.average.high?.toFixed(2)).toBe('0.93');
  });

  it('reproduces the ANOVA mean squares (BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02)', () => {
    const r = intraclassCorrelations(table2);
    if (r.kind !== 'icc') throw new Error(r.code);
    expect(r.meanSquares.between).toBeCloseTo(11.24, 2);
    expect(r.meanSquares.within).toBeCloseTo(6.26, 2);
    expect(r.meanSquares.jurors).toBeCloseTo(32.49, 2);
    expect(r.meanSquares.residual).toBeCloseTo(1.02, 2);
  });
});

describe("Krippendorff's α: the worked example with missing data", () => {
  // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", Annenberg School for
  // Communication, University of Pennsylvania, 2011: 4 coders × 12 units, '.' missing.
  // Published: nominal α = 0.743, interval α = 0.849.
  const matrix = [
    '1 2 3 3 2 1 4 1 2 . . .', // coder A
    '1 2 3 3 2 2 4 1 2 5 . 3', // coder B
    '. 3 3 3 2 3 4 2 2 5 1 .', // coder C
    '1 2 3 3 2 4 4 1 2 5 1 .', // coder D
  ].map((row) => row.split(' '));
  const units = Array.from({ length: 12 }, (_, u) =>
    matrix.flatMap((coder) => (coder[u] === '.' || coder[u] === undefined ? [] : [Number(coder[u])])),
  );

  it('nominal α = 0.743', () => {
    const r = krippendorffAlpha(units, 'nominal');
    if (r.kind !== 'alpha') throw new Error(r.code);
    expect(r.alpha.toFixed(3)).toBe('0.743');
    // Unit 12 has one value and is not pairable: 11 units, 40 pairable values.
    expect({ units: r.units, values: r.values }).toEqual({ units: 11, values: 40 });
  });

  it('interval α = 0.849', () => {
    const r = krippendorffAlpha(units, 'interval');
    if (r.kind !== 'alpha') throw new Error(r.code);
    expect(r.alpha.toFixed(3)).toBe('0.849');
  });
});

describe("Kendall's W", () => {
  it('with ties: the anxiety data (20 subjects × 3 raters), W = 0.5397, χ²(19) = 30.76, p = 0.0429', () => {
    // Data set `anxiety` of the R package irr (Gamer, Lemon, Fellows & Singh); the R reference
    // documentation of kendallW(anxiety, correct = TRUE, test = TRUE) prints W = 0.5396569,
    // Kendall chi-squared = 30.76, df = 19, p-value = 0.04288 (tie-corrected).
    const raters = [
      [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
      [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
      [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
    ];
    const r = kendallW(transpose(raters));
    if (r.kind !== 'kendall-w') throw new Error(r.code);
    expect(r.w).toBeCloseTo(0.5396569, 7);
    expect(r.chiSquare).toBeCloseTo(30.76, 2);
    expect(r.df).toBe(19);
    expect(r.pValue).toBeCloseTo(0.04288, 5);
    expect(r.ties).toBeGreaterThan(0);
  });

  it('without ties: Siegel & Castellan (1988), 3 raters × 8 attributes, W = 0.656, χ²(7) = 13.78, p = 0.0553', () => {
    // S. Siegel & N. J. Castellan, Nonparametric Statistics for the Behavioral Sciences, 2nd ed.,
    // McGraw-Hill, 1988 (3 raters rank 8 attributes), as reproduced in the same R documentation:
    // W = 0.6560847, chi-squared = 13.778, df = 7, p-value = 0.05528 (= friedman.test).
    const attributes = [
      [5, 1, 4], // airfare
      [6, 7, 5], // climate
      [7, 6, 1], // season
      [1, 2, 3], // people
      [2, 3, 2], // program
      [4, 5, 7], // publicity
      [3, 4, 6], // present
      [8, 8, 8], // interest
    ];
    const r = kendallW(attributes);
    if (r.kind !== 'kendall-w') throw new Error(r.code);
    expect(r.w).toBeCloseTo(0.6560847, 7);
    expect(r.chiSquare).toBeCloseTo(13.778, 3);
    expect(r.pValue).toBeCloseTo(0.05528, 5);
    expect(r.ties).toBe(0);
  });
});

describe('chi-square distribution and the incomplete gamma behind it', () => {
  it('hits the textbook critical values', () => {
    // 95th percentiles of χ²(1), χ²(2), χ²(10) and the 99th of χ²(5) (any χ² table).
    expect(chiSquareCdf(3.84, 1)).toBeCloseTo(0.95, 3);
    expect(chiSquareCdf(3.841458820694124, 1)).toBeCloseTo(0.95, 12);
    expect(chiSquareCdf(5.991464547107979, 2)).toBeCloseTo(0.95, 12);
    expect(chiSquareCdf(18.307038053275146, 10)).toBeCloseTo(0.95, 12);
    expect(chiSquareSurvival(15.08627246938899, 5)).toBeCloseTo(0.01, 12);
  });

  it('agrees with closed forms: χ²(2) is exponential, χ²(1) is a squared normal', () => {
    for (const x of [0.1, 1, 4, 10, 40]) {
      expect(chiSquareCdf(x, 2)).toBeCloseTo(1 - Math.exp(-x / 2), 13);
      expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 13);
    }
    // P(|Z| ≤ 1) = erf(1/√2) = 0.682689492137086.
    expect(chiSquareCdf(1, 1)).toBeCloseTo(0.682689492137086, 12);
  });

  it('keeps tiny upper tails instead of rounding them to 0', () => {
    // Q(1, 50) = e^−50 ≈ 1.93e−22: 1 − P would give 0.
    expect(regularizedGammaQ(1, 50) / Math.exp(-50)).toBeCloseTo(1, 10);
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareCdf(0, 3)).toBe(0);
  });

  it('ln Γ matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 11);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('P and Q are NaN outside their domain', () => {
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
  });
});
