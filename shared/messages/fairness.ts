import type { FairnessCode, Interpretation } from '../domain/fairness/interpretation.ts';
import { type Bilingual, fill, type Lang } from '../domain/i18n.ts';
import { formatScore } from './numbers.ts';

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
  'icc-k-poor': {
    id: 'ICC(2,k) {value}: rata-rata {k} juri pun belum cukup andal untuk membedakan inovasi',
    en: 'ICC(2,k) {value}: even the mean of {k} jurors does not tell the innovations apart reliably',
  },
  'icc-k-moderate': {
    id: 'ICC(2,k) {value}: rata-rata {k} juri cukup andal untuk membedakan inovasi',
    en: 'ICC(2,k) {value}: the mean of {k} jurors tells the innovations apart moderately well',
  },
  'icc-k-good': {
    id: 'ICC(2,k) {value}: rata-rata {k} juri andal untuk membedakan inovasi',
    en: 'ICC(2,k) {value}: the mean of {k} jurors tells the innovations apart well',
  },
  'icc-k-excellent': {
    id: 'ICC(2,k) {value}: rata-rata {k} juri sangat andal untuk membedakan inovasi',
    en: 'ICC(2,k) {value}: the mean of {k} jurors tells the innovations apart very well',
  },
  'reliability-block': {
    id: 'ICC dan W Kendall dihitung pada {entries} dari {of} inovasi, yaitu yang dinilai oleh semua {jurors} juri (sisanya terhalang konflik kepentingan atau belum dinilai)',
    en: 'ICC and Kendall’s W use {entries} of {of} innovations, those scored by all {jurors} jurors (the rest had a conflict of interest or are not scored yet)',
  },
  'icc-incomplete-block': {
    id: 'ICC tidak dihitung: tidak semua juri menilai semua inovasi di tahap ini (lihat α Krippendorff)',
    en: 'ICC not computed: not every juror scored every innovation in this stage (see Krippendorff’s α)',
  },
  'icc-too-small': {
    id: 'ICC tidak dihitung: perlu sedikitnya 2 juri dan 2 inovasi',
    en: 'ICC not computed: at least 2 jurors and 2 innovations are needed',
  },
  'icc-too-few-entries': {
    id: 'ICC tidak dilaporkan: baru {entries} inovasi yang dinilai semua juri (perlu sedikitnya {min}); dengan sesedikit itu selang kepercayaannya mencakup hampir seluruh rentang 0–1 (lihat α Krippendorff)',
    en: 'ICC not reported: only {entries} innovations were scored by every juror (at least {min} needed); with so few, its confidence interval spans most of 0–1 (see Krippendorff’s α)',
  },
  'icc-interval': {
    id: 'selang kepercayaan {level}%: {low} s.d. {high}',
    en: '{level}% confidence interval: {low} to {high}',
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
  'kendall-p-significant': {
    id: 'Nilai p {p}: kesamaan urutan antarjuri ini hampir pasti bukan kebetulan',
    en: 'p-value {p}: this agreement between the jurors’ orderings is almost certainly not chance',
  },
  'kendall-p-chance': {
    id: 'Nilai p {p}: kesamaan urutan antarjuri ini masih bisa terjadi secara kebetulan',
    en: 'p-value {p}: this agreement between the jurors’ orderings could still be chance',
  },
  'kendall-p-few': {
    id: 'Nilai p W Kendall tidak dilaporkan: perlu sedikitnya {n} inovasi',
    en: 'Kendall’s W p-value not reported: at least {n} innovations are needed',
  },
  'stability-summary': {
    id: 'Dari {resamples} kali undian ulang nilai juri: {secure} inovasi hampir pasti masuk {top} besar, {near} dekat batas',
    en: 'Over {resamples} redraws of the jurors’ totals: {secure} innovations are almost certainly in the Top {top}, {near} are close to the cut-off',
  },
  'stability-off': {
    id: 'Uji stabilitas peringkat dimatikan di konfigurasi (fairness.bootstrapResamples = 0)',
    en: 'The rank stability test is switched off in the config (fairness.bootstrapResamples = 0)',
  },
  'whatif-same': {
    id: '{method}: {top} besar sama dengan aturan yang berlaku',
    en: '{method}: the same Top {top} as the rule in force',
  },
  'whatif-changed': {
    id: '{method}: {count} inovasi berganti — masuk {enters}; keluar {leaves}',
    en: '{method}: {count} innovations change — in {enters}; out {leaves}',
  },
  'disagreement-summary': {
    id: '{flagged} dari {checked} inovasi dinilai berselisih lebih dari {threshold} poin antarjuri: mohon ditinjau dewan juri',
    en: '{flagged} of {checked} innovations have juror totals more than {threshold} points apart: for the panel to review',
  },
  'disagreement-summary-none': {
    id: 'Tidak ada inovasi dengan selisih nilai antarjuri lebih dari {threshold} poin ({checked} diperiksa)',
    en: 'No innovation has juror totals more than {threshold} points apart ({checked} checked)',
  },
  'consistency-aligned': {
    id: 'Juri {juror} mengurutkan inovasi sejalan dengan juri lain (r {value})',
    en: 'Juror {juror} orders the innovations as the other jurors do (r {value})',
  },
  'consistency-partial': {
    id: 'Juri {juror} mengurutkan inovasi cukup sejalan dengan juri lain (r {value})',
    en: 'Juror {juror} orders the innovations partly as the other jurors do (r {value})',
  },
  'consistency-divergent': {
    id: 'Juri {juror} mengurutkan inovasi berbeda dari juri lain (r {value}): perlu dibicarakan',
    en: 'Juror {juror} orders the innovations differently from the other jurors (r {value}): worth a talk',
  },
  'consistency-unavailable': {
    id: 'Kesejalanan juri {juror} tidak dihitung: kurang dari 3 inovasi yang juga dinilai juri lain',
    en: 'Juror {juror}’s consistency not computed: fewer than 3 innovations shared with other jurors',
  },
  'draw-up': {
    id: '{id}: nilainya {points} poin lebih tinggi karena juri yang menilainya rata-rata lebih longgar (dinilai {jurors}{absent})',
    en: '{id}: scores {points} points higher because its jurors mark more generously on average (scored by {jurors}{absent})',
  },
  'draw-down': {
    id: '{id}: nilainya {points} poin lebih rendah karena juri yang menilainya rata-rata lebih ketat (dinilai {jurors}{absent})',
    en: '{id}: scores {points} points lower because its jurors mark more harshly on average (scored by {jurors}{absent})',
  },
  'draw-none': {
    id: 'Tidak ada inovasi yang nilainya bergeser {points} poin atau lebih karena juri yang kebetulan menilainya',
    en: 'No innovation’s score moves {points} points or more because of which jurors happened to score it',
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
    id: 'Nilai juri {juror} tidak distandarkan: baru menilai {entries} inovasi (perlu sedikitnya {min}); nilai mentahnya dipakai',
    en: 'Juror {juror}’s totals are not standardized: only {entries} innovations scored (at least {min} needed); the raw totals count',
  },
  'zscore-no-spread': {
    id: 'Nilai juri {juror} tidak distandarkan: semua nilainya sama',
    en: 'Juror {juror}’s totals are not standardized: all of them are equal',
  },
} satisfies Record<FairnessCode, Bilingual>;

/** Params shown as a percentage rather than a decimal. */
const PERCENT_PARAMS = new Set(['probability']);
/** p-values: three decimals, and a bound below 0,001 rather than a row of zeros. */
const P_PARAMS = new Set(['p']);

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
  if (P_PARAMS.has(name))
    return value < 0.001 ? `< ${formatScore(0.001, lang, 3)}` : formatScore(value, lang, 3);
  return Number.isInteger(value) ? formatCount(value, lang) : formatScore(value, lang, 2);
}

/** Whole numbers with the language's thousands separator: 2.000 in Indonesian, 2,000 in English. */
export function formatCount(value: number, lang: Lang): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
}
