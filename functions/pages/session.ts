import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../../shared/errors.ts';
import type { AppEnv } from '../compose/services.ts';
import { hmacSha256Hex, timingSafeEqualText } from '../http/crypto.ts';

/** Long enough for a working session, short enough that a forgotten browser does not stay signed in. */
export const SESSION_HOURS = 4;
const COOKIE = 'juri_sesi';

/**
 * Behind a TLS-terminating proxy (Cloud Functions, Cloud Run) the app sees http, so the
 * forwarded scheme counts too. A forged header can only make the cookie Secure, never weaker.
 */
function isHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** The signing key is derived from the admin token: rotating the token ends every session. */
async function sessionKey(adminToken: string): Promise<string> {
  return hmacSha256Hex(adminToken, 'juri/sekretariat/session/v1');
}

export async function checkAdminToken(c: Context<AppEnv>, given: string): Promise<boolean> {
  const expected = c.get('services').secrets.adminToken;
  return !!expected && (await timingSafeEqualText(given, expected));
}

export async function startSession(c: Context<AppEnv>): Promise<void> {
  const { secrets, clock } = c.get('services');
  if (!secrets.adminToken) return;
  const expires = clock.now().getTime() + SESSION_HOURS * 3_600_000;
  const https = isHttps(c);
  await setSignedCookie(c, COOKIE, `v1.${expires}`, await sessionKey(secrets.adminToken), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_HOURS * 3600,
    ...(https ? { prefix: 'host' as const, secure: true } : {}),
  });
}

export function endSession(c: Context<AppEnv>): void {
  deleteCookie(c, COOKIE, { path: '/', ...(isHttps(c) ? { prefix: 'host' as const, secure: true } : {}) });
}

/** True when the request carries an unexpired session cookie signed with the current key. */
export async function hasSession(c: Context<AppEnv>): Promise<boolean> {
  const { secrets, clock } = c.get('services');
  if (!secrets.adminToken) return false;
  const key = await sessionKey(secrets.adminToken);
  const value = await getSignedCookie(c, key, COOKIE, isHttps(c) ? 'host' : undefined);
  const match = typeof value === 'string' ? /^v1\.(\d+)$/.exec(value) : null;
  return !!match && Number(match[1]) > clock.now().getTime();
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
      throw new AppError('unauthorized', {
        id: 'Sesi sekretariat tidak ada atau sudah berakhir. Silakan masuk lagi.',
        en: 'No secretariat session, or it has expired. Please sign in again.',
      });
    }
    await next();
  };
}

/**
 * hono/csrf with an Origin check by host: behind a proxy the app may see http while the
 * browser's Origin says https, but a cross-site form can never carry this site's host.
 */
export function sameOrigin(): MiddlewareHandler<AppEnv> {
  const check = csrf({
    origin: (origin, c) => {
      try {
        return new URL(origin).host === new URL(c.req.url).host;
      } catch {
        return false;
      }
    },
  });
  return async (c, next) => {
    try {
      await check(c, next);
    } catch (err) {
      if (err instanceof HTTPException && err.status === 403) {
        throw new AppError('forbidden', {
          id: 'Permintaan ditolak: formulir harus dikirim dari halaman juri sendiri.',
          en: 'Request refused: the form must be sent from juri’s own page.',
        });
      }
      throw err;
    }
  };
}
