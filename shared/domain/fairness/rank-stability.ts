import { seededRandom } from '../../seeded-random.ts';
import { compareIds } from '../assignment.ts';
import { type Aggregation, MIN_JURORS_TO_TRIM } from './aggregation.ts';
import { orderStage } from './score-order.ts';
import type { StageTotals } from './stage-totals.ts';
import { keySorter, nearestRankIndex, placeQuantiles, recordPlaces, sortKeysInRange } from './typed-order.ts';

export const DEFAULT_RESAMPLES = 2000;
/** Central coverage of the rank interval: 0.9 gives the 5th–95th percentile. */
export const DEFAULT_COVERAGE = 0.9;
/** An entry in the Top N in more than 5% and fewer than 95% of resamples is within reach of the cut-off. */
export const DEFAULT_NEAR_CUTOFF = { low: 0.05, high: 0.95 } as const;

export interface RankStabilityOptions {
  /** The cut-off: how many entries advance. */
  top: number;
  /** Uniform [0, 1) generator; pass `seededRandom(seed)` so a report replays exactly. */
  random?: () => number;
  /**
   * Instead of `random`: the seed of `seededRandom`'s stream. The same draws, but a mean bootstrap makes
   * them inline, without a call per draw (21 million at national scale).
   */
  seed?: number;
  resamples?: number;
  aggregation?: Aggregation;
  coverage?: number;
  /** Probabilities strictly between low and high mark an entry as near the cut-off. */
  nearCutoff?: { low: number; high: number };
}

export interface EntryStability {
  id: string;
  /** Place in the observed data, tie-break-free (see `compareScored`). */
  rank: number;
  score: number;
  /** Share of resamples in which the entry is in the Top N. */
  probabilityTop: number;
  /** Percentile interval of the entry's place over the resamples (nearest-rank, so both are places). */
  rankLow: number;
  rankHigh: number;
  nearCutoff: boolean;
}

export interface RankStability {
  top: number;
  resamples: number;
  coverage: number;
  /** In observed order. */
  entries: EntryStability[];
}

/**
 * How firmly the data put each entry where it is: a bootstrap over each entry's jurors. Each
 * resample draws, for every entry independently, as many totals as it has, with replacement, from
 * its own juror totals, scores it by the aggregation and places every entry (tie-break-free). It
 * answers "had a different set of equally-behaved jurors scored this entry, where would it be?".
 * An entry scored by one juror never moves, which understates its uncertainty rather than inventing
 * some; more generally, resampling k totals spreads a mean by √((k − 1)/k) of its standard error
 * (82% with 3 jurors), so the intervals are, if anything, narrow: read them as a floor on the doubt.
 *
 * Built for national scale (3,500 entries × 3 jurors, 2,000 resamples): totals live in one typed
 * array, each resample encodes score and id order in one number per entry and orders them with a
 * bucket pass (no comparison sort, no allocation), places are kept per entry in a 16-bit array
 * when they fit, and the interval's two percentiles are selected, not sorted for.
 */
export function rankStability(stage: StageTotals, options: RankStabilityOptions): RankStability {
  const resamples = Math.max(1, Math.floor(options.resamples ?? DEFAULT_RESAMPLES));
  const coverage = options.coverage ?? DEFAULT_COVERAGE;
  const aggregation = options.aggregation ?? 'mean';
  const near = options.nearCutoff ?? DEFAULT_NEAR_CUTOFF;
  const { top } = options;
  const random = options.random ?? (options.seed === undefined ? undefined : seededRandom(options.seed));
  if (!random) throw new TypeError('rankStability: pass random or seed');
  const inlineSeed = aggregation === 'mean' && !options.random ? options.seed : undefined;

  const observed = orderStage(stage, aggregation);
  const n = observed.length;
  const offsets = new Int32Array(n + 1);
  observed.forEach((e, i) => {
    offsets[i + 1] = (offsets[i] ?? 0) + Object.keys(stage.get(e.id) ?? {}).length;
  });
  const values = new Float64Array(offsets[n] ?? 0);
  let maxJurors = 0;
  observed.forEach((e, i) => {
    const totals = Object.values(stage.get(e.id) ?? {});
    values.set(totals, offsets[i] ?? 0);
    maxJurors = Math.max(maxJurors, totals.length);
  });

  // key = round(score × 10⁴) × n + idKey: one number that sorts by score to 4 decimals, then by
  // natural id (a smaller id gets a larger idKey, so it comes first when sorted descending).
  const idKey = new Float64Array(n);
  const entryAtIdKey = new Int32Array(n);
  observed
    .map((e, i) => ({ id: e.id, i }))
    .sort((a, b) => compareIds(a.id, b.id))
    .forEach(({ i }, position) => {
      idKey[i] = n - 1 - position;
      entryAtIdKey[n - 1 - position] = i;
    });
  // Every resampled score lies between the smallest and largest total, so their levels bound the keys.
  const lowest = Math.round(values.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY) * 10_000);
  const highest = Math.round(values.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY) * 10_000);
  if (Math.max(Math.abs(lowest), Math.abs(highest)) * n >= Number.MAX_SAFE_INTEGER) {
    throw new RangeError('rankStability: totals too large to encode exactly');
  }

  const keys = new Float64Array(n);
  const levels = new Float64Array(n);
  const sorter = keySorter(n);
  const scratch = new Float64Array(Math.max(1, maxJurors));
  const places = n <= 0xffff ? new Uint16Array(n * resamples) : new Uint32Array(n * resamples);
  const inTop = new Uint32Array(n);
  const state = inlineSeed === undefined ? undefined : Uint32Array.of(inlineSeed >>> 0);
  for (let b = 0; b < resamples; b++) {
    if (state) resampleMeans({ values, offsets, idKey, levels, keys }, state);
    else
      for (let e = 0; e < n; e++) {
        const start = offsets[e] ?? 0;
        const k = (offsets[e + 1] ?? 0) - start;
        const score = resampledAggregate(values, start, k, random, scratch, aggregation);
        const level = Math.round(score * 10_000);
        levels[e] = level;
        keys[e] = level * n + (idKey[e] ?? 0);
      }
    sortKeysInRange(keys, levels, lowest, highest, sorter);
    recordPlaces(sorter.sorted, n, entryAtIdKey, { places, inTop }, resamples, b, top);
  }

  const lowAt = nearestRankIndex((1 - coverage) / 2, resamples);
  const highAt = nearestRankIndex(1 - (1 - coverage) / 2, resamples);
  const counts = new Uint32Array(n + 1);
  const entries = observed.map((e, i) => {
    const from = i * resamples;
    const { low: rankLow, high: rankHigh } = placeQuantiles(
      places,
      from,
      from + resamples,
      lowAt,
      highAt,
      counts,
    );
    const probabilityTop = (inTop[i] ?? 0) / resamples;
    return {
      id: e.id,
      rank: i + 1,
      score: e.score,
      probabilityTop,
      rankLow,
      rankHigh,
      nearCutoff: probabilityTop > near.low && probabilityTop < near.high,
    };
  });
  return { top, resamples, coverage, entries };
}

/**
 * One mean resample of every entry, as the loop in rankStability makes it with
 * `resampledAggregate(…, seededRandom(seed), …, 'mean')`, but through drawnMean: the same draws in the
 * same order, the same sums, without a closure call and a boxed state per draw. `state` carries the
 * stream on to the next resample.
 */
function resampleMeans(
  into: {
    values: Float64Array;
    offsets: Int32Array;
    idKey: Float64Array;
    levels: Float64Array;
    keys: Float64Array;
  },
  state: Uint32Array,
): void {
  const { values, offsets, idKey, levels, keys } = into;
  const n = keys.length;
  for (let e = 0; e < n; e++) {
    const start = offsets[e] ?? 0;
    const level = Math.round(drawnMean(values, start, (offsets[e + 1] ?? 0) - start, state) * 10_000);
    levels[e] = level;
    keys[e] = level * n + (idKey[e] ?? 0);
  }
}

/**
 * The mean of k totals of values[start, start + k) drawn with replacement, as `resampledAggregate` with
 * `seededRandom` draws it, the stream's state kept in `state[0]` (a typed array: no boxed number a draw).
 */
export function drawnMean(values: Float64Array, start: number, k: number, state: Uint32Array): number {
  if (k === 0) return 0;
  let a = state[0] ?? 0;
  let sum = 0;
  for (let d = 0; d < k; d++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const drawn = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
    sum += values[start + (drawn < k ? drawn : k - 1)] ?? 0;
  }
  state[0] = a;
  return sum / k;
}

/** A juror's place among k drawn with replacement: uniform, and never k even when random() is 1 − ε. */
function draw(k: number, random: () => number): number {
  const d = Math.floor(random() * k);
  return d < k ? d : k - 1;
}

/**
 * One resampled aggregate of values[start, start + k): k totals drawn with replacement, aggregated as the
 * stage aggregates them. The order statistics sort the draws into `scratch` (a handful of jurors: an
 * insertion sort, no allocation). Used by both bootstraps, per stage and for the weighted final.
 */
export function resampledAggregate(
  values: Float64Array,
  start: number,
  k: number,
  random: () => number,
  scratch: Float64Array,
  aggregation: Aggregation,
): number {
  if (k === 0) return 0;
  if (aggregation === 'mean') {
    let sum = 0;
    for (let d = 0; d < k; d++) sum += values[start + draw(k, random)] ?? 0;
    return sum / k;
  }
  for (let d = 0; d < k; d++) {
    const v = values[start + draw(k, random)] ?? 0;
    let p = d;
    while (p > 0 && (scratch[p - 1] ?? 0) > v) {
      scratch[p] = scratch[p - 1] ?? 0;
      p--;
    }
    scratch[p] = v;
  }
  if (aggregation === 'median') {
    const middle = k >> 1;
    return k % 2 === 1 ? (scratch[middle] ?? 0) : ((scratch[middle - 1] ?? 0) + (scratch[middle] ?? 0)) / 2;
  }
  const trim = k >= MIN_JURORS_TO_TRIM ? 1 : 0;
  let sum = 0;
  for (let p = trim; p < k - trim; p++) sum += scratch[p] ?? 0;
  return sum / (k - 2 * trim);
}
