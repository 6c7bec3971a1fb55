import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Diagnostic {
  category: string;
  message: string;
}

/** Lints a throwaway file at `path` with the project's own Biome config, and removes it again. */
async function lintProbe(path: string, source: string): Promise<Diagnostic[]> {
  const file = join(ROOT, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  try {
    const result = await run(join(ROOT, 'node_modules/.bin/biome'), ['lint', '--reporter=json', path], {
      cwd: ROOT,
    }).catch((e: { stdout: string }) => e);
    return (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  } finally {
    rmSync(file);
  }
}

const probe = (name: string) => `lint-probe-${name}-${process.pid}.ts`;

describe('the layer rules (biome.json) hold the architecture', () => {
  it('refuses an import of functions/ from infra/', async () => {
    const found = await lintProbe(
      `infra/sheets/${probe('infra')}`,
      "import { createApp } from '../../functions/app.ts';\n\nexport const probe = createApp;\n",
    );
    expect(found.map((d) => d.category)).toContain('lint/style/noRestrictedImports');
    expect(found.map((d) => d.message).join('\n')).toMatch(/infra\/ holds adapters/);
  });

  it('refuses an import of infra/ from the domain', async () => {
    const found = await lintProbe(
      `shared/domain/${probe('domain')}`,
      "import { openSqliteStore } from '../../infra/local/sqlite-store.ts';\n\nexport const probe = openSqliteStore;\n",
    );
    expect(found.map((d) => d.message).join('\n')).toMatch(/shared\/domain must not depend on outer layers/);
  });

  it('refuses an SDK in the domain', async () => {
    const found = await lintProbe(
      `shared/domain/${probe('sdk')}`,
      "import { Hono } from 'hono';\n\nexport const probe = Hono;\n",
    );
    expect(found.map((d) => d.message).join('\n')).toMatch(/no SDK imports/);
  });

  it('lets infra/ import the inner layers', async () => {
    const found = await lintProbe(
      `infra/sheets/${probe('ok')}`,
      "import { AppError } from '../../shared/errors.ts';\n\nexport const probe = AppError;\n",
    );
    expect(found.filter((d) => d.category === 'lint/style/noRestrictedImports')).toEqual([]);
  });
});
