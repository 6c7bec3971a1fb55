import { logGamma } from './chi-square.ts';

/**
 * The F distribution through the regularized incomplete beta function, for the confidence interval of
 * the ICC (Shrout & Fleiss 1979; McGraw & Wong 1996), whose Satterthwaite degrees of freedom are not
 * whole numbers. The beta function is Lentz's continued fraction (Press et al., Numerical Recipes,
 * §6.4), used on the side where it converges fast; the quantile is found by bisection on the CDF,
 * which is monotone, so it cannot diverge and every step halves the error.
 */

const EPSILON = 1e-15;
const MAX_ITERATIONS = 1000;
const TINY = 1e-300;
/** Bisection steps: 2⁻²⁰⁰ of the unit interval is far below a double's resolution. */
const BISECTION_STEPS = 200;

/** I_x(a, b), the regularized incomplete beta function; a, b > 0, 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1)) return Number.NaN;
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The fraction converges fast for x < (a + 1) / (a + b + 2); beyond, use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(x, a, b)) / a
    : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // The even step, then the odd one.
    for (const an of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + an * d;
      if (Math.abs(d) < TINY) d = TINY;
      c = 1 + an / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < EPSILON) break;
  }
  return h;
}

/** P(X ≤ f) for X ~ F(d1, d2); the degrees of freedom may be fractional. */
export function fCdf(f: number, d1: number, d2: number): number {
  if (!(d1 > 0) || !(d2 > 0)) return Number.NaN;
  if (f <= 0) return 0;
  return regularizedBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/** The f with P(X ≤ f) = p for X ~ F(d1, d2), 0 < p < 1: found as the beta quantile, then mapped back. */
export function fQuantile(p: number, d1: number, d2: number): number {
  if (!(p > 0 && p < 1) || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < BISECTION_STEPS && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (regularizedBeta(mid, d1 / 2, d2 / 2) < p) lo = mid;
    else hi = mid;
  }
  const x = (lo + hi) / 2;
  return (d2 * x) / (d1 * (1 - x));
}
