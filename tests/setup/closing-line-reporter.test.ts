import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURES = fileURLToPath(new URL('./closing-line-fixtures/', import.meta.url));
const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

/** Runs vitest on the fixture modules in a child process, as `npm test` runs it, and returns what it printed. */
function runFixtures(
  files: string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VITEST') && key !== 'CI') env[key] = value;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [VITEST, 'run', '--config', 'vitest.config.ts', ...files],
      { cwd: FIXTURES, env: { ...env, NO_COLOR: '1', ...extraEnv }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, out: `${stdout}${stderr}` });
      },
    );
  });
}

function closingLine(out: string): string | undefined {
  return out.split('\n').findLast((line) => line.startsWith('tests: '));
}

describe('the closing line', () => {
  it('counts a module that fails at import, a failing beforeAll and an unhandled error as failures', async () => {
    const [broken, healthy, healthyInCi] = await Promise.all([
      runFixtures(['import-throws', 'before-all-fails', 'unhandled']),
      runFixtures(['healthy']),
      runFixtures(['healthy'], { CI: 'true' }),
    ]);

    // import-throws: 1 (nothing collected); before-all-fails: its 2 tests that never ran; unhandled: 1.
    // Its deliberate it.skip stays a skip; the test that left the rejection behind still passed.
    expect(closingLine(broken.out), broken.out).toBe('tests: 1 passed, 4 failed, 1 skipped');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(
      'import-throws.fixture.ts broke: Error: this module fails while it is imported',
    );
    expect(broken.out).toContain('before-all-fails.fixture.ts broke: Error: the browser could not start');
    expect(broken.out).toContain('unhandled error: Error: nobody awaited this');

    // Every skip says why, in the run's output.
    expect(closingLine(healthy.out), healthy.out).toBe('tests: 1 passed, 0 failed, 2 skipped');
    expect(healthy.code).toBe(0);
    expect(healthy.out).toContain('healthy.fixture.ts > skips with a reason — soffice is not installed');
    expect(healthy.out).toMatch(/is skipped silently — no reason given/);
    // The slowest files are listed, each with its time, above the closing line.
    expect(healthy.out).toMatch(/slowest 10 files:\n +\d+\.\d s {2}healthy\.fixture\.ts\n/);

    // In CI a skip without a reason is a failure.
    expect(closingLine(healthyInCi.out), healthyInCi.out).toBe('tests: 1 passed, 1 failed, 1 skipped');
    expect(healthyInCi.code).toBe(1);
  });

  it('fails a run in which no test passed', async () => {
    const { code, out } = await runFixtures(['import-throws']);
    expect(closingLine(out), out).toBe('tests: 0 passed, 1 failed, 0 skipped');
    expect(code).toBe(1);
  });
});
