import { Hono } from 'hono';
import { resultFor } from '../../shared/domain/ranking.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { AppEnv } from '../compose/services.ts';

/** The secretariat's view of the last sync's rankings, in full (audit trail included); mounted under /admin. */
export const rankingsRoutes = new Hono<AppEnv>();

rankingsRoutes.get('/rankings/:stage', async (c) => {
  const { stores } = c.get('services');
  const sync = await stores.syncLog.lastSync();
  if (!sync?.result) {
    throw new AppError('not_found', bilingual('error.noSyncYet'));
  }
  const stage = resultFor(sync.result, c.req.param('stage'));
  if (!stage) {
    throw new AppError('not_found', bilingual('error.unknownStage'));
  }
  return c.json({ syncedAt: sync.finishedAt, ...stage });
});
