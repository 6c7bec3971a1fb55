import { afterAll, beforeAll, describe } from 'vitest';
import type { StoreAdapter } from '../../shared/ports.ts';
import { describeArchiveContract } from './ports/archive.ts';
import { describeChangeLogContract } from './ports/change-log.ts';
import { describeCursorsContract } from './ports/cursors.ts';
import { describeInnovationsContract } from './ports/innovations.ts';
import { describeLeasesContract } from './ports/leases.ts';
import { describeLifecycleContract } from './ports/lifecycle.ts';
import { describePublicResponsesContract } from './ports/public-responses.ts';
import { describeRecordsContract } from './ports/records.ts';
import { describeSessionsContract } from './ports/sessions.ts';
import { describeSignInContract } from './ports/sign-in.ts';
import { describeSyncLogContract } from './ports/sync-log.ts';

export type OpenStore = () => Promise<{ store: StoreAdapter; close(): Promise<void> }>;

/**
 * The behaviour every StoreAdapter must have, one suite per port (`ports/<port>.ts`). Each test uses its
 * own competition id, so adapters that share one backend (the emulator) stay isolated without clearing
 * it. The sync head (SyncLog's head, stamps and inputs) has its own suite: sync-head-contract.ts.
 */
export function describeStoreContract(name: string, open: OpenStore) {
  describe(`StoreAdapter contract: ${name}`, () => {
    let store: StoreAdapter;
    let close: () => Promise<void> = async () => {};

    beforeAll(async () => {
      const opened = await open();
      store = opened.store;
      close = opened.close;
    });
    afterAll(async () => close());

    const stores = (competition: string) => store.competition(competition);
    describeArchiveContract(stores);
    describeInnovationsContract(stores);
    describeSyncLogContract(stores);
    describeSessionsContract(stores);
    describeSignInContract(stores);
    describeLeasesContract(stores);
    describeRecordsContract(stores);
    describeChangeLogContract(stores);
    describePublicResponsesContract(stores);
    describeLifecycleContract(stores);
    describeCursorsContract(stores);
  });
}
