import { type ChildProcess, execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { criterionColumns, jurorColumns, jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { JUROR_HEADER_ROWS } from '../../shared/sheet/layout.ts';
import { budget, CLI_MS, DEMO_MS } from '../helpers/budgets.ts';
import { type ServeChild, startServe } from '../helpers/serve-child.ts';
import { loadNtt2024, NTT_2024_PATH } from '../helpers/services.ts';

const execFileAsync = promisify(execFile);
const BIN = new URL('../../bin/juri.js', import.meta.url).pathname;

/** One `juri` command, killed when it outlives the budget of what it does. */
const run = (file: string, args: string[], { timeout = CLI_MS }: { timeout?: number } = {}) =>
  execFileAsync(file, args, { timeout });

interface Demo {
  dir: string;
  stdout: string;
}

async function demo(name: string, ...flags: string[]): Promise<Demo> {
  const dir = mkdtempSync(join(tmpdir(), `juri-${name}-`));
  const { stdout } = await run('node', [BIN, 'demo', ...flags, '--dir', dir], {
    timeout: flags.includes('--per-juror') ? 2 * DEMO_MS : DEMO_MS,
  });
  return { dir, stdout };
}

const top = (stdout: string) => stdout.split('\n').filter((l) => /^\d+\. /.test(l));

/**
 * Each demo runs once for the whole file and the tests share it (a demo is the costly part): the shared
 * sheet twice (for determinism), one per juror, and a copy of the first for the correction test to edit.
 */
let shared: Demo;
let again: Demo;
let own: Demo;
let ralat: string;
beforeAll(
  async () => {
    [shared, again, own] = await Promise.all([
      demo('demo-a'),
      demo('demo-b'),
      demo('demo-own', '--per-juror'),
    ]);
    ralat = mkdtempSync(join(tmpdir(), 'juri-ralat-'));
    cpSync(shared.dir, ralat, { recursive: true });
  },
  budget(DEMO_MS, DEMO_MS, 2 * DEMO_MS),
);

describe('juri demo', () => {
  it('runs the 2024 scenario end to end, writes the workbook and prints the Top 10', {
    timeout: budget(4 * CLI_MS),
  }, async () => {
    const { dir, stdout } = shared;
    const topTen = top(stdout);
    expect(topTen).toHaveLength(10);
    expect(topTen[0]).toMatch(/^1\. .+ — .+, .+ — nilai \d+,\d\d$/);
    expect(stdout).toContain('Jumat, 20 Desember 2024');
    // Selection, then the stages, in order; one entry fails selection, one is let through by the secretariat.
    const steps = [
      '• Seleksi administrasi: 23 lolos, 1 tidak lolos, 1 perlu dicek (0 diputuskan sekretariat)',
      'mengetik "Lolos" untuk INOV-2024-002 di tab "Seleksi"',
      '• Seleksi administrasi: 24 lolos, 1 tidak lolos, 0 perlu dicek (1 diputuskan sekretariat)',
      '• Penilaian Proposal:',
      '• Verifikasi Lapangan: 2 verifikator mengunjungi tiap finalis dan mengisi 40 baris',
      '• Presentasi dan Wawancara:',
      '• Hasil ditetapkan: versi 1',
      // Issue 24: what the field gate and the representation rule did, from the fixed record.
      '• Verifikasi Lapangan: 19 dari 20 finalis lolos (ambang 60)',
      'INOV-2024-008 Air Bersih Tenaga Surya untuk Desa Kering: tidak lolos (nilai 35,00, di bawah ambang 60)',
      '• Daftar pemenang disusun dengan aturan keterwakilan: paling banyak 1 pemenang per wilayah',
      'INOV-2024-018 (kuota 3T)',
      'INOV-2024-006: dilewati: sudah ada 1 pemenang dari Provinsi NTT (batas per wilayah)',
      'Pengumuman Top 10',
    ].map((step) => stdout.indexOf(step));
    expect(steps.every((at) => at >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(stdout).toContain('sinkronisasi: nilai dibaca dan tab peringkat ditulis ke Sheet');
    expect(stdout).not.toMatch(/\b(written|unchanged)\b/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'juri.xlsx'));
    const titles = book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(titles).toEqual(
      expect.arrayContaining([
        '» Peringkat Penilaian Proposal',
        '» Peringkat Akhir',
        '» Periksa Nilai',
        '» Pengumuman',
        '» Berita Acara',
        '» Riwayat Nilai',
        '» Seleksi',
      ]),
    );
    const announcement = book.getWorksheet('» Pengumuman');
    const text: string[] = [];
    announcement?.eachRow((row) => text.push(row.values?.toString() ?? ''));
    expect(text.join('\n')).toContain(topTen[0]?.slice(3, 30));

    // The exported CSVs rank the same way when recomputed by `juri rank`.
    const ranked = await run('node', [
      BIN,
      'rank',
      '--config',
      NTT_2024_PATH.pathname,
      '--innovations',
      join(dir, 'innovations.csv'),
      '--scores',
      join(dir, 'scores.csv'),
      '--json',
    ]);
    const final = JSON.parse(ranked.stdout) as { ranking: { rank: number; id: string; advances: boolean }[] };
    const winners = final.ranking.filter((e) => e.advances);
    expect(winners).toHaveLength(10);
    expect(final.ranking[0]?.rank).toBe(1);

    // The demo ends by fixing version 1; its exported record verifies.
    const hash = /versi 1, SHA-256 ([0-9a-f]{64})/.exec(stdout)?.[1];
    expect(hash).toBeDefined();
    const file = join(dir, 'rekaman.json');
    const exported = await run('node', [BIN, 'export-record', '1', '--local', '--dir', dir, '--out', file]);
    expect(exported.stdout).toContain(`SHA-256 ${hash}`);
    const verified = await run('node', [BIN, 'verify', file, '--lang', 'en']);
    expect(verified.stdout).toContain('CONFIRMED.');
    expect(verified.stdout).toContain(`SHA-256 v1: ${hash}`);
    const usage = await run('node', [BIN, 'verify']).catch((e: { code: number }) => e);
    expect((usage as { code: number }).code).toBe(2);
  });

  it('takes a correction from the command line: edit the workbook, sync, finalize with a reason, verify both versions', {
    timeout: budget(8 * CLI_MS),
  }, async () => {
    const dir = ralat;
    const cli = (...args: string[]) =>
      run('node', [BIN, ...args, '--local', '--dir', dir]).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    // Nothing changed: no second version.
    const same = await cli('finalize', '--reason', 'coba');
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('Hasil sama dengan versi 1');

    // A juror lowers an interview score in the workbook (as in LibreOffice), then the secretariat syncs.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'juri.xlsx'));
    const competition = loadNtt2024();
    const interview = jurorTabs(competition).find((t) => t.stage.id === 'interview' && t.juror.id === 'j1');
    const tab = interview && book.getWorksheet(interview.title);
    if (!interview || !tab) throw new Error('no interview tab for j1');
    // The first entry row below the header block: every criterion of it set to the scale's minimum.
    const columns = jurorColumns(competition, interview.stage);
    const firstRow = JUROR_HEADER_ROWS + 1;
    for (const col of criterionColumns(columns)) tab.getRow(firstRow).getCell(col + 1).value = 1;
    await book.xlsx.writeFile(join(dir, 'juri.xlsx'));
    expect((await cli('sync')).code).toBe(0);

    const noReason = await cli('finalize');
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('alasan tertulis');
    const fixed = await cli('finalize', '--reason', 'Nilai wawancara j1 dikoreksi sesuai lembar asli');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('Hasil versi 2 ditetapkan (akhir).');
    const file = join(dir, 'v2.json');
    expect((await cli('export-record', '2', '--out', file)).code).toBe(0);
    const verified = await run('node', [BIN, 'verify', file]);
    expect(verified.stdout).toContain('Versi 1–2: setiap hash cocok');
  });

  it('is deterministic: two runs write the same scores and the same Top 10', () => {
    expect(top(again.stdout)).toEqual(top(shared.stdout));
    const hash = (s: string) => /SHA-256 ([0-9a-f]{64})/.exec(s)?.[1];
    expect(hash(again.stdout)).toBe(hash(shared.stdout));
    expect(readFileSync(join(again.dir, 'scores.csv'), 'utf8')).toBe(
      readFileSync(join(shared.dir, 'scores.csv'), 'utf8'),
    );
  });
});

describe('juri demo --per-juror', () => {
  it('runs end to end with one workbook per juror and ends with the same Top 10 as the shared sheet', async () => {
    expect(top(own.stdout)).toHaveLength(10);
    expect(top(own.stdout)).toEqual(top(shared.stdout));
    expect(own.stdout).toContain('menilai di workbook sendiri');
    const books = readdirSync(own.dir).filter((f) => f.endsWith('.xlsx') && f !== 'juri.xlsx');
    expect(books).toHaveLength(5);
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.readFile(join(own.dir, books.find((f) => f.includes('yohanes-bria')) ?? ''));
    const tabs = mine.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    // The demo's field verification (issue 24) gives each verifier a tab of their own between the two.
    expect(tabs).toEqual([
      'Yohanes Bria – Proposal',
      'Yohanes Bria – Lapangan',
      'Yohanes Bria – Wawancara',
      'Petunjuk',
    ]);
  });
});

describe('npm start (juri serve --local)', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGTERM');
  });

  async function start(dir: string): Promise<ServeChild> {
    const served = await startServe(dir);
    children.push(served.child);
    return served;
  }

  // First start seeds the demo; then two starts and a handful of requests.
  it('seeds the demo on first start, serves locally, and keeps the data across a restart', {
    timeout: budget(DEMO_MS, 4 * CLI_MS),
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-serve-'));
    const first = await start(dir);
    expect(first.output()).toContain('Mulai pertama');
    expect(existsSync(join(dir, 'juri.db'))).toBe(true);
    expect(existsSync(join(dir, 'juri.xlsx'))).toBe(true);
    const token = (JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as { adminToken: string })
      .adminToken;
    const list = async (url: string) => {
      // The demo's year; the unprefixed /admin is the open year's, which npm start serves beside it.
      const res = await fetch(`${url}/koin-yanlik-ntt-2024/admin/innovations`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await res.json()) as { innovations: unknown[] }).innovations;
    };
    const before = await list(first.url);
    expect(before.length).toBeGreaterThanOrEqual(20);
    const page = await fetch(`${first.url}/pengumuman/koin-yanlik-ntt-2024`);
    expect(page.status).toBe(200);
    // The seeded demo fixed version 1: the page shows it, with its hash.
    const fixed = (await (await fetch(`${first.url}/api/pengumuman/koin-yanlik-ntt-2024`)).json()) as {
      version: number;
      hash: string;
    };
    expect(fixed.version).toBe(1);
    expect(await page.text()).toContain(fixed.hash);
    // DNS rebinding: a page whose own name points at 127.0.0.1 is refused by that name (the Host header).
    const rebound = await new Promise<number>((resolve, reject) => {
      request(`${first.url}/sekretariat`, { headers: { host: 'rebind.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(rebound).toBe(403);
    await first.stop();

    const second = await start(dir);
    expect(second.output()).not.toContain('Mulai pertama');
    expect(await list(second.url)).toEqual(before);
    await second.stop();
  });
});
