import { Hono } from 'hono';
import type { AppEnv } from '../compose/services.ts';
import { requireAdmin } from '../http/auth.ts';

/** Secretariat-only reads; each route carries requireAdmin so other /admin routes keep their own rules. */
export const adminRoutes = new Hono<AppEnv>();

adminRoutes.get('/admin/rejections', requireAdmin(), async (c) => {
  const { competition, store } = c.get('services');
  return c.json({ competition: competition.id, rejections: await store.listRejections(competition.id) });
});

adminRoutes.get('/admin/innovations', requireAdmin(), async (c) => {
  const { competition, store } = c.get('services');
  return c.json({ competition: competition.id, innovations: await store.listInnovations(competition.id) });
});
