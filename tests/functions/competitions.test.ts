import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { checkJuriEnv } from '../../functions/compose/env.ts';
import { composeLocal } from '../../functions/compose/local.ts';
import type { Services } from '../../functions/compose/services.ts';
import { ensureOpenYear, openYearConfig } from '../../functions/demo/open-year.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { type Competition, parseCompetition, parseCompetitions } from '../../shared/domain/competition.ts';
import {
  fixedClock,
  loadNtt2024,
  secretariatCookie,
  TEST_SECRETS,
  testServices,
} from '../helpers/services.ts';

const ORIGIN = 'http://localhost';
const OLD = 'koin-yanlik-ntt-2024';
/** The day the open year is made from: 2024's registration is long closed, the open year's is open. */
const TODAY = '2025-03-01T10:00:00+08:00';

const ANSWERS = {
  'Judul Inovasi': 'Lumbung Pangan Desa Tangguh',
  'Nama Perangkat Daerah / BUMD': 'Dinas Ketahanan Pangan Sikka',
  'Kabupaten/Kota': 'Sikka',
  'Kategori Peserta': 'Kabupaten/Kota',
  'Tahun Mulai Diterapkan': '2022',
  'Ringkasan Inovasi (maks. 200 kata)': 'Lumbung pangan dikelola warga desa.',
  'Email Narahubung': 'pangan@sikka.example.go.id',
  'Persetujuan Publikasi di Katalog Inovasi': 'Ya, setuju',
};

function openYear(): Competition {
  const parsed = parseCompetition(openYearConfig(new Date(TODAY)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

let store: ReturnType<typeof openSqliteStore>;
let deployment: Services[];
const NEW = openYear().id;

/** 2024 moved to announced by its log (the guards are the lifecycle's own tests). */
async function announce2024() {
  const log = store.competition(OLD).lifecycle;
  await log.appendTransition({
    seq: 1,
    from: { code: 'registration' },
    to: { code: 'announced' },
    at: '2024-12-20T02:00:00Z',
    by: 'test',
    reason: 'diumumkan',
  });
}

function post(path: string, fields: Record<string, string>, cookie = '') {
  return createApp(() => deployment).request(`${ORIGIN}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: ORIGIN,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

function get(path: string, cookie = '') {
  return createApp(() => deployment).request(`${ORIGIN}${path}`, {
    headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
  });
}

beforeEach(() => {
  store = openSqliteStore(':memory:');
  const clock = fixedClock(TODAY);
  deployment = [
    testServices({ store, clock, localForm: true }),
    testServices({ store, clock, localForm: true, competition: openYear() }),
  ];
});
afterEach(() => store.close());

describe('several competitions in one deployment (issue 24)', () => {
  it('lists them on the root page, newest first, with year and phase', async () => {
    await announce2024();
    const body = await (await get('/')).text();
    const newer = body.indexOf(`href="/pengumuman/${NEW}"`);
    const older = body.indexOf(`href="/pengumuman/${OLD}"`);
    expect(newer).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newer);
    expect(body).toContain('<td>2024</td><td>Diumumkan</td>');
    expect(body).toContain('<td>2025</td><td>Pendaftaran dibuka</td>');
  });

  it('sends a lone competition’s root to its announcement, as before', async () => {
    const [only] = deployment;
    const res = await createApp(() => only as Services).request('/');
    expect(res.headers.get('location')).toBe(`/pengumuman/${OLD}`);
  });

  it('takes a registration through /daftar for the open year, and keeps each competition’s data apart', async () => {
    await announce2024();
    expect(await (await get('/daftar')).text()).toContain('name="Judul Inovasi"');
    const res = await post('/daftar', ANSWERS);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/daftar\?diterima=INOV-/);
    expect(await store.competition(NEW).innovations.listInnovations()).toHaveLength(1);
    expect(await store.competition(OLD).innovations.listInnovations()).toEqual([]);
    // The same form under the open year's own prefix keeps the prefix in its redirect.
    const prefixed = await post(`/${NEW}/daftar`, { ...ANSWERS, 'Judul Inovasi': 'Air Bersih Desa' });
    expect(prefixed.headers.get('location')).toMatch(new RegExp(`^/${NEW}/daftar\\?diterima=INOV-`));
  });

  it('refuses a write to the announced year with a coded error, and keeps it public', async () => {
    await announce2024();
    const closed = await post(`/${OLD}/daftar`, ANSWERS);
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as { error: { code: string } }).error.code).toBe('competition_closed');
    const cookie = await secretariatCookie(createApp(() => deployment));
    const sync = await post(`/${OLD}/sekretariat/sinkron`, {}, cookie);
    expect(sync.status).toBe(409);
    expect((await get(`/pengumuman/${OLD}`)).status).toBe(200);
    expect((await get(`/inovasi/${OLD}`)).status).not.toBe(409);
    // The closed year's form points to the open one.
    expect(await (await get(`/${OLD}/daftar`)).text()).toContain(`href="/${NEW}/daftar"`);
  });

  it('signs in once for every competition; the console switches, and its links keep the competition', async () => {
    await announce2024();
    const cookie = await secretariatCookie(createApp(() => deployment));
    const home = await (await get('/sekretariat', cookie)).text();
    expect(home).toContain(`href="/${OLD}/sekretariat"`);
    expect(home).toContain(`href="/${NEW}/sekretariat"`);
    const old = await get(`/${OLD}/sekretariat/hasil`, cookie);
    expect(old.status).toBe(200);
    const page = await old.text();
    expect(page).toContain(`href="/${OLD}/sekretariat/seleksi"`);
    expect(page).not.toMatch(/href="\/sekretariat/);
    expect(page).toContain('sudah diumumkan dan ditutup');
    // A redirect (here: to the sign-in form, without a session) keeps the prefix too.
    const signedOut = await get(`/${OLD}/sekretariat`);
    expect(signedOut.headers.get('location')).toBe(`/${OLD}/sekretariat/masuk`);
  });

  it('binds the default to the newest not yet announced, and refuses an unknown prefix', async () => {
    const cookie = await secretariatCookie(createApp(() => deployment));
    // Neither is announced: the newest is the default.
    expect(await (await get('/sekretariat/pengaturan', cookie)).text()).toContain(NEW);
    expect((await get('/tidak-ada/sekretariat', cookie)).status).toBe(404);
  });
});

describe('local mode and the command line: --competition', () => {
  it('reads kompetisi/ beside the bundled config, binds the default or the named one, refuses an unknown id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-multi-'));
    ensureOpenYear(dir, new Date(TODAY));
    const named = await composeLocal({ dir, lang: 'id', competition: OLD });
    try {
      expect(named.deployment.map((s) => s.competition.id)).toEqual([OLD, NEW]);
      expect(named.services.competition.id).toBe(OLD);
      expect(named.paths.workbook).toBe(join(dir, 'juri.xlsx'));
      expect(named.competitions[1]?.paths.workbook).toBe(join(dir, `juri-${NEW}.xlsx`));
    } finally {
      await named.close();
    }
    const byDefault = await composeLocal({ dir, lang: 'id' });
    await byDefault.close();
    expect(byDefault.services.competition.id).toBe(NEW);
    await expect(composeLocal({ dir, lang: 'id', competition: 'tidak-ada' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the config as a list (COMPETITION_JSON)', () => {
  const ntt = loadNtt2024();
  const other = { ...ntt, id: 'koin-yanlik-ntt-2025', year: 2025 };
  const base = {
    JURI_MODE: 'google',
    GOOGLE_PROJECT_ID: 'juri-ntt',
    INTAKE_HMAC_SECRET: TEST_SECRETS.intakeHmac?.padEnd(16, '-'),
    ADMIN_TOKEN: 'a-long-admin-token!',
  };

  it('takes one config as a list of one, or a list with a Sheet each', () => {
    expect(parseCompetitions(ntt)).toMatchObject({ ok: true, value: [{ id: OLD }] });
    const env = checkJuriEnv(
      {
        ...base,
        COMPETITION_JSON: JSON.stringify([ntt, other]),
        SPREADSHEET_ID: JSON.stringify({ [OLD]: 'sheet-2024', 'koin-yanlik-ntt-2025': 'sheet-2025' }),
      },
      { runtime: 'node' },
    );
    expect(env.ok && env.env.mode === 'google' ? env.env.competitions : []).toMatchObject([
      { competition: { id: OLD }, spreadsheetId: 'sheet-2024' },
      { competition: { id: 'koin-yanlik-ntt-2025' }, spreadsheetId: 'sheet-2025' },
    ]);
  });

  it('names what is wrong, Indonesian first: a repeated id, one Sheet for several, an unknown id', () => {
    expect(parseCompetitions([ntt, ntt])).toMatchObject({
      ok: false,
      issues: [{ path: '[1].id', code: 'duplicateId' }],
    });
    const one = checkJuriEnv(
      { ...base, COMPETITION_JSON: JSON.stringify([ntt, other]), SPREADSHEET_ID: 'sheet-1' },
      { runtime: 'node' },
    );
    expect(one.ok ? '' : one.problems[0]?.text.id).toMatch(/^ada beberapa lomba/);
    const unknown = checkJuriEnv(
      { ...base, COMPETITION_JSON: JSON.stringify([ntt, other]), SPREADSHEET_ID: '{"lain":"x"}' },
      { runtime: 'node' },
    );
    expect(unknown.ok ? '' : unknown.problems[0]?.text.id).toContain('"lain"');
  });
});
