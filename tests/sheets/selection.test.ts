import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { SELECTION_TAB_TITLE } from '../../shared/sheet/selection-tab.ts';
import {
  type SheetEnv,
  scoreFor,
  sheetEnvsClosedAfterEach,
  submission,
  tabOf,
  typeInSelection,
  typeScores,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

/** Six entries: #2 started in 2023 (too recent), #3 is titled like the 2023 winner (to check). */
async function seeded(): Promise<SheetEnv> {
  const env = await startEnv();
  for (let n = 1; n <= 6; n++) {
    const fields = {
      ...(n === 2 ? { details: { startYear: '2023' } } : { details: { startYear: '2021' } }),
      ...(n === 3 ? { title: 'Posyandu Prima Cegah Stunting Berbasis Desa' } : {}),
    };
    await env.store
      .competition(env.services.competition.id)
      .innovations.upsertInnovation(submission(n, fields), (k) => innovationNumber(2024, k));
  }
  return env;
}

describe('administrative selection through the Sheet', () => {
  it('writes a "Seleksi" tab, ranks and provisions only the entries that pass, and lets the secretariat decide', async () => {
    const env = await seeded();
    const cid = env.services.competition.id;
    await provisionSheet(env.services);
    const first = await runSync(env.services, { trigger: 'cli' });
    expect(first.selection?.verdicts.map((v) => v.outcome)).toEqual([
      'pass',
      'fail',
      'check',
      'pass',
      'pass',
      'pass',
    ]);
    const tab = await tabOf(env, SELECTION_TAB_TITLE);
    expect(tab?.values[0]?.[7]).toBe('Keputusan sekretariat (ketik Lolos / Tidak lolos)');
    expect(tab?.values[2]?.[5]).toBe('Tidak lolos');
    expect(tab?.values[2]?.[6]).toContain('baru berjalan sejak 2023');
    expect(tab?.values[3]?.[6]).toContain('mirip');
    expect(first.result?.stages[0]?.ranking.map((e) => e.id).sort()).toEqual([
      'INOV-2024-001',
      'INOV-2024-004',
      'INOV-2024-005',
      'INOV-2024-006',
    ]);
    const deskTab = jurorTabs(env.services.competition)[0];
    // The rows below the juror tab's header block: one per entry that passed.
    const ids = (await tabOf(env, deskTab?.title ?? ''))?.values.map((r) => String(r[0] ?? ''));
    expect(ids?.filter((id) => id.startsWith('INOV-'))).toEqual([
      'INOV-2024-001',
      'INOV-2024-004',
      'INOV-2024-005',
      'INOV-2024-006',
    ]);

    // The secretariat lets #3 through and keeps #2 out, by typing in the tab.
    await typeInSelection(env, 'INOV-2024-003', ['Lolos', 'Maria Ina', 'berbeda dari pemenang 2023']);
    await typeInSelection(env, 'INOV-2024-002', ['tidak lolos', 'Yosef', '']);
    env.services.clock = { now: () => new Date('2024-11-02T09:30:00+08:00') };
    const second = await runSync(env.services, { trigger: 'cli' });
    expect(second.status).toBe('written');
    expect(second.selection?.verdicts.find((v) => v.id === 'INOV-2024-003')).toMatchObject({
      rule: 'check',
      outcome: 'pass',
      override: { decision: 'pass', by: 'Maria Ina', note: 'berbeda dari pemenang 2023' },
    });
    expect(second.selection?.log).toEqual([
      {
        id: 'INOV-2024-002',
        decision: 'fail',
        by: 'Yosef',
        note: '',
        at: '2024-11-02T01:30:00.000Z',
        sync: second.id,
      },
      {
        id: 'INOV-2024-003',
        decision: 'pass',
        by: 'Maria Ina',
        note: 'berbeda dari pemenang 2023',
        at: '2024-11-02T01:30:00.000Z',
        sync: second.id,
      },
    ]);
    expect(second.result?.stages[0]?.ranking.map((e) => e.id)).toContain('INOV-2024-003');
    // The sync itself gives the entry let through its juror rows (issue 19: no setup needed).
    expect(second.rowsPlaced?.map((p) => p.innovation)).toEqual(['INOV-2024-003']);
    expect((await tabOf(env, deskTab?.title ?? ''))?.values.map((r) => r[0])).toContain('INOV-2024-003');
    // What the secretariat typed survives the rewrite of the tab.
    const rewritten = await tabOf(env, SELECTION_TAB_TITLE);
    expect(rewritten?.values[3]?.slice(7)).toEqual([
      'Lolos',
      'Maria Ina',
      'berbeda dari pemenang 2023',
      'Lolos',
    ]);

    // Nothing typed since: the next sync changes nothing and logs nothing new.
    const third = await runSync(env.services, { trigger: 'cli' });
    expect(third.status).toBe('unchanged');
    // An unchanged sync copies nothing: the last full record, as the pages read it, keeps the log.
    expect((await env.store.competition(cid).syncLog.lastSync())?.selection?.log).toHaveLength(2);

    // Setup afterwards finds the entry let through in the first stage's juror tabs already.
    await provisionSheet(env.services);
    expect((await tabOf(env, deskTab?.title ?? ''))?.values.slice(3).map((r) => r[0])).toContain(
      'INOV-2024-003',
    );
    expect(await env.store.competition(cid).syncLog.lastSync()).toMatchObject({ status: 'unchanged' });
  });

  it('leaves out scores typed for an entry that did not pass, and survives the tab being deleted', async () => {
    const env = await seeded();
    await provisionSheet(env.services);
    await runSync(env.services, { trigger: 'cli' });
    await typeInSelection(env, 'INOV-2024-003', ['Lolos', 'Maria Ina', '']);
    await runSync(env.services, { trigger: 'cli' });
    await provisionSheet(env.services);
    await typeScores(env, scoreFor, 'desk');
    // Now the secretariat changes its mind: #3 is out after all; its typed scores are not counted.
    await typeInSelection(env, 'INOV-2024-003', ['Tidak lolos', 'Maria Ina', 'ternyata sama']);
    const out = await runSync(env.services, { trigger: 'cli' });
    expect(out.result?.stages[0]?.ranking.map((e) => e.id)).not.toContain('INOV-2024-003');
    expect(out.result?.problems.filter((p) => p.innovation === 'INOV-2024-003')).toEqual([]);

    const info = await env.client.spreadsheets.get({ spreadsheetId: env.server.spreadsheetId });
    const sheetId =
      info.data.sheets?.find((s) => s.properties?.title === SELECTION_TAB_TITLE)?.properties?.sheetId ?? null;
    await env.client.spreadsheets.batchUpdate({
      spreadsheetId: env.server.spreadsheetId,
      requestBody: { requests: [{ deleteSheet: { sheetId } }] },
    });
    const again = await runSync(env.services, { trigger: 'cli' });
    expect(again.status).not.toBe('failed');
    expect(again.selection?.verdicts.find((v) => v.id === 'INOV-2024-003')?.outcome).toBe('fail');
    expect((await tabOf(env, SELECTION_TAB_TITLE))?.values[3]?.slice(7)).toEqual([
      'Tidak lolos',
      'Maria Ina',
      'ternyata sama',
      'Tidak lolos',
    ]);
  });
});
