import { defineConfig } from 'vitest/config';

/**
 * One run, three groups in turn: the fast node tests in parallel, then real Chromium, then real
 * workerd — the last two one file at a time, since each file starts a browser or a Worker and this
 * machine has two cores.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/global.ts'],
    // Nothing may leave loopback: the Google auth library must never probe for a cloud metadata server.
    env: { METADATA_SERVER_DETECTION: 'none' },
    reporters: ['default', './tests/setup/closing-line-reporter.ts'],
    passWithNoTests: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**', 'tests/workers/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'workers',
          include: ['tests/workers/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
