import type { Competition } from './competition.ts';

/**
 * What `make` derives from a competition's config, made once per config object and kept with it: a
 * composition root builds one per deployment, so nothing derived outlives or mixes up a config. The
 * values are shared by every caller: none may change them.
 */
export function perConfig<T>(make: (c: Competition) => T): (c: Competition) => T {
  const built = new WeakMap<Competition, T>();
  return (c) => {
    let value = built.get(c);
    if (value === undefined) {
      value = make(c);
      built.set(c, value);
    }
    return value;
  };
}
