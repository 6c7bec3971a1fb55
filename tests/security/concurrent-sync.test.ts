import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { scheduledSync } from '../../functions/scores/sync.ts';
import { createFirestoreRestStore } from '../../infra/firestore/rest-store.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import type { StoreAdapter } from '../../shared/ports.ts';
import { scoreFor, sheetEnvsClosedAfterEach, submission, typeScores } from '../sheets/helpers.ts';
import { ADMIN } from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

const stores: [string, (sqlite: StoreAdapter) => StoreAdapter][] = [
  ['SQLite', (sqlite) => sqlite],
  [
    'Firestore (REST, emulator)',
    () =>
      createFirestoreRestStore({
        projectId: `juri-race-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        rootUrl: inject('firestoreRestUrl'),
        getAccessToken: async () => 'test-access-token',
      }),
  ],
];

describe('a cron sync and a manual sync that start at the same moment', () => {
  it.each(stores)('run one at a time on %s: one syncs, the other is told busy', async (_, storeFor) => {
    const env = await startEnv();
    const store = storeFor(env.store);
    const services = { ...env.services, stores: store.competition(env.services.competition.id) };
    for (let n = 1; n <= 12; n++) {
      await store
        .competition(services.competition.id)
        .innovations.upsertInnovation(submission(n), (k) => innovationNumber(2024, k));
    }
    await provisionSheet(services);
    await typeScores(env, scoreFor, 'desk');
    const app = createApp(() => services);

    const [cron, manual] = await Promise.all([
      scheduledSync(services),
      app.request('/admin/sync', { method: 'POST', headers: ADMIN }),
    ]);
    if (manual.status === 200) {
      expect(cron).toBeNull();
    } else {
      expect(manual.status).toBe(409);
      expect((await manual.json()).error.code).toBe('busy');
      expect(cron?.status).toBe('written');
    }
    // One record, the first of the sequence: nothing ran twice.
    expect((await store.competition(services.competition.id).syncLog.lastSync())?.sequence).toBe(1);
    // And the sheet is free again for the next one.
    expect((await app.request('/admin/sync', { method: 'POST', headers: ADMIN })).status).toBe(200);
  });
});
