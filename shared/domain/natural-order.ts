/**
 * Natural order of ids: INOV-2024-99 before INOV-2024-100, j2 before j10.
 *
 * An id is read as runs of ASCII digits and runs of anything else. Runs are compared in turn: two
 * digit runs by their numeric value (then the shorter first, so 7 before 07), anything else by UTF-16
 * code units; an id that runs out of runs first sorts first. This is the one comparator for the domain;
 * it scans the two strings in place (no regex, no allocation) and is safe to call in a sort.
 */
export function compareIds(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const aDigits = isDigit(a.charCodeAt(i));
    const bDigits = isDigit(b.charCodeAt(j));
    const ie = runEnd(a, i, aDigits);
    const je = runEnd(b, j, bDigits);
    const d = aDigits && bDigits ? compareDigitRuns(a, i, ie, b, j, je) : compareRanges(a, i, ie, b, j, je);
    if (d !== 0) return d;
    i = ie;
    j = je;
  }
  if (i < la) return 1;
  if (j < lb) return -1;
  return 0;
}

/** Sorts a copy of `items` by `compareIds` of their id, stable, with the id's runs read once per item. */
export function sortByIds<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const ids = items.map(idOf);
  const order = items.map((_, k) => k);
  order.sort((x, y) => compareIds(ids[x] ?? '', ids[y] ?? '') || x - y);
  return order.map((k) => items[k] as T);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function runEnd(s: string, from: number, digits: boolean): number {
  let k = from + 1;
  while (k < s.length && isDigit(s.charCodeAt(k)) === digits) k++;
  return k;
}

/** Digit runs by value (as Number reads them), then the shorter run first. */
function compareDigitRuns(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  // Up to 15 digits the value is exact in a double, so it is summed here without slicing.
  const byValue =
    ie - i <= 15 && je - j <= 15
      ? digitValue(a, i, ie) - digitValue(b, j, je)
      : Number(a.slice(i, ie)) - Number(b.slice(j, je));
  return byValue || ie - i - (je - j);
}

function digitValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) v = v * 10 + (s.charCodeAt(k) - 48);
  return v;
}

/** s.slice(i, ie) vs t.slice(j, je) by UTF-16 code units, as `<` compares strings. */
function compareRanges(s: string, i: number, ie: number, t: string, j: number, je: number): number {
  const n = Math.min(ie - i, je - j);
  for (let k = 0; k < n; k++) {
    const d = s.charCodeAt(i + k) - t.charCodeAt(j + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const d = ie - i - (je - j);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}
