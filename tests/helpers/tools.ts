import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'vitest';

/** The first executable called `name` on PATH (then /usr/bin), or undefined. */
export function findTool(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  for (const dir of dirs) {
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  return undefined;
}

/**
 * The paths of the outside programs a test needs. When one is missing, the test is skipped with a note
 * saying which and how to install it (the closing line lists it); with CI=true it fails instead, since
 * CI installs them and a skip there would hide a test that never ran.
 */
export function needTools<const T extends readonly string[]>(
  ctx: TestContext,
  tools: T,
  install: string,
): Record<T[number], string> {
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const tool of tools) {
    const path = findTool(tool);
    if (path) found[tool] = path;
    else missing.push(tool);
  }
  if (missing.length > 0) {
    const why = `needs ${missing.join(' and ')}, not installed here (${install})`;
    if (process.env.CI === 'true') throw new Error(`CI=true: this test ${why}; CI must install it.`);
    ctx.skip(why);
  }
  return found as Record<T[number], string>;
}
