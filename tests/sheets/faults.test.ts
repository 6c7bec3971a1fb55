import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import type { TabSnapshot } from '../../infra/local-sheets/index.ts';
import { isAppError } from '../../shared/errors.ts';
import {
  type SheetEnv,
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  typeScores,
  visible,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

async function prepared(): Promise<SheetEnv> {
  const env = await startEnv();
  await seedInnovations(env, 20);
  await provisionSheet(env.services);
  await typeScores(env, scoreFor, 'desk');
  return env;
}

const byTitle = (tabs: TabSnapshot[]) => new Map(visible(tabs).map((t) => [t.title, t]));

describe('sync under injected faults', () => {
  it('reaches the same sheet as a fault-free run, and no tab is ever half written', async () => {
    const clean = await prepared();
    await runSync(clean.services, { trigger: 'cli' });
    const target = byTitle(await clean.server.snapshot());

    const faulty = await prepared();
    const before = byTitle(await faulty.server.snapshot());
    faulty.server.faults.random({ rate: 0.3, seed: 20241220 });
    let done = false;
    for (let attempt = 0; attempt < 30 && !done; attempt++) {
      try {
        const r = await runSync(faulty.services, { trigger: 'cli' });
        done = r.status === 'written' || r.status === 'unchanged';
      } catch (e) {
        expect(isAppError(e)).toBe(true);
      }
      // Every visible tab is either the old version or the new one, never a mix.
      for (const [title, tab] of byTitle(await faulty.server.snapshot())) {
        const old = before.get(title);
        const fresh = target.get(title);
        const whole = [old, fresh].some((v) => v && JSON.stringify(v.values) === JSON.stringify(tab.values));
        expect(whole, `tab ${title} is whole`).toBe(true);
      }
    }
    expect(done).toBe(true);
    expect(faulty.server.faults.injected()).toBeGreaterThan(0);
    faulty.server.faults.clear();
    expect(byTitle(await faulty.server.snapshot())).toEqual(target);
  });

  it('says clearly when the quota stays exhausted, and records the failed sync', async () => {
    const env = await prepared();
    env.server.faults.script(
      Array.from({ length: 10 }, () => ({ kind: 'quota' as const, retryAfterSeconds: 0 })),
    );
    const error = await runSync(env.services, { trigger: 'cli' }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('quota_exhausted');
    expect(isAppError(error) && error.messageIn('id')).toMatch(/Kuota Google Sheets API habis/);
    const last = await env.store.competition(env.services.competition.id).syncLog.lastSync();
    expect(last?.status).toBe('failed');
    expect(last?.message).toMatch(/Kuota/);
    // 429s were answered with Retry-After and retried: 7 attempts (1 + 6 retries).
    expect(env.server.log.filter((e) => e.fault === 'quota')).toHaveLength(7);
  });

  it('lets only one of two concurrent syncs run; the other is told it is busy', async () => {
    const env = await prepared();
    const results = await Promise.allSettled([
      runSync(env.services, { trigger: 'manual' }),
      runSync(env.services, { trigger: 'scheduled' }),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason;
    expect(isAppError(reason) && reason.code).toBe('busy');
    expect(isAppError(reason) && reason.messageIn('id')).toMatch(/Sinkronisasi lain sedang berjalan/);
  });
});
