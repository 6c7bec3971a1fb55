import type { Context } from 'hono';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { Attempt } from '../../shared/ports.ts';
import type { AppEnv } from '../compose/services.ts';
import { clientAddress } from './client-address.ts';
import { knownDevice } from './known-device.ts';

/** Failures a client may make before the first lockout. */
export const FREE_FAILURES = 5;
/** The first lockout; each further failure doubles it, up to MAX_LOCK_MS. */
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this no longer count. Longer than MAX_LOCK_MS, so a lockout never lapses early. */
export const WINDOW_MS = 60 * 60_000;
/** Enough attempts to know the lockout is at its longest. */
const READ_LIMIT = 64;

/** When the attempts (newest first) lock their client out until, in ms; 0 when they do not. */
export function lockedUntil(attempts: readonly Attempt[]): number {
  const [newest] = attempts;
  if (!newest || attempts.length < FREE_FAILURES) return 0;
  const lock = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (attempts.length - FREE_FAILURES));
  return newest.at.getTime() + lock;
}

/**
 * Whose failures a sign-in counts with (issue 20, 10d): there is one account, the secretariat's, so the
 * key is (account, device) for a browser holding the device cookie a past sign-in gave it, and
 * (account, address) for everyone else. Guessers behind the secretariat's NAT lock out the address,
 * never the secretariat's own browser; without the token no one gets a device cookie, so guessing stays
 * bounded per address (and per stolen device cookie, each with the same limits).
 */
async function lockoutKey(c: Context<AppEnv>): Promise<string> {
  const device = await knownDevice(c);
  return device ? `perangkat:${device}` : clientAddress(c);
}

/**
 * Checks the admin token for one sign-in (the form or the /admin bearer), at most as often as the
 * lockout allows per client (`lockoutKey`). The attempt is recorded in the store before the secret is checked and
 * cleared by a success, so the count survives restarts and is shared by every instance (Workers have
 * no memory between requests), and a burst of concurrent guesses is cut off at its place in line.
 * Throws AppError('too_many_attempts') (429, Retry-After) while the client is locked out.
 */
export async function throttledCheck(c: Context<AppEnv>, check: () => Promise<boolean>): Promise<boolean> {
  const { stores, clock } = c.get('services');
  const client = await lockoutKey(c);
  const now = clock.now();
  const since = new Date(now.getTime() - WINDOW_MS);
  const recent = () => stores.signIn.recentAttempts(client, since, READ_LIMIT);

  // Locked already: refused without being recorded, so a locked-out guesser cannot grow the store.
  refuseUntil(lockedUntil(await recent()), now);
  const mine: Attempt = { id: crypto.randomUUID(), at: now };
  await stores.signIn.addAttempt(client, mine);
  // Judged by the attempts recorded before this one, concurrent ones included.
  const after = await recent();
  const place = after.findIndex((a) => a.id === mine.id);
  if (place < 0) refuseUntil(now.getTime() + MAX_LOCK_MS, now);
  refuseUntil(lockedUntil(after.slice(place + 1)), now);

  if (!(await check())) return false;
  await stores.signIn.clearAttempts(client);
  return true;
}

function refuseUntil(until: number, now: Date): void {
  if (until <= now.getTime()) return;
  const seconds = Math.ceil((until - now.getTime()) / 1000);
  const minutes = Math.ceil(seconds / 60);
  const key = minutes === 1 ? 'http.tooManySignInsOneMinute' : 'http.tooManySignIns';
  throw new AppError('too_many_attempts', bilingual(key, { minutes }), { retryAfterSeconds: seconds });
}
