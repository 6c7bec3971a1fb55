/**
 * Time budgets for tests that wait on real work in another process. No verdict depends on speed: a budget
 * only stops a hung run, so each is the cost of what the test does, sized for a slow laptop on a busy
 * machine (measured: one `juri demo` takes 7 s idle on 2 cores and 16 s at load 16; the per-juror demo
 * 78 s at load 16).
 */

/** One `juri demo` in a child process (the per-juror demo counts as two). */
export const DEMO_MS = 120_000;

/** One short `juri` command in a child process (rank, sync, finalize, export-record, verify). */
export const CLI_MS = 30_000;

/** The sum of the parts a test waits on: `budget(DEMO_MS, 4 * CLI_MS)`. */
export function budget(...parts: number[]): number {
  return parts.reduce((sum, part) => sum + part, 0);
}

/**
 * One national-scale test (3,500 entries, 60 jurors): about 50 s idle on 2 cores, 260-320 s at load 13
 * and 633 s at load 15 (where a 10-minute detector fired). A hang detector, so sized far above that.
 */
export const NATIONAL_MS = 1_800_000;
