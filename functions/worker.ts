import type { ExecutionContext } from 'hono';
import bundledCompetition from 'juri-bundled-competition';
import { createTokenCache, type TokenCache } from '../infra/google-auth/token-cache.ts';
import { createApp } from './app.ts';
import { type GoogleEnv, parseGoogleEnv, type RawEnv } from './compose/env.ts';
import { composeGoogleServices } from './compose/google.ts';
import type { Services } from './compose/services.ts';
import { renewWatches } from './intake/forms-watch.ts';
import { jobForCron } from './jobs.ts';
import { scheduledSync } from './scores/sync.ts';

/** The bindings wrangler.toml [vars] and `wrangler secret put` provide; all strings, all validated per request. */
export type Env = { [K in keyof RawEnv]?: string };

/** The subset of the Workers runtime types juri uses (the full set is not installed as a package). */
export interface ScheduledController {
  readonly cron: string;
  readonly scheduledTime: number;
  noRetry(): void;
}
export interface ExportedHandler<E> {
  fetch?: (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>;
  scheduled?: (controller: ScheduledController, env: E, ctx: ExecutionContext) => void | Promise<void>;
}

export interface WorkerDeps {
  /** Per isolate, passed in explicitly; see the comment on `tokenCache` below. */
  tokenCache: TokenCache;
  bundledCompetition?: unknown;
  fetch?: typeof fetch;
}

/**
 * Builds the handlers. Env is parsed and services are composed on every request and every cron run:
 * a changed secret takes effect at once, and nothing a request learned leaks into the next one —
 * except access tokens, through the explicitly passed cache.
 */
export function createWorker(deps: WorkerDeps) {
  const googleEnv = (env: unknown): GoogleEnv =>
    parseGoogleEnv(env, { runtime: 'workers', bundledCompetition: deps.bundledCompetition });
  const compose = (env: GoogleEnv): Services =>
    composeGoogleServices(env, {
      tokenCache: deps.tokenCache,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
  // The app holds routes only (no data), so one per isolate is enough.
  const app = createApp((env) => compose(googleEnv(env)));

  return {
    fetch: (request: Request, env: Env, ctx: ExecutionContext) => app.fetch(request, env, ctx),
    scheduled: async (controller: ScheduledController, env: Env, _ctx: ExecutionContext) => {
      const job = jobForCron(controller.cron);
      const parsed = googleEnv(env);
      const services = compose(parsed);
      if (job === 'sync') await scheduledSync(services);
      else await renewWatches(services, parsed.formsWatchTopic);
    },
  };
}

/**
 * Tokens live for an hour. Minting one per request would cost an RS256 signature (CPU on the 10 ms
 * free plan) and a token subrequest (of 50) every time, so the isolate keeps them in this cache. It is
 * keyed by token URL + service account + key id + scopes, holds nothing else, and is handed to
 * createWorker explicitly rather than read from a hidden global.
 */
const tokenCache = createTokenCache();
const worker = createWorker({ tokenCache, bundledCompetition });

export default {
  fetch: worker.fetch,
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>;
