import { describe, expect, it } from 'vitest';
import { publicAnnouncement } from '../../functions/announce/routes.ts';
import { fixResult } from '../../functions/results/fix.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync, scheduledSync } from '../../functions/scores/sync.ts';
import { fixedClock } from '../helpers/services.ts';
import { scoreFor, seedInnovations, sheetEnvsClosedAfterEach, typeScores } from '../sheets/helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

describe('a failed sync', () => {
  it('keeps the published rankings and the announcement, and says what went wrong', async () => {
    const env = await startEnv();
    const { services, store } = env;
    await seedInnovations(env, 24);
    for (const stage of services.competition.stages) {
      await provisionSheet(services);
      await typeScores(env, scoreFor, stage.id);
      await runSync(services, { trigger: 'cli' });
    }
    const good = await store.competition(services.competition.id).syncLog.lastSync();
    expect(good?.status).toBe('written');
    await fixResult(services, {});
    const announced = { ...services, clock: fixedClock('2024-12-20T10:00:00+08:00') };
    expect((await publicAnnouncement(announced, services.competition.id, 'id')).status).toBe('announced');

    // Google keeps failing: the cron's sync fails…
    env.server.faults.random({ rate: 1, seed: 7, kinds: [{ kind: 'error', status: 503 }] });
    await expect(runSync(services, { trigger: 'scheduled' })).rejects.toMatchObject({
      code: 'sheet_unavailable',
    });

    // …and is recorded as failed, with its reason, while the last good result stays readable.
    const failed = await store.competition(services.competition.id).syncLog.lastSync();
    expect(failed?.status).toBe('failed');
    expect(failed?.message).toMatch(/Sheet|Google/);
    expect(failed?.result).toEqual(good?.result);
    expect((await publicAnnouncement(announced, services.competition.id, 'id')).status).toBe('announced');

    // Once Google answers again, the next sync writes (a failed record never counts as "unchanged").
    env.server.faults.clear();
    expect((await runSync(services, { trigger: 'scheduled' })).status).toBe('written');
  });

  it('keeps the cron syncing after the announcement: the tabs follow the Sheet, the public page keeps the fixed version', async () => {
    const env = await startEnv();
    const judging = env.services;
    await seedInnovations(env, 24);
    for (const stage of judging.competition.stages) {
      await provisionSheet(judging);
      await typeScores(env, scoreFor, stage.id);
      await runSync(judging, { trigger: 'cli' });
    }
    const fixed = await fixResult(judging, {});
    const ceremony = { ...judging, clock: fixedClock('2024-12-20T10:00:00+08:00') };
    const before = await publicAnnouncement(ceremony, judging.competition.id, 'id');
    // A late edit after the ceremony…
    await typeScores(env, (s, j, i, c) => (c === 0 ? 1 : scoreFor(s, j, i, c)), 'interview');
    // …is picked up by the cron for the secretariat's tabs and the change log…
    const cron = await scheduledSync(ceremony);
    expect(cron?.status).toBe('written');
    const log = await env.store.competition(judging.competition.id).changeLog.listScoreChanges();
    const late = log.changes.filter((c) => c.syncId === cron?.id);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((c) => c.afterVersion === fixed.version && c.old !== '' && c.new === '1')).toBe(true);
    // …but the public page still shows the fixed version, unchanged.
    expect(await publicAnnouncement(ceremony, judging.competition.id, 'id')).toEqual(before);
    expect(before).toMatchObject({ status: 'announced', version: 1, hash: fixed.hash });
  });
});
