/**
 * Allocation-free ordering helpers for the bootstrap's inner loop. A comparison sort of every
 * resample is what made it slow; scores fall in a known range, so a bucket pass does most of the work.
 */

/** Buffers for `sortKeysInRange`, made once per bootstrap and reused by every resample. */
export interface KeySorter {
  /** Sorted output, ascending. */
  sorted: Float64Array;
  buckets: Int32Array;
  starts: Int32Array;
  cursors: Int32Array;
}

export function keySorter(size: number): KeySorter {
  return {
    sorted: new Float64Array(size),
    buckets: new Int32Array(size),
    starts: new Int32Array(size + 1),
    cursors: new Int32Array(size + 1),
  };
}

/**
 * Sorts `keys` ascending into `sorter.sorted`. `level[i]` is key i's coarse value, a number in
 * [low, high] that never decreases as the key grows (the quantized score); keys share a bucket by
 * level, so equal scores stay together. Spread over as many buckets as keys, a bucket holds a
 * handful and an insertion sort finishes it; a crowded bucket (many equal scores) falls back to
 * the native sort.
 */
export function sortKeysInRange(
  keys: Float64Array,
  level: Float64Array,
  low: number,
  high: number,
  sorter: KeySorter,
): void {
  const n = keys.length;
  const { sorted, buckets, starts, cursors } = sorter;
  const width = (high - low + 1) / n;
  starts.fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.max(0, Math.min(n - 1, Math.floor(((level[i] ?? low) - low) / width)));
    buckets[i] = b;
    starts[b + 1] = (starts[b + 1] ?? 0) + 1;
  }
  for (let b = 1; b <= n; b++) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
  cursors.set(starts);
  for (let i = 0; i < n; i++) {
    const b = buckets[i] ?? 0;
    const at = cursors[b] ?? 0;
    sorted[at] = keys[i] ?? 0;
    cursors[b] = at + 1;
  }
  for (let b = 0; b < n; b++) {
    const from = starts[b] ?? 0;
    const to = starts[b + 1] ?? 0;
    if (to - from > 32) sorted.subarray(from, to).sort();
    else if (to - from > 1) insertionSort(sorted, from, to);
  }
}

function insertionSort(a: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i] ?? 0;
    let p = i;
    while (p > from && (a[p - 1] ?? 0) > v) {
      a[p] = a[p - 1] ?? 0;
      p--;
    }
    a[p] = v;
  }
}

/**
 * The k-th smallest (0-based) of a[from, to), by Hoare's quickselect in place: afterwards a[k]
 * holds it, everything before is ≤ and everything after ≥. Expected O(to − from).
 */
export function selectKth(a: Uint16Array | Uint32Array, from: number, to: number, k: number): number {
  let left = from;
  let right = to - 1;
  while (left < right) {
    const pivot = a[(left + right) >> 1] ?? 0;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k] ?? 0;
}

/**
 * The lowAt-th and highAt-th smallest (0-based, lowAt ≤ highAt) of places[from, to), by counting: places
 * are whole numbers in [1, counts.length), so one pass tallies them and a walk over the range they
 * span finds both, cheaper than two selections. `counts` must be all zero; it is left all zero.
 */
export function placeQuantiles(
  places: Uint16Array | Uint32Array,
  from: number,
  to: number,
  lowAt: number,
  highAt: number,
  counts: Uint32Array,
): { low: number; high: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let i = from; i < to; i++) {
    const place = places[i] ?? 0;
    counts[place] = (counts[place] ?? 0) + 1;
    if (place < min) min = place;
    if (place > max) max = place;
  }
  let low = 0;
  let high = 0;
  let seen = 0;
  for (let place = min; place <= max; place++) {
    const count = counts[place] ?? 0;
    if (count === 0) continue;
    counts[place] = 0;
    if (seen <= lowAt && lowAt < seen + count) low = place;
    if (seen <= highAt && highAt < seen + count) high = place;
    seen += count;
  }
  return { low, high };
}

/**
 * The 0-based position of the q-quantile among `count` sorted values, by the nearest-rank method, so
 * both ends of an interval are places that occurred. The epsilon keeps 0.05 × 2000 at 100 rather than a
 * rounding error's 101.
 */
export function nearestRankIndex(q: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.ceil(q * count - 1e-9) - 1));
}

/**
 * One resample's places from its keys sorted ascending (key = score level × n + id position, so the
 * highest key places first): writes entry e's place at `places[e × resamples + b]` and counts the Top N.
 */
export function recordPlaces(
  sorted: ArrayLike<number>,
  n: number,
  entryAtIdKey: ArrayLike<number>,
  into: { places: Uint16Array | Uint32Array; inTop: Uint32Array },
  resamples: number,
  b: number,
  top: number,
): void {
  for (let r = 0; r < n; r++) {
    const key = sorted[n - 1 - r] ?? 0;
    const e = entryAtIdKey[key - Math.floor(key / n) * n] ?? 0;
    into.places[e * resamples + b] = r + 1;
    if (r < top) into.inTop[e] = (into.inTop[e] ?? 0) + 1;
  }
}
