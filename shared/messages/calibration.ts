import type { CalibrationSummary } from '../domain/calibration.ts';
import type { Stage } from '../domain/competition.ts';
import { fill, type Lang, localName } from '../domain/i18n.ts';
import { formatScore } from './numbers.ts';

/** The calibration round's words: the juror's private page and the Keadilan page's section. */
export const CALIBRATION_WORDS = {
  id: {
    title: 'Kalibrasi penilaian',
    private:
      'Halaman ini hanya untuk Anda: tautannya pribadi, jangan dibagikan. Contoh kalibrasi tidak pernah dihitung dalam peringkat, seleksi, statistik keadilan, atau Berita Acara.',
    how: 'Sebelum menilai inovasi, setiap juri menilai contoh proposal yang sama (baris KALIBRASI di tab Anda, tahap {stage}). Halaman ini membandingkan nilai Anda dengan median panel, agar Anda tahu apakah Anda cenderung ketat atau longgar sebelum penilaian sebenarnya.',
    scored: 'Anda telah menilai lengkap {scored} dari {of} contoh.',
    notYet:
      'Belum ada contoh yang Anda nilai lengkap. Isi semua kriteria pada baris KALIBRASI di tab Anda; ringkasan ini muncul setelah sinkronisasi berikutnya.',
    lenient: 'Rata-rata nilai Anda {points} poin di atas median panel: Anda cenderung longgar.',
    harsh: 'Rata-rata nilai Anda {points} poin di bawah median panel: Anda cenderung ketat.',
    typical: 'Rata-rata nilai Anda hanya {points} poin dari median panel: setara dengan panel.',
    noPanel: 'Median panel belum ada: perlu sedikitnya dua juri yang menilai contoh yang sama.',
    spread:
      'Jarak nilai tertinggi dan terendah Anda di antara contoh: {spread} poin (median panel {panel} poin).',
    spreadWider: 'Anda membedakan contoh-contoh itu lebih tajam daripada panel.',
    spreadNarrower: 'Anda membedakan contoh-contoh itu lebih sedikit daripada panel.',
    criteria: 'Kriteria dengan selisih terbesar dari median panel (skala 0–100)',
    noCriteria: 'Tidak ada kriteria yang selisihnya berarti dari median panel.',
    sample: 'Contoh',
    yours: 'Nilai Anda (0–100)',
    median: 'Median panel',
    gap: 'Selisih',
    criterion: 'Kriteria',
    difference: 'Selisih rata-rata',
    none: '–',
    section: 'Kalibrasi juri',
    sectionIntro:
      'Ringkasan setiap juri dari contoh kalibrasi (tidak dihitung dalam peringkat). Setiap juri melihat ringkasannya sendiri lewat tautan pribadi di bawah; kirimkan tautan itu hanya kepada juri yang bersangkutan.',
    juror: 'Juri',
    leniency: 'Selisih dari median',
    link: 'Tautan pribadi',
    noSync: 'Belum ada sinkronisasi yang membaca contoh kalibrasi.',
  },
  en: {
    title: 'Scoring calibration',
    private:
      'This page is for you alone: its link is private, do not share it. Calibration samples never count in a ranking, a selection, a fairness statistic or the Berita Acara.',
    how: 'Before scoring the innovations, every juror scores the same sample proposals (the KALIBRASI rows on your tab, stage {stage}). This page compares your scores with the panel median, so you know whether you tend to be harsh or lenient before the real scoring.',
    scored: 'You have fully scored {scored} of {of} samples.',
    notYet:
      'You have not fully scored a sample yet. Fill in every criterion on the KALIBRASI rows of your tab; this summary appears after the next sync.',
    lenient: 'Your scores are on average {points} points above the panel median: you tend to be lenient.',
    harsh: 'Your scores are on average {points} points below the panel median: you tend to be harsh.',
    typical: 'Your scores are on average only {points} points from the panel median: in line with the panel.',
    noPanel: 'No panel median yet: at least two jurors must have scored the same sample.',
    spread: 'Between your highest and lowest sample: {spread} points (panel median {panel} points).',
    spreadWider: 'You tell the samples apart more sharply than the panel.',
    spreadNarrower: 'You tell the samples apart less than the panel.',
    criteria: 'The criteria where you differ most from the panel median (0–100 scale)',
    noCriteria: 'No criterion differs notably from the panel median.',
    sample: 'Sample',
    yours: 'Your score (0–100)',
    median: 'Panel median',
    gap: 'Difference',
    criterion: 'Criterion',
    difference: 'Mean difference',
    none: '–',
    section: 'Juror calibration',
    sectionIntro:
      'Each juror’s summary of the calibration samples (never counted in a ranking). Each juror sees their own through the private link below; send each link to its juror only.',
    juror: 'Juror',
    leniency: 'Gap to the median',
    link: 'Private link',
    noSync: 'No sync has read the calibration samples yet.',
  },
} as const;

export type CalibrationWords = (typeof CALIBRATION_WORDS)[Lang];

/** Spreads further apart than this (points) read as sharper or flatter than the panel's. */
const SPREAD_NOTABLE = 5;

/** Points with a sign: "+6,2", "−3,0", "0,0". */
export function signedPoints(value: number, lang: Lang): string {
  const shown = formatScore(Math.abs(value), lang, 1);
  return value > 0.05 ? `+${shown}` : value < -0.05 ? `−${shown}` : shown;
}

/** The summary's sentences, in order: how many scored, leniency, spread. */
export function calibrationSentences(summary: CalibrationSummary, lang: Lang): string[] {
  const w = CALIBRATION_WORDS[lang];
  const points = (v: number) => formatScore(Math.abs(v), lang, 1);
  if (summary.scored === 0) return [w.notYet];
  const lines: string[] = [fill(w.scored, { scored: String(summary.scored), of: String(summary.of) })];
  lines.push(
    summary.leniency === null || summary.band === null
      ? w.noPanel
      : fill(w[summary.band], { points: points(summary.leniency) }),
  );
  if (summary.spread !== null && summary.panelSpread !== null) {
    lines.push(fill(w.spread, { spread: points(summary.spread), panel: points(summary.panelSpread) }));
    const apart = summary.spread - summary.panelSpread;
    if (apart > SPREAD_NOTABLE) lines.push(w.spreadWider);
    else if (apart < -SPREAD_NOTABLE) lines.push(w.spreadNarrower);
  }
  return lines;
}

/** "How it works", naming the stage whose tabs hold the samples. */
export function calibrationHow(stage: Stage | undefined, lang: Lang): string {
  return fill(CALIBRATION_WORDS[lang].how, { stage: stage ? localName(stage, lang) : '' });
}
