import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { cellDigests } from '../../shared/domain/tab-digests.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import { deskCellsWith as cellsWith, uniqueCompetition } from './store-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'juri-sqlite-cells-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (sequence: number, cells: ScoreEntry[]): SyncRecord => ({
  id: `sync-${String(sequence).padStart(9, '0')}`,
  sequence,
  startedAt: `2024-11-0${sequence}T00:00:00.000Z`,
  finishedAt: `2024-11-0${sequence}T00:00:01.000Z`,
  status: 'written',
  inputHash: `h${sequence}`,
  requests: { reads: 1, writes: 1 },
  cells,
  comments: [],
});

/** The digests a sync saves with: its cells' own, per tab. */
const tabsOf = (cells: ScoreEntry[]) =>
  Object.fromEntries(
    [...cellDigests(cells)].map(([key, digest]) => [key, { read: `r-${key}`, cells: digest }]),
  );

describe('sqlite store: a record’s cells per juror tab', () => {
  it('writes the rows of the tabs that moved only, and every record reads back whole, keys in order', async () => {
    const file = join(dir, 'cells.db');
    const cid = uniqueCompetition();
    const store = openSqliteStore(file);
    const raw = new Database(file);
    const log = store.competition(cid).syncLog;
    const rows = () =>
      raw
        .prepare<[string], { owner: string; tab: string }>(
          'SELECT owner, tab FROM sync_cells WHERE competition = ? ORDER BY owner, tab',
        )
        .all(cid);
    const first = record(1, cellsWith('5'));
    await log.saveSync(first, { readHash: 'a', tabs: tabsOf(first.cells ?? []) });
    expect(rows()).toHaveLength(3);
    const second = record(2, cellsWith('9'));
    await log.saveSync(second, { readHash: 'b', tabs: tabsOf(second.cells ?? []) });
    // One tab moved: one row more, of the second sync.
    expect(rows()).toHaveLength(4);
    expect(rows().filter((r) => r.owner === second.id)).toEqual([{ owner: second.id, tab: 'desk|j2' }]);
    const last = await log.lastSync();
    expect(last).toEqual(second);
    expect(JSON.stringify(last)).toBe(JSON.stringify(second));
    const stored = raw
      .prepare<[string, string], { data: string }>('SELECT data FROM syncs WHERE competition = ? AND id = ?')
      .get(cid, second.id);
    expect(JSON.parse(stored?.data ?? '{}').cells).toEqual([]);
    // The first record too: what its rows name was never changed by the second save.
    raw.prepare('DELETE FROM sync_heads WHERE competition = ?').run(cid);
    raw.prepare('DELETE FROM syncs WHERE competition = ? AND id = ?').run(cid, second.id);
    expect(await log.lastSync()).toEqual(first);
    raw.close();
    store.close();
  });

  it('keeps the cells in the record when they come without digests or not in one run per tab', async () => {
    const file = join(dir, 'inline.db');
    const cid = uniqueCompetition();
    const store = openSqliteStore(file);
    const raw = new Database(file);
    const log = store.competition(cid).syncLog;
    const plain = record(1, cellsWith('5'));
    await log.saveSync(plain, { readHash: 'a' });
    const [j1, ...others] = cellsWith('6');
    const split = record(2, [...others, j1 as ScoreEntry]);
    await log.saveSync(split, { readHash: 'b', tabs: tabsOf(split.cells ?? []) });
    expect(raw.prepare('SELECT count(*) AS n FROM sync_cells WHERE competition = ?').get(cid)).toEqual({
      n: 0,
    });
    expect(await log.lastSync()).toEqual(split);
    const inputs = await log.syncInputs(await log.syncHead(), 0, new Set(['desk|j1']));
    expect(inputs.last?.cells).toEqual([...others.filter((c) => c.juror === 'j1'), j1]);
    raw.close();
    store.close();
  });

  it('opens a file from before the column and reads its records as they were saved', async () => {
    const file = join(dir, 'old.db');
    const cid = uniqueCompetition();
    const old = record(1, cellsWith('5'));
    const before = new Database(file);
    before.exec(`CREATE TABLE syncs (competition TEXT NOT NULL, id TEXT NOT NULL, finished_at TEXT NOT NULL,
      data TEXT NOT NULL, PRIMARY KEY (competition, id))`);
    before
      .prepare('INSERT INTO syncs VALUES (?, ?, ?, ?)')
      .run(cid, old.id, old.finishedAt, JSON.stringify(old));
    before.close();
    const store = openSqliteStore(file);
    expect(await store.competition(cid).syncLog.lastSync()).toEqual(old);
    const next = record(2, cellsWith('7'));
    await store.competition(cid).syncLog.saveSync(next, { readHash: 'n', tabs: tabsOf(next.cells ?? []) });
    expect(await store.competition(cid).syncLog.lastSync()).toEqual(next);
    store.close();
  });
});
