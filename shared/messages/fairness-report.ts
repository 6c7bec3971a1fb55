import { localParts } from '../domain/dates.ts';
import { DEFAULT_ICC_MIN_ENTRIES, type Interval, icc2Interval } from '../domain/fairness/icc.ts';
import {
  interpretAlpha,
  interpretBlock,
  interpretConsistency,
  interpretIcc,
  interpretIccK,
  interpretInterval,
  interpretKendallP,
  interpretKendallW,
  interpretLeniency,
  interpretSpread,
  interpretStability,
  interpretUnchanged,
} from '../domain/fairness/interpretation.ts';
import type { ScoringMethod } from '../domain/fairness/methods.ts';
import type { EntryStability } from '../domain/fairness/rank-stability.ts';
import { type CutoffGroup, MIN_DRAW_EFFECT, type StageFairness } from '../domain/fairness/report.ts';
import { fill, type Lang } from '../domain/i18n.ts';
import { render, renderInterpretation } from './fairness.ts';
import { formatLocalMoment } from './moments.ts';
import { formatScore } from './numbers.ts';

/**
 * The fairness report in words: labels for the dashboard, the "Uji Metode" and "Stabilitas
 * Peringkat" tabs and `juri rank --what-if`, and the one-line sentence for every number they show.
 */

export const FAIRNESS_LABELS = {
  id: {
    section: 'Keadilan Penilaian',
    otherStages: 'Tahap lain',
    howToRead: 'Cara membaca uji metode dan stabilitas peringkat',
    sameAs: 'Sama dengan tabel {stage} di atas (peringkat akhir = tahap itu).',
    details: 'Rincian: kesepakatan juri, juri ketat/longgar, uji metode, stabilitas peringkat',
    summaryNear: '{near} inovasi dekat batas {top} besar',
    summaryChanges: 'cara hitung lain mengganti paling banyak {changes} inovasi',
    summaryNoChanges: 'cara hitung lain tidak mengganti satu inovasi pun',
    summaryJurors: 'Juri ketat: {harsh}. Juri longgar: {lenient}.',
    intro:
      'Angka-angka ini tidak mengubah peringkat: mereka menjelaskan seberapa sepakat para juri, siapa juri yang ketat atau longgar, apakah cara menghitung nilai mengubah siapa yang lolos, dan seberapa mantap peringkat itu.',
    methodTab: 'Uji Metode',
    stabilityTab: 'Stabilitas Peringkat',
    method: 'Cara menghitung yang berlaku',
    reliability: 'Kesepakatan juri',
    jurors: 'Juri: ketat atau longgar, dan kesejalanan urutan',
    disagreement: 'Selisih nilai antarjuri',
    draws: 'Pengaruh juri yang kebetulan menilai',
    whatIf: 'Uji metode: {top} besar dengan cara hitung lain',
    whatIfIntro:
      'Setiap kolom menghitung ulang nilai dengan cara lain dari nilai juri yang sama. ↑ masuk = masuk {top} besar hanya dengan cara itu; ↓ keluar = keluar dari {top} besar dengan cara itu. Rata-rata terpangkas membuang nilai tertinggi dan terendah bila ada sedikitnya 4 juri; standardisasi z menghapus kebiasaan tiap juri memberi nilai tinggi atau rendah.',
    stability: 'Stabilitas peringkat: {top} besar',
    stabilityIntro:
      'Bootstrap dengan benih tetap: untuk setiap inovasi, nilai juri-jurinya diundi ulang {resamples} kali (dengan pengembalian) lalu semua inovasi diperingkat ulang. Peluang = seberapa sering inovasi masuk {top} besar; rentang = peringkat ke-5 s.d. ke-95 persen dari undian itu. Ditandai ◆ bila peluangnya antara 5% dan 95%: posisinya bisa berubah oleh juri yang kebetulan menilainya.',
    final: 'Peringkat Akhir',
    winners: 'pemenang',
    advance: 'lolos',
    rank: 'Peringkat',
    id: 'ID',
    title: 'Judul Inovasi',
    score: 'Nilai',
    probability: 'Peluang masuk {top} besar',
    probabilityAdvance: 'Peluang lolos ({top} besar)',
    interval: 'Rentang peringkat 90%',
    near: 'Dekat batas',
    explanation: 'Penjelasan',
    juror: 'Juri',
    entries: 'Inovasi dinilai',
    leniency: 'Selisih dari juri lain (poin)',
    consistency: 'Kesejalanan',
    consistencySymbol: 'r, korelasi Pearson',
    consistencyMeaning:
      'seberapa searah nilai juri itu dengan nilai juri lain untuk inovasi yang sama: 1 = sepenuhnya searah, 0 = tidak berkaitan, di bawah 0 = berlawanan.',
    spread: 'Selisih (poin)',
    statistic: 'Statistik',
    value: 'Nilai',
    enters: '↑ masuk',
    leaves: '↓ keluar',
    nearMark: '◆',
    category: 'Kategori',
    none: '–',
    notYet: 'Belum ada inovasi yang nilainya lengkap.',
    noReport: 'Belum ada analisis: tekan “Sinkronkan sekarang” di dasbor atau jalankan juri sync.',
    stale:
      'Analisis ini dihitung pada sinkronisasi {sync} ({at}); nilai yang masuk sesudahnya belum termasuk. Sinkronisasi terjadwal tidak menghitungnya ulang agar tetap ringan: tekan “Sinkronkan sekarang” di dasbor atau jalankan juri sync.',
    sameTop: 'Semua cara hitung menghasilkan {top} besar yang sama.',
    published: 'berlaku',
    differs: 'berbeda per tahap',
    iccRow: 'ICC(2,1) — satu juri',
    icckRow: 'ICC(2,k) — rata-rata juri',
    alphaRow: 'α Krippendorff (interval)',
    wRow: 'W Kendall (koreksi nilai sama)',
    pRow: 'nilai p (χ²)',
    iccName: 'Konsistensi nilai satu juri',
    iccMeaning:
      'Seberapa mirip nilai para juri untuk inovasi yang sama; 1 = sama persis, 0 = tidak mirip sama sekali.',
    icckName: 'Keandalan nilai rata-rata juri',
    icckMeaning:
      'Seberapa andal rata-rata semua juri membedakan inovasi yang lebih baik dari yang kurang; 1 = sepenuhnya andal.',
    alphaName: 'Kesepakatan juri',
    alphaMeaning:
      'Seberapa sepakat para juri, juga bila tidak semua juri menilai semua inovasi; 1 = sepakat penuh, 0 = seperti kebetulan.',
    wName: 'Kesamaan urutan',
    wMeaning: 'Seberapa sama urutan inovasi menurut masing-masing juri; 1 = urutannya sama persis.',
    pName: 'Peluang kebetulan',
    pMeaning:
      'Peluang urutan semirip ini muncul bila para juri menilai secara acak; makin kecil makin meyakinkan.',
  },
  en: {
    section: 'Fairness of the Judging',
    otherStages: 'Other stages',
    howToRead: 'How to read the method test and the rank stability',
    sameAs: 'The same as the {stage} table above (the final ranking is that stage).',
    details: 'Details: juror agreement, harsh/lenient jurors, method test, rank stability',
    summaryNear: '{near} innovations near the Top {top} cut-off',
    summaryChanges: 'other scoring rules change at most {changes}',
    summaryNoChanges: 'no other scoring rule changes anyone',
    summaryJurors: 'Harsh jurors: {harsh}. Lenient jurors: {lenient}.',
    intro:
      'These figures do not change the ranking: they show how far the jurors agree, which jurors mark harshly or generously, whether the way scores are computed changes who advances, and how firm the ranking is.',
    methodTab: 'Method Test',
    stabilityTab: 'Rank Stability',
    method: 'Scoring rule in force',
    reliability: 'Agreement between jurors',
    jurors: 'Jurors: harsh or lenient, and consistency of their orderings',
    disagreement: 'Juror disagreement per innovation',
    draws: 'Effect of which jurors happened to score',
    whatIf: 'Method test: the Top {top} under other scoring rules',
    whatIfIntro:
      'Each column recomputes the scores from the same juror totals with another rule. ↑ in = in the Top {top} only under that rule; ↓ out = drops out of the Top {top} under that rule. The trimmed mean drops the highest and lowest total when at least 4 jurors count; z-scoring removes each juror’s habit of marking high or low.',
    stability: 'Rank stability: Top {top}',
    stabilityIntro:
      'A bootstrap with a fixed seed: for every innovation its jurors’ totals are redrawn {resamples} times (with replacement) and every innovation is ranked again. Chance = how often the innovation is in the Top {top}; range = the 5th to 95th percentile of its rank over those redraws. Marked ◆ when the chance is between 5% and 95%: which jurors happened to score it could move it across the cut-off.',
    final: 'Final Ranking',
    winners: 'winners',
    advance: 'advance',
    rank: 'Rank',
    id: 'ID',
    title: 'Innovation title',
    score: 'Score',
    probability: 'Chance of the Top {top}',
    probabilityAdvance: 'Chance to advance (Top {top})',
    interval: '90% rank range',
    near: 'Near the cut-off',
    explanation: 'Explanation',
    juror: 'Juror',
    entries: 'Innovations scored',
    leniency: 'Gap to the other jurors (points)',
    consistency: 'Consistency',
    consistencySymbol: 'r, Pearson correlation',
    consistencyMeaning:
      'how far the juror’s scores move with the other jurors’ scores for the same innovations: 1 = fully together, 0 = unrelated, below 0 = opposite.',
    spread: 'Spread (points)',
    statistic: 'Statistic',
    value: 'Value',
    enters: '↑ in',
    leaves: '↓ out',
    nearMark: '◆',
    category: 'Category',
    none: '–',
    notYet: 'No innovation has complete scores yet.',
    noReport: 'No analysis yet: press “Sync now” on the dashboard or run juri sync.',
    stale:
      'This analysis was computed at sync {sync} ({at}); scores typed since are not in it. Scheduled syncs do not recompute it, to stay light: press “Sync now” on the dashboard or run juri sync.',
    sameTop: 'Every scoring rule gives the same Top {top}.',
    published: 'in force',
    differs: 'differs by stage',
    iccRow: 'ICC(2,1) — one juror',
    icckRow: 'ICC(2,k) — mean of the jurors',
    alphaRow: 'Krippendorff’s α (interval)',
    wRow: 'Kendall’s W (tie-corrected)',
    pRow: 'p-value (χ²)',
    iccName: 'Consistency of one juror',
    iccMeaning:
      'How alike the jurors’ scores are for the same innovation; 1 = identical, 0 = not alike at all.',
    icckName: 'Reliability of the jurors’ mean',
    icckMeaning:
      'How reliably the mean of all jurors tells the better innovations from the weaker; 1 = fully reliable.',
    alphaName: 'Agreement among jurors',
    alphaMeaning:
      'How far the jurors agree, also when not every juror scored every innovation; 1 = full agreement, 0 = as by chance.',
    wName: 'Likeness of the orderings',
    wMeaning: 'How alike the jurors’ orderings of the innovations are; 1 = the same order.',
    pName: 'Chance of a coincidence',
    pMeaning:
      'How likely orderings this alike would be if the jurors scored at random; the smaller, the more convincing.',
  },
} as const;

export type FairnessLabels = (typeof FAIRNESS_LABELS)[Lang];

const AGGREGATION_NAMES = {
  id: { mean: 'Rata-rata', trimmed: 'Rata-rata terpangkas', median: 'Median' },
  en: { mean: 'Mean', trimmed: 'Trimmed mean', median: 'Median' },
} as const;

/** "Rata-rata", "Median + standardisasi z", … */
export function methodName(method: ScoringMethod, lang: Lang): string {
  const base = AGGREGATION_NAMES[lang][method.aggregation];
  if (method.normalization === 'none') return base;
  return `${base} + ${lang === 'en' ? 'z-score' : 'standardisasi z'}`;
}

/** Short column header: "Rata-rata", "Median (z)". */
export function methodShort(method: ScoringMethod, lang: Lang): string {
  const base = AGGREGATION_NAMES[lang][method.aggregation];
  return method.normalization === 'none' ? base : `${base} (z)`;
}

/** Juror id → what a reader calls them. */
export type JurorName = (id: string) => string;

/** Entry id → what a reader calls it (its title with the id). */
export type EntryName = (id: string) => string;

export interface StatLine {
  /** The statistic's symbol and variant ("ICC(2,1) — satu juri"): the Sheet's label, the page's tooltip. */
  label: string;
  /** The statistic in plain words, and one line of what it measures. */
  name: string;
  meaning: string;
  value: number | null;
  /** The value as the language writes it: 0,82; a p-value below 0,001 as "< 0,001". */
  shown: string;
  sentence: string;
}

function shown(value: number | null, lang: Lang, p = false): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (!p) return formatScore(value, lang, 2);
  return value < 0.001 ? `< ${formatScore(0.001, lang, 3)}` : formatScore(value, lang, 3);
}

/** The agreement statistics a stage reports. */
export type Statistic = 'icc' | 'icck' | 'alpha' | 'w' | 'p';

/** A statistic's symbol (for a tooltip), its name in plain words and what it measures, in one line. */
export function statWords(stat: Statistic, lang: Lang): Pick<StatLine, 'label' | 'name' | 'meaning'> {
  const t = FAIRNESS_LABELS[lang];
  return { label: t[`${stat}Row`], name: t[`${stat}Name`], meaning: t[`${stat}Meaning`] };
}

/** ICC(2,1), ICC(2,k), α, W and its p-value, each with its sentence; plus which entries ICC/W used. */
export function reliabilityLines(
  stage: StageFairness,
  lang: Lang,
): { lines: StatLine[]; note: string | null } {
  const r = stage.reliability;
  if (!r) return { lines: [], note: null };
  const line = (stat: Statistic, value: number | null, sentence: string): StatLine => ({
    ...statWords(stat, lang),
    value,
    shown: shown(value, lang),
    sentence,
  });
  const icc = r.icc;
  const w = r.kendallW;
  const withheld = { entries: r.block.entries, min: r.iccMinEntries ?? DEFAULT_ICC_MIN_ENTRIES };
  const interval = icc.kind === 'icc' ? icc2Interval(icc) : null;
  // The 95 % interval follows the coefficient's sentence, in the page and the tab alike.
  const withInterval = (sentence: string, bounds: Interval | undefined) => {
    const said = bounds ? interpretInterval(bounds) : null;
    return said ? `${sentence}; ${renderInterpretation(said, lang)}` : sentence;
  };
  const lines: StatLine[] = [
    line(
      'icc',
      icc.kind === 'icc' ? icc.icc21 : null,
      withInterval(renderInterpretation(interpretIcc(icc, withheld), lang), interval?.single),
    ),
  ];
  const iccK = interpretIccK(icc);
  if (icc.kind === 'icc' && iccK) {
    lines.push(line('icck', icc.icc2k, withInterval(renderInterpretation(iccK, lang), interval?.average)));
  }
  lines.push(
    line(
      'alpha',
      r.alpha.kind === 'alpha' ? r.alpha.alpha : null,
      renderInterpretation(interpretAlpha(r.alpha), lang),
    ),
  );
  lines.push(
    line('w', w.kind === 'kendall-w' ? w.w : null, renderInterpretation(interpretKendallW(w), lang)),
  );
  const p = interpretKendallP(w);
  if (w.kind === 'kendall-w' && p)
    lines.push({
      ...line('p', w.pValue, renderInterpretation(p, lang)),
      shown: shown(w.pValue, lang, true),
    });
  const block = interpretBlock(r.block);
  return { lines, note: block ? renderInterpretation(block, lang) : null };
}

/** The disagreement summary, then one sentence per flagged entry. */
export function disagreementLines(
  stage: StageFairness,
  lang: Lang,
): { summary: string | null; flagged: { id: string; spread: number; sentence: string }[] } {
  const d = stage.disagreement;
  if (!d) return { summary: null, flagged: [] };
  const summary =
    d.flagged.length > 0
      ? render(
          'disagreement-summary',
          { flagged: d.flagged.length, checked: d.checked, threshold: d.threshold },
          lang,
        )
      : render('disagreement-summary-none', { checked: d.checked, threshold: d.threshold }, lang);
  return {
    summary,
    flagged: d.flagged.map((e) => ({
      id: e.id,
      spread: e.spread ?? 0,
      sentence: renderInterpretation(interpretSpread(e, d.threshold), lang),
    })),
  };
}

export interface JurorLine {
  juror: string;
  entries: number;
  leniency: number | null;
  consistency: number | null;
  /** Leniency and consistency sentences, then the z-score note when z-scoring leaves the juror as typed. */
  sentences: string[];
  band: 'lenient' | 'typical' | 'harsh' | null;
}

export function jurorLines(stage: StageFairness, lang: Lang, name: JurorName): JurorLine[] {
  const unchanged = new Map(stage.unchanged.map((u) => [u.juror, u]));
  return stage.jurors.map((p) => {
    const named = { ...p, juror: name(p.juror) };
    const leniency = interpretLeniency(named);
    const skipped = unchanged.get(p.juror);
    const sentences = [
      ...(leniency ? [renderInterpretation(leniency, lang)] : []),
      renderInterpretation(interpretConsistency(named), lang),
      ...(skipped
        ? [renderInterpretation(interpretUnchanged({ ...skipped, juror: name(p.juror) }), lang)]
        : []),
    ];
    const band =
      leniency?.code === 'leniency-harsh'
        ? 'harsh'
        : leniency?.code === 'leniency-lenient'
          ? 'lenient'
          : leniency
            ? 'typical'
            : null;
    return {
      juror: p.juror,
      entries: p.entries,
      leniency: p.leniency,
      consistency: p.consistency,
      sentences,
      band,
    };
  });
}

/** One sentence per method other than the one in force: the same Top N, or who enters and leaves. */
export function whatIfLines(
  group: CutoffGroup,
  published: ScoringMethod | null,
  lang: Lang,
  entry: EntryName = (id) => id,
): string[] {
  return group.whatIf.columns
    .filter(
      (c) =>
        !published ||
        c.method.aggregation !== published.aggregation ||
        c.method.normalization !== published.normalization,
    )
    .map((c) => {
      const method = methodName(c.method, lang);
      if (c.enters.length === 0 && c.leaves.length === 0)
        return render('whatif-same', { method, top: group.top }, lang);
      return render(
        'whatif-changed',
        {
          method,
          count: c.enters.length,
          enters: c.enters.map(entry).join(', '),
          leaves: c.leaves.map(entry).join(', '),
        },
        lang,
      );
    });
}

/**
 * Who drew the harsh or the lenient juror: one sentence per entry whose panel moved its score,
 * naming the jurors who scored it and, when only one or two did not (a conflict), those.
 */
export function drawLines(
  stage: StageFairness,
  lang: Lang,
  name: JurorName,
  entry: EntryName = (id) => id,
): string[] {
  if (stage.stage === 'final') return [];
  if (stage.draws.length === 0) return [render('draw-none', { points: MIN_DRAW_EFFECT }, lang)];
  const without = lang === 'en' ? 'not by' : 'tanpa';
  return stage.draws.map((d) =>
    render(
      d.shift > 0 ? 'draw-up' : 'draw-down',
      {
        id: entry(d.id),
        points: Math.abs(d.shift),
        jurors: d.jurors.map(name).join(', '),
        absent: d.absent.length > 0 ? `; ${without} ${d.absent.map(name).join(', ')}` : '',
      },
      lang,
    ),
  );
}

/** The dashboard's line for one stage: entries near the cut-off, what other rules change (α follows it). */
export function summaryLine(stage: StageFairness, lang: Lang): string {
  const t = FAIRNESS_LABELS[lang];
  const near = stage.groups.reduce(
    (n, g) => n + (g.stability?.entries.filter((e) => e.nearCutoff).length ?? 0),
    0,
  );
  const changes = Math.max(0, ...stage.groups.flatMap((g) => g.whatIf.columns.map((c) => c.enters.length)));
  const parts = [
    ...(stage.groups.some((g) => g.stability)
      ? [fill(t.summaryNear, { near, top: stage.groups[0]?.top ?? 0 })]
      : []),
    changes > 0 ? fill(t.summaryChanges, { changes }) : t.summaryNoChanges,
  ];
  return parts.join('; ');
}

/** Jurors whose leniency band is harsh or lenient in any stage, by name (by id when no name is given). */
export function summaryJurors(
  stages: readonly StageFairness[],
  lang: Lang,
  name: JurorName = (id) => id,
): string | null {
  const bands = stages.flatMap((s) => jurorLines(s, lang, name));
  const of = (band: JurorLine['band']) => [
    ...new Set(bands.filter((b) => b.band === band).map((b) => name(b.juror))),
  ];
  const harsh = of('harsh');
  const lenient = of('lenient');
  if (harsh.length === 0 && lenient.length === 0) return null;
  const t = FAIRNESS_LABELS[lang];
  return fill(t.summaryJurors, { harsh: harsh.join(', ') || t.none, lenient: lenient.join(', ') || t.none });
}

/** The table's one-line summary: how many are secure and how many near the cut-off. */
export function stabilitySummary(group: CutoffGroup, lang: Lang): string {
  const s = group.stability;
  if (!s) return render('stability-off', {}, lang);
  const secure = s.entries.filter((e) => e.probabilityTop >= 0.95).length;
  const near = s.entries.filter((e) => e.nearCutoff).length;
  return render('stability-summary', { resamples: s.resamples, secure, near, top: s.top }, lang);
}

/** One entry's stability in a sentence: rank, chance and range. */
export function stabilitySentence(group: CutoffGroup, entry: EntryStability, lang: Lang): string {
  return renderInterpretation(interpretStability(entry, group.top), lang);
}

/**
 * When the report describes other inputs than the current ones (`inputHash`: a scheduled sync carried it
 * forward), the sentence that says so, in the competition's time zone; null when it is up to date.
 */
export function staleFairnessNote(
  of: { sync: string; at: string; inputHash: string } | undefined,
  inputHash: string,
  timeZone: string,
  lang: Lang,
): string | null {
  if (!of || of.inputHash === inputHash) return null;
  const { day, time } = localParts(new Date(of.at), timeZone);
  return fill(FAIRNESS_LABELS[lang].stale, {
    sync: of.sync,
    at: formatLocalMoment(`${day}T${time}`, timeZone, lang),
  });
}
