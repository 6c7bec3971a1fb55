import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { seedCompetition } from '../browser/seed.ts';
import { NATIONAL_MS } from '../helpers/budgets.ts';
import { fixedClock, secretariatCookie, testServices } from '../helpers/services.ts';

/**
 * The console at national scale (issue 23): 3,500 entries, both stages judged and fixed. Every page stays
 * within the budget a phone on a slow line can take, by showing long lists a page at a time.
 */
const ENTRIES = 3_500;
const BUDGET = 40 * 1024;
const ORIGIN = 'http://localhost';
const PAGES = [
  '/sekretariat',
  '/sekretariat/seleksi',
  '/sekretariat/seleksi?halaman=70',
  '/sekretariat/penilaian',
  '/sekretariat/keadilan',
  '/sekretariat/keadilan?tahap=final',
  '/sekretariat/hasil',
  '/sekretariat/hasil?halaman=70',
  '/sekretariat/hasil?kategori=prov',
  '/sekretariat/pengaturan',
];

const store = openSqliteStore(':memory:');
const services = testServices({ store, clock: fixedClock('2024-12-20T10:00:00+08:00') });
const app = createApp(() => services);
let cookie = '';

beforeAll(async () => {
  await seedCompetition(services, { interviewDone: true, count: ENTRIES });
  cookie = await secretariatCookie(app, ORIGIN);
  // A hang detector, not a speed check: the file takes about 55 s on an idle 2-core machine, 320 s at load 13.
}, NATIONAL_MS);

afterAll(() => store.close());

// Hang detectors too: one test renders ten pages of 3,500 entries, 121-170 s each at load 19 on 2 cores.
describe(`the console with ${ENTRIES} entries`, { timeout: NATIONAL_MS }, () => {
  it('keeps every page within 40 KB', async () => {
    const sizes: Record<string, number> = {};
    for (const path of PAGES) {
      const res = await app.request(`${ORIGIN}${path}`, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      sizes[path] = new TextEncoder().encode(await res.text()).length;
    }
    const over = Object.entries(sizes).filter(([, size]) => size >= BUDGET);
    expect(over, JSON.stringify(sizes)).toEqual([]);
  });

  it('lists the entries and the rankings 50 to a page, with the way to the next and the previous', async () => {
    const first = await (await app.request(`${ORIGIN}/sekretariat/seleksi`, { headers: { cookie } })).text();
    expect(first).toContain(`Pendaftaran masuk (${ENTRIES})`);
    expect(first).toContain('Halaman 1 dari 70');
    expect(first).toContain('href="/sekretariat/seleksi?halaman=2#pendaftar"');
    const last = await (
      await app.request(`${ORIGIN}/sekretariat/seleksi?halaman=70`, { headers: { cookie } })
    ).text();
    expect(last).toContain('Halaman 70 dari 70');
    expect(last).toContain('href="/sekretariat/seleksi?halaman=69#pendaftar"');
    expect(last).not.toContain('?halaman=71');
    const ranking = await (
      await app.request(`${ORIGIN}/sekretariat/hasil?kategori=prov&halaman=2`, { headers: { cookie } })
    ).text();
    expect(ranking).toContain('href="/sekretariat/hasil?kategori=prov&amp;halaman=1#peringkat"');
  });
});
