import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget, CLI_MS } from '../helpers/budgets.ts';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

/**
 * Throwaway files that each break (or keep) one rule of .dependency-cruiser.cjs, at the top of a layer
 * and deeper down, since a rule that holds one folder up but not below is a hole.
 */
const tag = `layer-probe-${process.pid}`;
const PROBES: Record<string, string> = {
  [`shared/domain/${tag}-io.ts`]:
    "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
  [`shared/domain/fairness/${tag}-io.ts`]:
    "import { readFileSync } from 'fs';\nexport const probe = readFileSync;\n",
  [`shared/domain/fairness/${tag}-sdk.ts`]: "import { Hono } from 'hono';\nexport const probe = Hono;\n",
  // The hole issue 20 found: ports, sheet and messages from one folder down gave no error.
  [`shared/domain/fairness/${tag}-outer.ts`]: [
    "import type { StoreAdapter } from '../../ports.ts';",
    "import { JUROR_HEADER_ROWS } from '../../sheet/layout.ts';",
    "import { issueLine } from '../../messages/issues.ts';",
    'export const probe: [StoreAdapter | undefined, number, unknown] = [undefined, JUROR_HEADER_ROWS, issueLine];',
    '',
  ].join('\n'),
  [`shared/domain/${tag}-infra.ts`]:
    "import { openSqliteStore } from '../../infra/local/sqlite-store.ts';\nexport const probe = openSqliteStore;\n",
  [`shared/sheet/${tag}-functions.ts`]:
    "import { createApp } from '../../functions/app.ts';\nexport const probe = createApp;\n",
  [`infra/${tag}-functions.ts`]:
    "import { createApp } from '../functions/app.ts';\nexport const probe = createApp;\n",
  [`infra/sheets/${tag}-functions.ts`]:
    "import { createApp } from '../../functions/app.ts';\nexport const probe = createApp;\n",
  [`functions/pages/${tag}-infra.ts`]:
    "export const probe = () => import('../../infra/local/sqlite-store.ts');\n",
  [`functions/intake/deeper/${tag}-infra.ts`]:
    "import { openSqliteStore } from '../../../infra/local/sqlite-store.ts';\nexport const probe = openSqliteStore;\n",
  [`shared/domain/${tag}-cycle-a.ts`]: `import { b } from './${tag}-cycle-b.ts';\nexport const a = () => b;\n`,
  [`shared/domain/${tag}-cycle-b.ts`]: `import { a } from './${tag}-cycle-a.ts';\nexport const b = () => a;\n`,
  // What the layers allow: zod in the domain, the inner layers from infra/, adapters in the composition root.
  [`shared/domain/fairness/${tag}-ok.ts`]: "import { z } from 'zod';\nexport const probe = z;\n",
  [`infra/sheets/${tag}-ok.ts`]:
    "import { AppError } from '../../shared/errors.ts';\nexport const probe = AppError;\n",
  [`functions/compose/${tag}-ok.ts`]:
    "import { openSqliteStore } from '../../infra/local/sqlite-store.ts';\nexport const probe = openSqliteStore;\n",
};

let violations: Violation[] = [];

/** depcruise's verdicts on the given files (and what they import), as JSON. */
async function cruise(files: string[]): Promise<Violation[]> {
  const result = await run(
    join(ROOT, 'node_modules/.bin/depcruise'),
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...files],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  ).catch((e: { stdout: string }) => e);
  return (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

beforeAll(
  async () => {
    for (const [path, source] of Object.entries(PROBES)) {
      mkdirSync(dirname(join(ROOT, path)), { recursive: true });
      writeFileSync(join(ROOT, path), source);
    }
    // The cycle is cruised on its own: among the other probes depcruise 17.4.3 reported no cycle at all.
    const paths = Object.keys(PROBES);
    const cycle = paths.filter((p) => p.includes('-cycle-'));
    const rest = paths.filter((p) => !p.includes('-cycle-'));
    violations = (await Promise.all([cruise(rest), cruise(cycle)])).flat();
  },
  budget(2 * CLI_MS),
);

afterAll(() => {
  for (const path of Object.keys(PROBES)) rmSync(join(ROOT, path));
  rmSync(join(ROOT, `functions/intake/deeper`), { recursive: true, force: true });
});

/** The rules each probe broke, by the probe's path. */
const broken = (suffix: string, depth = '') =>
  violations.filter(
    (v) => v.from === `${depth}${tag}-${suffix}.ts` || v.from.endsWith(`/${depth}${tag}-${suffix}.ts`),
  );
const rulesOf = (path: string) =>
  violations
    .filter((v) => v.from === path)
    .map((v) => v.rule.name)
    .sort();

describe('the layer rules (.dependency-cruiser.cjs) hold the architecture at every folder depth', () => {
  it('refuses I/O and SDKs in the domain, one folder down as at the top', () => {
    expect(rulesOf(`shared/domain/${tag}-io.ts`)).toEqual(['domain-no-io']);
    expect(rulesOf(`shared/domain/fairness/${tag}-io.ts`)).toEqual(['domain-no-io']);
    expect(rulesOf(`shared/domain/fairness/${tag}-sdk.ts`)).toEqual(['domain-no-sdk']);
  });

  it('refuses ports, sheet and messages from shared/domain/fairness/ (3 errors, as one folder up)', () => {
    expect(rulesOf(`shared/domain/fairness/${tag}-outer.ts`)).toEqual([
      'domain-inner-only',
      'domain-inner-only',
      'domain-inner-only',
    ]);
    expect(rulesOf(`shared/domain/${tag}-infra.ts`)).toEqual(['domain-inner-only', 'shared-inner']);
  });

  it('refuses functions/ from shared/ and from infra/, at any depth', () => {
    expect(rulesOf(`shared/sheet/${tag}-functions.ts`)).toEqual(['shared-inner']);
    expect(rulesOf(`infra/${tag}-functions.ts`)).toEqual(['infra-not-functions']);
    expect(rulesOf(`infra/sheets/${tag}-functions.ts`)).toEqual(['infra-not-functions']);
  });

  it('refuses infra/ from a route, a lazy import() included; the composition root may', () => {
    expect(rulesOf(`functions/pages/${tag}-infra.ts`)).toEqual(['routes-not-infra']);
    expect(rulesOf(`functions/intake/deeper/${tag}-infra.ts`)).toEqual(['routes-not-infra']);
    expect(rulesOf(`functions/compose/${tag}-ok.ts`)).toEqual([]);
  });

  it('refuses a cycle', () => {
    const cycle = violations.filter((v) => v.rule.name === 'no-circular' && v.from.includes(tag));
    expect(cycle.length).toBeGreaterThan(0);
    expect(cycle.every((v) => v.rule.severity === 'error')).toBe(true);
  });

  it('lets the layers import what they may', () => {
    expect(rulesOf(`shared/domain/fairness/${tag}-ok.ts`)).toEqual([]);
    expect(rulesOf(`infra/sheets/${tag}-ok.ts`)).toEqual([]);
    expect(broken('ok')).toEqual([]);
  });
});
