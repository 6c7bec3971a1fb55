import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { CONTACT_PHONE, seedCompetition } from '../browser/seed.ts';
import { csvRecords } from '../helpers/csv.ts';
import { fixedClock, secretariatCookie, testServices } from '../helpers/services.ts';

const ORIGIN = 'http://localhost';
let store: ReturnType<typeof openSqliteStore>;
let services: Services;
let app: ReturnType<typeof createApp>;

const signedIn = () => secretariatCookie(app, ORIGIN);

beforeEach(() => {
  store = openSqliteStore(':memory:');
  services = testServices({ store, clock: fixedClock('2024-12-19T10:00:00+08:00') });
  app = createApp(() => services);
});

afterEach(() => store.close());

describe('the secretariat downloads', () => {
  it('needs the session', async () => {
    const res = await app.request('/sekretariat/ekspor/peringkat.csv');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sekretariat/masuk');
  });

  it('the rankings as CSV: Indonesian Excel’s ";" and decimal comma; English "," and a dot', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    const cookie = await signedIn();
    const res = await app.request('/sekretariat/ekspor/peringkat.csv', { headers: { cookie } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('koin-yanlik-ntt-2024-peringkat.csv');
    const text = await res.text();
    const rows = csvRecords(text, ';');
    expect(rows[0]?.slice(0, 7)).toEqual([
      'Peringkat akhir',
      'Seri',
      'ID',
      'Judul inovasi',
      'Instansi',
      'Wilayah',
      'Kategori',
    ]);
    const winner = seeded.result.final.ranking[0];
    const first = rows[1] ?? [];
    expect(first[2]).toBe(winner?.id);
    expect(first).toContain('93,87');
    // Every entry of the competition, not only the finalists.
    expect(rows).toHaveLength(1 + (seeded.result.stages[0]?.ranking.length ?? 0));
    const en = await (
      await app.request('/sekretariat/ekspor/peringkat.csv?lang=en', { headers: { cookie } })
    ).text();
    const enRows = csvRecords(en);
    expect(enRows[1]).toContain('93.87');
  });

  it('filters the rankings by category', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    const cookie = await signedIn();
    const text = await (
      await app.request('/sekretariat/ekspor/peringkat.csv?kategori=prov', { headers: { cookie } })
    ).text();
    const rows = csvRecords(text, ';');
    const provincial = seeded.innovations.filter((i) => i.category === 'prov').map((i) => i.id);
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(provincial.sort());
  });

  it('the entries as .xlsx: every field, contacts included, numbers as numbers', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    const cookie = await signedIn();
    const res = await app.request('/sekretariat/ekspor/inovasi.xlsx', { headers: { cookie } });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('Inovasi');
    expect(sheet?.rowCount).toBe(1 + seeded.innovations.length);
    const header = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['ID', 'Judul inovasi', 'Instansi', 'Wilayah', 'Kategori']);
    expect(header).toContain('nomor HP narahubung');
    const values = JSON.stringify(sheet?.getSheetValues());
    expect(values).toContain(CONTACT_PHONE(1));
    const ranking = await app.request('/sekretariat/ekspor/peringkat.xlsx', { headers: { cookie } });
    const rbook = new ExcelJS.Workbook();
    await rbook.xlsx.load(await ranking.arrayBuffer());
    const final = (rbook.worksheets[0]?.getRow(2).values ?? []) as unknown[];
    expect(final.some((v) => typeof v === 'number' && Math.abs(v - 93.87) < 0.01)).toBe(true);
  });

  it('never lets a cell run as a formula in Excel', async () => {
    await store.competition(services.competition.id).innovations.upsertInnovation(
      {
        responseId: 'resp-formula',
        submittedAt: '2024-09-01T00:00:00Z',
        source: 'local',
        rawId: 'raw-formula',
        innovation: {
          title: '=HYPERLINK("http://jahat.example","klik")',
          agency: 'Dinas',
          region: 'Alor',
          category: 'kabkota',
        },
      },
      (n) => innovationNumber(2024, n),
    );
    const cookie = await signedIn();
    const text = await (await app.request('/sekretariat/ekspor/inovasi.csv', { headers: { cookie } })).text();
    const rows = csvRecords(text, ';');
    expect(rows[1]?.[1]).toBe('\'=HYPERLINK("http://jahat.example","klik")');
    // Times in the competition's zone (Asia/Makassar), as the secretariat reads them: not UTC.
    const submitted = rows[0]?.indexOf('Dikirim') ?? -1;
    expect(rows[1]?.[submitted]).toBe('2024-09-01 08.00 WITA');
  });
});
