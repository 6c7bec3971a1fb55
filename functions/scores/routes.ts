import { Hono } from 'hono';
import type { SyncRecord } from '../../shared/ports.ts';
import type { AppEnv } from '../compose/services.ts';
import { provisionSheet } from './provision.ts';
import { runSync } from './sync.ts';

/** The secretariat's manual triggers (mounted under /admin): a sync now, and (re-)provisioning the juror tabs. */
export const scoresRoutes = new Hono<AppEnv>();

scoresRoutes.post('/sync', async (c) => {
  const record = await runSync(c.get('services'), { trigger: 'manual' });
  return c.json(summary(record));
});

scoresRoutes.post('/sheet/setup', async (c) => {
  return c.json(await provisionSheet(c.get('services')));
});

/** The record without the full ranking (the pages read that from the store). */
function summary(r: SyncRecord) {
  return {
    id: r.id,
    status: r.status,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    inputHash: r.inputHash,
    requests: r.requests,
    progress: r.progress ?? [],
    ...(r.message ? { message: r.message } : {}),
  };
}
