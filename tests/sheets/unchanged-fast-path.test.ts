import { describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import type { CompetitionStores } from '../../shared/ports.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import {
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  submission,
  typeScores,
  visible,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

/** The store calls a sync makes, by name, so a test can see what it read. */
function watched(services: Services): { services: Services; calls: string[] } {
  const calls: string[] = [];
  const recorded = (port: object) =>
    new Proxy(port, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const stores = Object.fromEntries(
    Object.entries(services.stores).map(([name, port]) => [name, recorded(port)]),
  ) as unknown as CompetitionStores;
  return { services: { ...services, stores }, calls };
}

async function judged(opts: { selection?: boolean } = {}) {
  const { selection, ...withoutSelection } = loadNtt2024();
  const env = await startEnv(
    opts.selection === false ? withoutSelection : { ...withoutSelection, selection },
  );
  await seedInnovations(env, 6);
  await provisionSheet(env.services);
  await typeScores(env, scoreFor, 'desk');
  return env;
}

describe('an unchanged sync is settled from the head and the read’s hash', () => {
  it('written → unchanged from the hash alone, at once (the publish’s own bookkeeping is not an input)', async () => {
    const env = await judged({ selection: false });
    expect((await runSync(env.services, { trigger: 'scheduled' })).status).toBe('written');
    const fast = watched(env.services);
    const record = await runSync(fast.services, { trigger: 'scheduled' });
    expect(record.status).toBe('unchanged');
    expect(record.requests).toEqual({ reads: 1, writes: 0 });
    // The lease, the head, the one write that moves it: nothing listed, no record read or copied.
    expect(fast.calls.sort()).toEqual(['acquireLease', 'releaseLease', 'saveUnchanged', 'syncHead']);
    // The dashboard still finds the last result, with the unchanged sync's time and status.
    const last = await env.store.competition(env.services.competition.id).syncLog.lastSync();
    expect(last?.id).toBe(record.id);
    expect(last?.status).toBe('unchanged');
    expect(last?.result?.stages.length).toBeGreaterThan(0);
  });

  it('with a "Seleksi" tab: the read that first includes it is parsed once, then the hash settles it', async () => {
    const env = await judged();
    expect((await runSync(env.services, { trigger: 'scheduled' })).status).toBe('written');
    const parsed = watched(env.services);
    expect((await runSync(parsed.services, { trigger: 'scheduled' })).status).toBe('unchanged');
    expect(parsed.calls).toContain('syncInputs');
    const fast = watched(env.services);
    expect((await runSync(fast.services, { trigger: 'scheduled' })).status).toBe('unchanged');
    expect(fast.calls).not.toContain('syncInputs');
  });

  it('a new submission or a changed score is never missed by the fast path', async () => {
    const env = await judged();
    await runSync(env.services, { trigger: 'scheduled' });
    await runSync(env.services, { trigger: 'scheduled' });
    // A new innovation arrives (intake): the store's stamp moves, so the same sheet bytes no longer settle it.
    await env.store
      .competition(env.services.competition.id)
      .innovations.upsertInnovation(submission(7), (n) => `KY-${n}`);
    const afterIntake = watched(env.services);
    await runSync(afterIntake.services, { trigger: 'scheduled' });
    expect(afterIntake.calls).toContain('syncInputs');
    await runSync(env.services, { trigger: 'scheduled' });
    // A juror edits one score: the bytes differ, the sync writes.
    await typeScores(env, (s, j, i, c) => (c === 0 ? 77 : scoreFor(s, j, i, c)), 'desk');
    expect((await runSync(env.services, { trigger: 'scheduled' })).status).toBe('written');
  });
});

describe('the fairness report is computed by a person’s sync and carried by the cron', () => {
  it('a scheduled sync carries the last report and the tabs and pages say it is from an earlier sync', async () => {
    const env = await judged();
    const manual = await runSync(env.services, { trigger: 'manual' });
    expect(manual.fairness).toBeDefined();
    expect(manual.fairnessOf).toEqual({ sync: manual.id, at: manual.startedAt, inputHash: manual.inputHash });
    await typeScores(env, (s, j, i, c) => (c === 0 ? 77 : scoreFor(s, j, i, c)), 'desk');
    const cron = await runSync(env.services, { trigger: 'scheduled' });
    expect(cron.status).toBe('written');
    expect(cron.fairness).toEqual(manual.fairness);
    expect(cron.fairnessOf?.sync).toBe(manual.id);
    const tabs = visible((await env.server.snapshot()) ?? []);
    const method = tabs.find((t) => t.title.startsWith('» Uji Metode'));
    expect(method?.values.flat().join(' ')).toContain(`Analisis ini dihitung pada sinkronisasi ${manual.id}`);
    // The next person's sync computes it again for the current scores, and the note goes.
    const again = await runSync(env.services, { trigger: 'manual', fairness: true });
    expect(again.fairnessOf?.inputHash).toBe(again.inputHash);
  });
});
