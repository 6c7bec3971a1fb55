import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ownProcess } from '../../infra/local/process-identity.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { AppError } from '../../shared/errors.ts';
import { describeStoreContract } from './store-contract.ts';
import { numberToId, submission, uniqueCompetition } from './store-fixtures.ts';
import { describeSyncHeadContract } from './sync-head-contract.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'juri-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite (memory)', async () => {
  const store = openSqliteStore(':memory:');
  return { store, close: async () => store.close() };
});

describeStoreContract('sqlite (file)', async () => {
  const store = openSqliteStore(join(dir, 'contract.db'));
  return { store, close: async () => store.close() };
});

describeSyncHeadContract('sqlite (file)', async () => {
  const file = join(dir, 'head.db');
  const store = openSqliteStore(file);
  const raw = new Database(file);
  return {
    store,
    close: async () => {
      raw.close();
      store.close();
    },
    dropHead: async (cid) => {
      raw.prepare('DELETE FROM sync_heads WHERE competition = ?').run(cid);
    },
  };
});

describe('sqlite store on disk', () => {
  it('keeps data across a restart and continues the numbering', async () => {
    const file = join(dir, 'restart.db');
    const cid = uniqueCompetition();
    const first = openSqliteStore(file);
    await first
      .competition(cid)
      .innovations.upsertInnovation(submission('r1', '2024-10-01T00:00:00Z'), numberToId);
    await first.competition(cid).cursors.setCursor('forms', 'c1');
    first.close();

    const second = openSqliteStore(file);
    expect((await second.competition(cid).innovations.listInnovations()).map((i) => i.id)).toEqual([
      'INOV-2024-001',
    ]);
    expect(await second.competition(cid).cursors.getCursor('forms')).toBe('c1');
    const next = await second
      .competition(cid)
      .innovations.upsertInnovation(submission('r2', '2024-10-01T00:00:00Z'), numberToId);
    expect(next.innovation.id).toBe('INOV-2024-002');
    second.close();
  });

  it('is exactly-once and gap-free across several processes writing one file', async () => {
    const file = join(dir, 'processes.db');
    const cid = uniqueCompetition();
    openSqliteStore(file).close();
    const shared = Array.from({ length: 20 }, (_, i) => `shared-${i}`);
    const child = new URL('./sqlite-upsert-child.ts', import.meta.url).pathname;
    const outputs = await Promise.all(
      Array.from({ length: 4 }, async (_, p) => {
        const own = Array.from({ length: 10 }, (_, i) => `own-${p}-${i}`);
        // Each process walks the shared ids in its own order, interleaving its own ids.
        const ids = p % 2 === 0 ? [...shared, ...own] : [...own, ...shared].reverse();
        const { stdout } = await run(process.execPath, ['--import', 'tsx', child, file, cid, ...ids]);
        return JSON.parse(stdout) as { id: string; outcome: string; number: string }[];
      }),
    );
    const all = outputs.flat();
    expect(all).toHaveLength(4 * 30);
    const created = all.filter((r) => r.outcome === 'created');
    expect(created).toHaveLength(20 + 40);
    expect(new Set(created.map((r) => r.id)).size).toBe(60);
    const numberOf = new Map(created.map((r) => [r.id, r.number]));
    for (const r of all) expect(r.number).toBe(numberOf.get(r.id));

    const store = openSqliteStore(file);
    const listed = await store.competition(cid).innovations.listInnovations();
    expect(listed.map((i) => i.id)).toEqual(Array.from({ length: 60 }, (_, i) => numberToId(i + 1)));
    store.close();
  });

  it('reports a locked database as storage_unavailable, and the retry lands exactly once', async () => {
    const file = join(dir, 'locked.db');
    const cid = uniqueCompetition();
    const store = openSqliteStore(file, { busyTimeoutMs: 0 });
    const blocker = new Database(file);
    blocker.exec('BEGIN EXCLUSIVE');
    const attempt = store
      .competition(cid)
      .innovations.upsertInnovation(submission('r1', '2024-10-01T00:00:00Z'), numberToId);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
    blocker.exec('ROLLBACK');
    blocker.close();

    const retried = await store
      .competition(cid)
      .innovations.upsertInnovation(submission('r1', '2024-10-01T00:00:00Z'), numberToId);
    const again = await store
      .competition(cid)
      .innovations.upsertInnovation(submission('r1', '2024-10-01T00:00:00Z'), numberToId);
    expect([retried.outcome, again.outcome]).toEqual(['created', 'unchanged']);
    expect((await store.competition(cid).innovations.listInnovations()).map((i) => i.id)).toEqual([
      'INOV-2024-001',
    ]);
    store.close();
  });

  it('takes over at once a lease whose process was killed, never one whose process still runs', async () => {
    const file = join(dir, 'killed-holder.db');
    const cid = uniqueCompetition();
    openSqliteStore(file).close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./sqlite-lease-child.ts', import.meta.url).pathname, file, cid],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    expect(first.toString()).toBe('held\n');
    const store = openSqliteStore(file);
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    // The child's lease runs for an hour: while it lives, it holds it.
    expect(await store.competition(cid).leases.acquireLease('sync', 'after', now, until)).toBe(false);
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    expect(await store.competition(cid).leases.acquireLease('sync', 'after', now, until)).toBe(true);
    store.close();
  });

  it('tells a reused pid from the process that took the lease, and waits out a lease that names no process', async () => {
    const file = join(dir, 'reused-pid.db');
    const cid = uniqueCompetition();
    const store = openSqliteStore(file);
    const raw = new Database(file);
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    const holdAs = (holderProcess: string | null) =>
      raw
        .prepare(
          `INSERT OR REPLACE INTO leases (competition, name, holder, until_ms, holder_process) VALUES (?, 'sync', 'earlier', ?, ?)`,
        )
        .run(cid, now.getTime() + 3_600_000, holderProcess);
    // This very process, as it is: alive.
    holdAs(JSON.stringify(ownProcess()));
    expect(await store.competition(cid).leases.acquireLease('sync', 'next', now, until)).toBe(false);
    // A lease from before processes were recorded: it waits for its expiry, as it always did.
    holdAs(null);
    expect(await store.competition(cid).leases.acquireLease('sync', 'next', now, until)).toBe(false);
    const me = ownProcess();
    if (me.start !== null) {
      // The same pid, started at another time: another process that got the number after a crash.
      holdAs(JSON.stringify({ ...me, start: String(Number(me.start) + 1) }));
      expect(await store.competition(cid).leases.acquireLease('sync', 'next', now, until)).toBe(true);
    }
    raw.close();
    store.close();
  });
});
