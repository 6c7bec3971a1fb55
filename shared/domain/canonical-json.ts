import canonicalize from 'canonicalize';

/**
 * RFC 8785, the JSON Canonicalization Scheme, through the maintained `canonicalize` package: the hashed
 * form of juri-record/2 onwards. Throws on what JSON cannot hold (NaN, Infinity, lone surrogates).
 */
export function jcs(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('JCS: the value has no JSON form');
  return text;
}

/**
 * The canonical form of juri-record/1 (and of sync digests): not RFC 8785, kept so that old records
 * still hash as they did. JSON with object keys sorted at every level, so equal data always hashes the same.
 *
 * Exactly `JSON.stringify` of a copy whose objects have their keys sorted (by UTF-16 code units;
 * array-index keys such as "7" still come first, in numeric order, as JavaScript orders them) and
 * their undefined values dropped; class instances count as plain objects of their own enumerable keys.
 * Only what is not canonical already is copied: arrays of strings and objects whose keys are already
 * in order are passed to JSON.stringify as they are.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

/** `value` itself when already canonical, else a canonical copy. Each node is visited once. */
function canonical(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
}

function canonicalArray(value: readonly unknown[]): unknown[] | readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    const c = typeof item === 'object' && item !== null ? canonical(item) : item;
    if (copy) copy.push(c);
    else if (c !== item) {
      copy = value.slice(0, i);
      copy.push(c);
    }
  }
  return copy ?? value;
}

function canonicalObject(value: Record<string, unknown>): Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  let copy = proto !== Object.prototype && proto !== null;
  const keys = Object.keys(value);
  const children = new Array<unknown>(keys.length);
  let previous: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const v = value[key];
    const c = canonical(v);
    children[i] = c;
    if (c !== v || v === undefined || key === 'toJSON') copy = true;
    else if (!isIndexKey(key)) {
      if (previous !== undefined && !(previous < key)) copy = true;
      previous = key;
    }
  }
  if (!copy) return value;
  const kept = keys.map((_, i) => i).filter((i) => children[i] !== undefined);
  kept.sort((a, b) => {
    const x = keys[a] as string;
    const y = keys[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  // A null prototype, so a "__proto__" key is an own property, as Object.fromEntries makes it.
  const out: Record<string, unknown> = Object.create(null);
  for (const i of kept) out[keys[i] as string] = children[i];
  return out;
}

/** Keys that JavaScript puts first, in numeric order: "0", "7", "42" (not "07", not 2^32 − 1 or above). */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return false;
  if (key.length > 1 && first === 48) return false;
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(key) < 4294967295;
}
