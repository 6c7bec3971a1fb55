import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { CONTACT_EMAIL, CONTACT_PHONE, type Seeded, seedCompetition } from '../browser/seed.ts';
import { fixedClock, TEST_SECRETS, testServices } from '../helpers/services.ts';

const CID = 'koin-yanlik-ntt-2024';
const BEFORE = '2024-12-20T08:59:00+08:00';
const AFTER = '2024-12-20T09:00:00+08:00';
/**
 * A phone on a slow line in Kupang: each console page at NTT 2025's size (80 entries), before compression
 * (about a fifth of it on the wire). The one-page dashboard had grown to 64 KB; issue 23 split it into
 * pages of at most 40 KB each.
 */
const BUDGET = 40 * 1024;
/** Every page of the secretariat's console (Keadilan is /sekretariat/keadilan, covered by fairness-demo). */
const CONSOLE = [
  '/sekretariat',
  '/sekretariat/seleksi',
  '/sekretariat/penilaian',
  '/sekretariat/keadilan',
  '/sekretariat/hasil',
  '/sekretariat/pengaturan',
];
const ORIGIN = 'http://localhost';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let store: ReturnType<typeof openSqliteStore>;
let clock: ReturnType<typeof fixedClock>;
let services: Services;
let app: ReturnType<typeof createApp>;

async function setup(interviewDone: boolean): Promise<Seeded> {
  const seeded = await seedCompetition(services, { interviewDone });
  return seeded;
}

function topTitles(seeded: Seeded, n: number): string[] {
  const byId = new Map(seeded.innovations.map((i) => [i.id, i.title]));
  return seeded.result.final.ranking.slice(0, n).map((e) => byId.get(e.id) ?? e.id);
}

async function login(token = TEST_SECRETS.adminToken ?? '', base = ORIGIN) {
  return app.request(`${base}/sekretariat/masuk`, {
    method: 'POST',
    headers: { ...FORM, origin: base },
    body: new URLSearchParams({ token }).toString(),
  });
}

/** Every inline script carries this response's CSP nonce, and the CSP allows nothing else. */
function onlyNoncedScripts(res: Response, body: string): number {
  const csp = res.headers.get('content-security-policy') ?? '';
  const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
  const scripts = [...body.matchAll(/<script([^>]*)>/g)];
  expect(csp).not.toContain("unsafe-inline'; script");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  for (const [, attrs] of scripts) expect(attrs).toBe(` nonce="${nonce}"`);
  return scripts.length;
}

/** Each console page's HTML, by path (200 and no-store, or the test fails). */
async function consolePages(cookie: string, query = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of CONSOLE) {
    const res = await app.request(`${path}${query}`, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    out[path] = await res.text();
  }
  return out;
}

function cookieOf(res: Response): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

beforeEach(() => {
  store = openSqliteStore(':memory:');
  clock = fixedClock(BEFORE);
  services = testServices({ store, clock });
  app = createApp(() => services);
});

afterEach(() => store.close());

describe('public announcement', () => {
  it('sends / to the current competition', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/pengumuman/${CID}`);
  });

  it('shows only "Belum diumumkan" and the date before announceAt, on the page and the JSON', async () => {
    const seeded = await setup(true);
    const res = await app.request(`/pengumuman/${CID}`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).toContain('Belum diumumkan');
    expect(body).toContain('Jumat, 20 Desember 2024 pukul 09.00 WITA');
    for (const innovation of seeded.innovations) expect(body).not.toContain(innovation.title);
    expect(body).not.toMatch(/\d{2},\d{2}/);
    const json = await (await app.request(`/api/pengumuman/${CID}`)).json();
    expect(Object.keys(json).sort()).toEqual(['announceAt', 'status', 'timezone']);
    expect(json.status).toBe('embargoed');
    const admin = await app.request('/admin/rankings/final');
    expect(admin.status).toBe(401);
  });

  it('shows the Top 10 in order with scores, ties and summaries after announceAt, and no contacts', async () => {
    const seeded = await setup(true);
    clock.set(AFTER);
    const res = await app.request(`/pengumuman/${CID}`);
    const body = await res.text();
    expect(res.status).toBe(200);
    const titles = topTitles(seeded, 10);
    const positions = titles.map((t) => body.indexOf(t));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body).not.toContain(topTitles(seeded, 11)[10]);
    expect(body).toContain('93,87');
    expect(body).toContain('= nilai sama');
    expect(body).toContain('mempercepat layanan bagi warga');
    for (let i = 1; i <= 40; i++) {
      expect(body).not.toContain(CONTACT_PHONE(i));
      expect(body).not.toContain(CONTACT_EMAIL(i));
    }
    // Nothing is fetched from elsewhere; the one link out is the WhatsApp share; the one script is nonce'd.
    expect(body).not.toMatch(/src="http/);
    const hosts = [...body.matchAll(/href="(http[^"]*)"/g)].map((m) => new URL(m[1] ?? '').host);
    expect(hosts.filter((h) => h !== 'localhost')).toEqual(['wa.me']);
    expect(onlyNoncedScripts(res, body)).toBe(1);
    expect(new TextEncoder().encode(body).length).toBeLessThan(BUDGET);
  });

  it('is ready to share: link-preview tags with the Top 3, a WhatsApp link and the text to copy', async () => {
    const seeded = await setup(true);
    clock.set(AFTER);
    const res = await app.request(`https://juri.example/pengumuman/${CID}`);
    const body = await res.text();
    const meta = (property: string) =>
      new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(body)?.[1] ?? '';
    const [first, second, third] = topTitles(seeded, 3);
    expect(meta('og:title')).toBe(
      'Pengumuman Top 10 Kompetisi Inovasi Pelayanan Publik (KOIN-YANLIK) Provinsi Nusa Tenggara Timur 2024',
    );
    for (const title of [first, second, third]) expect(meta('og:description')).toContain(title);
    expect(meta('og:description')).toMatch(/^Tiga terbaik: 1\. /);
    expect(meta('description')).toBe(meta('og:description'));
    expect(meta('og:url')).toBe(`https://juri.example/pengumuman/${CID}`);
    expect(meta('og:locale')).toBe('id_ID');
    const wa = /href="(https:\/\/wa\.me\/\?text=[^"]*)"/.exec(body)?.[1] ?? '';
    const text = new URL(wa.replaceAll('&amp;', '&')).searchParams.get('text') ?? '';
    expect(text).toContain('Pengumuman Top 10');
    expect(text).toMatch(/\n1\. (\(=\) )?\S/);
    expect(text).toContain(first);
    expect(text.trim().endsWith(`https://juri.example/pengumuman/${CID}`)).toBe(true);
    // Without a script the text is there to select; the button only appears with the script.
    expect(body).toContain('<textarea id="teks-pengumuman" readonly=""');
    expect(body).toMatch(/<button type="button" data-copy="teks-pengumuman"[^>]* hidden/);
    // Print: who set the result, where and when, and the address.
    expect(body).toContain('Ditetapkan di Kupang, 20 Desember 2024');
    expect(body).toContain(`Sumber: https://juri.example/pengumuman/${CID}`);
    expect(body).toContain('<span class="nw">(KOIN-YANLIK)</span>');
    // The category reads as a category, not as a second place name.
    expect(body).toContain('<span class="cat">Kategori Kabupaten/Kota</span>');
  });

  it('previews only the date before the announcement', async () => {
    await setup(true);
    const body = await (await app.request(`/pengumuman/${CID}`)).text();
    expect(body).toContain(
      '<meta property="og:description" content="Hasil Kompetisi Inovasi Pelayanan Publik (KOIN-YANLIK) Provinsi Nusa Tenggara Timur 2024 diumumkan pada Jumat, 20 Desember 2024 pukul 09.00 WITA."',
    );
    expect(body).not.toContain('<script');
    expect(body).not.toContain('wa.me');
  });

  it('stays closed after announceAt while the final ranking is incomplete', async () => {
    const seeded = await setup(false);
    clock.set(AFTER);
    const body = await (await app.request(`/pengumuman/${CID}`)).text();
    expect(body).toContain('Belum diumumkan');
    expect(body).toContain('Dewan juri sedang menyelesaikan penilaian');
    for (const innovation of seeded.innovations) expect(body).not.toContain(innovation.title);
  });

  it('speaks English with ?lang=en and remembers it in a cookie', async () => {
    await setup(true);
    clock.set(AFTER);
    const res = await app.request(`/pengumuman/${CID}?lang=en`);
    const body = await res.text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('Top 10 of the Public Service Innovation Competition');
    expect(body).toContain('93.87');
    expect(res.headers.get('set-cookie')).toContain('lang=en');
  });

  it('answers an unknown competition with an HTML 404', async () => {
    const res = await app.request('/pengumuman/tidak-ada');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Halaman tidak ditemukan');
  });
});

describe('secretariat dashboard', () => {
  it('sends a visitor without a session to the sign-in form', async () => {
    const res = await app.request('/sekretariat');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sekretariat/masuk');
    const form = await (await app.request('/sekretariat/masuk')).text();
    expect(form).toContain('<label for="token">Token admin</label>');
  });

  it('refuses a wrong token', async () => {
    const res = await login('salah');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Token salah');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs in with the admin token: HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await login();
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^juri_sesi=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Max-Age=14400');
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure (and __Host-) over https', async () => {
    const res = await login(TEST_SECRETS.adminToken, 'https://juri.example');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-juri_sesi=/);
    expect(cookie).toContain('Secure');
    const page = await app.request('https://juri.example/sekretariat', {
      headers: { cookie: cookieOf(res) },
    });
    expect(page.status).toBe(200);
  });

  it('refuses a form posted from another site', async () => {
    const res = await app.request(`${ORIGIN}/sekretariat/masuk`, {
      method: 'POST',
      headers: { ...FORM, origin: 'https://jahat.example' },
      body: new URLSearchParams({ token: TEST_SECRETS.adminToken ?? '' }).toString(),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });

  it('shows the console from the last sync, each page within budget, without rejected contacts', async () => {
    await setup(true);
    const cookie = cookieOf(await login());
    const pages = await consolePages(cookie);
    const where: [string, string[]][] = [
      ['/sekretariat', ['Sinkronkan sekarang', 'Langkah berikutnya']],
      ['/sekretariat/seleksi', ['Pendaftaran per wilayah', 'Pendaftaran ditolak (1)', 'Sinkronkan sekarang']],
      [
        '/sekretariat/penilaian',
        [
          'Progres juri',
          'Sebaran nilai per juri',
          'Sel bermasalah (2)',
          'Penilaian Proposal – j1&#39;!E31',
          'longgar',
          'ketat',
        ],
      ],
      ['/sekretariat/hasil', ['Peringkat akhir', '= seri', 'Penetapan hasil']],
      ['/sekretariat/pengaturan', ['/sekretariat/ekspor/peringkat.xlsx', 'npx juri doctor']],
    ];
    for (const [path, texts] of where) for (const text of texts) expect(pages[path]).toContain(text);
    for (const [path, body] of Object.entries(pages)) {
      expect(body, path).not.toContain('0813-9999-0000');
      expect(body, path).not.toContain(CONTACT_PHONE(1));
      // The tabs and the step bar, read from the lifecycle (the seed's result is announced).
      expect(body, path).toContain('aria-label="Halaman konsol"');
      expect(body, path).toContain('aria-current="step">Diumumkan (sekarang)');
      expect(new TextEncoder().encode(body).length, path).toBeLessThan(BUDGET);
    }
    const res = await app.request('/sekretariat', { headers: { cookie } });
    expect(onlyNoncedScripts(res, await res.text())).toBe(1);
  });

  it('refuses to fix the result while judging is incomplete, and without a session', async () => {
    await setup(false);
    const post = (cookie?: string) =>
      app.request(`${ORIGIN}/sekretariat/tetapkan`, {
        method: 'POST',
        headers: { ...FORM, origin: ORIGIN, ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams({ confirm: 'yes' }).toString(),
      });
    expect((await post()).status).toBe(401);
    const res = await post(cookieOf(await login()));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Penilaian belum selesai');
    expect(await store.competition(CID).records.latestVersion()).toBeNull();
  });

  it('lists per juror what is left to score, with reminders ready to send, and the jurors’ remarks', async () => {
    await setup(false);
    const cookie = cookieOf(await login());
    const body = await (await app.request('/sekretariat/penilaian', { headers: { cookie } })).text();
    expect(body).toContain('id="belum"');
    expect(body).toMatch(/href="https:\/\/wa\.me\/\?text=Yth\.%20Bapak%20Ir\.%20Agustinus%20Lado/);
    expect(body).toMatch(/href="mailto:juri3@example\.org\?subject=Pengingat%20penilaian/);
    expect(body).toContain('Yth. Bapak Ir. Agustinus Lado, M.T., masih ada');
    expect(body).toContain('batas waktu Jumat, 6 Desember 2024 pukul 17.00 WITA');
    expect(body).toContain('Data dampak perlu diperbarui.');
    expect(new TextEncoder().encode(body).length).toBeLessThan(BUDGET);
    const en = await (await app.request('/sekretariat/penilaian?lang=en', { headers: { cookie } })).text();
    expect(en).toContain('Not yet scored');
    // The reminder stays in the jurors' language.
    expect(en).toContain('Yth. Bapak Ir. Agustinus Lado');
  });

  it('puts a juror tab whose shape was changed first, with what to do', async () => {
    const seeded = await setup(true);
    const issue = {
      stage: 'desk',
      juror: 'j4',
      tab: 'Fransiska Wula – Proposal',
      code: 'column-missing' as const,
      subject: 'Signifikansi',
      cell: "'Fransiska Wula – Proposal'!3:3",
    };
    await store
      .competition(CID)
      .syncLog.saveSync({ ...seeded.sync, id: 'seed-later', finishedAt: AFTER, sheetIssues: [issue] });
    const cookie = cookieOf(await login());
    const body = await (await app.request('/sekretariat/penilaian', { headers: { cookie } })).text();
    expect(body).toContain('Tab juri yang diubah susunannya (1)');
    expect(body).toContain(
      'Kolom kriteria &quot;Signifikansi&quot; tidak ditemukan; nilai di tab ini TIDAK dibaca.',
    );
    expect(body.indexOf('id="tab-juri"')).toBeLessThan(body.indexOf('id="progres"'));
  });

  it('runs the competition from the top: status line, links, rankings with agency, category and stages', async () => {
    const seeded = await setup(true);
    const cookie = cookieOf(await login());
    const pages = await consolePages(cookie);
    const body = pages['/sekretariat'] ?? '';
    // The seed fixes the complete result: the lifecycle log says announced, public from announceAt.
    expect(body).toContain('Tahap sekarang: <span class="ph ph-announced">Diumumkan</span>');
    expect(body).toContain('Hasil tampil di halaman publik pada Jumat, 20 Desember 2024 pukul 09.00 WITA');
    expect(body).toContain(`href="/pengumuman/${CID}"`);
    expect(body).toContain('Google Sheet belum diatur');
    // The next step after the announcement is on the results page.
    expect(body).toMatch(/<a class="btn" href="\/sekretariat\/hasil" data-main-action="">/);
    const results = pages['/sekretariat/hasil'] ?? '';
    const first = seeded.innovations.find((i) => i.id === seeded.result.final.ranking[0]?.id);
    expect(results).toContain(first?.agency);
    for (const text of [
      '<th scope="col">Penilaian Proposal</th>',
      '<th scope="col">Nilai akhir</th>',
      'Kabupaten/Kota',
    ]) {
      expect(results).toContain(text);
    }
    for (const [path, page] of Object.entries(pages)) {
      // Juror names, plain words: no ids in the problem list, no API jargon, no "n · med · Δ".
      expect(page, path).not.toMatch(/<td>j\d<\/td>/);
      expect(page, path).not.toMatch(/Permintaan API|\bmed \d| Δ /);
    }
    expect(pages['/sekretariat/penilaian']).toMatch(/\d+ nilai · median \d+,\d/);
    clock.set(AFTER);
    const later = await (await app.request('/sekretariat', { headers: { cookie } })).text();
    expect(later).toContain('<span class="ph ph-announced">Diumumkan</span>');
    expect(later).toContain('Hasil tampil di halaman publik sejak');
  });

  it('filters the rankings by category', async () => {
    const seeded = await setup(true);
    const cookie = cookieOf(await login());
    const body = await (
      await app.request('/sekretariat/hasil?kategori=prov', { headers: { cookie } })
    ).text();
    const provincial = seeded.innovations.filter((i) => i.category === 'prov');
    const others = seeded.innovations.filter((i) => i.category !== 'prov');
    expect(provincial.length).toBeGreaterThan(0);
    const table = body.slice(body.indexOf('rk-all'));
    for (const i of provincial) expect(table).toContain(`<small>${i.id}</small>`);
    for (const i of others) expect(table).not.toContain(`<small>${i.id}</small>`);
    expect(body).toContain('aria-current="page">Perangkat Daerah Provinsi');
    expect(body).toContain('href="/sekretariat/ekspor/peringkat.xlsx?kategori=prov"');
  });

  it('the sync button needs a session, and says so on the page when no sheet is configured', async () => {
    const post = (cookie?: string) =>
      app.request(`${ORIGIN}/sekretariat/sinkron`, {
        method: 'POST',
        headers: { ...FORM, origin: ORIGIN, ...(cookie ? { cookie } : {}) },
      });
    const anonymous = await post();
    expect(anonymous.status).toBe(401);
    expect(await store.competition(CID).syncLog.lastSync()).toBeNull();
    const cookie = cookieOf(await login());
    const res = await post(cookie);
    // Post, then redirect: a reload of the page that follows never posts again.
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sekretariat?sinkron=gagal&kode=sheet_unavailable');
    const page = await app.request(res.headers.get('location') ?? '', { headers: { cookie } });
    const body = await page.text();
    expect(page.status).toBe(200);
    expect(body).toContain('role="alert"');
    expect(body).toContain('Google Sheet belum diatur, jadi tidak ada yang bisa disinkronkan.');
    const en = await app.request(`${res.headers.get('location')}&lang=en`, { headers: { cookie } });
    expect(await en.text()).toContain('No Google Sheet is set, so there is nothing to sync.');
  });

  it('fits the budget at the size of NTT 2025 (80 entries)', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true, count: 80 });
    // A full score change log page, and the fixed version with its forms.
    const changes = seeded.scores.slice(0, 60).map((e, i) => ({
      stage: e.stage,
      juror: e.juror,
      innovation: e.innovation,
      criterion: e.criterion,
      cell: e.cell ?? '',
      old: String(i),
      new: e.value,
      seenAt: '2024-12-20T02:00:00.000Z',
      syncId: 'sync-000000009',
      afterVersion: 1,
    }));
    await store.competition(CID).changeLog.appendScoreChanges('sync-000000009', changes);
    const cookie = cookieOf(await login());
    const pages = await consolePages(cookie);
    expect(pages['/sekretariat/hasil']).toContain('Penilaian Proposal — 80 inovasi');
    expect(pages['/sekretariat/penilaian']).toContain('Riwayat nilai (60)');
    expect(pages['/sekretariat/hasil']).toContain('Penetapan hasil');
    for (const [path, body] of Object.entries(pages)) {
      expect(new TextEncoder().encode(body).length, path).toBeLessThan(BUDGET);
    }
  });

  it('ends the session after its expiry, on a forged cookie, and on sign-out', async () => {
    const cookie = cookieOf(await login());
    expect((await app.request('/sekretariat', { headers: { cookie } })).status).toBe(200);
    const forged = cookie.replace(/(=v2\.[0-9a-f-]{36}\.)\d+/, '$199999999999999');
    expect(forged).not.toBe(cookie);
    expect((await app.request('/sekretariat', { headers: { cookie: forged } })).status).toBe(303);
    const out = await app.request(`${ORIGIN}/sekretariat/keluar`, {
      method: 'POST',
      headers: { ...FORM, origin: ORIGIN, cookie },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    clock.set('2024-12-20T13:00:00+08:00');
    expect((await app.request('/sekretariat', { headers: { cookie } })).status).toBe(303);
  });
});
