import type { TokenCache } from '../../infra/google-auth/token-cache.ts';
import { type GoogleEnv, parseGoogleEnv } from './env.ts';
import { composeGoogleServices } from './google.ts';
import type { Services } from './services.ts';

export interface WorkersComposeDeps {
  /** Per isolate, passed in explicitly: see functions/worker.ts. */
  tokenCache: TokenCache;
  bundledCompetition?: unknown;
  fetch?: typeof fetch;
}

/**
 * The composition root for Cloudflare Workers. The bindings object stays the same for an isolate's
 * life (a changed secret means a new deployment, so a new isolate), so it is validated once per
 * bindings object; the services themselves are cheap and built per request, so that nothing one
 * request learned leaks into the next, except access tokens, through the explicit cache.
 */
export function createWorkersComposer(deps: WorkersComposeDeps) {
  const parsed = new WeakMap<object, GoogleEnv>();
  const envOf = (bindings: unknown): GoogleEnv => {
    const key = typeof bindings === 'object' && bindings !== null ? bindings : undefined;
    const cached = key && parsed.get(key);
    if (cached) return cached;
    const env = parseGoogleEnv(bindings, { runtime: 'workers', bundledCompetition: deps.bundledCompetition });
    if (key) parsed.set(key, env);
    return env;
  };
  return (bindings: unknown): Services => ({
    ...composeGoogleServices(envOf(bindings), {
      tokenCache: deps.tokenCache,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
    // Cloudflare sets it on every request and overwrites any value the client sent.
    clientAddress: 'cf-connecting-ip',
  });
}
