import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { fixedClock, TEST_SECRETS, testServices } from '../helpers/services.ts';
import { needTools } from '../helpers/tools.ts';
import { ARTIFACTS, launchChromium, type RunningApp, startApp } from './harness.ts';
import { CONTACT_EMAIL, CONTACT_PHONE, type Seeded, seedCompetition } from './seed.ts';

const CID = 'koin-yanlik-ntt-2024';
const BEFORE = '2024-12-19T10:00:00+08:00';
const AFTER = '2024-12-20T10:00:00+08:00';
const BUDGET = 50 * 1024;
/** Each page of the secretariat's console (issue 23). */
const CONSOLE_BUDGET = 40 * 1024;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let browser: Browser;
let app: RunningApp;
let store: ReturnType<typeof openSqliteStore>;
let clock: ReturnType<typeof fixedClock>;
let services: Services;
let seeded: Seeded;
let context: BrowserContext | undefined;

function artifact(name: string): string {
  return new URL(name, ARTIFACTS).pathname;
}

async function open(
  viewport: { width: number; height: number },
  options: { javaScriptEnabled?: boolean; permissions?: string[] } = {},
): Promise<Page> {
  context = await browser.newContext({ viewport, locale: 'id-ID', ...options });
  return context.newPage();
}

function top10(): string[] {
  const byId = new Map(seeded.innovations.map((i) => [i.id, i.title]));
  return seeded.result.final.ranking.slice(0, 10).map((e) => byId.get(e.id) ?? e.id);
}

function containsPii(html: string): boolean {
  for (let i = 1; i <= seeded.innovations.length; i++) {
    if (html.includes(CONTACT_PHONE(i)) || html.includes(CONTACT_EMAIL(i))) return true;
  }
  return /@contoh-pemda\.go\.id|0812-7000-/.test(html);
}

async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** The main column, and every scrolling box in it, fits its width: nothing to scroll sideways. */
async function mainOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    const boxes = [main, ...main.querySelectorAll<HTMLElement>('.scroll, table, figure, pre')];
    return boxes
      .filter(
        (el) =>
          el.scrollWidth > el.clientWidth + 1 ||
          el.getBoundingClientRect().right > main.getBoundingClientRect().right + 1,
      )
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
  });
}

/** The smallest text in the tile map, in CSS pixels as rendered. */
async function smallestTileText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll('.tg abbr, .tg b')].map((el) =>
      Number.parseFloat(getComputedStyle(el).fontSize),
    );
    return sizes.length === 0 ? 0 : Math.min(...sizes);
  });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  store = openSqliteStore(':memory:');
  clock = fixedClock(BEFORE);
  services = testServices({ store, clock });
  seeded = await seedCompetition(services, { interviewDone: true });
  app = await startApp(services);
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  store?.close();
});

describe('public announcement in Chromium', () => {
  it('before announceAt shows only "Belum diumumkan" and the date; nothing of the ranking anywhere public', async () => {
    clock.set(BEFORE);
    const page = await open(PHONE);
    const res = await page.goto(`${app.url}/pengumuman/${CID}`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('Belum diumumkan');
    expect(await page.locator('.date').textContent()).toContain('20 Desember 2024 pukul 09.00 WITA');
    const html = await page.content();
    for (const innovation of seeded.innovations) expect(html).not.toContain(innovation.title);
    expect(containsPii(html)).toBe(false);
    const api = await page.request.get(`${app.url}/api/pengumuman/${CID}`);
    const json = await api.json();
    expect(json).toEqual({ status: 'embargoed', announceAt: '2024-12-20T09:00', timezone: 'Asia/Makassar' });
    for (const path of ['/admin/rankings/final', '/admin/rankings/desk', '/sekretariat']) {
      const other = await page.request.get(`${app.url}${path}`, { maxRedirects: 0 });
      const text = await other.text();
      expect(other.status(), path).not.toBe(200);
      for (const innovation of seeded.innovations) expect(text).not.toContain(innovation.title);
    }
    await page.screenshot({ path: artifact('pengumuman-embargo-390.png'), fullPage: true });
  });

  it('after announceAt shows the Top 10 in order, with ties and summaries, on a 390 px phone', async () => {
    clock.set(AFTER);
    const page = await open(PHONE);
    const res = await page.goto(`${app.url}/pengumuman/${CID}`);
    const body = (await res?.body()) ?? Buffer.alloc(0);
    expect(body.length).toBeLessThan(BUDGET);
    const titles = await page
      .locator('ol.win > li h3')
      .evaluateAll((hs) => hs.map((h) => (h.firstChild?.textContent ?? '').trim()));
    expect(titles).toEqual(top10());
    const ranks = await page.locator('ol.win .no').allInnerTexts();
    expect(ranks.slice(0, 3)).toEqual(['1=', '1=', '3']);
    expect(await page.locator('.tie').count()).toBe(2);
    expect(await page.locator('ol.win .score').first().textContent()).toBe('93,87');
    expect(await page.locator('ol.win .sum').count()).toBe(10);
    expect(containsPii(await page.content())).toBe(false);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: artifact('pengumuman-390.png'), fullPage: true });
  });

  it('looks right on a desktop and prints for the ceremony', async () => {
    clock.set(AFTER);
    const page = await open(DESKTOP);
    await page.goto(`${app.url}/pengumuman/${CID}`);
    await page.screenshot({ path: artifact('pengumuman-desktop.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    await page.screenshot({ path: artifact('pengumuman-print.png'), fullPage: true });
    const pdf = await page.pdf({ path: artifact('pengumuman.pdf'), format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('copies the announcement with "Salin teks", and shares it on WhatsApp', async () => {
    clock.set(AFTER);
    const page = await open(PHONE, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${app.url}/pengumuman/${CID}`);
    const copy = page.getByRole('button', { name: 'Salin teks' });
    expect(await copy.isVisible()).toBe(true);
    await copy.click();
    await expect.poll(() => page.getByRole('button', { name: 'Teks tersalin' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Pengumuman Top 10');
    expect(copied).toContain(top10()[2]);
    expect(copied.trim().endsWith(`/pengumuman/${CID}`)).toBe(true);
    const wa = await page.getByRole('link', { name: 'Bagikan lewat WhatsApp' }).getAttribute('href');
    expect(new URL(wa ?? '').host).toBe('wa.me');
    expect(new URL(wa ?? '').searchParams.get('text')).toBe(copied);
    expect(await overflowsHorizontally(page)).toBe(false);
  });

  it('works without a script: no copy button, the text is there to select', async () => {
    clock.set(AFTER);
    const page = await open(PHONE, { javaScriptEnabled: false });
    await page.goto(`${app.url}/pengumuman/${CID}`);
    expect(await page.getByRole('button', { name: 'Salin teks' }).count()).toBe(0);
    await page.getByText('Teks pengumuman').click();
    expect(await page.locator('#teks-pengumuman').inputValue()).toContain(top10()[0]);
    expect(await page.locator('ol.win > li').count()).toBe(10);
  });

  it('prints with the organiser, place and date, page numbers and the address, the title unbroken', async (ctx) => {
    const tools = needTools(ctx, ['pdftotext'], 'apt-get install poppler-utils');
    clock.set(AFTER);
    const page = await open(PHONE);
    await page.goto(`${app.url}/pengumuman/${CID}`);
    const pdf = artifact('pengumuman-a4.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: false });
    const text = execFileSync(tools.pdftotext, ['-layout', pdf, '-']).toString('utf8');
    expect(text).toContain('Bagian Organisasi Sekretariat Daerah Provinsi Nusa Tenggara Timur');
    expect(text).toContain('Ditetapkan di Kupang, 20 Desember 2024');
    expect(text).toMatch(/Halaman 1 dari \d/);
    expect(text).toContain(`/pengumuman/${CID}`);
    expect(text).toContain('KOIN-YANLIK');
    expect(text).not.toMatch(/KOIN-\s*\n/);
    expect(text).not.toContain('Salin teks');
  });

  it('switches to English by the link, keyboard first', async () => {
    clock.set(AFTER);
    const page = await open(DESKTOP);
    await page.goto(`${app.url}/pengumuman/${CID}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Langsung ke isi');
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Top 10 of the');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${app.url}/pengumuman/${CID}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});

describe('secretariat dashboard in Chromium', () => {
  async function signIn(page: Page, token: string) {
    await page.goto(`${app.url}/sekretariat`);
    expect(new URL(page.url()).pathname).toBe('/sekretariat/masuk');
    await page.getByLabel('Token admin').fill(token);
    await page.getByRole('button', { name: 'Masuk' }).click();
  }

  it('needs the admin token, then shows every section within the budget', async () => {
    const page = await open(DESKTOP);
    await signIn(page, 'bukan-token');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Token salah');
    await page.getByLabel('Token admin').fill(TEST_SECRETS.adminToken ?? '');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dasbor Sekretariat');
    const session = (await context?.cookies())?.find((c) => c.name === 'juri_sesi');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');

    const sections: [string, string[]][] = [
      ['/sekretariat', ['Langkah berikutnya', 'Status kompetisi', 'Sinkronisasi terakhir', 'Ringkasan']],
      [
        '/sekretariat/seleksi',
        [
          'Seleksi administrasi',
          'Pendaftaran masuk (40)',
          'Pendaftaran ditolak (1)',
          'Pendaftaran per wilayah',
        ],
      ],
      [
        '/sekretariat/penilaian',
        [
          'Progres juri',
          'Belum dinilai',
          'Sel bermasalah (2)',
          'Sebaran nilai per juri',
          'Keadilan Penilaian',
          'Riwayat nilai (0)',
          'Catatan juri (1)',
        ],
      ],
      ['/sekretariat/hasil', ['Penetapan hasil', 'Peringkat']],
    ];
    for (const [path, headings] of sections) {
      await page.goto(`${app.url}${path}`);
      expect(await page.getByRole('heading', { level: 2 }).allInnerTexts(), path).toEqual(headings);
      expect(await mainOverflow(page), path).toEqual([]);
      const size = (await (await page.request.get(`${app.url}${path}`)).body()).length;
      expect(size, path).toBeLessThan(CONSOLE_BUDGET);
      expect(containsPii(await page.content()), path).toBe(false);
    }
    await page.goto(`${app.url}/sekretariat/seleksi`);
    expect(await page.locator('ul.tg > li').count()).toBe(23);
    expect(await page.locator('.tkey li').count()).toBeGreaterThan(2);
    expect(await smallestTileText(page)).toBeGreaterThanOrEqual(11);
    await page.goto(`${app.url}/sekretariat/penilaian`);
    expect(await page.locator('figure.bp').count()).toBe(2);
    const labels = await page.locator('#bp-desk .bp p').allInnerTexts();
    expect(labels.some((l) => l.includes('Maria Goreti') && l.includes('(longgar)'))).toBe(true);
    expect(labels.some((l) => /poin di atas juri lain/.test(l))).toBe(true);
    expect(labels.some((l) => l.includes('Fransiska Wula') && l.includes('(ketat)'))).toBe(true);
    expect(await page.getByText("'Penilaian Proposal – j1'!E31").count()).toBe(1);
    await page.screenshot({ path: artifact('sekretariat-penilaian-desktop.png'), fullPage: true });
    await page.goto(`${app.url}/sekretariat/hasil`);
    expect(await page.getByText('= seri').count()).toBeGreaterThan(0);
    await page.goto(`${app.url}/sekretariat`);
    await page.screenshot({ path: artifact('sekretariat-desktop.png'), fullPage: true });
  });

  it('shows the fairness page on a phone without sideways scrolling, within the budget', async () => {
    const page = await open(PHONE);
    await signIn(page, TEST_SECRETS.adminToken ?? '');
    await page.locator('.tabs').getByRole('link', { name: 'Penilaian' }).click();
    await page.getByRole('link', { name: /Rincian: kesepakatan juri/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sekretariat/keadilan');
    expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['Keadilan Penilaian']);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Keadilan Penilaian']);
    // The language switch is a real tap target (issue 23: it was 51×16 px).
    const english = await page.getByRole('link', { name: 'English' }).boundingBox();
    expect(english?.width).toBeGreaterThanOrEqual(44);
    expect(english?.height).toBeGreaterThanOrEqual(24);
    // Issue 23: the statistic in plain words, its symbol in the tooltip.
    const iccK = page.locator('abbr[title="ICC(2,k) — rata-rata juri"]').first();
    expect(await iccK.textContent()).toBe('Keandalan nilai rata-rata juri');
    expect(await overflowsHorizontally(page)).toBe(false);
    const size = (await (await page.request.get(`${app.url}/sekretariat/keadilan`)).body()).length;
    expect(size).toBeLessThan(BUDGET);
    await page.screenshot({ path: artifact('keadilan-390.png'), fullPage: true });
  });

  it('works on a phone and signs out', async () => {
    const page = await open(PHONE);
    await signIn(page, TEST_SECRETS.adminToken ?? '');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dasbor Sekretariat');
    await page.screenshot({ path: artifact('sekretariat-390.png'), fullPage: true });
    // Close-ups a person can read at phone size, on the page that holds each.
    for (const [path, id] of [
      ['seleksi', 'wilayah'],
      ['penilaian', 'sebaran'],
      ['hasil', 'peringkat'],
      ['penilaian', 'masalah'],
    ]) {
      await page.goto(`${app.url}/sekretariat/${path}`);
      expect(await overflowsHorizontally(page), path).toBe(false);
      expect(await mainOverflow(page), path).toEqual([]);
      if (id === 'wilayah') expect(await smallestTileText(page)).toBeGreaterThanOrEqual(11);
      await page.locator(`#${id}`).screenshot({ path: artifact(`sekretariat-390-${id}.png`) });
    }
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sekretariat/masuk');
    await page.goto(`${app.url}/sekretariat`);
    expect(new URL(page.url()).pathname).toBe('/sekretariat/masuk');
    await page.screenshot({ path: artifact('sekretariat-masuk-390.png') });
  });
});
