import bundledCompetition from 'juri-bundled-competition';
import { createTokenCache } from '../infra/google-auth/token-cache.ts';
import { createApp } from './app.ts';
import { createWorkersComposer, type WorkersComposeDeps } from './compose/workers.ts';
import { jobForCron, runJob } from './jobs.ts';

/**
 * Builds the handlers: the app for fetch, the job dispatch for the crons, both on services from the
 * one Workers composition root.
 */
export function createWorker(deps: WorkersComposeDeps) {
  const compose = createWorkersComposer(deps);
  const app = createApp(compose);
  return {
    fetch: (request: Request, env: Env, ctx: ExecutionContext) => app.fetch(request, env, ctx),
    scheduled: (controller: ScheduledController, env: Env, _ctx: ExecutionContext) =>
      runJob(compose(env), jobForCron(controller.cron)),
  };
}

/**
 * Tokens live for an hour. Minting one per request would cost an RS256 signature (CPU on the 10 ms
 * free plan) and a token subrequest (of 50) every time, so the isolate keeps them in this cache. It is
 * keyed by token URL + service account + key id + scopes, holds nothing else, and is handed to
 * createWorker explicitly rather than read from a hidden global.
 */
const worker = createWorker({ tokenCache: createTokenCache(), bundledCompetition });

export default {
  fetch: worker.fetch,
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>;
