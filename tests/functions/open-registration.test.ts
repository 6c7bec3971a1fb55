import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { budget, CLI_MS, DEMO_MS } from '../helpers/budgets.ts';

const BIN = new URL('../../bin/juri.js', import.meta.url).pathname;

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

/** `npm start` in a fresh folder: resolves once both the demo and its open copy are served. */
async function start(dir: string) {
  const child = spawn('node', [BIN, 'serve', '--local', '--port', '0'], {
    env: { ...process.env, JURI_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const urls = await new Promise<{ demo: string; open: string }>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    const timer = setInterval(() => {
      const demo = /(http:\/\/127\.0\.0\.1:\d+)\/sekretariat/.exec(out)?.[1];
      const open = /Pendaftaran terbuka[\s\S]*?(http:\/\/127\.0\.0\.1:\d+)\/daftar/.exec(out)?.[1];
      if (demo && open && out.includes('Ctrl+C')) {
        clearInterval(timer);
        resolve({ demo, open });
      }
    }, 100);
  });
  const stop = () =>
    new Promise<void>((done) => {
      child.removeAllListeners('exit');
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { ...urls, stop };
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

describe('npm start: registration is open on first start', () => {
  it('takes an entry through the open copy’s form, to the dashboard, the Seleksi tab and the juror tabs', {
    timeout: budget(DEMO_MS, 6 * CLI_MS),
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-open-'));
    const first = await start(dir);
    // The 2024 demo keeps its history: its form says it is closed, before any field.
    const closed = await (await fetch(`${first.demo}/daftar`)).text();
    expect(closed).not.toContain('name="Judul Inovasi"');
    // …and sends the visitor on to the open copy's form, at the address that server serves.
    expect(closed).toContain(`href="${first.open}/daftar"`);
    // The open copy asks the questions, and takes the entry.
    expect(await (await fetch(`${first.open}/daftar`)).text()).toContain('name="Judul Inovasi"');
    const posted = await form(first.open, '/daftar', ANSWERS);
    expect(posted.status).toBe(303);
    const id = decodeURIComponent(posted.headers.get('location') ?? '').replace('/daftar?diterima=', '');
    expect(id).toMatch(/^INOV-\d{4}-001$/);

    const token = (
      JSON.parse(readFileSync(join(dir, 'terbuka', 'secrets.json'), 'utf8')) as { adminToken: string }
    ).adminToken;
    const login = await form(first.open, '/sekretariat/masuk', { token });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const dashboard = async (page = '') =>
      (await fetch(`${first.open}/sekretariat${page}`, { headers: { cookie } })).text();
    expect(await dashboard()).toContain('<dt>Inovasi terdaftar</dt><dd>1</dd>');

    // Registration closed by the secretariat: selection, the Sheet set up and synced, all by the console's
    // own buttons (the setup button is on the Seleksi and Penilaian pages).
    const phase = (to: string, reason: string) =>
      form(first.open, '/sekretariat/tahap', { to, reason, confirm: 'yes' }, cookie);
    const setUpTabs = async (back: string, innovations: number) => {
      const done = await form(first.open, '/sekretariat/siapkan-tab', { kembali: back }, cookie);
      expect(done.status).toBe(303);
      const notice = await fetch(new URL(done.headers.get('location') ?? '', first.open), {
        headers: { cookie },
      });
      expect(await notice.text()).toContain(`Tab juri siap: ${innovations} inovasi`);
    };
    expect((await phase('selection', 'Pendaftaran ditutup')).status).toBe(303);
    expect(await dashboard('/seleksi')).toContain('action="/sekretariat/siapkan-tab"');
    await setUpTabs('seleksi', 1);
    const synced = await form(first.open, '/sekretariat/sinkron', { kembali: 'seleksi' }, cookie);
    expect(synced.headers.get('location')).toMatch(/sinkron=written/);
    // The dashboard's selection lists it by title.
    // The console lists the entries by title on its Pendaftaran & Seleksi page (issue 23).
    expect(await dashboard('/seleksi')).toContain(ANSWERS['Judul Inovasi']);
    expect((await phase('judging:desk', 'Penilaian dimulai')).status).toBe(303);
    await setUpTabs('penilaian', 1);
    // Stopping writes the workbook out (it is written behind the answers).
    await first.stop();
    const workbook = join(dir, 'terbuka', 'juri.xlsx');
    expect(await tabText(workbook, 'Seleksi')).toContain(id);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const jurorTabs = book.worksheets.filter((w) => w.name.endsWith('Proposal'));
    expect(jurorTabs.length).toBeGreaterThan(0);
    for (const ws of jurorTabs) expect(await tabText(workbook, ws.name)).toContain(id);
  });
});
