import { defineConfig } from 'vitest/config';

/**
 * The Worker, built by wrangler and run in workerd (wrangler's unstable_startWorker, offline), driven
 * from Node against the Firestore emulator (through the REST bridge), the local Sheets server and a
 * local OAuth token endpoint. Separate from vitest.config.ts because each file starts a workerd.
 */
export default defineConfig({
  test: {
    include: ['tests/workers/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['default'],
    passWithNoTests: false,
  },
});
