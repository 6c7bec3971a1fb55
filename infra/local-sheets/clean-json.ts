import { cleanDeep, cleanText, MAX_JSON_DEPTH } from '../../shared/domain/text.ts';
import { RecentPairs } from './recent-pairs.ts';

/**
 * What `cleanDeep` gives for JSON, without rebuilding it: every string (keys too) cleaned, and JSON
 * nested deeper than MAX_JSON_DEPTH refused with the same RangeError. cleanDeep makes a new object for
 * every object and array it meets, after a depth check that allocates an entry for every value: for a
 * publish's 6 MB of staged cells that was seconds of work and garbage at national scale, while nearly
 * every string is plain already.
 *
 * `cleanParsedInPlace` changes `value` itself: give it only what JSON.parse just made and nobody else
 * holds (plain objects with own properties, as cleanDeep makes them).
 */
export function cleanParsedInPlace(value: unknown): unknown {
  return cleanAt(value, 0);
}

/**
 * What `cleanDeep` gives for data the caller keeps (a tab's rows): the same value when nothing in it
 * needs cleaning, which is nearly always, else cleanDeep's copy.
 */
export function cleanedOrSame<T>(value: T): T {
  return isClean(value, 0, new RecentPairs<object, number>()) ? value : (cleanDeep(value) as T);
}

function cleanAt(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_JSON_DEPTH) throw new RangeError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanAt(value[i], depth + 1);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    // A key to clean is rare: then the object is made again as cleanDeep makes it, keeping its order.
    if (cleanText(key) !== key) return rebuilt(object, depth);
    object[key] = cleanAt(object[key], depth + 1);
  }
  return object;
}

function rebuilt(object: Record<string, unknown>, depth: number): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).map(([k, v]) => [cleanText(k), cleanAt(v, depth + 1)] as const),
  );
}

/** Cell formats found clean, with the depth each was met at: one met again no deeper is clean again. */
type CleanFormats = RecentPairs<object, number>;

/** Whether cleanDeep would change nothing (and would not throw): no string or key to clean. */
function isClean(value: unknown, depth: number, seen: CleanFormats): boolean {
  if (typeof value === 'string') return cleanText(value) === value;
  if (value === null || typeof value !== 'object') return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isClean(item, depth + 1, seen)) return false;
    return true;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (key === 'userEnteredFormat' && item !== null && typeof item === 'object') {
      if (seen.some((format, at) => format === item && at >= depth + 1)) continue;
      if (!isClean(item, depth + 1, seen)) return false;
      seen.add(item, depth + 1);
      continue;
    }
    if (cleanText(key) !== key || !isClean(item, depth + 1, seen)) return false;
  }
  return true;
}
