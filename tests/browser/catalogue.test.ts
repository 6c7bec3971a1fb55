import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { fixedClock, testServices } from '../helpers/services.ts';
import { ARTIFACTS, launchChromium, type RunningApp, startApp } from './harness.ts';
import { CONTACT_EMAIL, CONTACT_PHONE, type Seeded, seedCompetition } from './seed.ts';

const CID = 'koin-yanlik-ntt-2024';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const BUDGET = 50 * 1024;

let browser: Browser;
let app: RunningApp;
let store: ReturnType<typeof openSqliteStore>;
let services: Services;
let seeded: Seeded;
let context: BrowserContext | undefined;

const artifact = (name: string) => new URL(name, ARTIFACTS).pathname;

async function open(viewport: { width: number; height: number }): Promise<Page> {
  context = await browser.newContext({ viewport, locale: 'en-US' });
  return context.newPage();
}

async function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    return (
      document.documentElement.scrollWidth > window.innerWidth + 1 ||
      !main ||
      main.scrollWidth > main.clientWidth + 1
    );
  });
}

function containsPii(html: string): boolean {
  for (let i = 1; i <= seeded.innovations.length; i++) {
    if (html.includes(CONTACT_PHONE(i)) || html.includes(CONTACT_EMAIL(i))) return true;
  }
  return /@contoh-pemda\.go\.id|0812-7000-/.test(html);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  store = openSqliteStore(':memory:');
  services = testServices({ store, clock: fixedClock('2024-12-20T10:00:00+08:00') });
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

describe('the public catalogue in Chromium', () => {
  it('filters as one types, without a round trip, in Indonesian on an English phone', async () => {
    const page = await open(PHONE);
    const res = await page.goto(`${app.url}/inovasi/${CID}`);
    expect(((await res?.body()) ?? Buffer.alloc(0)).length).toBeLessThan(BUDGET);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    const consented = seeded.innovations.filter((i) => i.details?.consent === 'Ya, setuju');
    const visible = () => page.locator('#daftar-inovasi > li:not([hidden])').count();
    expect(await visible()).toBe(consented.length);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByLabel('Cari judul atau instansi').fill('posyandu');
    const posyandu = consented.filter((i) => /posyandu/i.test(i.title)).length;
    await expect.poll(visible).toBe(posyandu);
    expect(await page.locator('#jumlah').textContent()).toBe(`${posyandu} inovasi ditampilkan`);
    await page.getByLabel('Cari judul atau instansi').fill('');
    await page.getByLabel('Wilayah').selectOption('Alor');
    await expect.poll(visible).toBe(consented.filter((i) => i.region === 'Alor').length);
    expect(requests).toEqual([]);
    expect(new URL(page.url()).search).toBe('');
    expect(await overflows(page)).toBe(false);
    expect(containsPii(await page.content())).toBe(false);
    await page.screenshot({ path: artifact('katalog-390.png'), fullPage: true });

    await page.locator('#daftar-inovasi > li:not([hidden]) a').first().click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Ringkasan' }).count()).toBe(1);
    expect(await overflows(page)).toBe(false);
    expect(containsPii(await page.content())).toBe(false);
    await page.screenshot({ path: artifact('katalog-inovasi-390.png'), fullPage: true });
  });

  it('reads well on a desktop', async () => {
    const page = await open(DESKTOP);
    await page.goto(`${app.url}/inovasi/${CID}`);
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: artifact('katalog-desktop.png'), fullPage: true });
  });
});
