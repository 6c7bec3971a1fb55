import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { calibrationPath } from '../../functions/pages/juror/calibration-link.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { jurorReadRange } from '../../shared/sheet/juror-read.ts';
import { jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { loadNtt2024, secretariatCookie } from '../helpers/services.ts';
import {
  type SheetEnv,
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  typeScores,
} from '../sheets/helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();
const ORIGIN = 'http://localhost';
const SAMPLES = [
  { id: 'KALIBRASI-1', title: 'Contoh kalibrasi: Layanan Akta Keliling' },
  { id: 'KALIBRASI-2', title: 'Contoh kalibrasi: Posyandu Digital' },
];
const withCalibration = () => ({ ...loadNtt2024(), calibration: { entries: SAMPLES } });

/** 12 entries and the desk stage scored through the Sheet (the samples too, where the tab has them), synced. */
async function judgedDesk(env: SheetEnv) {
  await seedInnovations(env, 12);
  await provisionSheet(env.services);
  await typeScores(env, scoreFor, 'desk');
  return runSync(env.services, { trigger: 'cli' });
}

describe('the calibration round', () => {
  it('puts the samples first on each desk tab, marked, and never lets them count', async () => {
    const env = await startEnv(withCalibration());
    const plain = await startEnv(loadNtt2024());
    const [sync, without] = [await judgedDesk(env), await judgedDesk(plain)];

    const tab = jurorTabs(env.services.competition).find((t) => t.stage.id === 'desk');
    if (!tab) throw new Error('no desk tab');
    const got = await env.client.spreadsheets.values.get({
      spreadsheetId: env.server.spreadsheetId,
      range: jurorReadRange(tab),
    });
    const rows = (got.data.values ?? []).slice(5).map((r) => r.map(String));
    expect(rows.slice(0, 2).map((r) => r[0])).toEqual(['KALIBRASI-1', 'KALIBRASI-2']);
    expect(rows[0]?.at(-1)).toContain('Contoh kalibrasi');
    expect(rows[2]?.[0]).toMatch(/^INOV-2024-/);

    // Same typed scores with and without the samples: the same result, progress and cells (each
    // cell's address two rows lower, below the samples).
    const placeless = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'cell' ? undefined : v)));
    expect(placeless(sync.result)).toEqual(placeless(without.result));
    expect(sync.progress).toEqual(without.progress);
    expect(placeless(sync.cells)).toEqual(placeless(without.cells));
    expect(sync.cells?.[0]?.cell).not.toBe(without.cells?.[0]?.cell);
    expect(JSON.stringify([sync.result, sync.cells, sync.progress, sync.fairness])).not.toContain(
      'KALIBRASI',
    );
    expect(without.calibration).toBeUndefined();

    // Every desk juror scored both samples: each has a summary against the panel.
    expect(sync.calibration?.jurors.map((j) => [j.juror, j.scored, j.of])).toEqual(
      ['j1', 'j2', 'j3', 'j4', 'j5'].map((j) => [j, 2, 2]),
    );
    expect(sync.calibration?.jurors.every((j) => j.leniency !== null)).toBe(true);
  });

  it('shows a juror their summary only through their own private link', async () => {
    const env = await startEnv(withCalibration());
    await judgedDesk(env);
    const services: Services = env.services;
    const app = createApp(() => services);
    const id = services.competition.id;
    const get = (path: string, init: RequestInit = {}) =>
      app.request(`${ORIGIN}${path}`, { ...init, headers: { accept: 'text/html', ...init.headers } });
    const j1 = await calibrationPath(services, id, 'j1');
    const j2 = await calibrationPath(services, id, 'j2');
    if (!j1 || !j2) throw new Error('no link');

    const own = await get(j1);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
    expect(own.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await own.text();
    const name = (j: string) => services.competition.jurors.find((x) => x.id === j)?.name ?? j;
    expect(html).toContain('Kalibrasi penilaian');
    expect(html).toContain(name('j1'));
    expect(html).toContain('Contoh kalibrasi: Posyandu Digital');
    expect(html).toContain('median panel');
    for (const other of ['j2', 'j3', 'j4', 'j5']) expect(html).not.toContain(name(other));
    expect((await get(j2)).status).toBe(200);

    // Another juror's token, a changed id, a guess, another competition: nothing there.
    const token1 = j1.split('/').at(-1) ?? '';
    const token2 = j2.split('/').at(-1) ?? '';
    for (const path of [
      `/kalibrasi/${id}/j2/${token1}`,
      `/kalibrasi/${id}/j1/${token2}`,
      `/kalibrasi/${id}/j1/${'0'.repeat(32)}`,
      `/kalibrasi/${id}/j1/${token1.slice(0, -1)}`,
      `/kalibrasi/lomba-lain/j1/${token1}`,
      `/kalibrasi/${id}/j9/${token1}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain(name('j1'));
    }
    // A program gets the JSON error, not the page.
    expect((await app.request(`${ORIGIN}/kalibrasi/${id}/j2/${token1}`)).status).toBe(404);
  });

  it('has no page without a calibration round', async () => {
    const env = await startEnv(loadNtt2024());
    const app = createApp(() => env.services);
    const path = await calibrationPath(env.services, env.services.competition.id, 'j1');
    expect((await app.request(`${ORIGIN}${path}`)).status).toBe(404);
  });

  it('lists every summary and every juror’s link on the Keadilan page, for the secretariat only', async () => {
    const env = await startEnv(withCalibration());
    await judgedDesk(env);
    const app = createApp(() => env.services);
    expect((await app.request(`${ORIGIN}/sekretariat/keadilan`)).status).toBe(303);
    const cookie = await secretariatCookie(app, ORIGIN);
    const res = await app.request(`${ORIGIN}/sekretariat/keadilan`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Kalibrasi juri');
    for (const j of ['j1', 'j2', 'j3', 'j4', 'j5']) {
      const path = await calibrationPath(env.services, env.services.competition.id, j);
      expect(html).toContain(`${ORIGIN}${path}`);
      expect(html).toContain(`id="kalibrasi-${j}"`);
    }
  });
});
