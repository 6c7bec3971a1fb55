import { describe, expect, it } from 'vitest';
import { publicAnnouncement } from '../../functions/announce/routes.ts';
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
    const good = await store.lastSync(services.competition.id);
    expect(good?.status).toBe('written');
    const announced = { ...services, clock: fixedClock('2024-12-20T10:00:00+08:00') };
    expect((await publicAnnouncement(announced, services.competition.id, 'id')).status).toBe('announced');

    // Google keeps failing: the cron's sync fails…
    env.server.faults.random({ rate: 1, seed: 7, kinds: [{ kind: 'error', status: 503 }] });
    await expect(runSync(services, { trigger: 'scheduled' })).rejects.toMatchObject({
      code: 'sheet_unavailable',
    });

    // …and is recorded as failed, with its reason, while the last good result stays readable.
    const failed = await store.lastSync(services.competition.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.message).toMatch(/Sheet|Google/);
    expect(failed?.result).toEqual(good?.result);
    expect((await publicAnnouncement(announced, services.competition.id, 'id')).status).toBe('announced');

    // Once Google answers again, the next sync writes (a failed record never counts as "unchanged").
    env.server.faults.clear();
    expect((await runSync(services, { trigger: 'scheduled' })).status).toBe('written');
  });

  it('stops the scheduled sync once the winners are announced; a person can still sync by hand', async () => {
    const env = await startEnv();
    const judging = env.services;
    await seedInnovations(env, 24);
    for (const stage of judging.competition.stages) {
      await provisionSheet(judging);
      await typeScores(env, scoreFor, stage.id);
      await runSync(judging, { trigger: 'cli' });
    }
    const before = await env.store.lastSync(judging.competition.id);
    // A late edit after the ceremony…
    await typeScores(env, (s, j, i, c) => (c === 0 ? 1 : scoreFor(s, j, i, c)), 'interview');
    const ceremony = { ...judging, clock: fixedClock('2024-12-20T10:00:00+08:00') };
    const writes = () => env.server.log.filter((l) => l.kind === 'write').length ?? 0;
    const written = writes();
    // …is not picked up by the cron: the announced result stays.
    expect(await scheduledSync(ceremony)).toBeNull();
    expect(writes()).toBe(written);
    expect((await env.store.lastSync(judging.competition.id))?.id).toBe(before?.id);
    // The secretariat decides: a manual sync takes the edit.
    expect((await runSync(ceremony, { trigger: 'manual' })).status).toBe('written');
  });
});
