import { Hono } from 'hono';
import type { AppEnv } from '../compose/services.ts';
import { adminAuth } from '../http/auth.ts';
import { intakeAdminRoutes } from '../intake/admin-routes.ts';
import { rankingsRoutes } from '../rankings/routes.ts';
import { scoresRoutes } from '../scores/routes.ts';

/** Everything under /admin: the secretariat's API, behind one bearer-token check. */
export const adminRoutes = new Hono<AppEnv>();

adminRoutes.use(adminAuth());
adminRoutes.route('/', intakeAdminRoutes);
adminRoutes.route('/', scoresRoutes);
adminRoutes.route('/', rankingsRoutes);
