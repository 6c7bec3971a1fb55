import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auth as googleAuth } from '@googleapis/sheets';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { typeScores } from '../../functions/demo/jurors.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { type LocalSheetsServer, startLocalSheetsServer } from '../../infra/local-sheets/index.ts';
import { createSheetsScoreSheet } from '../../infra/sheets/sheets-adapter.ts';
import { fixedClock, TEST_SECRETS, testServices } from '../helpers/services.ts';
import { ARTIFACTS, launchChromium, type RunningApp, startApp } from './harness.ts';
import { seedInnovations } from './seed.ts';

const ACCESS_TOKEN = 'pages-test-access-token';

let browser: Browser;
let app: RunningApp;
let sheetsServer: LocalSheetsServer;
let store: ReturnType<typeof openSqliteStore>;
let services: Services;
let context: BrowserContext;
let page: Page;
let dir: string;
let oauth: InstanceType<typeof googleAuth.OAuth2>;

/** What jurors do in Google Sheets: type scores (with a decimal comma) into their desk-review tabs. */
async function jurorsType(): Promise<number> {
  const target = { rootUrl: sheetsServer.url, spreadsheetOf: () => sheetsServer.spreadsheetId, auth: oauth };
  const innovations = await services.stores.innovations.listInnovations();
  return typeScores(target, services.competition, innovations, 'desk', (tab, innovation, t) => {
    const n = Number(innovation.id.slice(-3));
    return { scores: tab.stage.criteria.map((_, c) => `${50 + ((n * 7 + c * 3 + t * 5) % 45)},5`) };
  });
}

function writes(): number {
  return sheetsServer.log.filter((e) => e.kind === 'write').length;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juri-pages-'));
  sheetsServer = await startLocalSheetsServer({ file: join(dir, 'juri.xlsx'), accessToken: ACCESS_TOKEN });
  oauth = new googleAuth.OAuth2();
  oauth.setCredentials({ access_token: ACCESS_TOKEN, expiry_date: Date.now() + 3_600_000 });
  store = openSqliteStore(':memory:');
  services = testServices({
    store,
    clock: fixedClock('2024-11-20T10:00:00+08:00'),
    sheet: createSheetsScoreSheet({
      spreadsheetId: sheetsServer.spreadsheetId,
      auth: oauth,
      rootUrl: sheetsServer.url,
    }),
  });
  await seedInnovations(services, 20);
  await provisionSheet(services);
  browser = await launchChromium();
  app = await startApp(services);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  page = await context.newPage();
  await page.goto(`${app.url}/sekretariat/masuk`);
  await page.getByLabel('Token admin').fill(TEST_SECRETS.adminToken ?? '');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(`${app.url}/sekretariat`);
});

afterAll(async () => {
  await context?.close();
  await app?.close();
  await browser?.close();
  await sheetsServer?.close();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('"Sinkronkan sekarang" in Chromium, against the local Sheets server', () => {
  it('runs a real sync from the button and shows its status', async () => {
    expect(await page.getByText('Belum pernah sinkron').count()).toBe(1);
    expect(await jurorsType()).toBeGreaterThan(50);
    const before = sheetsServer.log.length;
    // The feedback script (under the CSP nonce) says it is working: seen here with the navigation stopped.
    await page.evaluate(() =>
      document.querySelector('form[data-busy]')?.addEventListener('submit', (e) => e.preventDefault()),
    );
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    expect(await page.locator('#sync-busy').isVisible()).toBe(true);
    expect(await page.locator('#sync-busy').textContent()).toContain('Sedang menyinkronkan');
    expect(await page.getByRole('button', { name: 'Sinkronkan sekarang' }).isDisabled()).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Berhasil. Nilai dari Sheet sudah dibaca');
    expect(new URL(page.url()).search).toBe('?sinkron=written');
    const sync = await store.competition(services.competition.id).syncLog.lastSync();
    expect(sync?.status).toBe('written');
    expect(sheetsServer.log.length).toBeGreaterThan(before);
    expect(await page.locator('.st').textContent()).toContain('peringkat terbaru sudah ditulis ke Sheet');
    expect(await page.locator('.tech').textContent()).toContain('permintaan baca');
    expect(sync?.result?.stages[0]?.ranking.filter((e) => e.status === 'complete').length).toBe(20);
    // A reload shows the same page and does not post again.
    const count = (await store.competition(services.competition.id).syncLog.lastSync())?.sequence;
    await page.reload();
    expect((await store.competition(services.competition.id).syncLog.lastSync())?.sequence).toBe(count);
    await page.screenshot({ path: new URL('sekretariat-sinkron.png', ARTIFACTS).pathname, fullPage: true });
    // What the sync read, on the console page of each phase.
    await page.goto(`${app.url}/sekretariat/penilaian`);
    expect(await page.locator('#bp-desk figure.bp').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Sel bermasalah (0)' }).count()).toBe(1);
    await page.goto(`${app.url}/sekretariat/hasil`);
    expect(await page.getByText('Penilaian Proposal — 20 inovasi').count()).toBe(1);
    // The selection ran with the sync: 20 entries, all passed.
    await page.goto(`${app.url}/sekretariat/seleksi`);
    expect(await page.locator('#seleksi .stats dd').first().textContent()).toBe('20');
  });

  it('returns to the console page it was pressed on', async () => {
    await page.goto(`${app.url}/sekretariat/penilaian`);
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Tidak ada nilai yang berubah');
    expect(new URL(page.url()).pathname).toBe('/sekretariat/penilaian');
    await page.goto(`${app.url}/sekretariat`);
  });

  it('a second press changes nothing and writes nothing', async () => {
    const written = writes();
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Tidak ada nilai yang berubah');
    expect(writes()).toBe(written);
  });

  it('refuses the same POST from another origin on the same site, even with the session cookie', async () => {
    const last = (await store.competition(services.competition.id).syncLog.lastSync())?.id;
    const evil: Server = createServer((_, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('connection', 'close');
      res.end(
        `<form method="post" action="${app.url}/sekretariat/sinkron"><button>Klaim hadiah</button></form>`,
      );
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    try {
      const evilPage = await context.newPage();
      await evilPage.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const [response] = await Promise.all([
        evilPage.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().includes('/sekretariat/sinkron'),
          {
            timeout: 10_000,
          },
        ),
        evilPage.getByRole('button', { name: 'Klaim hadiah' }).click(),
      ]);
      expect(response.status()).toBe(403);
      expect((await store.competition(services.competition.id).syncLog.lastSync())?.id).toBe(last);
      // Not closed here: closing a page whose refused POST is still rendering can stall Chromium;
      // the context closes it with everything else after the suite.
    } finally {
      // Stop accepting first, then drop what is open: the browser may have reconnected meanwhile.
      const closed = new Promise<void>((r) => evil.close(() => r()));
      evil.closeAllConnections();
      await closed;
    }
  });
});
