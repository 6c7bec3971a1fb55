import type { TokenCache } from '../../infra/google-auth/token-cache.ts';
import { parseGoogleEnv } from './env.ts';
import { composeGoogleServices } from './google.ts';
import type { Deployment } from './services.ts';

export interface WorkersComposeDeps {
  /** Per isolate, passed in explicitly: see functions/worker.ts. */
  tokenCache: TokenCache;
  bundledCompetition?: unknown;
  fetch?: typeof fetch;
}

/**
 * The composition root for Cloudflare Workers. The bindings object stays the same for an isolate's
 * life (a changed secret means a new deployment, so a new isolate), so the env is validated and the
 * services are built once per bindings object. Building them per request cost more CPU than a cron
 * tick's whole work (the Google clients' constructors), on a plan that allows 10 ms. They hold no
 * request's data: the store and the sheet adapters are stateless but for counters read as deltas,
 * access tokens sit in the explicit cache, the language of a request is decided per request.
 */
export function createWorkersComposer(deps: WorkersComposeDeps) {
  const built = new WeakMap<object, Deployment>();
  const compose = (bindings: unknown): Deployment =>
    composeGoogleServices(
      parseGoogleEnv(bindings, { runtime: 'workers', bundledCompetition: deps.bundledCompetition }),
      { tokenCache: deps.tokenCache, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
    ).map((services) => ({
      ...services,
      // Cloudflare sets it on every request and overwrites any value the client sent.
      clientAddress: 'cf-connecting-ip' as const,
    }));
  return (bindings: unknown): Deployment => {
    const key = typeof bindings === 'object' && bindings !== null ? bindings : undefined;
    const cached = key && built.get(key);
    if (cached) return cached;
    const services = compose(bindings);
    if (key) built.set(key, services);
    return services;
  };
}
