import { defineConfig } from 'vitest/config';

import { slowFirst } from './tests/setup/slow-first-sequencer.ts';

/**
 * The end-to-end files: each runs whole demos or CLI processes, a national-scale sync or console, 10,000 fuzzed
 * requests, a bundle or a nested vitest. They keep a fresh module graph each (`isolate`) and longer hang
 * detectors, and share the two workers with the fast files, slowest first (below).
 */
const HEAVY = [
  'tests/functions/local-mode.test.ts',
  'tests/functions/open-registration.test.ts',
  'tests/functions/fairness-demo.test.ts',
  'tests/functions/demo-documents.test.ts',
  'tests/functions/console-national.test.ts',
  'tests/sheets/budget.test.ts',
  'tests/sheets/demo-pdf.test.ts',
  'tests/sheets/libreoffice-roundtrip.test.ts',
  'tests/security/fuzz-intake.test.ts',
  'tests/security/firestore-outage.test.ts',
  'tests/security/body-limit-serve.test.ts',
  'tests/deploy/bundle-budget.test.ts',
  'tests/setup/closing-line-reporter.test.ts',
];

/** The slowest files of an idle run on 2 cores, slowest first (the closing line prints them). */
const SLOWEST = [
  'tests/sheets/budget.test.ts',
  'tests/functions/console-national.test.ts',
  'tests/functions/local-mode.test.ts',
  'tests/security/fuzz-intake.test.ts',
  'tests/contract/firestore-node-store.test.ts',
  'tests/functions/result-record.test.ts',
  'tests/security/firestore-outage.test.ts',
  'tests/sheets/libreoffice-roundtrip.test.ts',
  'tests/sheets/demo-pdf.test.ts',
  'tests/contract/firestore-rest-store.test.ts',
  'tests/functions/demo-documents.test.ts',
];

/**
 * One run, three groups in turn: the node and end-to-end files together on two workers, then real Chromium
 * and real workerd one file at a time, since each of those files starts a browser or a Worker of its own
 * and this machine has two cores.
 *
 * The fast files share one module graph per worker (`isolate: false`): importing hono, zod and the Google
 * clients again for each of ~90 files cost more CPU than their tests, and nothing in juri keeps
 * module-level state (a rule of the architecture), so a file cannot see another's.
 *
 * A timeout only catches a hang: no verdict depends on speed, so the budgets are generous enough for a
 * slow laptop on a loaded machine (load 8 and more on two cores), and a test that waits on real work
 * sizes its own budget from that work (tests/helpers/budgets.ts).
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/global.ts'],
    // Nothing may leave loopback: the Google auth library must never probe for a cloud metadata server.
    env: { METADATA_SERVER_DETECTION: 'none' },
    reporters: ['default', './tests/setup/closing-line-reporter.ts'],
    passWithNoTests: false,
    sequence: { sequencer: slowFirst(SLOWEST) },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**', 'tests/workers/**', 'node_modules/**', ...HEAVY],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: HEAVY,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
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
          sequence: { groupOrder: 2 },
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
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
