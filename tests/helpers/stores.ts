import { storeAdapter, unscopedStore } from '../../infra/store-adapter.ts';
import type { CompetitionStores, Store } from '../../shared/ports.ts';

/**
 * The store with some ports replaced for every competition (a test watching or failing a call):
 * `override` gets the competition's real ports and answers the ones to use instead.
 */
export function withPorts(
  store: Store,
  override: (real: CompetitionStores) => Partial<CompetitionStores>,
): Store {
  return unscopedStore(
    storeAdapter((id) => {
      const real = store.competition(id);
      return { ...real, ...override(real) };
    }),
  );
}
