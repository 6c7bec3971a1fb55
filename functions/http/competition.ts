import type { Context, MiddlewareHandler } from 'hono';
import { getPath } from 'hono/utils/url';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { assertWritable, chooseCompetition, findCompetition } from '../compose/deployment.ts';
import type { AppEnv, Deployment, Services } from '../compose/services.ts';

/**
 * The surfaces whose paths do not name the competition themselves: under several competitions they are
 * reached as `/<competition id>/sekretariat…`, and without the id they serve the default competition.
 */
const SCOPED_ROOTS: ReadonlySet<string> = new Set(['sekretariat', 'daftar', 'admin', 'intake']);
/** The public paths that carry the id as their second segment: `/pengumuman/<id>`, `/inovasi/<id>`. */
const NAMED = /^\/(?:api\/)?(?:pengumuman|inovasi)\/([^/]+)/;
/** A secretariat signs in and out whatever the competition's state. */
const SIGN_IN_PATHS: ReadonlySet<string> = new Set(['/sekretariat/masuk', '/sekretariat/keluar']);
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `/<id>/sekretariat/hasil` → the id and `/sekretariat/hasil`; undefined for any other path. */
export function competitionPrefix(path: string): { id: string; rest: string } | undefined {
  const match = /^\/([^/]+)(\/([^/]+).*)$/.exec(path);
  if (!match?.[1] || !match[2] || !SCOPED_ROOTS.has(match[3] ?? '') || SCOPED_ROOTS.has(match[1])) return;
  return { id: decodeURIComponent(match[1]), rest: match[2] };
}

/** The app's routing path: a competition prefix is routed as the path without it. */
export function routingPath(request: Request): string {
  const path = getPath(request);
  return competitionPrefix(path)?.rest ?? path;
}

/**
 * The composition middleware: builds (or reuses) the deployment, then binds the request's competition:
 * the one its path names (`/<id>/sekretariat…`, `/pengumuman/<id>`, `/inovasi/<id>`), else the default.
 * A write to a competition that is over is refused here, once for every route.
 */
export function competitionServices(
  resolve: (env: unknown) => Services | Deployment | Promise<Services | Deployment>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const resolved = await resolve(c.env);
    const deployment: Deployment = isDeployment(resolved) ? resolved : [resolved];
    const prefix = competitionPrefix(getPath(c.req.raw));
    if (prefix && !findCompetition(deployment, prefix.id)) {
      throw new AppError('not_found', bilingual('competitionNotFound'));
    }
    const named = prefix?.id ?? namedId(c.req.path, deployment);
    const chosen = await chooseCompetition(deployment, named);
    c.set('deployment', deployment);
    c.set('services', withDeploymentSessions(deployment, chosen));
    if (!SAFE_METHODS.has(c.req.method) && !SIGN_IN_PATHS.has(c.req.path)) {
      await assertWritable(deployment, chosen);
    }
    await next();
    if (prefix) await keepPrefix(c, `/${encodeURIComponent(prefix.id)}`);
  };
}

function isDeployment(resolved: Services | Deployment): resolved is Deployment {
  return Array.isArray(resolved);
}

/** A public path's id when the deployment holds it; an unknown one is left to the route's own 404. */
function namedId(path: string, deployment: Deployment): string | undefined {
  const id = NAMED.exec(path)?.[1];
  const decoded = id === undefined ? undefined : safeDecode(id);
  return decoded !== undefined && findCompetition(deployment, decoded) ? decoded : undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * One sign-in for the whole deployment: the secretariat's sessions and sign-in attempts are kept with
 * the first competition of the config, so switching competition keeps the session.
 */
function withDeploymentSessions(deployment: Deployment, chosen: Services): Services {
  const home = deployment[0];
  if (!home || home === chosen) return chosen;
  return {
    ...chosen,
    stores: { ...chosen.stores, sessions: home.stores.sessions, signIn: home.stores.signIn },
  };
}

/** Our own addresses in a page or a redirect: `/sekretariat…` and `/daftar…`, as attributes write them. */
const OWN_LINK = /(\s(?:href|action)=")(\/(?:sekretariat|daftar)(?=[/?#"]))/g;

/**
 * The pages write their own addresses from the root (`/sekretariat/hasil`); reached under a competition
 * prefix, their links, forms and redirects keep it, so a person stays in the competition they opened.
 */
async function keepPrefix(c: Context<AppEnv>, prefix: string): Promise<void> {
  const location = c.res.headers.get('location');
  if (location && /^\/(?:sekretariat|daftar)(?=[/?#]|$)/.test(location)) {
    c.res.headers.set('location', `${prefix}${location}`);
  }
  if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
  const html = await c.res.text();
  c.res = new Response(html.replace(OWN_LINK, `$1${prefix}$2`), c.res);
}
