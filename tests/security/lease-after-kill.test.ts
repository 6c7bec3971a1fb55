import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { budget, CLI_MS } from '../helpers/budgets.ts';
import { type ServeChild, startServe } from '../helpers/serve-child.ts';
import { submission } from '../sheets/helpers.ts';
import { CID } from './helpers.ts';

/**
 * Issue 20, probe 2: `npm start`, a sync running, and the process stopped under it. The sync is held
 * deterministically: the workbook is swapped for a named pipe, so the local Sheets server's next read of
 * it waits until the test writes the pipe (as a file on a hung network drive would), while the sync holds
 * its lease. Nothing here depends on how fast anything runs.
 */
describe.skipIf(process.platform === 'win32')(
  'the sync lease when npm start is stopped during a sync',
  () => {
    const running: ServeChild[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((s) => s.kill()));
    });
    const serve = async (dir: string) => {
      const served = await startServe(dir);
      running.push(served);
      return served;
    };

    let dir: string;
    beforeAll(
      async () => {
        // A few entries, so the first start skips the demo; then the tabs and one sync, on disk after the stop.
        dir = mkdtempSync(join(tmpdir(), 'juri-lease-'));
        const seed = openSqliteStore(join(dir, 'juri.db'));
        for (let n = 1; n <= 5; n++)
          await seed
            .competition(CID)
            .innovations.upsertInnovation(submission(n), (k) => innovationNumber(2024, k));
        seed.close();
        const first = await serve(dir);
        expect((await admin(first, '/admin/sheet/setup')).status).toBe(200);
        expect((await admin(first, '/admin/sync')).status).toBe(200);
        await first.stop();
      },
      budget(3 * CLI_MS),
    );

    // npm start serves the seeded year and an open one; the unprefixed /admin is the open one's.
    const admin = (served: ServeChild, path: string) =>
      fetch(`${served.url}/${CID}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as { adminToken: string }).adminToken}`,
        },
      });

    /** The holder of the sync lease as the database has it now, if any. */
    const leaseHolder = (): string | undefined => {
      const db = new Database(join(dir, 'juri.db'));
      try {
        return db
          .prepare<[string], { holder: string }>(
            "SELECT holder FROM leases WHERE competition = ? AND name = 'sync'",
          )
          .get(CID)?.holder;
      } finally {
        db.close();
      }
    };

    it('after kill -9 during a sync, the restarted server syncs at once (200, not 409 busy)', {
      timeout: budget(4 * CLI_MS),
    }, async () => {
      const second = await serve(dir);
      const hold = holdWorkbook(dir);
      const stuck = admin(second, '/admin/sync').catch(() => null);
      await until(() => leaseHolder() !== undefined);
      await second.kill();
      await stuck;
      hold.restore();
      // The dead process's lease is still in the file: the next sync must see that its holder is gone.
      expect(leaseHolder()).toBeDefined();

      const third = await serve(dir);
      const again = await admin(third, '/admin/sync');
      expect(again.status, await again.clone().text()).toBe(200);
      await third.stop();
    });

    it('Ctrl+C / SIGTERM during a sync stops it and frees the lease before the server closes', {
      timeout: budget(4 * CLI_MS),
    }, async () => {
      const served = await serve(dir);
      const hold = holdWorkbook(dir);
      const stuck = admin(served, '/admin/sync').catch(() => null);
      await until(() => leaseHolder() !== undefined);
      void served.stop();
      // Printed once the HTTP server has closed, before the workbook and the database are closed.
      await until(() => served.output().includes('Menyimpan workbook'));
      expect(leaseHolder()).toBeUndefined();
      // Whether the local Sheets server still waits on its read depends on how far the sync got: end it.
      await served.kill();
      await stuck;
      hold.restore();
      const db = openSqliteStore(join(dir, 'juri.db'));
      const last = await db.competition(CID).syncLog.lastSync();
      db.close();
      expect(last?.status).toBe('failed');
      expect(last?.message).toContain('juri sedang dihentikan');

      const next = await serve(dir);
      expect((await admin(next, '/admin/sync')).status).toBe(200);
      await next.stop();
    });
  },
);

/** Swaps the workbook for a named pipe, which nothing writes; `restore` puts the file back. */
function holdWorkbook(dir: string) {
  const file = join(dir, 'juri.xlsx');
  const aside = join(dir, 'held.xlsx');
  renameSync(file, aside);
  execFileSync('mkfifo', ['-m', '600', file]);
  return {
    restore: () => {
      rmSync(file, { force: true });
      renameSync(aside, file);
    },
  };
}

/** Waits for a condition on another process; the test's timeout is the only bound. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 50));
}
