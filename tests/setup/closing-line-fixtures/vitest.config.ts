import { defineConfig } from 'vitest/config';

/** Tiny modules run by tests/setup/closing-line-reporter.test.ts, through the real closing-line reporter. */
export default defineConfig({
  test: {
    include: ['**/*.fixture.ts'],
    reporters: ['../closing-line-reporter.ts'],
    globalSetup: [],
  },
});
