import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { fixedClock, testServices } from '../helpers/services.ts';
import { ARTIFACTS, launchChromium, type RunningApp, startApp } from './harness.ts';
import { CONTACT_EMAIL, CONTACT_PHONE, type Seeded, seedCompetition } from './seed.ts';

export interface SeededRig {
  browser: Browser;
  app: RunningApp;
  services: Services;
  seeded: Seeded;
  /** A fresh browser context per call, closed after each test. */
  open(viewport: { width: number; height: number }, locale: string): Promise<Page>;
}

/**
 * The 2024 competition seeded after its announcement, served over real HTTP and opened in real
 * Chromium: registers the file's beforeAll/afterEach/afterAll and returns what they fill in.
 */
export function useSeededRig(now = '2024-12-20T10:00:00+08:00'): SeededRig {
  const rig = {} as SeededRig;
  let store: ReturnType<typeof openSqliteStore> | undefined;
  let context: BrowserContext | undefined;
  rig.open = async (viewport, locale) => {
    context = await rig.browser.newContext({ viewport, locale });
    return context.newPage();
  };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    rig.browser = await launchChromium();
    store = openSqliteStore(':memory:');
    rig.services = testServices({ store, clock: fixedClock(now) });
    rig.seeded = await seedCompetition(rig.services, { interviewDone: true });
    rig.app = await startApp(rig.services);
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await rig.app?.close();
    await rig.browser?.close();
    store?.close();
  });
  return rig;
}

/** Every page of the secretariat's console (issue 23), in the order of its tabs. */
export const CONSOLE_PAGES = [
  '/sekretariat',
  '/sekretariat/seleksi',
  '/sekretariat/penilaian',
  '/sekretariat/keadilan',
  '/sekretariat/hasil',
  '/sekretariat/pengaturan',
];

/** The page, or its main column, is wider than the window: something to scroll sideways. */
export function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    return (
      document.documentElement.scrollWidth > window.innerWidth + 1 ||
      !main ||
      main.scrollWidth > main.clientWidth + 1
    );
  });
}

/** Any seeded entrant's phone number or email in the page. */
export function containsPii(html: string, seeded: Seeded): boolean {
  for (let i = 1; i <= seeded.innovations.length; i++) {
    if (html.includes(CONTACT_PHONE(i)) || html.includes(CONTACT_EMAIL(i))) return true;
  }
  return /@contoh-pemda\.go\.id|0812-7000-/.test(html);
}
