import type { CompetitionStores, Store, StoreAdapter } from '../shared/ports.ts';

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

/** Which port answers each method of the old Store. */
const PORT_OF = {
  upsertInnovation: 'innovations',
  listInnovations: 'innovations',
  innovationHistory: 'innovations',
  archiveRaw: 'archive',
  listRaw: 'archive',
  recordRejection: 'archive',
  listRejections: 'archive',
  clearRejection: 'archive',
  syncHead: 'syncLog',
  saveSync: 'syncLog',
  saveUnchanged: 'syncLog',
  lastSync: 'syncLog',
  syncInputs: 'syncLog',
  acquireLease: 'leases',
  releaseLease: 'leases',
  getCursor: 'cursors',
  setCursor: 'cursors',
  saveVersion: 'records',
  listVersions: 'records',
  getVersion: 'records',
  latestVersion: 'records',
  appendScoreChanges: 'changeLog',
  listScoreChanges: 'changeLog',
  savePublicResponse: 'publicResponses',
  listPublicResponses: 'publicResponses',
  createSession: 'sessions',
  sessionActive: 'sessions',
  revokeSession: 'sessions',
  addAttempt: 'signIn',
  recentAttempts: 'signIn',
  clearAttempts: 'signIn',
  appendTransition: 'lifecycle',
  listTransitions: 'lifecycle',
} as const satisfies Record<Exclude<keyof Store, 'competition'>, keyof CompetitionStores>;

/**
 * @deprecated The old one-object Store over an adapter, each call forwarded to its competition's port:
 * a bridge while callers move to CompetitionStores.
 */
export function unscopedStore(adapter: StoreAdapter): Store {
  const methods = Object.fromEntries(
    Object.entries(PORT_OF).map(([method, port]) => [
      method,
      (competition: string, ...args: unknown[]) => {
        const target = adapter.competition(competition)[port] as unknown as Record<
          string,
          (...a: unknown[]) => unknown
        >;
        return target[method]?.(...args);
      },
    ]),
  );
  return { ...methods, competition: adapter.competition } as unknown as Store;
}
