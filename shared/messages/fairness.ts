import type { FairnessCode, Interpretation } from '../domain/fairness/interpretation.ts';
import { type Bilingual, fill, type Lang } from '../domain/i18n.ts';
import { formatScore } from '../domain/numbers.ts';

/** One sentence per fairness code, Indonesian first. Placeholders are filled by `render`. */
export const FAIRNESS_TEXT = {
  'icc-poor': {
    id: 'ICC {value}: penilaian antarjuri kurang konsisten',
    en: 'ICC {value}: the jurors’ scores agree poorly',
  },
  'icc-moderate': {
    id: 'ICC {value}: penilaian antarjuri cukup konsisten',
    en: 'ICC {value}: the jurors’ scores agree moderately',
  },
  'icc-good': {
    id: 'ICC {value}: penilaian antarjuri konsisten',
    en: 'ICC {value}: the jurors’ scores agree well',
  },
  'icc-excellent': {
    id: 'ICC {value}: penilaian antarjuri sangat konsisten',
    en: 'ICC {value}: the jurors’ scores agree very well',
  },
  'icc-incomplete-block': {
    id: 'ICC tidak dihitung: tidak semua juri menilai semua inovasi di tahap ini (lihat α Krippendorff)',
    en: 'ICC not computed: not every juror scored every innovation in this stage (see Krippendorff’s α)',
  },
  'icc-too-small': {
    id: 'ICC tidak dihitung: perlu sedikitnya 2 juri dan 2 inovasi',
    en: 'ICC not computed: at least 2 jurors and 2 innovations are needed',
  },
  'icc-no-variance': {
    id: 'ICC tidak dihitung: semua nilai sama',
    en: 'ICC not computed: every total is the same',
  },
  'alpha-reliable': {
    id: 'α Krippendorff {value}: kesepakatan juri dapat diandalkan',
    en: 'Krippendorff’s α {value}: the jurors’ agreement is reliable',
  },
  'alpha-tentative': {
    id: 'α Krippendorff {value}: kesepakatan juri hanya cukup untuk kesimpulan sementara',
    en: 'Krippendorff’s α {value}: the jurors’ agreement supports tentative conclusions only',
  },
  'alpha-unreliable': {
    id: 'α Krippendorff {value}: kesepakatan juri belum dapat diandalkan',
    en: 'Krippendorff’s α {value}: the jurors’ agreement is not reliable',
  },
  'alpha-too-few-values': {
    id: 'α Krippendorff tidak dihitung: terlalu sedikit inovasi yang dinilai lebih dari satu juri',
    en: 'Krippendorff’s α not computed: too few innovations were scored by more than one juror',
  },
  'alpha-no-variance': {
    id: 'α Krippendorff tidak dihitung: semua nilai sama',
    en: 'Krippendorff’s α not computed: every total is the same',
  },
  'kendall-w-very-weak': {
    id: 'W Kendall {value}: urutan inovasi menurut para juri hampir tidak sejalan',
    en: 'Kendall’s W {value}: the jurors’ orderings of the innovations barely agree',
  },
  'kendall-w-weak': {
    id: 'W Kendall {value}: urutan inovasi menurut para juri kurang sejalan',
    en: 'Kendall’s W {value}: the jurors’ orderings of the innovations agree weakly',
  },
  'kendall-w-moderate': {
    id: 'W Kendall {value}: urutan inovasi menurut para juri cukup sejalan',
    en: 'Kendall’s W {value}: the jurors’ orderings of the innovations agree moderately',
  },
  'kendall-w-strong': {
    id: 'W Kendall {value}: urutan inovasi menurut para juri sejalan',
    en: 'Kendall’s W {value}: the jurors’ orderings of the innovations agree strongly',
  },
  'kendall-w-very-strong': {
    id: 'W Kendall {value}: urutan inovasi menurut para juri sangat sejalan',
    en: 'Kendall’s W {value}: the jurors’ orderings of the innovations agree very strongly',
  },
  'kendall-w-incomplete-block': {
    id: 'W Kendall tidak dihitung: tidak semua juri menilai semua inovasi di tahap ini',
    en: 'Kendall’s W not computed: not every juror scored every innovation in this stage',
  },
  'kendall-w-too-small': {
    id: 'W Kendall tidak dihitung: perlu sedikitnya 2 juri dan 2 inovasi',
    en: 'Kendall’s W not computed: at least 2 jurors and 2 innovations are needed',
  },
  'kendall-w-no-variance': {
    id: 'W Kendall tidak dihitung: setiap juri memberi nilai yang sama untuk semua inovasi',
    en: 'Kendall’s W not computed: each juror gave every innovation the same total',
  },
  'stability-secure': {
    id: 'Peringkat {rank}: hampir pasti masuk {top} besar (peluang {probability}, rentang peringkat {low}–{high})',
    en: 'Rank {rank}: almost certainly in the Top {top} (chance {probability}, rank range {low}–{high})',
  },
  'stability-near-cutoff': {
    id: 'Peringkat {rank}: dekat batas {top} besar (peluang masuk {probability}, rentang peringkat {low}–{high})',
    en: 'Rank {rank}: close to the Top {top} cut-off (chance {probability}, rank range {low}–{high})',
  },
  'stability-out-of-reach': {
    id: 'Peringkat {rank}: hampir pasti di luar {top} besar (peluang {probability}, rentang peringkat {low}–{high})',
    en: 'Rank {rank}: almost certainly outside the Top {top} (chance {probability}, rank range {low}–{high})',
  },
  'disagreement-flagged': {
    id: 'Nilai antarjuri berselisih {spread} poin (batas {threshold}): perlu ditinjau',
    en: 'The jurors’ totals differ by {spread} points (limit {threshold}): worth a review',
  },
  'disagreement-none': {
    id: 'Nilai antarjuri berselisih {spread} poin (batas {threshold})',
    en: 'The jurors’ totals differ by {spread} points (limit {threshold})',
  },
  'leniency-lenient': {
    id: 'Juri {juror} rata-rata memberi {points} poin di atas juri lain untuk inovasi yang sama',
    en: 'Juror {juror} scores on average {points} points above the other jurors for the same innovations',
  },
  'leniency-harsh': {
    id: 'Juri {juror} rata-rata memberi {points} poin di bawah juri lain untuk inovasi yang sama',
    en: 'Juror {juror} scores on average {points} points below the other jurors for the same innovations',
  },
  'leniency-typical': {
    id: 'Juri {juror} menilai setara dengan juri lain (selisih rata-rata {points} poin)',
    en: 'Juror {juror} scores in line with the other jurors (average gap {points} points)',
  },
  'zscore-too-few-entries': {
    id: 'Nilai juri {juror} tidak distandarkan: baru menilai {entries} inovasi (perlu sedikitnya 3)',
    en: 'Juror {juror}’s totals are not standardized: only {entries} innovations scored (at least 3 needed)',
  },
  'zscore-no-spread': {
    id: 'Nilai juri {juror} tidak distandarkan: semua nilainya sama',
    en: 'Juror {juror}’s totals are not standardized: all of them are equal',
  },
} satisfies Record<FairnessCode, Bilingual>;

/** Params shown as a percentage rather than a decimal. */
const PERCENT_PARAMS = new Set(['probability']);

/**
 * One plain-words sentence for a fairness code. Numbers are written the language's way:
 * coefficients and points with 2 decimals (0,82 in Indonesian), whole numbers as they are,
 * probabilities as whole percentages; strings (e.g. a juror's name) as given.
 */
export function render(code: FairnessCode, params: Interpretation['params'], lang: Lang): string {
  const shown = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, formatParam(name, value, lang)]),
  );
  return fill(FAIRNESS_TEXT[code][lang], shown);
}

/** `render` for an interpretation as the domain returns it. */
export function renderInterpretation(interpretation: Interpretation, lang: Lang): string {
  return render(interpretation.code, interpretation.params, lang);
}

function formatParam(name: string, value: number | string, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (PERCENT_PARAMS.has(name)) return `${Math.round(value * 100)}%`;
  return Number.isInteger(value) ? String(value) : formatScore(value, lang, 2);
}
