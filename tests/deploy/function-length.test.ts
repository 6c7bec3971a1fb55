import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget, CLI_MS } from '../helpers/budgets.ts';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const RULE = 'lint/complexity/noExcessiveLinesPerFunction';

/** `lines` statements between the braces: the body length Biome's rule counts. */
const statements = (lines: number, indent: string) =>
  Array.from({ length: lines - 2 }, (_, i) => `${indent}total += ${i};`).join('\n');
const plainFunction = (lines: number) =>
  `export function probe(): number {\n  let total = 0;\n${statements(lines, '  ')}\n  return total;\n}\n`;
const innerClosure = (lines: number) =>
  `export const probe = [1].map(() => {\n  let total = 0;\n${statements(lines, '  ')}\n  return total;\n});\n`;
const pageComponent = (lines: number) =>
  `export function Probe() {\n  let total = 0;\n${statements(lines, '  ')}\n  return <p>{total}</p>;\n}\n`;

/** Throwaway files just over and at the limit (80 lines per function) in functions/ and shared/. */
const tag = `length-probe-${process.pid}`;
const PROBES: Record<string, string> = {
  [`functions/intake/${tag}-long.ts`]: plainFunction(81),
  [`functions/results/${tag}-closure.ts`]: innerClosure(81),
  [`functions/pages/ui/${tag}-page.tsx`]: pageComponent(81),
  [`shared/domain/fairness/${tag}-long.ts`]: plainFunction(81),
  [`functions/intake/${tag}-ok.ts`]: plainFunction(80),
  [`shared/domain/${tag}-ok.ts`]: innerClosure(80),
};

let flagged: string[] = [];

beforeAll(async () => {
  for (const [path, source] of Object.entries(PROBES)) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), source);
  }
  const result = await run(
    join(ROOT, 'node_modules/.bin/biome'),
    ['lint', '--max-diagnostics=100', ...Object.keys(PROBES)],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  ).catch((e: { stdout: string; stderr: string }) => e);
  const output = `${result.stdout}\n${result.stderr}`;
  flagged = Object.keys(PROBES).filter((path) =>
    output.split('\n').some((line) => line.startsWith(`${path}:`) && line.includes(RULE)),
  );
}, budget(CLI_MS));

afterAll(() => {
  for (const path of Object.keys(PROBES)) rmSync(join(ROOT, path), { force: true });
});

describe('no function over 80 lines in functions/ and shared/ (Biome noExcessiveLinesPerFunction)', () => {
  it('refuses a function, an inner closure and a page component of 81 lines, at any folder depth', () => {
    expect(flagged.filter((path) => !path.includes('-ok.'))).toEqual([
      `functions/intake/${tag}-long.ts`,
      `functions/results/${tag}-closure.ts`,
      `functions/pages/ui/${tag}-page.tsx`,
      `shared/domain/fairness/${tag}-long.ts`,
    ]);
  });

  it('lets a function of 80 lines pass', () => {
    expect(flagged.filter((path) => path.includes('-ok.'))).toEqual([]);
  });
});
