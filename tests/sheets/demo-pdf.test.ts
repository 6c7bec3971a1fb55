import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { needTools } from '../helpers/tools.ts';
import { scoreFor, sheetEnvsClosedAfterEach, submission, typeScores } from './helpers.ts';

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
    for (let n = 1; n <= 24; n++) {
      const details = {
        proposalUrl: `https://drive.example.org/p-${n}.pdf`,
        videoUrl: `https://video.example.org/${n}`,
      };
      await env.store
        .competition(env.services.competition.id)
        .innovations.upsertInnovation(submission(n, { details }), (k) => innovationNumber(2024, k));
    }
    await provisionSheet(env.services);
    await typeScores(env, scoreFor, 'desk');
    await runSync(env.services, { trigger: 'cli' });
    // The finalists get interview rows; everyone scores; the announcement appears.
    await provisionSheet(env.services);
    await typeScores(env, (s, j, i, c) => (c === 1 ? '8,5' : scoreFor(s, j, i, c)), 'interview');
    const record = await runSync(env.services, { trigger: 'cli' });
    expect(record.status).toBe('written');
    // LibreOffice converts the file: the server writes it behind the answer.
    await env.server.flush();
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
      // The juror tabs: who, what, by when, what to do, the links and the juror's own total.
      'Dr. Yohanes Bria, M.Si. (j1)',
      'Batas waktu',
      'Jumat, 29 November 2024 pukul 17.00 WITA',
      'Ketik nilai Anda di sel kuning',
      'Proposal',
      'Video',
      'Total Anda',
      'Catatan Juri',
      'Konflik kepentingan',
      // The guide, and the output tabs about the jurors.
      'Cara menilai',
      'Dampak nyata bagi pengguna layanan',
      'Kriteria belum dinilai',
    ]) {
      expect(text).toContain(words);
    }
    // The juror tabs come first (the PDF prints tabs in order), and the stray default tab is gone.
    expect(text.trimStart()).toMatch(/^Juri\s+Dr\. Yohanes Bria/);
    expect(text).not.toContain('Sheet1');
    // A juror's total on an entry row: INOV-2024-002 and its links, seven scores, then the total.
    expect(text).toMatch(/INOV-2024-002 .*Proposal\s+Video(\s+\d+([.,]\d+)?){7}\s+\d{1,3}[.,]\d{2}/);
    // The input cells are shaded: the first page has the light yellow of the cells to type in.
    const ppm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', pdf]);
    expect(countPixels(ppm, [255, 242, 179])).toBeGreaterThan(200);
    // Scores are shown with two decimals (comma in Indonesian), not as raw binary fractions.
    expect(text).toMatch(/\b\d{2}[.,]\d{2}\b/);
    expect(text).not.toMatch(/\d[.,]\d{6,}/);
  }, 180_000);
});

/** Pixels of about one colour in a binary PPM (P6) image, as pdftoppm writes it. */
function countPixels(ppm: Buffer, [r, g, b]: [number, number, number]): number {
  const header = ppm.toString('latin1', 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('not a PPM');
  let n = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (
      Math.abs((ppm[i] ?? 0) - r) < 6 &&
      Math.abs((ppm[i + 1] ?? 0) - g) < 6 &&
      Math.abs((ppm[i + 2] ?? 0) - b) < 6
    )
      n += 1;
  }
  return n;
}
