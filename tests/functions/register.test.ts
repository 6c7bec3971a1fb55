import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { openYearConfig } from '../../functions/demo/open-year.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { parseCompetition } from '../../shared/domain/competition.ts';
import { fixedClock, testServices } from '../helpers/services.ts';

const ORIGIN = 'http://localhost';
const CID = 'koin-yanlik-ntt-2024';
let store: ReturnType<typeof openSqliteStore>;
let services: Services;

function app(localForm: boolean) {
  services = testServices({
    store,
    clock: fixedClock('2024-09-10T10:00:00+08:00'),
    ...(localForm ? { localForm } : {}),
  });
  return createApp(() => services);
}

const ANSWERS = {
  'Judul Inovasi': 'Lumbung Pangan Desa Tangguh',
  'Nama Perangkat Daerah / BUMD': 'Dinas Ketahanan Pangan Sikka',
  'Kabupaten/Kota': 'Sikka',
  'Kategori Peserta': 'Kabupaten/Kota',
  'Tahun Mulai Diterapkan': '2021',
  'Ringkasan Inovasi (maks. 200 kata)': 'Lumbung pangan dikelola warga desa.',
  'Email Narahubung': 'pangan@sikka.example.go.id',
  'Persetujuan Publikasi di Katalog Inovasi': 'Ya, setuju',
};

function post(a: ReturnType<typeof createApp>, answers: Record<string, string>, origin = ORIGIN) {
  return a.request(`${ORIGIN}/daftar`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams(answers).toString(),
  });
}

beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(() => store.close());

describe('GET /daftar, the local stand-in for the Google Form', () => {
  it('is off unless the services are local', async () => {
    const google = app(false);
    expect((await google.request('/daftar')).status).toBe(404);
    expect((await post(google, ANSWERS)).status).toBe(404);
    expect(await store.competition(CID).innovations.listInnovations()).toEqual([]);
  });

  it('asks the Form’s questions, with the regions and categories to choose from', async () => {
    const body = await (await app(true).request('/daftar')).text();
    for (const title of Object.keys(ANSWERS)) expect(body).toContain(`name="${title}"`);
    expect(body).toContain('<option value="Timor Tengah Selatan">');
    expect(body).toContain('<option value="Badan Usaha Milik Daerah (BUMD)">');
    expect(body).not.toContain('<script');
  });

  it('takes an entry through the intake’s own archive and validation, then redirects', async () => {
    const local = app(true);
    const res = await post(local, ANSWERS);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/daftar?diterima=INOV-2024-001');
    const [innovation] = await store.competition(CID).innovations.listInnovations();
    expect(innovation).toMatchObject({
      title: 'Lumbung Pangan Desa Tangguh',
      region: 'Sikka',
      category: 'kabkota',
    });
    expect(innovation?.details?.consent).toBe('Ya, setuju');
    expect(innovation?.responseId).toMatch(/^local-/);
    const page = await (await local.request('/daftar?diterima=INOV-2024-001')).text();
    expect(page).toContain('Pendaftaran diterima sebagai INOV-2024-001');
  });

  it('shows the reasons beside the answers, keeps what was typed, and lists the rejection', async () => {
    const local = app(true);
    const res = await post(local, {
      ...ANSWERS,
      'Kabupaten/Kota': 'Kupang Barat',
      'Email Narahubung': 'bukan-email',
    });
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(body).toContain('role="alert"');
    expect(body).toContain('alamat email tidak valid');
    expect(body).toContain('value="bukan-email"');
    expect(body).toContain('aria-invalid="true"');
    expect(await store.competition(CID).innovations.listInnovations()).toEqual([]);
    expect((await store.competition(CID).archive.listRejections()).map((r) => r.source)).toEqual(['local']);
  });

  it('refuses a form posted from another site', async () => {
    const res = await post(app(true), ANSWERS, 'https://jahat.example');
    expect(res.status).toBe(403);
    expect(await store.competition(CID).innovations.listInnovations()).toEqual([]);
  });
});

describe('GET /daftar when the window is not open, and its answers', () => {
  function at(iso: string) {
    services = testServices({ store, clock: fixedClock(iso), localForm: true });
    return createApp(() => services);
  }

  it('says up front that registration is closed, with the date, and shows no field', async () => {
    const body = await (await at('2024-12-01T10:00:00+08:00').request('/daftar')).text();
    expect(body).toContain('Pendaftaran sudah ditutup pada Jumat, 15 November 2024');
    expect(body).not.toContain('<form method="post" action="/daftar"');
    expect(body).not.toContain('name="Judul Inovasi"');
  });

  it('offers the form of another competition open now, before anything else on the page', async () => {
    // Issue 24: the deployment's open year replaces the demo's open copy on a second server.
    const clock = fixedClock('2025-03-01T10:00:00+08:00');
    const open = parseCompetition(openYearConfig(clock.now()));
    if (!open.ok) throw new Error(JSON.stringify(open.issues));
    const deployment = [
      testServices({ store, clock, localForm: true }),
      testServices({ store, clock, localForm: true, competition: open.value }),
    ];
    const body = await (await createApp(() => deployment).request(`/${CID}/daftar`)).text();
    const main = body.slice(body.indexOf('<h1'));
    expect(main).toMatch(/^<h1>[^<]*<\/h1><div class="notice" role="status"><p>Pendaftaran sudah ditutup/);
    expect(main).toContain(`href="/${open.value.id}/daftar"`);
    expect(main).not.toContain('<input');
  });

  it('says when it opens before the window', async () => {
    const body = await (await at('2024-08-01T10:00:00+08:00').request('/daftar')).text();
    expect(body).toContain('Pendaftaran baru dibuka pada');
    expect(body).not.toContain('name="Judul Inovasi"');
  });

  it('asks consent with a checkbox whose "yes" the intake reads as consent', async () => {
    const a = app(true);
    const body = await (await a.request('/daftar')).text();
    expect(body).toMatch(
      /<input type="checkbox" value="Ya, saya setuju[^"]*"[^>]*name="Persetujuan Publikasi di Katalog Inovasi"/,
    );
    const consent = /value="(Ya, saya setuju[^"]*)"/.exec(body)?.[1] ?? '';
    await post(a, { ...ANSWERS, 'Persetujuan Publikasi di Katalog Inovasi': consent });
    const [entry] = await store.competition(CID).innovations.listInnovations();
    expect(entry?.details?.consent).toBe(consent);
  });

  it('sums up the answers to fix, each linked to its field', async () => {
    const { 'Judul Inovasi': _, ...withoutTitle } = ANSWERS;
    const body = await (await post(app(true), withoutTitle)).text();
    expect(body).toContain('<a href="#f-title">Judul Inovasi</a>');
    expect(body).toContain('id="f-title"');
  });
});
