import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../compose/services.ts';

/** Requests whose address cannot be read share one key: they are limited together, never not at all. */
const UNKNOWN = 'unknown';

/**
 * The client's address, from the one source the runtime makes trustworthy (Services.clientAddress).
 * A header is never read where the client could have written it: on a bare Node server a forged
 * cf-connecting-ip would let one guesser pose as many.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const source = c.get('services').clientAddress ?? 'socket';
  if (source === 'cf-connecting-ip') return c.req.header('cf-connecting-ip')?.trim() || UNKNOWN;
  if (typeof source === 'object') {
    // Each trusted proxy appends the address it saw; anything before the first of them was written by
    // the client, so the client is the entry `hops` from the end.
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim());
    return hops.at(-source.hops) || UNKNOWN;
  }
  try {
    return getConnInfo(c).remote.address || UNKNOWN;
  } catch {
    // No Node socket: app.request() in tests, or a runtime that was not told where to look.
    return UNKNOWN;
  }
}
