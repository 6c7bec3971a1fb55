import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { LEASE_MS, SHEET_WORK_BUDGET_MS } from '../../functions/scores/sheet-needed.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { seedInnovations, sheetEnvsClosedAfterEach } from '../sheets/helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

describe('one sync’s time with Google is capped below its lease', () => {
  it('leaves the lease a margin for saving the record', () => {
    expect(SHEET_WORK_BUDGET_MS).toBeLessThanOrEqual(LEASE_MS - 60_000);
  });

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
    const failed = await env.store.lastSync(env.services.competition.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.message).toContain('batas waktu');
    expect(failed?.message).not.toMatch(/AbortError|TimeoutError|signal/);

    env.server.faults.clear();
    expect((await runSync(env.services, { trigger: 'cli' })).status).toBe('written');
  });
});
