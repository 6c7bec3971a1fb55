import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { createSheetsScoreSheet } from '../../infra/sheets/sheets-adapter.ts';
import { secretariatCookie } from '../helpers/services.ts';
import {
  oauthClient,
  type SheetEnv,
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  typeScores,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();
const ORIGIN = 'http://localhost';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };

/**
 * The dashboard's button against the local Sheets server, with the adapter's production retry settings
 * (5 retries, backoff up to 20 s): what a person would meet, with the button's patience cut to 2.5 s so
 * that a give-up is seen without waiting the production 20 s.
 */
async function dashboardOn(env: SheetEnv) {
  const sheet = createSheetsScoreSheet({
    spreadsheetId: env.server.spreadsheetId,
    auth: oauthClient(),
    rootUrl: env.server.url,
  });
  const services: Services = { ...env.services, sheet, buttonSyncBudgetMs: 2_500 };
  const app = createApp(() => services);
  const cookie = await secretariatCookie(app, ORIGIN);
  return {
    async press(lang: 'id' | 'en' = 'id') {
      const post = await app.request(`${ORIGIN}/sekretariat/sinkron`, {
        method: 'POST',
        headers: { ...FORM, cookie },
      });
      const location = post.headers.get('location') ?? '';
      const page = await app.request(`${location}&lang=${lang}`, { headers: { cookie } });
      const html = await page.text();
      const alert = /<p class="notice err" role="alert">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
      return { status: post.status, location, alert };
    },
  };
}

async function prepared(): Promise<SheetEnv> {
  const env = await startEnv();
  await seedInnovations(env, 6);
  await provisionSheet(env.services);
  await typeScores(env, scoreFor, 'desk');
  return env;
}

describe('the sync button fails fast, in one language, with one next step', () => {
  it('a workbook open in LibreOffice: refused at the first write, never retried', async () => {
    const env = await prepared();
    writeFileSync(join(env.dir, '.~lock.juri.xlsx#'), 'someone');
    const before = env.server.log.length;
    const { status, location, alert } = await (await dashboardOn(env)).press();
    expect(status).toBe(303);
    expect(location).toBe('/sekretariat?sinkron=gagal');
    expect(alert).toContain('sedang dibuka di LibreOffice atau Excel');
    expect(alert).toContain('Simpan dan tutup buku kerja itu, lalu sinkronkan lagi.');
    expect(alert).not.toMatch(/\bThe\b|workbook|\/ /);
    // One read, and the one write the lock refused: no backoff spent on what only a person can fix.
    expect(env.server.log.slice(before).filter((e) => e.status === 503)).toHaveLength(1);
    const en = await (await dashboardOn(env)).press('en');
    expect(en.alert).toContain('is open in LibreOffice or Excel');
    expect(en.alert).not.toMatch(/Buku kerja|sedang/);
  });

  it('a Sheets outage: gives up within the button’s budget instead of backing off for minutes', async () => {
    const env = await prepared();
    env.server.faults.script(
      Array.from({ length: 50 }, () => ({ kind: 'error' as const, status: 503 as const })),
    );
    const { location, alert } = await (await dashboardOn(env)).press();
    expect(location).toBe('/sekretariat?sinkron=gagal');
    expect(alert).toContain('Google Sheet tidak menjawab');
    expect(alert).toContain('coba lagi beberapa menit lagi');
    // The production backoff (0.5, 1, 2, 4, 8 s…) would make 6 attempts; the 2.5 s budget allows fewer.
    expect(env.server.faults.injected()).toBeLessThan(6);
    const record = await env.store.competition(env.services.competition.id).syncLog.lastSync();
    expect(record?.status).toBe('failed');
    expect(record?.failure?.detail).toContain('HTTP 503');
  });

  it('a Sheet that hangs: the request is cut at the budget', async () => {
    const env = await prepared();
    env.server.faults.script([{ kind: 'slow', ms: 15_000 }]);
    const { alert } = await (await dashboardOn(env)).press();
    expect(alert).toContain('Google Sheet tidak menjawab');
  });
});
