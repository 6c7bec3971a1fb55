import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { verificationCode } from '../../shared/domain/record.ts';
import { fixedClock, TEST_SECRETS, testServices } from '../helpers/services.ts';
import { needTools } from '../helpers/tools.ts';
import { ARTIFACTS, launchChromium, type RunningApp, startApp } from './harness.ts';
import { type Seeded, seedCompetition } from './seed.ts';

let browser: Browser;
let app: RunningApp;
let store: ReturnType<typeof openSqliteStore>;
let services: Services;
let seeded: Seeded;

describe('the Berita Acara printed by Chromium', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    store = openSqliteStore(':memory:');
    services = testServices({ store, clock: fixedClock('2024-12-20T08:00:00+08:00') });
    seeded = await seedCompetition(services, { interviewDone: true });
    app = await startApp(services);
  });

  afterAll(async () => {
    await app?.close();
    await browser?.close();
    store?.close();
  });

  it('prints on A4 with the result, the panel, the hash, the verification code and a signature for every juror', async (ctx) => {
    const tools = needTools(ctx, ['pdftotext', 'pdfinfo'] as const, 'apt-get install poppler-utils');
    const record = seeded.record;
    if (!record) throw new Error('the seed fixes version 1');
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${app.url}/sekretariat/masuk`);
    await page.getByLabel('Token admin').fill(TEST_SECRETS.adminToken ?? '');
    await Promise.all([
      page.waitForURL(`${app.url}/sekretariat`),
      page.getByRole('button', { name: 'Masuk' }).click(),
    ]);
    await page.goto(`${app.url}/sekretariat/berita-acara/1`);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await context.close();
    const file = new URL('berita-acara-v1.pdf', ARTIFACTS).pathname;
    writeFileSync(file, pdf);

    const info = execFileSync(tools.pdfinfo, [file]).toString('utf8');
    expect(info).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = execFileSync(tools.pdftotext, ['-layout', file, '-']).toString('utf8');
    for (const words of [
      'BERITA ACARA PENETAPAN HASIL PENILAIAN',
      'I. Kompetisi',
      'II. Tahapan, Kriteria dan Bobot Penilaian',
      'Latar Belakang & Tujuan',
      'III. Dewan Juri',
      'IV. Konflik Kepentingan yang Dikecualikan',
      'V. Peringkat Akhir',
      'VI. Nilai Sama dan Keputusan Dewan Juri',
      'Kode verifikasi',
      verificationCode(record.hash),
      'Ketua',
    ]) {
      expect(text).toContain(words);
    }
    // The hash may wrap inside its table cell; joined up it is all there.
    expect(text.replace(/\s+/g, '')).toContain(record.hash);
    for (const juror of services.competition.jurors) expect(text).toContain(juror.name);
    expect(text).not.toContain('Cetak halaman ini');
    // Page numbers at the foot of every page, and the document number under the title.
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Halaman ${n} dari ${pages}`);
    expect(text).toContain('Nomor: 800/1/BA-KOIN/ORG/2024');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'dapat diperiksa ulang oleh siapa pun dengan perangkat lunak juri',
    );
    const winner = record.result.final.ranking[0]?.id ?? '(none)';
    expect(text).toContain(winner);
    expect(seeded.innovations.map((i) => i.id)).toContain(winner);
  });

  it('does not scroll sideways on a 390 px phone: wide tables scroll inside themselves (issue 23)', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/sekretariat/masuk`);
    await page.getByLabel('Token admin').fill(TEST_SECRETS.adminToken ?? '');
    await Promise.all([
      page.waitForURL(`${app.url}/sekretariat`),
      page.getByRole('button', { name: 'Masuk' }).click(),
    ]);
    await page.goto(`${app.url}/sekretariat/berita-acara/1`);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      body: document.body.scrollWidth,
    }));
    await page.screenshot({ path: new URL('berita-acara-390.png', ARTIFACTS).pathname, fullPage: true });
    await context.close();
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.body).toBeLessThanOrEqual(widths.window);
  });
});
