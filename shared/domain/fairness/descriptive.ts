import { stableMean } from '../scoring.ts';

/** Mean and sample standard deviation (n − 1), summed in ascending order so input order never matters. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } | null {
  const mean = stableMean(values);
  if (mean === null || values.length < 2) return null;
  const squares = values.map((v) => (v - mean) ** 2).sort((a, b) => a - b);
  const sum = squares.reduce((s, v) => s + v, 0);
  return { mean, sd: Math.sqrt(sum / (values.length - 1)) };
}

/** Every value equal: no spread to standardize by. Compared exactly, not through a rounded SD. */
export function hasNoSpread(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

/** Pearson's r of paired values; null with fewer than 3 pairs or when either side has no spread. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3 || hasNoSpread(xs) || hasNoSpread(ys)) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] ?? 0;
    my += ys[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Rounding can push |r| a hair past 1 when the two sides are exactly proportional.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
