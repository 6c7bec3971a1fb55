import { Hono } from 'hono';
import type { SyncRecord } from '../../shared/ports.ts';
import type { AppEnv } from '../compose/services.ts';
import { provisionSheet } from './provision.ts';
import { runSync } from './sync.ts';

/** The secretariat's manual triggers (mounted under /admin): a sync now, and (re-)provisioning the juror tabs. */
export const scoresRoutes = new Hono<AppEnv>();

scoresRoutes.post('/sync', async (c) => {
  const services = c.get('services');
  const record = await runSync(services, { trigger: 'manual' });
  // An unchanged sync reads no more than it needs, so its record has no progress: the last full one has.
  const progress = record.progress ?? (await services.stores.syncLog.lastSync())?.progress;
  return c.json(summary({ ...record, ...(progress ? { progress } : {}) }));
});

/** The last sync as the dashboard sees it (a scheduled one included): what it did, and when. */
scoresRoutes.get('/sync', async (c) => {
  const { stores } = c.get('services');
  const last = await stores.syncLog.lastSync();
  return c.json({ sync: last ? summary(last) : null });
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
