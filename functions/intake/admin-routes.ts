import { Hono } from 'hono';
import type { AppEnv } from '../compose/services.ts';

/** What intake took in and turned away, for the secretariat (mounted under /admin). */
export const intakeAdminRoutes = new Hono<AppEnv>();

intakeAdminRoutes.get('/rejections', async (c) => {
  const { competition, stores } = c.get('services');
  return c.json({ competition: competition.id, rejections: await stores.archive.listRejections() });
});

intakeAdminRoutes.get('/innovations', async (c) => {
  const { competition, stores } = c.get('services');
  return c.json({ competition: competition.id, innovations: await stores.innovations.listInnovations() });
});

/** The versions an edit of the Form response replaced, oldest first. */
intakeAdminRoutes.get('/innovations/:responseId/history', async (c) => {
  const { stores } = c.get('services');
  const responseId = c.req.param('responseId');
  return c.json({ responseId, history: await stores.innovations.innovationHistory(responseId) });
});
