import type { SerializedError } from 'vitest';
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

/** How many skipped tests and failures are listed by name before the rest is only counted. */
const LISTED = 25;

/** How many of the slowest test files are listed at the end of a run, so that growth is visible. */
const SLOWEST = 10;

export interface ClosingCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per failure that is not a failed test's own: a module or suite that broke, an unhandled error. */
  failures: string[];
  /** One line per skipped test, with the reason it gave. */
  skips: string[];
  /** Tests skipped without a reason (`it.skip`, `describe.skipIf`, `it.todo`, `ctx.skip()` with no note). */
  unexplained: number;
}

/**
 * Counts a run honestly:
 * - a test that passed or failed counts as such;
 * - a test that never ran because its module or suite broke (an import error, a failing `beforeAll`,
 *   a browser that could not launch) counts as failed, not skipped;
 * - a module or suite that broke with no test under it counted as failed (nothing was collected, or
 *   only an `afterAll` failed) counts as one failure;
 * - every unhandled error counts as one failure;
 * - a skipped test counts as skipped and is listed with its reason: the note given to `ctx.skip(note)`;
 *   when `strict` (CI=true), a skip that gave no reason counts as failed instead.
 */
export function countRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  { strict = false }: { strict?: boolean } = {},
): ClosingCounts {
  const counts: ClosingCounts = { passed: 0, failed: 0, skipped: 0, failures: [], skips: [], unexplained: 0 };
  for (const module of testModules) {
    const broken = [module, ...module.children.allSuites()].filter((entity) => entity.errors().length > 0);
    const failedUnder = new Map<TestModule | TestSuite, number>(broken.map((entity) => [entity, 0]));
    for (const test of module.children.allTests()) {
      const result = test.result();
      let failed = false;
      if (result.state === 'passed') counts.passed += 1;
      else if (result.state === 'failed') failed = true;
      else if (result.state === 'pending') failed = true;
      else if (result.note !== undefined) {
        counts.skipped += 1;
        counts.skips.push(`${where(test)} — ${result.note}`);
      } else if (test.options.mode === 'run' && ancestors(test).some((a) => failedUnder.has(a)))
        failed = true;
      else {
        counts.unexplained += 1;
        counts.skips.push(`${where(test)} — ${reasonless(test)}`);
        if (strict) failed = true;
        else counts.skipped += 1;
      }
      if (!failed) continue;
      counts.failed += 1;
      for (const ancestor of ancestors(test)) {
        const n = failedUnder.get(ancestor);
        if (n !== undefined) failedUnder.set(ancestor, n + 1);
      }
    }
    for (const entity of broken) {
      const name =
        entity.type === 'module' ? entity.moduleId : `${entity.module.moduleId} > ${entity.fullName}`;
      const message = firstLine(entity.errors()[0]);
      const testsLost = failedUnder.get(entity) ?? 0;
      if (testsLost === 0) counts.failed += 1;
      counts.failures.push(
        `${relative(name)} broke: ${message}${testsLost > 0 ? ` (${testsLost} of its tests did not pass)` : ''}`,
      );
    }
  }
  for (const error of unhandledErrors) {
    counts.failed += 1;
    counts.failures.push(`unhandled error: ${firstLine(error)}`);
  }
  return counts;
}

function ancestors(test: TestCase): Array<TestModule | TestSuite> {
  const chain: Array<TestModule | TestSuite> = [];
  let parent: TestModule | TestSuite = test.parent;
  for (;;) {
    chain.push(parent);
    if (parent.type === 'module') return chain;
    parent = parent.parent;
  }
}

function where(test: TestCase): string {
  return `${relative(test.module.moduleId)} > ${test.fullName}`;
}

function reasonless(test: TestCase): string {
  if (test.options.mode === 'todo') return 'todo (no reason given)';
  return 'no reason given: skip with ctx.skip("why") so the run says why';
}

function relative(path: string): string {
  const cwd = `${process.cwd()}/`;
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}

function firstLine(error: SerializedError | undefined): string {
  if (!error) return 'unknown error';
  const text = `${error.name ?? 'Error'}: ${error.message ?? String(error)}`;
  return text.split('\n')[0] ?? text;
}

/**
 * The slowest test files, slowest first, as "12.3 s  tests/x.test.ts": the time each spent being
 * prepared, imported, set up and run (hooks included), which is what a file adds to the run.
 */
export function slowestFiles(testModules: ReadonlyArray<TestModule>, count = SLOWEST): string[] {
  return testModules
    .map((module) => {
      const d = module.diagnostic();
      const ms =
        d.prepareDuration + d.environmentSetupDuration + d.collectDuration + d.setupDuration + d.duration;
      return { ms, name: relative(module.moduleId) };
    })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map(({ ms, name }) => `${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
}

function list(title: string, lines: string[]): string {
  if (lines.length === 0) return '';
  const shown = lines.slice(0, LISTED).map((line) => `  ${line}\n`);
  const more = lines.length > LISTED ? `  … and ${lines.length - LISTED} more\n` : '';
  return `\n${title}\n${shown.join('')}${more}`;
}

/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", after vitest's own summary
 * (with the slowest files, the skipped tests and their reasons, and the failures that are not a test's
 * own, above it), so
 * that any CI reading plain counts sees them. The run exits non-zero when anything failed or no test
 * passed.
 */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    const strict = process.env.CI === 'true';
    const counts = countRun(testModules, unhandledErrors, { strict });
    let out = list(`slowest ${SLOWEST} files:`, slowestFiles(testModules));
    out += list('skipped (and why):', counts.skips);
    out += list('failures outside a test:', counts.failures);
    if (strict && counts.unexplained > 0) {
      out += `\nCI=true: ${counts.unexplained} test(s) skipped without a reason, counted as failed.\n`;
    }
    out += `\nnode ${process.version}\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`;
    process.stdout.write(out);
    if (counts.failed > 0 || counts.passed === 0) process.exitCode = 1;
  }
}
