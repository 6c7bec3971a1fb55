import { seededRandom } from '../../seeded-random.ts';
import { compareIds } from '../assignment.ts';
import { type Aggregation, aggregate } from './aggregation.ts';
import {
  DEFAULT_COVERAGE,
  DEFAULT_NEAR_CUTOFF,
  DEFAULT_RESAMPLES,
  drawnMean,
  type EntryStability,
  type RankStability,
  resampledAggregate,
} from './rank-stability.ts';
import { compareScored } from './score-order.ts';
import type { StageTotals } from './stage-totals.ts';
import { keySorter, nearestRankIndex, placeQuantiles, recordPlaces, sortKeysInRange } from './typed-order.ts';

/** One stage's share of the final score: its weight, its totals, and how they are aggregated. */
export interface WeightedPart {
  weight: number;
  totals: StageTotals;
  aggregation: Aggregation;
}

export interface WeightedStabilityOptions {
  top: number;
  random?: () => number;
  /** Instead of `random`: seededRandom's seed; when every part is a mean, the draws are made inline. */
  seed?: number;
  resamples?: number;
  coverage?: number;
}

/**
 * The final ranking's bootstrap: the final score is the weighted mean of stage scores
 * (Σ w·score / Σ w, as the ranking computes it), so each resample redraws, for every entry and
 * every weighted stage independently, that stage's juror totals with replacement, aggregates them,
 * and combines. Entries are the ids given, each needing totals in every part. Places are
 * tie-break-free, as in `rankStability`.
 *
 * The final population is one stage's advancers (tens to a few hundred); each resample's keys are
 * ordered by the stage bootstrap's bucket pass, cheaper than the native typed-array sort.
 */
export function weightedRankStability(
  ids: readonly string[],
  parts: readonly WeightedPart[],
  options: WeightedStabilityOptions,
): RankStability {
  const resamples = Math.max(1, Math.floor(options.resamples ?? DEFAULT_RESAMPLES));
  const coverage = options.coverage ?? DEFAULT_COVERAGE;
  const { top } = options;
  const random = options.random ?? (options.seed === undefined ? undefined : seededRandom(options.seed));
  if (!random) throw new TypeError('weightedRankStability: pass random or seed');
  const inline =
    !options.random && options.seed !== undefined && parts.every((p) => p.aggregation === 'mean')
      ? Uint32Array.of(options.seed >>> 0)
      : undefined;
  const sumW = parts.reduce((s, p) => s + p.weight, 0);
  const combine = (scoreOf: (part: WeightedPart, totals: number[]) => number, id: string) =>
    parts.reduce((s, p) => s + p.weight * scoreOf(p, Object.values(p.totals.get(id) ?? {})), 0) / sumW;

  const observed = ids
    .map((id) => ({ id, score: combine((p, totals) => aggregate(totals, p.aggregation) ?? 0, id) }))
    .sort(compareScored);
  const n = observed.length;
  const packed = parts.map((p) => packPart(p, observed));
  const maxJurors = Math.max(
    1,
    ...packed.map((p) => Math.max(0, ...p.offsets.map((o, i) => o - (p.offsets[i - 1] ?? 0)))),
  );
  const scratch = new Float64Array(maxJurors);
  // key = round(score × 10⁴) × n + idKey, as in rankStability: a smaller id sorts first on equal scores.
  const idKey = new Float64Array(n);
  const entryAtIdKey = new Int32Array(n);
  observed
    .map((e, i) => ({ id: e.id, i }))
    .sort((a, b) => compareIds(a.id, b.id))
    .forEach(({ i }, position) => {
      idKey[i] = n - 1 - position;
      entryAtIdKey[n - 1 - position] = i;
    });

  const keys = new Float64Array(n);
  const levels = new Float64Array(n);
  const sorter = keySorter(n);
  const { low, high } = levelRange(packed, sumW);
  const places = new Uint32Array(n * resamples);
  const inTop = new Uint32Array(n);
  for (let b = 0; b < resamples; b++) {
    let unordered = false;
    for (let e = 0; e < n; e++) {
      let sum = 0;
      for (const part of packed) {
        const start = part.offsets[e] ?? 0;
        const k = (part.offsets[e + 1] ?? 0) - start;
        sum +=
          part.weight *
          (inline
            ? drawnMean(part.values, start, k, inline)
            : resampledAggregate(part.values, start, k, random, scratch, part.aggregation));
      }
      const level = Math.round((sum / sumW) * 10_000);
      levels[e] = level;
      keys[e] = level * n + (idKey[e] ?? 0);
      if (Number.isNaN(level)) unordered = true;
    }
    // The bucket pass gives the keys in the order the native sort gives them (they are distinct); a key
    // that is not a number has no bucket, and the native sort places it as it always did.
    if (unordered) keys.sort();
    else sortKeysInRange(keys, levels, low, high, sorter);
    recordPlaces(unordered ? keys : sorter.sorted, n, entryAtIdKey, { places, inTop }, resamples, b, top);
  }

  const lowAt = nearestRankIndex((1 - coverage) / 2, resamples);
  const highAt = nearestRankIndex(1 - (1 - coverage) / 2, resamples);
  const counts = new Uint32Array(n + 1);
  const entries: EntryStability[] = observed.map((e, i) => {
    const from = i * resamples;
    const { low, high } = placeQuantiles(places, from, from + resamples, lowAt, highAt, counts);
    const probabilityTop = (inTop[i] ?? 0) / resamples;
    return {
      id: e.id,
      rank: i + 1,
      score: e.score,
      probabilityTop,
      rankLow: low,
      rankHigh: high,
      nearCutoff: probabilityTop > DEFAULT_NEAR_CUTOFF.low && probabilityTop < DEFAULT_NEAR_CUTOFF.high,
    };
  });
  return { top, resamples, coverage, entries };
}

/**
 * Bounds of the resampled levels: any aggregate of a part's totals lies between their least and
 * greatest, and so the weighted mean between the weighted bounds. They only spread the keys over the
 * buckets: a level outside them (a rounding away) goes to the end bucket and is still sorted right.
 */
function levelRange(
  packed: readonly { weight: number; values: Float64Array }[],
  sumW: number,
): { low: number; high: number } {
  let low = 0;
  let high = 0;
  for (const part of packed) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of part.values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (part.values.length === 0) min = max = 0;
    low += part.weight * min;
    high += part.weight * max;
  }
  const lowLevel = Math.round((low / sumW) * 10_000);
  const highLevel = Math.round((high / sumW) * 10_000);
  return Number.isFinite(lowLevel) && Number.isFinite(highLevel) && highLevel >= lowLevel
    ? { low: lowLevel, high: highLevel }
    : { low: 0, high: 0 };
}

/** A part's totals in one typed array, entry by entry in observed order. */
function packPart(p: WeightedPart, observed: readonly { id: string }[]) {
  const n = observed.length;
  const offsets = new Int32Array(n + 1);
  const lists = observed.map((e) => Object.values(p.totals.get(e.id) ?? {}));
  lists.forEach((l, i) => {
    offsets[i + 1] = (offsets[i] ?? 0) + l.length;
  });
  const values = new Float64Array(offsets[n] ?? 0);
  lists.forEach((l, i) => {
    values.set(l, offsets[i] ?? 0);
  });
  return { weight: p.weight, aggregation: p.aggregation, offsets, values };
}
