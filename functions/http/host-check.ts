import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { AppEnv } from '../compose/services.ts';

/**
 * DNS rebinding: a page on another site can point its own name at 127.0.0.1 and then talk to a local
 * juri as a same-origin page (its Origin is its own name, so the origin check passes). The Host header
 * still carries that name, so a server that knows its own names refuses it. Runtimes that route by
 * name themselves (Workers, Cloud Functions) leave `allowedHosts` unset.
 */
export function allowedHostsOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const allowed = c.get('services').allowedHosts;
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (allowed && !allowed.includes(host)) {
      throw new AppError('forbidden', bilingual('http.unknownHost', { host }));
    }
    await next();
  };
}

/**
 * The Host values a Node server answers: each name in JURI_HOSTS (comma-separated, with or without a
 * port) and the loopback names on the listening port; the listening address itself when it is one
 * address. Undefined (no check) for a server on every address with no names configured: it is behind
 * something that routes by name, and juri cannot know that name.
 */
export function hostsFor(listening: { hostname: string; port: number }, configured: string | undefined) {
  const { hostname, port } = listening;
  const names = (configured ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const wildcard = hostname === '0.0.0.0' || hostname === '::';
  if (wildcard && names.length === 0) return undefined;
  const own = wildcard ? [] : [hostname.includes(':') ? `[${hostname}]` : hostname];
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  const bare = [...new Set([...own, ...loopback, ...names.filter((n) => !/:\d+$/.test(n))])];
  return [
    ...bare.map((n) => `${n}:${port}`),
    ...names.filter((n) => /:\d+$/.test(n)),
    ...(port === 80 ? bare : []),
  ];
}
