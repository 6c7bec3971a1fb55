import { type Bilingual, fill, type Lang } from '../domain/i18n.ts';
import type { Issue } from '../domain/issues.ts';
import type {
  Decision,
  SelectionOutcome,
  SelectionReason,
  SelectionReasonCode,
} from '../domain/selection.ts';
import type { SubmissionField } from '../domain/submission-fields.ts';
import { issueText } from './issues.ts';
import { formatNumber } from './numbers.ts';

/** The administrative selection in words: outcomes, reasons, the fields they name. */

export const OUTCOME_WORDS: Record<SelectionOutcome | 'cleared', Bilingual> = {
  pass: { id: 'Lolos', en: 'Passed' },
  fail: { id: 'Tidak lolos', en: 'Not passed' },
  check: { id: 'Perlu dicek', en: 'Needs a check' },
  cleared: { id: 'Keputusan dihapus', en: 'Decision removed' },
};

export function outcomeText(outcome: SelectionOutcome | Decision | 'cleared', lang: Lang): string {
  return OUTCOME_WORDS[outcome][lang];
}

export const FIELD_NAMES: Record<SubmissionField | 'consent', Bilingual> = {
  title: { id: 'judul', en: 'title' },
  agency: { id: 'instansi', en: 'agency' },
  region: { id: 'wilayah', en: 'region' },
  category: { id: 'kategori', en: 'category' },
  startYear: { id: 'tahun mulai', en: 'start year' },
  summary: { id: 'ringkasan', en: 'summary' },
  background: { id: 'latar belakang', en: 'background' },
  novelty: { id: 'kebaruan', en: 'novelty' },
  implementation: { id: 'implementasi', en: 'implementation' },
  significance: { id: 'signifikansi', en: 'significance' },
  adaptability: { id: 'adaptabilitas', en: 'adaptability' },
  resources: { id: 'sumber daya', en: 'resources' },
  sustainability: { id: 'keberlanjutan', en: 'sustainability' },
  proposalUrl: { id: 'tautan proposal', en: 'proposal link' },
  videoUrl: { id: 'tautan video', en: 'video link' },
  contactName: { id: 'nama narahubung', en: 'contact name' },
  contactPhone: { id: 'nomor HP narahubung', en: 'contact phone' },
  contactEmail: { id: 'email narahubung', en: 'contact email' },
  consent: { id: 'persetujuan publikasi', en: 'consent to publish' },
};

const REASONS: Record<SelectionReasonCode, Bilingual> = {
  missingField: { id: '{field} belum diisi', en: '{field} is missing' },
  tooRecent: {
    id: 'baru berjalan sejak {startYear}; harus sudah berjalan minimal {years} tahun (mulai paling lambat {latest})',
    en: 'running only since {startYear}; it must have run at least {years} years (started by {latest})',
  },
  categoryNotEligible: {
    id: 'kategori peserta "{category}" tidak termasuk yang boleh ikut',
    en: 'entrant category "{category}" may not take part',
  },
  regionNotEligible: {
    id: 'wilayah "{region}" tidak termasuk yang boleh ikut',
    en: 'region "{region}" may not take part',
  },
  duplicateTitle: {
    id: 'judul mirip ({percent}%) dengan {other} "{title}" yang masuk lebih dulu',
    en: 'title is {percent}% similar to {other} "{title}", submitted earlier',
  },
  pastWinner: {
    id: 'judul mirip ({percent}%) dengan pemenang {year} "{title}"',
    en: 'title is {percent}% similar to the {year} winner "{title}"',
  },
  sameAsPastWinner: {
    id: 'judul sama dengan pemenang {year} "{title}"',
    en: 'title is the same as the {year} winner "{title}"',
  },
};

export function reasonText(reason: SelectionReason, lang: Lang): string {
  const params = Object.fromEntries(
    Object.entries(reason.params).map(([k, v]) => {
      if (k === 'field') {
        const name = FIELD_NAMES[v as SubmissionField] as Bilingual | undefined;
        return [k, name ? name[lang] : String(v)];
      }
      // Years and ids are written as they are; other numbers in the reader's decimals.
      return [k, typeof v === 'number' && k === 'percent' ? formatNumber(v, lang) : String(v)];
    }),
  );
  return fill(REASONS[reason.code][lang], params);
}

/**
 * What was wrong with a submission, for the person reading it: each reason after its question's name
 * ("tahun mulai: …"), never a raw key such as `startYear` or `lastSubmittedTime`.
 */
export function submissionIssuesLine(issues: readonly Issue[], lang: Lang): string {
  return issues
    .map((i) => {
      const name = (FIELD_NAMES as Record<string, Bilingual | undefined>)[i.path];
      return name ? `${name[lang]}: ${issueText(i, lang)}` : issueText(i, lang);
    })
    .join('; ');
}

export function reasonsLine(reasons: readonly SelectionReason[], lang: Lang): string {
  return reasons.map((r) => reasonText(r, lang)).join('; ');
}
