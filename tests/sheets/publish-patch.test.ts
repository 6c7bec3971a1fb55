import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { MAX_CHANGE_ROWS } from '../../functions/scores/sync-read.ts';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { emptyBook, getCell } from '../../infra/local-sheets/model.ts';
import { applyRequests } from '../../infra/local-sheets/structure.ts';
import { sizeOf, tabValues } from '../../infra/sheets/publish-cells.ts';
import { type PublishMeta, stageRequests, swapRequests } from '../../infra/sheets/publish-plan.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { isAppError } from '../../shared/errors.ts';
import type { SyncLog } from '../../shared/ports.ts';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';
import { EMULATOR_DEADLINE, emulatorFirestore } from '../setup/firestore-emulator.ts';
import {
  type SheetEnv,
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  submission,
  typeScores,
} from './helpers.ts';

/**
 * A log tab that only grows at the top (the "Riwayat Nilai" tab) is patched in place, not rewritten:
 * whatever the patch sends, the live tab must read exactly as a tab written whole with the new content.
 * The requests go through the local Sheets server's own handlers.
 */

const CAP = 5;

/** The newest CAP of `total` log lines, newest first, and a footer counting the rest. */
function logTab(total: number, added: number): OutputTab {
  const shown = Math.min(total, CAP);
  const rows: string[][] = Array.from({ length: shown }, (_, i) => [`line ${total - i}`, `x${total - i}`]);
  if (total > shown) rows.push([`${total - shown} older`]);
  const version = (n: number) => `log ${n}`;
  return {
    key: 'log',
    title: 'Log',
    header: [['what', 'x']],
    rows,
    grown: {
      version: version(total),
      over: version(total - added),
      top: Math.min(added, shown),
      tail: total > shown ? 1 : 0,
    },
  };
}

function publish(book: ReturnType<typeof emptyBook>, meta: PublishMeta, tab: OutputTab) {
  const staged = stageRequests(meta, [tab]);
  applyRequests(book, staged.requests);
  const swap = swapRequests(staged.meta, [tab]);
  applyRequests(book, swap.requests);
  return { meta: swap.meta, staged: staged.requests, swap: swap.requests };
}

function shownValues(book: ReturnType<typeof emptyBook>, meta: PublishMeta, key: string) {
  const sheet = book.sheets.find((s) => s.properties.sheetId === meta.live[key]);
  if (!sheet) throw new Error('no live tab');
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const values = Array.from({ length: rowCount }, (_, r) =>
    Array.from({ length: columnCount }, (_, c) => getCell(sheet, r, c)?.userEnteredValue?.stringValue ?? ''),
  );
  return { values, rowCount, columnCount };
}

function startBook(): { book: ReturnType<typeof emptyBook>; meta: PublishMeta } {
  const book = emptyBook('patch-test', 'juri');
  applyRequests(book, [{ addSheet: { properties: { sheetId: 9, title: '_juri', hidden: true } } }]);
  return { book, meta: { v: 1, gen: 0, next: 100, metaId: 9, live: {}, staging: {} } };
}

describe('a log tab that grows at the top', () => {
  it('reads, after each patch, as the same tab written whole', () => {
    for (const step of [1, 2, 3, 4]) {
      let { book, meta } = startBook();
      let total = 0;
      meta = publish(book, meta, logTab(total, 0)).meta;
      for (let round = 0; round < 6; round++) {
        total += step;
        const tab = logTab(total, step);
        const sent = publish(book, meta, tab);
        meta = sent.meta;
        const patched = step < CAP && total - step > 0;
        expect(
          sent.staged.some((r) => r.addSheet),
          `step ${step}, total ${total}`,
        ).toBe(!patched);
        const { values, rowCount } = shownValues(book, meta, 'log');
        expect(rowCount).toBe(sizeOf(tab).rows);
        const want = tabValues(tab).map((row) => row.map(String));
        expect(values.map((row) => row.slice(0, 2))).toEqual([
          ...want,
          ...Array.from({ length: rowCount - want.length }, () => ['', '']),
        ]);
      }
    }
  });

  it('is written whole when the live tab shows another version than the one it grew from', () => {
    let { book, meta } = startBook();
    meta = publish(book, meta, logTab(3, 3)).meta;
    // A sync whose publish was lost: the log moved on by 2, this one adds 1 more.
    const sent = publish(book, meta, logTab(6, 1));
    expect(sent.staged.some((r) => r.addSheet)).toBe(true);
    expect(sent.swap.some((r) => r.insertDimension)).toBe(false);
    expect(shownValues(book, sent.meta, 'log').values[1]?.[0]).toBe('line 6');
  });
});

describe('a sync after a one-cell edit', () => {
  const startEnv = sheetEnvsClosedAfterEach();

  it('puts the change on top of the live "Riwayat Nilai" tab, which keeps the rows it had', async () => {
    const env = await startEnv();
    await seedInnovations(env, 4);
    await provisionSheet(env.services);
    await typeScores(env, scoreFor, 'desk');
    await runSync(env.services, { trigger: 'cli' });
    const before = await liveLog(env);
    await typeScores(
      env,
      (s, j, i, c) => (j === 'j1' && i === 'INOV-2024-001' && c === 0 ? '1' : scoreFor(s, j, i, c)),
      'desk',
    );
    await runSync(env.services, { trigger: 'scheduled' });
    const after = await liveLog(env);
    expect(after.sheetId).toBe(before.sheetId);
    expect(after.values).toHaveLength(before.values.length + 1);
    expect(after.values[0]).toEqual(before.values[0]);
    expect(after.values[1]?.slice(6, 8)).toEqual([String(scoreFor('desk', 'j1', 'INOV-2024-001', 0)), '1']);
    expect(after.values.slice(2)).toEqual(before.values.slice(1));
  });
});

describe('a sync on Firestore whose log tab is patched', () => {
  const startEnv = sheetEnvsClosedAfterEach();

  it('reads none of the change rows, and writes the tab whole again once it went', async () => {
    const env = await startEnv();
    const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-log-patch-${Date.now()}`);
    onTestFinished(() => db.terminate());
    const stores = createFirestoreStore(db, EMULATOR_DEADLINE).competition(env.services.competition.id);
    const asked: number[] = [];
    const syncLog: SyncLog = {
      ...stores.syncLog,
      syncInputs: (head, tail, tabs) => {
        asked.push(tail);
        return stores.syncLog.syncInputs(head, tail, tabs);
      },
    };
    const services = { ...env.services, stores: { ...stores, syncLog } };
    for (let n = 1; n <= 4; n++) {
      await stores.innovations.upsertInnovation(submission(n), (k) => innovationNumber(2024, k));
    }
    await provisionSheet(services);
    await typeScores(env, scoreFor, 'desk');
    await runSync(services, { trigger: 'cli' });
    const first = await liveLog(env);
    const edit = (value: string) =>
      typeScores(
        env,
        (st, j, i, c) => (j === 'j1' && i === 'INOV-2024-001' && c === 0 ? value : scoreFor(st, j, i, c)),
        'desk',
      );
    await edit('1');
    await runSync(services, { trigger: 'scheduled' });
    const second = await liveLog(env);
    expect(asked).toEqual([MAX_CHANGE_ROWS, 0]);
    expect(second.sheetId).toBe(first.sheetId);
    expect(second.values.slice(2)).toEqual(first.values.slice(1));
    // A person deletes the log tab: the sync that finds out says so and forgets the tab's version…
    await env.client.spreadsheets.batchUpdate({
      spreadsheetId: env.server.spreadsheetId,
      requestBody: { requests: [{ deleteSheet: { sheetId: second.sheetId ?? null } }] },
    });
    await edit('2');
    const failed = await runSync(services, { trigger: 'scheduled' }).catch((e: unknown) => e);
    expect(isAppError(failed) && failed.code).toBe('sheet_unavailable');
    expect(isAppError(failed) && failed.text.id).toContain('Riwayat Nilai');
    // …so the next one reads every row and writes the tab whole: nothing is lost.
    await runSync(services, { trigger: 'scheduled' });
    const rebuilt = await liveLog(env);
    expect(asked.slice(2)).toEqual([0, MAX_CHANGE_ROWS]);
    expect(rebuilt.values).toHaveLength(second.values.length + 1);
    expect(rebuilt.values[1]?.slice(6, 8)).toEqual(['1', '2']);
    expect(rebuilt.values.slice(2)).toEqual(second.values.slice(1));
  });
});

async function liveLog(env: SheetEnv): Promise<{ values: string[][]; sheetId: number | undefined }> {
  const tab = (await env.server.snapshot()).find((t) => t.title === '» Riwayat Nilai');
  const meta = await env.client.spreadsheets.values.get({
    spreadsheetId: env.server.spreadsheetId,
    range: "'_juri'!A1",
  });
  const live = (JSON.parse(String(meta.data.values?.[0]?.[0])) as PublishMeta).live;
  return { values: tab?.values ?? [], sheetId: live['score-changes'] };
}
