import { describe, expect, it } from 'vitest';
import { calibrationIds, calibrationReport, calibrationStage } from '../../shared/domain/calibration.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { parseCompetition, recordCompetition } from '../../shared/domain/competition.ts';
import { calibrationSentences } from '../../shared/messages/calibration.ts';
import { loadNtt2024 } from '../helpers/services.ts';

const SAMPLES = [
  { id: 'KALIBRASI-1', title: 'Contoh A' },
  { id: 'KALIBRASI-2', title: 'Contoh B' },
];
const competition = { ...loadNtt2024(), calibration: { entries: SAMPLES } };
const criteria = competition.stages[0]?.criteria.map((c) => c.id) ?? [];

/** Every criterion of the desk stage typed alike (0–100 scales, so the total is that number). */
const typed = (juror: string, sample: string, value: string, only?: string[]): ScoreEntry[] =>
  (only ?? criteria).map((criterion) => ({ stage: 'desk', innovation: sample, juror, criterion, value }));

const cells: ScoreEntry[] = [
  ...typed('j1', 'KALIBRASI-1', '80'),
  ...typed('j1', 'KALIBRASI-2', '60'),
  ...typed('j2', 'KALIBRASI-1', '70'),
  ...typed('j2', 'KALIBRASI-2', '50'),
  ...typed('j3', 'KALIBRASI-1', '60'),
  ...typed('j3', 'KALIBRASI-2', '55'),
  ...typed('j4', 'KALIBRASI-1', '90'),
  ...typed('j4', 'KALIBRASI-2', '70'),
  ...typed('j5', 'KALIBRASI-1', '75'),
  // j5 has typed one criterion of the second sample: no total, but it counts in that criterion's median.
  ...typed('j5', 'KALIBRASI-2', '100', ['latar']),
  // Neither a word nor another stage's cell counts.
  ...typed('j5', 'KALIBRASI-2', 'delapan', ['kebaruan']),
  { stage: 'interview', innovation: 'KALIBRASI-1', juror: 'j1', criterion: 'latar', value: '1' },
];

describe('the calibration summaries', () => {
  const report = calibrationReport(competition, cells);
  const of = (juror: string) => report?.jurors.find((j) => j.juror === juror);

  it('compare each juror’s totals with the panel median of each sample', () => {
    expect(report?.stage).toBe('desk');
    expect(report?.samples).toEqual(['KALIBRASI-1', 'KALIBRASI-2']);
    expect(report?.jurors.map((j) => j.juror)).toEqual(['j1', 'j2', 'j3', 'j4', 'j5']);
    // Medians: 75 of (80, 70, 60, 90, 75); 57,5 of (60, 50, 55, 70): j5's second total is incomplete.
    expect(of('j1')?.samples).toEqual([
      { id: 'KALIBRASI-1', total: 80, median: 75, jurors: 5 },
      { id: 'KALIBRASI-2', total: 60, median: 57.5, jurors: 4 },
    ]);
    expect(of('j1')).toMatchObject({ scored: 2, of: 2, leniency: 3.75, band: 'typical' });
    expect(of('j4')).toMatchObject({ leniency: 13.75, band: 'lenient' });
    expect(of('j3')).toMatchObject({ leniency: -8.75, band: 'harsh' });
    expect(of('j5')).toMatchObject({
      scored: 1,
      leniency: 0,
      band: 'typical',
      spread: null,
      panelSpread: null,
    });
  });

  it('give each juror’s spread against the panel’s median spread', () => {
    // Spreads 20, 20, 5, 20 (j5 has one total): the panel's median is 20.
    expect(of('j1')).toMatchObject({ spread: 20, panelSpread: 20 });
    expect(of('j3')).toMatchObject({ spread: 5, panelSpread: 20 });
  });

  it('name the criteria where the juror differs most, largest first, at most three', () => {
    // "latar" of the second sample has j5's 100 in its median (60); every other criterion's is 57,5.
    expect(of('j3')?.criteria).toEqual([
      { criterion: 'latar', difference: -10 },
      { criterion: 'kebaruan', difference: -8.75 },
      { criterion: 'implementasi', difference: -8.75 },
    ]);
  });

  it('say it in words, Indonesian first', () => {
    const j3 = of('j3');
    if (!j3) throw new Error('no summary');
    expect(calibrationSentences(j3, 'id')).toEqual([
      'Anda telah menilai lengkap 2 dari 2 contoh.',
      'Rata-rata nilai Anda 8,8 poin di bawah median panel: Anda cenderung ketat.',
      'Jarak nilai tertinggi dan terendah Anda di antara contoh: 5,0 poin (median panel 20,0 poin).',
      'Anda membedakan contoh-contoh itu lebih sedikit daripada panel.',
    ]);
    expect(calibrationSentences({ ...j3, scored: 0 }, 'en')[0]).toContain('not fully scored');
  });

  it('is nothing without a calibration round', () => {
    expect(calibrationReport(loadNtt2024(), cells)).toBeNull();
    expect(calibrationIds(loadNtt2024()).size).toBe(0);
    expect(calibrationStage(loadNtt2024())?.id).toBe('desk');
  });
});

describe('the calibration config', () => {
  it('checks the stage, the ids and their form', () => {
    const base = JSON.parse(JSON.stringify(loadNtt2024()));
    const bad = parseCompetition({
      ...base,
      calibration: {
        stage: 'lapangan',
        entries: [...SAMPLES, SAMPLES[0], { id: 'INOV-2024-001', title: 'x' }],
      },
    });
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'calibration.entries[3].id calibrationId',
      'calibration.stage unknownStage',
      'calibration.entries duplicateId',
    ]);
    expect(parseCompetition({ ...base, calibration: { stage: 'interview', entries: SAMPLES } }).ok).toBe(
      true,
    );
  });

  it('stays out of a record’s copy of the config, so a record is the same with or without it', () => {
    expect(recordCompetition(competition)).toEqual(recordCompetition(loadNtt2024()));
  });
});
