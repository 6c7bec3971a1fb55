import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStopping } from '../../functions/compose/stopping.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import {
  LEASE_MS,
  RENEW_EVERY_MS,
  SHEET_WORK_BUDGET_MS,
  withSheetLease,
} from '../../functions/scores/sheet-needed.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { SYNC_LEASE } from '../../shared/ports.ts';
import { fixedClock, testServices } from '../helpers/services.ts';
import { seedInnovations, sheetEnvsClosedAfterEach } from '../sheets/helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

describe('the sheet lease: short, renewed while the work runs, freed on a clean stop', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Work under the lease that runs until the test ends it; the clock and the timers are the test's. */
  function leaseRig() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const clock = fixedClock('2024-11-01T08:00:00Z');
    const store = openSqliteStore(':memory:');
    const stopping = createStopping();
    const services = testServices({ store, clock, stopping });
    const cid = services.competition.id;
    let finish: () => void = () => undefined;
    let seen: AbortSignal | undefined;
    const running = withSheetLease(services, 'test', (signal) => {
      seen = signal;
      return new Promise<string>((done, fail) => {
        finish = () => done('finished');
        signal.addEventListener('abort', () => fail(signal.reason), { once: true });
      });
    });
    running.catch(() => undefined);
    /** Moves the clock and the timers on together. */
    const pass = async (ms: number) => {
      clock.set(new Date(clock.now().getTime() + ms).toISOString());
      await vi.advanceTimersByTimeAsync(ms);
    };
    const otherTakes = () => {
      const now = clock.now();
      return store
        .competition(cid)
        .leases.acquireLease(SYNC_LEASE, 'other', now, new Date(now.getTime() + LEASE_MS));
    };
    return { store, cid, stopping, running, pass, otherTakes, finish: () => finish(), signal: () => seen };
  }

  it('is short, and the budget for Google is kept by renewing it, not by a long lease', () => {
    expect(LEASE_MS).toBeLessThanOrEqual(60_000);
    expect(RENEW_EVERY_MS).toBeLessThanOrEqual(LEASE_MS / 2);
    expect(SHEET_WORK_BUDGET_MS).toBe(8 * 60_000);
  });

  it('stays held for work that runs many lease lengths, and is free once the work ends', async () => {
    const rig = leaseRig();
    await rig.pass(0);
    for (let n = 0; n < 10; n++) {
      await rig.pass(RENEW_EVERY_MS);
      expect(await rig.otherTakes()).toBe(false);
    }
    rig.finish();
    expect(await rig.running).toBe('finished');
    expect(await rig.otherTakes()).toBe(true);
  });

  it('stops the work when another holder took the lease while this process stalled', async () => {
    const rig = leaseRig();
    await rig.pass(0);
    // The process stalls past the lease (no renewal ran), another sync takes the sheet, then it wakes.
    const stalled = new Date(Date.parse('2024-11-01T08:00:00Z') + 2 * LEASE_MS);
    const later = new Date(stalled.getTime() + LEASE_MS);
    expect(
      await rig.store.competition(rig.cid).leases.acquireLease(SYNC_LEASE, 'other', stalled, later),
    ).toBe(true);
    await rig.pass(RENEW_EVERY_MS);
    await expect(rig.running).rejects.toMatchObject({ code: 'busy' });
    expect(rig.signal()?.aborted).toBe(true);
  });

  it('ends the work and frees the lease on a clean stop, before the stop resolves', async () => {
    const rig = leaseRig();
    await rig.pass(0);
    expect(await rig.otherTakes()).toBe(false);
    await rig.stopping.stop();
    await expect(rig.running).rejects.toMatchObject({ code: 'sheet_unavailable' });
    expect(rig.signal()?.reason?.message).toMatch(/stopping/);
    expect(await rig.otherTakes()).toBe(true);
  });
});

describe('one sync’s time with Google is capped', () => {
  it('gives up when the budget runs out, however patient the retries, records why, and frees the lease', async () => {
    const env = await startEnv();
    await seedInnovations(env, 5);
    await provisionSheet(env.services);
    // Google answers every request with 429 and Retry-After: 30 s, or not at all.
    env.server.faults.random({
      rate: 1,
      seed: 11,
      kinds: [
        { kind: 'quota', retryAfterSeconds: 30 },
        { kind: 'slow', ms: 20_000 },
      ],
    });
    const patient = { ...env.services };
    await expect(runSync(patient, { trigger: 'cli', budgetMs: 300 })).rejects.toMatchObject({
      code: 'sheet_unavailable',
    });
    const failed = await env.store.competition(env.services.competition.id).syncLog.lastSync();
    expect(failed?.status).toBe('failed');
    expect(failed?.message).toContain('batas waktu');
    expect(failed?.message).not.toMatch(/AbortError|TimeoutError|signal/);

    env.server.faults.clear();
    expect((await runSync(env.services, { trigger: 'cli' })).status).toBe('written');
  });
});
