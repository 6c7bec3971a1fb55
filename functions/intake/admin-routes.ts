import { Hono } from 'hono';
import type { AppEnv } from '../compose/services.ts';

/** What intake took in and turned away, for the secretariat (mounted under /admin). */
export const intakeAdminRoutes = new Hono<AppEnv>();

intakeAdminRoutes.get('/rejections', async (c) => {
  const { competition, store } = c.get('services');
  return c.json({ competition: competition.id, rejections: await store.listRejections(competition.id) });
});

intakeAdminRoutes.get('/innovations', async (c) => {
  const { competition, store } = c.get('services');
  return c.json({ competition: competition.id, innovations: await store.listInnovations(competition.id) });
});

/** The versions an edit of the Form response replaced, oldest first. */
intakeAdminRoutes.get('/innovations/:responseId/history', async (c) => {
  const { competition, store } = c.get('services');
  const responseId = c.req.param('responseId');
  return c.json({ responseId, history: await store.innovationHistory(competition.id, responseId) });
});
