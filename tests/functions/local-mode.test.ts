import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { NTT_2024_PATH } from '../helpers/services.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/juri.js', import.meta.url).pathname;

describe('juri demo', () => {
  it('runs the 2024 scenario end to end, writes the workbook and prints the Top 10', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-demo-'));
    const { stdout } = await run('node', [BIN, 'demo', '--dir', dir], { timeout: 120_000 });
    const top = stdout.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(top).toHaveLength(10);
    expect(top[0]).toMatch(/^1\. .+ — .+, .+ — nilai \d+,\d\d$/);
    expect(stdout).toContain('Jumat, 20 Desember 2024');
    // Selection, then the stages, in order; one entry fails selection, one is let through by the secretariat.
    const steps = [
      '• Seleksi administrasi: 23 lolos, 1 tidak lolos, 1 perlu dicek (0 diputuskan sekretariat)',
      'mengetik "Lolos" untuk INOV-2024-002 di tab "Seleksi"',
      '• Seleksi administrasi: 24 lolos, 1 tidak lolos, 0 perlu dicek (1 diputuskan sekretariat)',
      '• Penilaian Proposal:',
      '• Presentasi dan Wawancara:',
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
        'Peringkat – Penilaian Proposal',
        'Peringkat – Akhir',
        'Periksa Nilai',
        'Seleksi',
        'Pengumuman',
      ]),
    );
    const announcement = book.getWorksheet('Pengumuman');
    const text: string[] = [];
    announcement?.eachRow((row) => text.push(row.values?.toString() ?? ''));
    expect(text.join('\n')).toContain(top[0]?.slice(3, 30));

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
  });

  it('is deterministic: two runs write the same scores and the same Top 10', async () => {
    const a = mkdtempSync(join(tmpdir(), 'juri-demo-a-'));
    const b = mkdtempSync(join(tmpdir(), 'juri-demo-b-'));
    const [ra, rb] = await Promise.all([
      run('node', [BIN, 'demo', '--dir', a]),
      run('node', [BIN, 'demo', '--dir', b]),
    ]);
    const top = (s: string) => s.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(top(rb.stdout)).toEqual(top(ra.stdout));
    expect(readFileSync(join(b, 'scores.csv'), 'utf8')).toBe(readFileSync(join(a, 'scores.csv'), 'utf8'));
  });
});

describe('npm start (juri serve --local)', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGTERM');
  });

  async function start(dir: string): Promise<{ url: string; output: () => string; stop(): Promise<void> }> {
    const child = spawn('node', [BIN, 'serve', '--local', '--port', '0'], {
      env: { ...process.env, JURI_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout?.on('data', (d) => (out += String(d)));
    child.stderr?.on('data', (d) => (out += String(d)));
    const url = await new Promise<string>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      const timer = setInterval(() => {
        const m = out.match(/(http:\/\/127\.0\.0\.1:\d+)\/sekretariat/);
        if (m?.[1] && out.includes('Ctrl+C')) {
          clearInterval(timer);
          resolve(m[1]);
        }
      }, 100);
    });
    return {
      url,
      output: () => out,
      stop: () =>
        new Promise((done) => {
          child.removeAllListeners('exit');
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    };
  }

  it('seeds the demo on first start, serves locally, and keeps the data across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-serve-'));
    const first = await start(dir);
    expect(first.output()).toContain('Mulai pertama');
    expect(existsSync(join(dir, 'juri.db'))).toBe(true);
    expect(existsSync(join(dir, 'juri.xlsx'))).toBe(true);
    const token = (JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as { adminToken: string })
      .adminToken;
    const list = async (url: string) => {
      const res = await fetch(`${url}/admin/innovations`, { headers: { authorization: `Bearer ${token}` } });
      return ((await res.json()) as { innovations: unknown[] }).innovations;
    };
    const before = await list(first.url);
    expect(before.length).toBeGreaterThanOrEqual(20);
    const page = await fetch(`${first.url}/pengumuman/koin-yanlik-ntt-2024`);
    expect(page.status).toBe(200);
    await first.stop();

    const second = await start(dir);
    expect(second.output()).not.toContain('Mulai pertama');
    expect(await list(second.url)).toEqual(before);
    await second.stop();
  });
});
