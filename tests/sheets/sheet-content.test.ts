import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { isAppError } from '../../shared/errors.ts';
import {
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  submission,
  typeScores,
  visible,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

const INJECTION = '=IMPORTXML("http://x","//a")';

describe('the shared sheet', () => {
  it('shows a submission titled like a formula as text, in juror tabs, rankings and the file', async () => {
    const env = await startEnv();
    await env.store
      .competition(env.services.competition.id)
      .innovations.upsertInnovation(submission(1, { title: INJECTION }), (k) => innovationNumber(2024, k));
    await seedInnovations(env, 5, 2);
    await provisionSheet(env.services);
    await typeScores(env, scoreFor, 'desk');
    await runSync(env.services, { trigger: 'cli' });
    const got = await env.client.spreadsheets.values.batchGet({
      spreadsheetId: env.server.spreadsheetId,
      ranges: ["'Yohanes Bria – Proposal'!B6", "'» Peringkat Penilaian Proposal'!A1:F"],
      valueRenderOption: 'FORMULA',
    });
    expect(got.data.valueRanges?.[0]?.values?.[0]?.[0]).toBe(INJECTION);
    const ranking = got.data.valueRanges?.[1]?.values ?? [];
    expect(ranking.some((row) => row[3] === INJECTION)).toBe(true);
    const wb = new ExcelJS.Workbook();
    // What a person opens is the file: the server writes it behind the answer.
    await env.server.flush();
    await wb.xlsx.readFile(env.file);
    const cell = wb.getWorksheet('Yohanes Bria – Proposal')?.getCell('B6');
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe(INJECTION);
  });

  it('keeps typed scores when re-provisioning, and appends new innovations', async () => {
    const env = await startEnv();
    await seedInnovations(env, 6);
    const first = await provisionSheet(env.services);
    expect(first.tabsCreated).toHaveLength(10);
    // A decimal comma typed as text must still count.
    await typeScores(env, (s, j, i, c) => (c === 0 ? '8,5' : scoreFor(s, j, i, c)), 'desk');
    const range = "'Maria Nahak – Proposal'!A6:D";
    const read = async () =>
      (await env.client.spreadsheets.values.get({ spreadsheetId: env.server.spreadsheetId, range }))?.data
        .values ?? [];
    const typed = await read();
    await seedInnovations(env, 3, 7);
    const second = await provisionSheet(env.services);
    expect(second.tabsCreated).toEqual([]);
    expect(second.rowsAdded).toBe(15);
    const after = await read();
    expect(after.slice(0, typed.length)).toEqual(typed);
    expect(after).toHaveLength(9);
    const third = await provisionSheet(env.services);
    expect(third.rowsAdded).toBe(0);
    expect(await read()).toEqual(after);

    const record = await runSync(env.services, { trigger: 'cli' });
    const problems = record.result?.problems.filter((p) => p.code === 'not-a-number') ?? [];
    expect(problems).toEqual([]);
    // Conflicted rows (juror from the innovation's region) are locked to the secretariat.
    const info = await env.client.spreadsheets.get({ spreadsheetId: env.server.spreadsheetId });
    const j2 = info.data.sheets?.find((s) => s.properties?.title === 'Maria Nahak – Proposal');
    const descriptions = (j2?.protectedRanges ?? []).map((p) => p.description);
    expect(descriptions).toContain('juri:tab');
    expect(descriptions).toContain('juri:header');
    expect(descriptions).toContain('juri:conflict');
    expect(j2?.properties?.gridProperties?.frozenRowCount).toBe(5);
  });

  it('re-reads the workbook after a person saved it, and says plainly when it is open or broken', async () => {
    const env = await startEnv();
    await seedInnovations(env, 3);
    await provisionSheet(env.services);
    await runSync(env.services, { trigger: 'cli' });
    // A person types a score in the file and saves it.
    const wb = new ExcelJS.Workbook();
    // What a person opens is the file: the server writes it behind the answer.
    await env.server.flush();
    await wb.xlsx.readFile(env.file);
    const ws = wb.getWorksheet('Yohanes Bria – Proposal');
    if (!ws) throw new Error('juror tab missing');
    // The first criterion's cell of the first entry; LibreOffice would refuse it, a program need not.
    ws.getCell('G6').value = 'tujuh';
    await wb.xlsx.writeFile(env.file);
    const record = await runSync(env.services, { trigger: 'cli' });
    expect(record.status).toBe('written');
    expect(
      record.result?.problems.some((p) => p.value === 'tujuh' && p.cell === "'Yohanes Bria – Proposal'!G6"),
    ).toBe(true);
    // LibreOffice has it open: writing would be undone by its next save.
    const lock = join(env.dir, '.~lock.juri.xlsx#');
    writeFileSync(lock, 'someone');
    ws.getCell('G6').value = 70;
    await wb.xlsx.writeFile(env.file);
    const refusedBefore = env.server.log.filter((e) => e.status === 503).length;
    const locked = await runSync(env.services, { trigger: 'cli' }).catch((e: unknown) => e);
    expect(isAppError(locked) && locked.messageIn('id')).toMatch(/sedang dibuka di LibreOffice atau Excel/);
    // One language per message, and no retrying what only a person can fix.
    expect(isAppError(locked) && locked.messageIn('id')).not.toMatch(/ \/ |The workbook/);
    expect(env.server.log.filter((e) => e.status === 503).length - refusedBefore).toBe(1);
    writeFileSync(env.file, 'not a workbook');
    const broken = await runSync(env.services, { trigger: 'cli' }).catch((e: unknown) => e);
    expect(isAppError(broken) && broken.messageIn('en')).toMatch(/cannot be read/);
  });

  it('serves the admin routes behind the admin token', async () => {
    const env = await startEnv();
    await seedInnovations(env, 4);
    const services = env.services;
    const app = createApp(() => services);
    const denied = await app.request('/admin/sync', { method: 'POST' });
    expect(denied.status).toBe(401);
    const auth = { authorization: `Bearer ${services.secrets.adminToken}` };
    const setup = await app.request('/admin/sheet/setup', { method: 'POST', headers: auth });
    expect(setup.status).toBe(200);
    expect(((await setup.json()) as { tabs: number }).tabs).toBe(10);
    const sync = await app.request('/admin/sync', { method: 'POST', headers: auth });
    expect(sync.status).toBe(200);
    expect(await sync.json()).toMatchObject({ status: 'written', requests: { reads: 1, writes: 1 } });
    // A scheduled tick then finds nothing new; the last sync, as the dashboard sees it, says so.
    await runSync(services, { trigger: 'scheduled' });
    const last = await app.request('/admin/sync', { headers: auth });
    expect(await last.json()).toMatchObject({
      sync: { status: 'unchanged', requests: { reads: 1, writes: 0 } },
    });
    expect((await app.request('/admin/sync')).status).toBe(401);
    const tabs = visible(await env.server.snapshot()).map((t) => t.title);
    // The jurors' tabs first, then the guide, then juri's outputs; no stray "Sheet1".
    expect(tabs).toEqual([
      'Yohanes Bria – Proposal',
      'Maria Nahak – Proposal',
      'Agustinus Lado – Proposal',
      'Fransiska Wula – Proposal',
      'Benediktus Tefa – Proposal',
      'Yohanes Bria – Wawancara',
      'Maria Nahak – Wawancara',
      'Agustinus Lado – Wawancara',
      'Fransiska Wula – Wawancara',
      'Benediktus Tefa – Wawancara',
      'Petunjuk',
      '» Peringkat Penilaian Proposal',
      '» Peringkat Presentasi dan…',
      '» Peringkat Akhir',
      '» Periksa Nilai',
      '» Progres Juri',
      '» Belum Dinilai',
      '» Catatan Juri',
      '» Ditolak',
      '» Seleksi',
      '» Uji Metode',
      '» Stabilitas Peringkat',
      '» Riwayat Nilai',
    ]);
  });
});
