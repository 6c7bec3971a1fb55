import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { columnOf, jurorColumns, jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { a1Cell, JUROR_HEADER_ROWS } from '../../shared/sheet/layout.ts';
import { scoreFor, seedInnovations, sheetEnvsClosedAfterEach, typeScores } from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

describe('what the secretariat sees of the jurors’ work', () => {
  it('lists per juror what is still empty, with reminders ready to send, and the jurors’ remarks', async () => {
    const env = await startEnv();
    await seedInnovations(env, 6);
    await provisionSheet(env.services);
    // j1 leaves two criteria of INOV-2024-002 empty; j3 has not started; everyone else is done.
    await typeScores(
      env,
      (s, j, i, c) =>
        j === 'j3' || (j === 'j1' && i === 'INOV-2024-002' && c >= 5) ? null : scoreFor(s, j, i, c),
      'desk',
    );
    const tab = jurorTabs(env.services.competition)[0];
    if (!tab) throw new Error('no tab');
    const remark = a1Cell(
      tab.title,
      columnOf(jurorColumns(env.services.competition, tab.stage), 'comment'),
      JUROR_HEADER_ROWS,
    );
    await env.client.spreadsheets.values.update({
      spreadsheetId: env.server.spreadsheetId,
      range: remark,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['Dampak belum didukung data.']] },
    });
    const record = await runSync(env.services, { trigger: 'cli' });
    expect(record.comments).toEqual([
      {
        stage: 'desk',
        juror: 'j1',
        innovation: 'INOV-2024-001',
        text: 'Dampak belum didukung data.',
        cell: remark,
      },
    ]);
    const j1 = record.progress?.find((p) => p.stage === 'desk' && p.juror === 'j1');
    expect(j1).toMatchObject({ pending: ['INOV-2024-002'], emptyCells: 2 });

    const tabs = await env.server.snapshot();
    const missing = tabs.find((t) => t.title === '» Belum Dinilai')?.values ?? [];
    expect(missing[0]).toEqual([
      'Tahap',
      'Juri',
      'Nama',
      'ID Inovasi',
      'Judul Inovasi',
      'Kriteria belum dinilai',
      'Pengingat WhatsApp',
      'Pengingat Email',
    ]);
    expect(missing[1]?.slice(0, 4)).toEqual([
      'Penilaian Proposal',
      'j1',
      'Dr. Yohanes Bria, M.Si.',
      '1 inovasi, 2 sel kosong',
    ]);
    expect(missing[1]?.slice(6)).toEqual(['Kirim lewat WhatsApp', 'Kirim email']);
    expect(missing[2]?.slice(3, 6)).toEqual([
      'INOV-2024-002',
      'Inovasi Layanan 2',
      'Sumber Daya, Strategi Keberlanjutan',
    ]);
    const j3 = missing.findIndex((r) => r[1] === 'j3');
    expect(missing[j3]?.[3]).toMatch(/^\d inovasi, \d+ sel kosong$/);
    expect(missing[j3 + 1]?.[5]).toBe('semua kriteria');
    // The reminders are links, written as formulas over their label.
    const formulas = await env.client.spreadsheets.values.get({
      spreadsheetId: env.server.spreadsheetId,
      range: "'» Belum Dinilai'!G2:H2",
      valueRenderOption: 'FORMULA',
    });
    const [wa, mail] = formulas.data.values?.[0] ?? [];
    expect(wa).toMatch(/^=HYPERLINK\("https:\/\/wa\.me\/6281234560001\?text=Yth\.%20Bapak%20Dr\.%20Yohanes/);
    expect(mail).toMatch(/^=HYPERLINK\("mailto:juri1@example\.org\?subject=Pengingat%20penilaian/);

    const comments = tabs.find((t) => t.title === '» Catatan Juri')?.values ?? [];
    expect(comments[1]).toEqual([
      'Penilaian Proposal',
      'INOV-2024-001',
      'Inovasi Layanan 1',
      'j1',
      'Dr. Yohanes Bria, M.Si.',
      'Dampak belum didukung data.',
      remark,
    ]);
  });

  it('colours the tabs people type into apart from juri’s, keeps the bookkeeping hidden, and leaves no staging tab', async () => {
    const env = await startEnv();
    await seedInnovations(env, 3);
    await provisionSheet(env.services);
    await runSync(env.services, { trigger: 'cli' });
    const info = await env.client.spreadsheets.get({ spreadsheetId: env.server.spreadsheetId });
    const sheets = info.data.sheets ?? [];
    const colour = (title: string) =>
      sheets.find((s) => s.properties?.title === title)?.properties?.tabColorStyle?.rgbColor;
    const green = colour('Yohanes Bria – Proposal');
    const blue = colour('» Peringkat Akhir');
    expect(green?.green).toBeGreaterThan(green?.blue ?? 1);
    expect(blue?.blue).toBeGreaterThan(blue?.green ?? 1);
    expect(colour('Petunjuk')).toEqual(green);
    for (const s of sheets) {
      const title = s.properties?.title ?? '';
      expect(Boolean(s.properties?.hidden), title).toBe(title === '_juri');
      expect(title).not.toMatch(/^_stg_/);
    }
    expect(sheets.map((s) => s.properties?.title)).not.toContain('Sheet1');
  });
});
