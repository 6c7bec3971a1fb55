import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { needTools } from '../helpers/tools.ts';
import { scoreFor, seedInnovations, sheetEnvsClosedAfterEach, typeScores } from './helpers.ts';

const ARTIFACTS = process.env.JURI_SHEETS_ARTIFACTS;

const startEnv = sheetEnvsClosedAfterEach();

describe('the demo workbook, opened as a person would', () => {
  it('converts to a PDF whose pages show the formatted tabs', async (ctx) => {
    // LibreOffice and poppler come from Debian; .ci/run installs them, and in CI their absence fails.
    const tools = needTools(
      ctx,
      ['soffice', 'pdftotext'],
      'apt-get install libreoffice-calc-nogui poppler-utils',
    );
    const env = await startEnv();
    await seedInnovations(env, 24);
    await provisionSheet(env.services);
    await typeScores(env, scoreFor, 'desk');
    await runSync(env.services, { trigger: 'cli' });
    // The finalists get interview rows; everyone scores; the announcement appears.
    await provisionSheet(env.services);
    await typeScores(env, (s, j, i, c) => (c === 1 ? '8,5' : scoreFor(s, j, i, c)), 'interview');
    const record = await runSync(env.services, { trigger: 'cli' });
    expect(record.status).toBe('written');
    const out = ARTIFACTS ?? env.dir;
    mkdirSync(out, { recursive: true });
    execFileSync(
      tools.soffice,
      [
        `-env:UserInstallation=file://${join(env.dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        env.file,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = join(out, 'juri.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync(tools.pdftotext, ['-layout', pdf, '-']).toString('utf8');
    for (const words of [
      'Peringkat',
      'Nilai (0–100)',
      'Pengumuman Top 10',
      'Sudah dinilai',
      'INOV-2024-001',
    ]) {
      expect(text).toContain(words);
    }
    // Scores are shown with two decimals (comma in Indonesian), not as raw binary fractions.
    expect(text).toMatch(/\b\d{2}[.,]\d{2}\b/);
    expect(text).not.toMatch(/\d[.,]\d{6,}/);
  }, 180_000);
});
