import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { startLocalSheetsServer } from '../../infra/local-sheets/index.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { budget, CLI_MS } from '../helpers/budgets.ts';
import { secretariatCookie } from '../helpers/services.ts';
import {
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  submission,
  TOKEN,
  typeScores,
  visible,
} from '../sheets/helpers.ts';
import { ADMIN, CID } from './helpers.ts';

/**
 * Issue 20, probe 3: the data folder becomes unwritable (chmod 0500; for root, whom modes do not stop,
 * the immutable attribute) and a sync runs. It must say it failed, in the status, on the dashboard and
 * in `juri sync`'s exit code, and the change must stay for the next try.
 */
const locked: string[] = [];
afterEach(() => {
  for (const dir of locked.splice(0)) unlock(dir);
});

/**
 * Makes a folder refuse new files and renames, or a file refuse being replaced; false where this machine
 * cannot (the test is then skipped and says why).
 */
function lock(path: string): boolean {
  try {
    if (process.getuid?.() === 0) execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
    else chmodSync(path, 0o500);
  } catch {
    return false;
  }
  locked.push(path);
  return true;
}

function unlock(path: string): void {
  if (process.getuid?.() === 0) execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
  else chmodSync(path, 0o700);
}

const startEnv = sheetEnvsClosedAfterEach();

describe('a sync whose workbook cannot be written', () => {
  it('is a failed sync, in the status and on the dashboard, and the next sync writes the change', async (ctx) => {
    const env = await startEnv();
    await seedInnovations(env, 6);
    await provisionSheet(env.services);
    await typeScores(env, scoreFor, 'desk');
    const app = createApp(() => env.services);
    const sync = () => app.request('/admin/sync', { method: 'POST', headers: ADMIN });
    expect((await sync()).status).toBe(200);
    // A juror changes every desk score; the file holds it before the folder is locked.
    await typeScores(env, (...cell) => scoreFor(...cell) - 10, 'desk');
    await env.server.flush();
    const before = readFileSync(env.file);
    if (!lock(dirname(env.file)))
      return ctx.skip('this machine cannot make a folder unwritable for this user');

    const refused = await sync();
    expect(refused.status).toBe(503);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('sheet_unavailable');
    expect(body.error.message).toContain(`tidak dapat menyimpan buku kerja ${env.file}`);
    expect(body.error.message).toContain(`Folder ${dirname(env.file)}`);
    expect(body.error.message).toMatch(/\((EACCES|EPERM)\)/);
    const failed = await env.store.competition(CID).syncLog.lastSync();
    expect(failed?.status).toBe('failed');
    expect(failed?.message).toContain('belum tersimpan');
    // The dashboard says so, in the same words.
    const page = await (
      await app.request('http://localhost/sekretariat', {
        headers: { cookie: await secretariatCookie(app) },
      })
    ).text();
    expect(page).toContain('st-failed');
    expect(page).toContain(`tidak dapat menyimpan buku kerja ${env.file}`);
    // Nothing reached the file; the change waits in memory.
    expect(readFileSync(env.file).equals(before)).toBe(true);
    const inMemory = visible(await env.server.snapshot());

    unlock(dirname(env.file));
    locked.splice(0);
    const written = await sync();
    expect(written.status).toBe(200);
    expect(((await written.json()) as { status: string }).status).toBe('written');
    // The file now holds what memory held: another server reading it sees the same tabs.
    const reread = await startLocalSheetsServer({ file: env.file, accessToken: TOKEN, create: false });
    try {
      expect(visible(await reread.snapshot())).toEqual(inMemory);
    } finally {
      await reread.close();
    }
  });

  // A new process opens SQLite, which needs to create files in the folder: here the workbook alone is
  // made unwritable (immutable, not read-only: its mode stays 0600), which only root can do.
  it.skipIf(process.getuid?.() !== 0)(
    'makes `juri sync` exit non-zero with the reason, and the next `juri sync` writes',
    {
      timeout: budget(5 * CLI_MS),
    },
    async (ctx) => {
      const dir = mkdtempSync(join(tmpdir(), 'juri-unwritable-'));
      const seed = openSqliteStore(join(dir, 'juri.db'));
      for (let n = 1; n <= 5; n++)
        await seed
          .competition(CID)
          .innovations.upsertInnovation(submission(n), (k) => innovationNumber(2024, k));
      seed.close();
      const cli = (...args: string[]) =>
        promisify(execFile)('node', [BIN, ...args, '--local', '--dir', dir], { timeout: CLI_MS }).then(
          (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
          (e: { code: number; stdout: string; stderr: string }) => e,
        );
      expect((await cli('sheet', 'setup')).code).toBe(0);
      const workbook = join(dir, 'juri.xlsx');
      if (!lock(workbook)) return ctx.skip('this file system has no immutable attribute');

      const refused = await cli('sync');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`tidak dapat menyimpan buku kerja ${join(dir, 'juri.xlsx')}`);
      expect(refused.stdout).not.toContain('ditulis');

      unlock(workbook);
      locked.splice(0);
      const written = await cli('sync');
      expect(written.code, written.stderr).toBe(0);
      expect(written.stdout).toContain('Sinkronisasi:');
    },
  );
});

const BIN = new URL('../../bin/juri.js', import.meta.url).pathname;
