import { storeAdapter } from '../../infra/store-adapter.ts';
import type { CompetitionStores, StoreAdapter } from '../../shared/ports.ts';

/**
 * The store with some ports replaced for every competition (a test watching or failing a call):
 * `override` gets the competition's real ports and answers the ones to use instead.
 */
export function withPorts(
  store: StoreAdapter,
  override: (real: CompetitionStores) => Partial<CompetitionStores>,
): StoreAdapter {
  return storeAdapter((id) => {
    const real = store.competition(id);
    return { ...real, ...override(real) };
  });
}
