import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { EMULATOR_DEADLINE, emulatorFirestore } from '../setup/firestore-emulator.ts';
import { scoreFor, sheetEnvsClosedAfterEach, submission, typeScores } from './helpers.ts';

/**
 * On Firestore a sync reads the last record without its result (the next sync does not need it); a sync
 * that fails after that read must still carry the last result forward, whole.
 */
describe('a sync on Firestore that fails at its publish', () => {
  const startEnv = sheetEnvsClosedAfterEach();

  it('records the failure with the last result, as the last written sync saved it', async () => {
    const env = await startEnv();
    const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-failed-${Date.now()}`);
    onTestFinished(() => db.terminate());
    const stores = createFirestoreStore(db, EMULATOR_DEADLINE).competition(env.services.competition.id);
    const services = { ...env.services, stores };
    for (let n = 1; n <= 4; n++) {
      await stores.innovations.upsertInnovation(submission(n), (k) => innovationNumber(2024, k));
    }
    await provisionSheet(services);
    await typeScores(env, scoreFor, 'desk');
    await runSync(services, { trigger: 'cli' });
    const good = await stores.syncLog.lastSync();
    expect(good?.status).toBe('written');
    expect(good?.result).toBeDefined();

    await typeScores(
      env,
      (s, j, i, c) => (j === 'j1' && i === 'INOV-2024-001' && c === 0 ? '1' : scoreFor(s, j, i, c)),
      'desk',
    );
    // The read answers; every write after it fails.
    env.server.faults.script([
      null,
      ...Array.from({ length: 40 }, () => ({ kind: 'error', status: 503 }) as const),
    ]);
    await expect(runSync(services, { trigger: 'scheduled' })).rejects.toMatchObject({
      code: 'sheet_unavailable',
    });
    env.server.faults.clear();
    const failed = await stores.syncLog.lastSync();
    expect(failed?.status).toBe('failed');
    expect(failed?.result).toEqual(good?.result);
  });
});
