import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { budget, CLI_MS, DEMO_MS } from '../helpers/budgets.ts';
import { startServe } from '../helpers/serve-child.ts';

/** One registration, answered as a person fills in the local form. */
const ANSWERS = {
  'Judul Inovasi': 'Lumbung Pangan Desa Tangguh',
  'Nama Perangkat Daerah / BUMD': 'Dinas Ketahanan Pangan Sikka',
  'Kabupaten/Kota': 'Sikka',
  'Kategori Peserta': 'Kabupaten/Kota',
  'Tahun Mulai Diterapkan': '2020',
  'Ringkasan Inovasi (maks. 200 kata)': 'Lumbung pangan dikelola warga desa.',
  'Email Narahubung': 'pangan@sikka.example.go.id',
  'Persetujuan Publikasi di Katalog Inovasi': 'Ya, setuju',
};

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGTERM');
});

/** `npm start` in a fresh folder: resolves once the server lists both competitions. */
async function start(dir: string) {
  const served = await startServe(dir);
  children.push(served.child);
  return { url: served.url, out: served.output, stop: served.stop };
}

function form(url: string, path: string, fields: Record<string, string>, cookie = '') {
  return fetch(`${url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: url,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Every value of a tab of the workbook, as text. */
async function tabText(file: string, title: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.worksheets.find((w) => w.name === title || w.name.endsWith(title));
  if (!ws) throw new Error(`no tab ${title} in ${book.worksheets.map((w) => w.name).join(', ')}`);
  const cells: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
  return cells.join('\n');
}

const DEMO = 'koin-yanlik-ntt-2024';

describe('npm start: two competitions, registration open on first start', () => {
  it('lists 2024 (announced, its Top 10) and the open year, whose /daftar takes an entry through to the juror tabs', {
    timeout: budget(DEMO_MS, 6 * CLI_MS),
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-open-'));
    const first = await start(dir);
    const url = first.url;
    const open = (
      JSON.parse(
        readFileSync(join(dir, 'kompetisi', readdirSync(join(dir, 'kompetisi'))[0] ?? ''), 'utf8'),
      ) as { id: string }
    ).id;
    // The root page lists both, the open year first.
    const root = await (await fetch(`${url}/`)).text();
    expect(root.indexOf(`/pengumuman/${open}`)).toBeGreaterThan(0);
    expect(root.indexOf(`/pengumuman/${DEMO}`)).toBeGreaterThan(root.indexOf(`/pengumuman/${open}`));
    // The 2024 demo keeps its history: announced, its Top 10 public, its form closed and pointing on.
    const announced = await (await fetch(`${url}/pengumuman/${DEMO}`)).text();
    expect(announced.match(/<li/g)?.length ?? 0).toBeGreaterThanOrEqual(10);
    const closed = await (await fetch(`${url}/${DEMO}/daftar`)).text();
    expect(closed).not.toContain('name="Judul Inovasi"');
    expect(closed).toContain(`href="/${open}/daftar"`);
    // /daftar is the open year's: it asks the questions, and takes the entry.
    expect(await (await fetch(`${url}/daftar`)).text()).toContain('name="Judul Inovasi"');
    const posted = await form(url, '/daftar', ANSWERS);
    expect(posted.status).toBe(303);
    const id = decodeURIComponent(posted.headers.get('location') ?? '').replace('/daftar?diterima=', '');
    expect(id).toMatch(/^INOV-\d{4}-001$/);
    // The announced year refuses a write.
    expect((await form(url, `/${DEMO}/daftar`, ANSWERS)).status).toBe(409);

    const token = (JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as { adminToken: string })
      .adminToken;
    const login = await form(url, '/sekretariat/masuk', { token });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const consoleBase = `/${open}/sekretariat`;
    const dashboard = async (page = '') =>
      (await fetch(`${url}${consoleBase}${page}`, { headers: { cookie } })).text();
    expect(await dashboard()).toContain('<dt>Inovasi terdaftar</dt><dd>1</dd>');

    // Registration closed by the secretariat: selection, the Sheet set up and synced, all by the console's
    // own buttons (the setup button is on the Seleksi and Penilaian pages).
    const phase = (to: string, reason: string) =>
      form(url, `${consoleBase}/tahap`, { to, reason, confirm: 'yes' }, cookie);
    const setUpTabs = async (back: string, innovations: number) => {
      const done = await form(url, `${consoleBase}/siapkan-tab`, { kembali: back }, cookie);
      expect(done.status).toBe(303);
      const notice = await fetch(new URL(done.headers.get('location') ?? '', url), {
        headers: { cookie },
      });
      expect(await notice.text()).toContain(`Tab juri siap: ${innovations} inovasi`);
    };
    expect((await phase('selection', 'Pendaftaran ditutup')).status).toBe(303);
    expect(await dashboard('/seleksi')).toContain(`action="${consoleBase}/siapkan-tab"`);
    await setUpTabs('seleksi', 1);
    const synced = await form(url, `${consoleBase}/sinkron`, { kembali: 'seleksi' }, cookie);
    expect(synced.headers.get('location')).toMatch(/sinkron=written/);
    // The console lists the entries by title on its Pendaftaran & Seleksi page (issue 23).
    expect(await dashboard('/seleksi')).toContain(ANSWERS['Judul Inovasi']);
    expect((await phase('judging:desk', 'Penilaian dimulai')).status).toBe(303);
    await setUpTabs('penilaian', 1);
    // Stopping writes the workbooks out (they are written behind the answers).
    await first.stop();
    const workbook = join(dir, `juri-${open}.xlsx`);
    expect(await tabText(workbook, 'Seleksi')).toContain(id);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const jurorTabs = book.worksheets.filter((w) => w.name.endsWith('Proposal'));
    expect(jurorTabs.length).toBeGreaterThan(0);
    for (const ws of jurorTabs) expect(await tabText(workbook, ws.name)).toContain(id);
    // The 2024 demo's own workbook is still juri.xlsx, untouched by the open year.
    expect(await tabText(join(dir, 'juri.xlsx'), 'Seleksi')).not.toContain(ANSWERS['Judul Inovasi']);
  });
});
