import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NTT_2024_PATH } from '../helpers/services.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/juri.js', import.meta.url).pathname;

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'juri-rank-'));
  const innovations = join(dir, 'innovations.csv');
  const scores = join(dir, 'scores.csv');
  writeFileSync(
    innovations,
    [
      'id,title,agency,region,category,submitted_at',
      'INOV-2024-001,"Posyandu Prima, Cegah Stunting",Dinas Kesehatan,Timor Tengah Utara,kabkota,2024-09-01T10:00:00+08:00',
      'INOV-2024-002,=IMPORTXML("http://x"),Dinas Sosial,Kota Kupang,kabkota,2024-09-02T10:00:00+08:00',
      'INOV-2024-003,Belum dinilai,Bank NTT,Provinsi NTT,bumd,2024-09-03T10:00:00+08:00',
    ].join('\n'),
  );
  const desk = (inn: string, juror: string, v: string[]) =>
    ['latar', 'kebaruan', 'implementasi', 'signifikansi', 'adaptabilitas', 'sumberdaya', 'keberlanjutan'].map(
      (c, i) => `desk,${inn},${juror},${c},"${v[i] ?? ''}"`,
    );
  writeFileSync(
    scores,
    [
      'stage,innovation,juror,criterion,value',
      ...desk('INOV-2024-001', 'j1', ['80', '80', '80', '80', '80', '80', '80']),
      ...desk('INOV-2024-001', 'j2', ['90,5', '90.5', '90', '90', '90', '90', '90']),
      ...desk('INOV-2024-001', 'j3', ['70', '70', '70', '70', '70', '70', 'tujuh puluh']),
      ...desk('INOV-2024-001', 'j4', ['75', '75', '75', '75', '75', '75', '75']),
      ...desk('INOV-2024-002', 'j1', ['99', '99', '99', '99', '99', '99', '99']),
      ...desk('INOV-2024-002', 'j2', ['60', '60', '60', '60', '60', '60', '60']),
      ...desk('INOV-2024-002', 'j3', ['60', '60', '60', '60', '60', '60', '60']),
      ...desk('INOV-2024-002', 'j4', ['60', '60', '60', '60', '60', '60', '160']),
    ].join('\n'),
  );
  return { innovations, scores };
}

/** `juri rank` on the 2024 config, desk stage, as a user types it. */
function rankDesk(f: { innovations: string; scores: string }, ...extra: string[]) {
  const args = [
    'rank',
    '--config',
    NTT_2024_PATH.pathname,
    '--innovations',
    f.innovations,
    '--scores',
    f.scores,
  ];
  return run('node', [BIN, ...args, '--stage', 'desk', ...extra]);
}

describe('juri rank', () => {
  it('prints exactly the documented JSON shape with full precision', async () => {
    const { stdout } = await rankDesk(fixture(), '--json');
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['stage', 'ranking', 'problems']);
    expect(out.stage).toBe('desk');
    expect(out.ranking).toEqual([
      {
        rank: 1,
        id: 'INOV-2024-001',
        score: expect.any(Number),
        display: '81.71',
        status: 'complete',
        jurors: 3,
        tie: false,
        advances: true,
      },
      {
        rank: null,
        id: 'INOV-2024-002',
        score: 60,
        display: '60.00',
        status: 'incomplete',
        jurors: 2,
        tie: false,
        advances: false,
      },
      {
        rank: null,
        id: 'INOV-2024-003',
        score: null,
        display: null,
        status: 'incomplete',
        jurors: 0,
        tie: false,
        advances: false,
      },
    ]);
    // j1: 80; j2: 0.1*90.5 + 0.15*90.5 + 0.75*90 = 90.125; j4: 75; j3's row is partial
    expect(out.ranking[0].score).toBeCloseTo((80 + 90.125 + 75) / 3, 12);
    expect(out.problems).toEqual([
      {
        innovation: 'INOV-2024-001',
        juror: 'j3',
        criterion: 'keberlanjutan',
        value: 'tujuh puluh',
        reason: 'bukan angka',
      },
      {
        innovation: 'INOV-2024-002',
        juror: 'j1',
        criterion: expect.any(String),
        value: '99',
        reason: expect.stringContaining('konflik'),
      },
      ...Array.from({ length: 6 }, () =>
        expect.objectContaining({ innovation: 'INOV-2024-002', juror: 'j1' }),
      ),
      {
        innovation: 'INOV-2024-002',
        juror: 'j4',
        criterion: 'keberlanjutan',
        value: '160',
        reason: 'di luar rentang 0–100',
      },
    ]);
  });

  it('prints a readable table by default, in English on request', async () => {
    const { stdout } = await rankDesk(fixture(), '--lang', 'en');
    expect(stdout).toMatch(/^Rank\s+ID\s+Score/);
    // The score as every output prints it (2 decimals, half-up on the exact value); --json has it in full.
    expect(stdout).toMatch(/1\s+INOV-2024-001\s+81\.71\s+3\s+complete\s+yes/);
    expect(stdout).toContain('Problems (9):');
  });

  it('explains a broken config with its path, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-rank-'));
    const config = join(dir, 'c.json');
    writeFileSync(config, JSON.stringify({ id: 'X', stages: [] }));
    const f = fixture();
    const failure = await run('node', [
      BIN,
      'rank',
      '--config',
      config,
      '--innovations',
      f.innovations,
      '--scores',
      f.scores,
    ]).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('tidak valid');
    expect(failure.stderr).toContain('- id: harus huruf kecil');
    expect(failure.stderr).toContain('- stages:');
  });
});
