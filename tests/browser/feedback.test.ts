import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { fixedClock, TEST_SECRETS, testServices } from '../helpers/services.ts';
import { ARTIFACTS, launchChromium, type RunningApp, startApp } from './harness.ts';
import { CONTACT_EMAIL, CONTACT_PHONE, type Seeded, seedCompetition } from './seed.ts';

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

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  context = await browser.newContext({ viewport, locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto(`${app.url}/sekretariat/masuk`);
  await page.getByLabel('Token admin').fill(TEST_SECRETS.adminToken ?? '');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(`${app.url}/sekretariat`);
  return page;
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

describe('a feedback sheet in Chromium', () => {
  it('is reached from the dashboard, reads on a phone, and prints on one A4 page', async () => {
    const page = await signedIn(PHONE);
    await page.getByRole('link', { name: 'Lembar umpan balik' }).click();
    const winner = seeded.result.final.ranking[0]?.id ?? '';
    await page.locator(`a[href="/sekretariat/umpan-balik/${winner}"]`).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Lembar Umpan Balik');
    const res = await page.request.get(page.url());
    expect((await res.body()).length).toBeLessThan(BUDGET);
    expect(await overflows(page)).toBe(false);
    const html = await page.content();
    for (const juror of services.competition.jurors) expect(html).not.toContain(juror.name);
    for (let i = 1; i <= seeded.innovations.length; i++) {
      expect(html).not.toContain(CONTACT_PHONE(i));
      expect(html).not.toContain(CONTACT_EMAIL(i));
    }
    await page.screenshot({ path: artifact('umpan-balik-390.png'), fullPage: true });
    const pdf = await page.pdf({ path: artifact('umpan-balik.pdf'), format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('reads on a desktop', async () => {
    const page = await signedIn(DESKTOP);
    await page.goto(`${app.url}/sekretariat/umpan-balik/${seeded.result.final.ranking[1]?.id}`);
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: artifact('umpan-balik-desktop.png'), fullPage: true });
  });
});
