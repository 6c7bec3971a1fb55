import type { CompetitionStores, StoreAdapter } from '../shared/ports.ts';

/**
 * An adapter from a function that binds one competition's ports: each id is bound once and the same
 * ports are answered after, so what a port keeps between calls (a Firestore sync's read head, a held
 * lease) stays with it.
 */
export function storeAdapter(bind: (competition: string) => CompetitionStores): StoreAdapter {
  const bound = new Map<string, CompetitionStores>();
  return {
    competition(id) {
      let stores = bound.get(id);
      if (!stores) {
        stores = bind(id);
        bound.set(id, stores);
      }
      return stores;
    },
  };
}
