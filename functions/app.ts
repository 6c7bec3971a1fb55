import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { AppError } from '../shared/errors.ts';
import { bilingual } from '../shared/messages/catalogue/t.ts';
import { adminRoutes } from './admin/routes.ts';
import { announceRoutes } from './announce/routes.ts';
import type { AppEnv, Deployment, Services } from './compose/services.ts';
import { limitBody } from './http/body-size.ts';
import { competitionServices, routingPath } from './http/competition.ts';
import { language } from './http/context.ts';
import { errorResponse } from './http/errors.ts';
import { allowedHostsOnly } from './http/host-check.ts';
import { intakeRoutes } from './intake/routes.ts';
import { sameOrigin } from './pages/console/session.ts';
import { pagesRoutes } from './pages/routes.tsx';

const PAGE_BODY_BYTES = 64 * 1024;

/**
 * The whole HTTP surface; each runtime passes in how it builds the services: one competition's, or the
 * deployment's list. A path under a competition prefix (`/<id>/sekretariat`) is routed without it.
 */
export function createApp(resolve: (env: unknown) => Services | Deployment | Promise<Services | Deployment>) {
  const app = new Hono<AppEnv>({ getPath: routingPath });
  // Every answer, errors and JSON included, is what its Content-Type says, never sniffed into a page.
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
  });
  app.use(requestId({ headerName: 'x-request-id' }));
  // "/sekretariat/" typed by hand finds nothing: send it on to the page without the slash.
  app.use(trimTrailingSlash());
  app.use(language());
  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => errorResponse(c, new AppError('not_found', bilingual('error.pageNotFound'))));
  // Machines sign their requests (intake: HMAC or OIDC; /admin: bearer); everything else is a browser's.
  const ownPagesOnly = sameOrigin();
  // A sign-in or a button press is a few bytes; intake sets its own, larger limit.
  const smallBody = limitBody(PAGE_BODY_BYTES);
  app.use((c, next) => (isMachineRoute(c.req.path) ? next() : ownPagesOnly(c, next)));
  app.use((c, next) => (c.req.path.startsWith('/intake/') ? next() : smallBody(c, next)));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.use(competitionServices(resolve));
  app.use(allowedHostsOnly());
  app.route('/', intakeRoutes);
  app.route('/', announceRoutes);
  app.route('/admin', adminRoutes);
  app.route('/', pagesRoutes);
  return app;
}

export type App = ReturnType<typeof createApp>;

function isMachineRoute(path: string): boolean {
  return path.startsWith('/intake/') || path === '/admin' || path.startsWith('/admin/');
}
