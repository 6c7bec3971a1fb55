import { AppError } from '../shared/errors.ts';
import { bilingual } from '../shared/messages/catalogue/t.ts';
import { isOver } from './compose/deployment.ts';
import type { Deployment, Services } from './compose/services.ts';
import { renewWatches } from './intake/forms-watch.ts';
import { scheduledSync } from './scores/sync.ts';

export const JOBS = ['sync', 'renew-watches'] as const;
export type Job = (typeof JOBS)[number];

/**
 * Which job each cron runs. Must match [triggers] crons in wrangler.toml (tests/deploy checks it).
 * Cron times are UTC.
 */
export const CRON_JOBS: Readonly<Record<string, Job>> = {
  /** Score sync, before and after the announcement (see scheduledSync): 1 Sheets read, no writes when nothing changed. */
  '*/15 * * * *': 'sync',
  /** Forms API watches expire after 7 days; renew daily at 01:00 UTC (09:00 WITA). */
  '0 1 * * *': 'renew-watches',
};

export function jobForCron(cron: string): Job {
  const job = CRON_JOBS[cron];
  if (!job) throw new AppError('internal', bilingual('cli.jobs.noJobForCron', { cron }));
  return job;
}

export function isJob(name: unknown): name is Job {
  return typeof name === 'string' && (JOBS as readonly string[]).includes(name);
}

/**
 * The one dispatch every entry uses: the Worker's cron, Cloud Scheduler's topic, the CLI. It runs for
 * each competition but those that are over (they take no more work); one competition's failure does not
 * keep the others from their turn, and is thrown once all have had it.
 */
export async function runJob(deployment: Services | Deployment, job: Job): Promise<void> {
  const list: Deployment = Array.isArray(deployment) ? deployment : [deployment as Services];
  const failures: unknown[] = [];
  for (const services of list) {
    if (await isOver(list, services)) continue;
    await runOne(services, job).catch((err: unknown) => failures.push(err));
  }
  if (failures.length > 0) throw failures[0];
}

async function runOne(services: Services, job: Job): Promise<void> {
  if (job === 'sync') await scheduledSync(services);
  else await renewWatches(services, services.formsWatchTopic);
}
