import { z } from 'zod';
import { type Bilingual, fill, type Lang, pick } from '../domain/i18n.ts';
import type { Issue, IssueParam } from '../domain/issues.ts';
import { formatNumber } from './numbers.ts';

/** The words for every issue code juri's own schemas raise: the config's and the submissions'. */
const MESSAGES = {
  // competition config
  slug: {
    id: 'harus huruf kecil, angka dan tanda hubung, 2–80 karakter (contoh: koin-yanlik-ntt-2024)',
    en: 'must be lowercase letters, digits and hyphens, 2–80 characters (e.g. koin-yanlik-ntt-2024)',
  },
  announceAt: {
    id: 'harus berupa tanggal TTTT-BB-HH, boleh dengan jam TTTT-BB-HHTjj:mm',
    en: 'must be a date YYYY-MM-DD, optionally with a time YYYY-MM-DDThh:mm',
  },
  duplicateId: { id: 'id "{id}" dipakai lebih dari sekali', en: 'id "{id}" is used more than once' },
  reservedFinal: {
    id: 'id tahap "final" dicadangkan untuk peringkat akhir',
    en: 'stage id "final" is reserved for the final ranking',
  },
  timezone: { id: 'zona waktu "{value}" tidak dikenal', en: 'unknown time zone "{value}"' },
  unknownRegion: {
    id: 'wilayah "{value}" tidak ada dalam daftar wilayah',
    en: 'region "{value}" is not in the list of regions',
  },
  maxAboveMin: { id: 'nilai maksimum harus lebih besar dari minimum', en: 'max must be greater than min' },
  zeroWeights: { id: 'setidaknya satu bobot harus lebih dari 0', en: 'at least one weight must be above 0' },
  unknownCriterion: {
    id: 'kriteria "{value}" tidak ada pada tahap ini',
    en: 'criterion "{value}" is not in this stage',
  },
  unknownJuror: { id: 'juri "{value}" tidak terdaftar', en: 'juror "{value}" is not listed' },
  unknownCategoryId: {
    id: 'kategori "{value}" tidak ada dalam daftar kategori',
    en: 'category "{value}" is not in the list of categories',
  },
  gateNeedsField: {
    id: 'gerbang lulus/tidak (gate) hanya untuk tahap verifikasi lapangan (kind: "field")',
    en: 'a pass/fail gate is only for a field verification stage (kind: "field")',
  },
  scoringStageNeeded: {
    id: 'setidaknya satu tahap harus tahap penilaian (bukan verifikasi lapangan)',
    en: 'at least one stage must be a scoring stage (not a field verification)',
  },
  fieldScale: {
    id: 'kriteria verifikasi lapangan dijawab ya / sebagian / tidak: jangan tetapkan min dan max',
    en: 'field verification criteria are answered yes / partly / no: do not set min and max',
  },
  fieldReservedId: {
    id: 'id "catatan" dan "foto" dipakai untuk kolom catatan dan foto verifikator',
    en: 'the ids "catatan" and "foto" are the verifier\'s note and photo columns',
  },
  fieldAdvance: {
    id: 'tahap verifikasi lapangan tidak memotong peringkat (advance); pakai gate untuk lulus/tidak',
    en: 'a field verification stage has no cut (advance); use gate for pass/fail',
  },
  unknownStage: { id: 'tahap "{value}" tidak ada', en: 'stage "{value}" does not exist' },
  calibrationFieldStage: {
    id: 'tahap "{value}" adalah verifikasi lapangan: contoh kalibrasi dinilai di tahap penilaian',
    en: 'stage "{value}" is a field verification: calibration samples are scored in a scoring stage',
  },
  calibrationId: {
    id: 'id contoh kalibrasi harus diawali "KALIBRASI-" lalu huruf, angka atau tanda hubung (contoh: KALIBRASI-1)',
    en: 'a calibration sample id must start with "KALIBRASI-" followed by letters, digits or hyphens (e.g. KALIBRASI-1)',
  },
  panelTooSmall: {
    id: 'lebih besar dari jumlah juri pada panel ({n})',
    en: 'is larger than the number of jurors on the panel ({n})',
  },
  perInnovationBelowMin: {
    id: 'tidak boleh lebih kecil dari minJurors',
    en: 'must not be smaller than minJurors',
  },
  advanceNeeded: {
    id: 'tahap yang bukan terakhir harus menentukan siapa yang lolos (advance)',
    en: 'every stage but the last must say who advances (advance)',
  },
  unknownRegionGroup: {
    id: 'kelompok wilayah "{value}" tidak ada dalam final.rules.groups',
    en: 'region group "{value}" is not in final.rules.groups',
  },
  quotasAboveTop: {
    id: 'jumlah kuota minimum ({sum}) melebihi jumlah pemenang ({top}): aturan ini tidak mungkin dipenuhi',
    en: 'the minimums add up to {sum}, more than the {top} winners: the rules cannot all be met',
  },
  maxPerRegionBelowTop: {
    id: 'dengan {n} wilayah, batas per wilayah ini tidak cukup untuk mengisi {top} tempat pemenang',
    en: 'with {n} regions, this limit per region cannot fill the {top} winning places',
  },
  groupMinAboveMax: {
    id: 'lebih besar dari yang diizinkan batas per wilayah untuk kelompok ini ({room})',
    en: 'is more than the limit per region allows for this group ({room})',
  },
  timelineOrder: {
    id: '{before} harus lebih awal dari {after} (waktu setempat pada zona waktu kompetisi)',
    en: "{before} must come before {after} (local time in the competition's time zone)",
  },
  // submissions
  intakeClosed: {
    id: 'pendaftaran sudah ditutup pada {closesAt}; kiriman disimpan tetapi tidak diterima',
    en: 'registration closed on {closesAt}; the submission is kept but not accepted',
  },
  intakeNotOpen: {
    id: 'pendaftaran belum dibuka (dibuka {opensAt}); kiriman disimpan tetapi tidak diterima',
    en: 'registration is not open yet (opens {opensAt}); the submission is kept but not accepted',
  },
  required: { id: 'wajib diisi', en: 'is required' },
  tooDeep: {
    id: 'bersarang terlalu dalam (maks. {maximum} tingkat)',
    en: 'is nested too deeply (max {maximum} levels)',
  },
  tooLong: { id: 'terlalu panjang (maks. {maximum} karakter)', en: 'is too long (max {maximum} characters)' },
  regionNotListed: {
    id: '"{value}" bukan kabupaten/kota di daftar wilayah kompetisi',
    en: '"{value}" is not a regency/city in the competition\'s list of regions',
  },
  unknownCategory: {
    id: 'kategori "{value}" tidak dikenal; pilihan: {options}',
    en: 'unknown category "{value}"; options: {options}',
  },
  year: { id: 'harus tahun (4 angka), contoh 2021', en: 'must be a year (4 digits), e.g. 2021' },
  yearRange: { id: 'harus antara {min} dan {max}', en: 'must be between {min} and {max}' },
  summaryWords: {
    id: 'maksimal {max} kata (sekarang {n} kata)',
    en: 'at most {max} words (now {n} words)',
  },
  url: {
    id: 'harus tautan lengkap, contoh https://drive.google.com/…',
    en: 'must be a full link, e.g. https://drive.google.com/…',
  },
  phone: {
    id: 'nomor telepon tidak valid (contoh: 0812-3456-7890 atau +62 812 3456 7890)',
    en: 'invalid phone number (e.g. 0812-3456-7890 or +62 812 3456 7890)',
  },
  email: { id: 'alamat email tidak valid', en: 'invalid email address' },
} satisfies Record<string, Bilingual>;

const ZOD = { id: z.locales.id().localeError, en: z.locales.en().localeError };

/** A representative value of the type a check received, for zod's own "received …" wording. */
function sample(type: IssueParam | undefined): unknown {
  switch (type) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return undefined;
  }
}

/** One issue in the reader's language. */
export function issueText(issue: Issue, lang: Lang): string {
  const params = issue.params ?? {};
  if (issue.code.startsWith('zod.')) {
    const raw = { ...params, code: issue.code.slice(4), input: sample(params.received), path: [] };
    const said = ZOD[lang](raw as unknown as Parameters<(typeof ZOD)['id']>[0]);
    const message = typeof said === 'string' ? said : said?.message;
    return message ?? issue.code;
  }
  const template = (MESSAGES as Record<string, Bilingual | undefined>)[issue.code];
  if (!template) return issue.code;
  const values = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'number' ? formatNumber(v, lang) : Array.isArray(v) ? v.join(', ') : String(v),
    ]),
  );
  return fill(pick(template, lang), values);
}

/** Issues as `{ field, message }`, the shape of an HTTP 422's `fields`. */
export function issueFields(issues: readonly Issue[], lang: Lang): { field: string; message: string }[] {
  return issues.map((i) => ({ field: i.path, message: issueText(i, lang) }));
}

/** `path: message; path: message`, for one line of text. */
export function issueLine(issues: readonly Issue[], lang: Lang): string {
  return issues.map((i) => `${i.path}: ${issueText(i, lang)}`).join('; ');
}
