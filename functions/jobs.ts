export type CronJob = 'sync' | 'renew-watches';

/**
 * Which job each cron runs. Must match [triggers] crons in wrangler.toml (tests/deploy checks it).
 * Cron times are UTC.
 */
export const CRON_JOBS: Readonly<Record<string, CronJob>> = {
  /** Score sync while judging runs: 1 Sheets read, and no writes when nothing changed. */
  '*/15 * * * *': 'sync',
  /** Forms API watches expire after 7 days; renew daily at 01:00 UTC (09:00 WITA). */
  '0 1 * * *': 'renew-watches',
};

export function jobForCron(cron: string): CronJob {
  const job = CRON_JOBS[cron];
  if (!job) throw new Error(`juri: no job for cron "${cron}" (see functions/jobs.ts and wrangler.toml)`);
  return job;
}
