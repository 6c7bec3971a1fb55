import type { Context } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '../compose/services.ts';
import { hmacSha256Hex } from './crypto.ts';

/**
 * A browser the secretariat has signed in from keeps a device cookie ("device cookies", OWASP): its
 * sign-in failures are counted on the device, not on the address. Guessers behind the same NAT as the
 * secretariat lock out the address, never a browser that proved it knows the token before. Only a
 * successful sign-in hands one out, and it is signed with a key derived from the admin token, so a
 * guesser can neither make one nor keep one past a rotated token.
 */
const COOKIE = 'juri_perangkat';
/** Long: the point is to be recognised months later, on the day of the announcement. */
export const DEVICE_DAYS = 180;

/**
 * Behind a TLS-terminating proxy (Cloud Functions, Cloud Run) the app sees http, so the
 * forwarded scheme counts too. A forged header can only make the cookie Secure, never weaker.
 */
export function isHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

async function deviceKey(adminToken: string): Promise<string> {
  return hmacSha256Hex(adminToken, 'juri/sekretariat/device/v1');
}

/** The device id the request's signed device cookie names, or null (no cookie, a forged one, a rotated token). */
export async function knownDevice(c: Context<AppEnv>): Promise<string | null> {
  const { adminToken } = c.get('services').secrets;
  if (!adminToken) return null;
  const value = await getSignedCookie(
    c,
    await deviceKey(adminToken),
    COOKIE,
    isHttps(c) ? 'host' : undefined,
  );
  const match = typeof value === 'string' ? /^v1\.([0-9a-f-]{36})$/.exec(value) : null;
  return match?.[1] ?? null;
}

/** After a successful sign-in: the browser keeps (or gets) its device cookie. */
export async function rememberDevice(c: Context<AppEnv>): Promise<void> {
  const { adminToken } = c.get('services').secrets;
  if (!adminToken) return;
  const id = (await knownDevice(c)) ?? crypto.randomUUID();
  const https = isHttps(c);
  await setSignedCookie(c, COOKIE, `v1.${id}`, await deviceKey(adminToken), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: DEVICE_DAYS * 86_400,
    ...(https ? { prefix: 'host' as const, secure: true } : {}),
  });
}
