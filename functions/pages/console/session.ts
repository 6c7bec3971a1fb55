import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { AppError } from '../../../shared/errors.ts';
import { bilingual } from '../../../shared/messages/catalogue/t.ts';
import type { AppEnv } from '../../compose/services.ts';
import { hmacSha256Hex, timingSafeEqualText } from '../../http/crypto.ts';
import { isHttps, rememberDevice } from '../../http/known-device.ts';

/** Long enough for a working session, short enough that a forgotten browser does not stay signed in. */
export const SESSION_HOURS = 4;
const COOKIE = 'juri_sesi';

/** The signing key is derived from the admin token: rotating the token ends every session. */
async function sessionKey(adminToken: string): Promise<string> {
  return hmacSha256Hex(adminToken, 'juri/sekretariat/session/v1');
}

export async function checkAdminToken(c: Context<AppEnv>, given: string): Promise<boolean> {
  const expected = c.get('services').secrets.adminToken;
  return !!expected && (await timingSafeEqualText(given, expected));
}

/**
 * Each session has a random id recorded in the store, so that signing out can end it for good. The
 * browser is remembered as the secretariat's (functions/http/known-device.ts) for later sign-ins.
 */
export async function startSession(c: Context<AppEnv>): Promise<void> {
  const { secrets, clock, stores } = c.get('services');
  if (!secrets.adminToken) return;
  const id = crypto.randomUUID();
  const expires = clock.now().getTime() + SESSION_HOURS * 3_600_000;
  await stores.sessions.createSession(id, new Date(expires));
  const https = isHttps(c);
  await setSignedCookie(c, COOKIE, `v2.${id}.${expires}`, await sessionKey(secrets.adminToken), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_HOURS * 3600,
    ...(https ? { prefix: 'host' as const, secure: true } : {}),
  });
  await rememberDevice(c);
}

/** Revokes the session in the store (a copied cookie stops working too) and clears the cookie. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const session = await readSession(c);
  if (session) {
    const { stores } = c.get('services');
    await stores.sessions.revokeSession(session.id);
  }
  deleteCookie(c, COOKIE, { path: '/', ...(isHttps(c) ? { prefix: 'host' as const, secure: true } : {}) });
}

/** The session the cookie names, when its signature holds with the current key and it has not expired. */
async function readSession(c: Context<AppEnv>): Promise<{ id: string } | null> {
  const { secrets, clock } = c.get('services');
  if (!secrets.adminToken) return null;
  const key = await sessionKey(secrets.adminToken);
  const value = await getSignedCookie(c, key, COOKIE, isHttps(c) ? 'host' : undefined);
  const match = typeof value === 'string' ? /^v2\.([0-9a-f-]{36})\.(\d+)$/.exec(value) : null;
  if (!match?.[1] || Number(match[2]) <= clock.now().getTime()) return null;
  return { id: match[1] };
}

/** True when the request carries a signed, unexpired session cookie whose session the store still holds. */
export async function hasSession(c: Context<AppEnv>): Promise<boolean> {
  const session = await readSession(c);
  if (!session) return false;
  const { stores, clock } = c.get('services');
  return stores.sessions.sessionActive(session.id, clock.now());
}

/** GET pages: without a session, go to the sign-in form. */
export function requireSessionPage(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await hasSession(c))) return c.redirect('/sekretariat/masuk', 303);
    await next();
  };
}

/** State-changing POSTs: refuse outright without a session. */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await hasSession(c))) {
      throw new AppError('unauthorized', bilingual('error.noSession'));
    }
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must come from juri's own pages, whatever its content type (a JSON
 * or text/plain POST carries the session cookie as well as a form does): Sec-Fetch-Site says
 * same-origin, or the Origin header names this host. By host, because behind a proxy the app may see
 * http while the browser's Origin says https, but a cross-site page can never carry this site's host.
 * Without either header the request is refused: every browser juri supports sends one on a POST.
 */
export function sameOrigin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !fromOwnPage(c)) {
      throw new AppError('forbidden', bilingual('error.crossSiteForm'));
    }
    await next();
  };
}

function fromOwnPage(c: Context<AppEnv>): boolean {
  if (c.req.header('sec-fetch-site') === 'same-origin') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}
