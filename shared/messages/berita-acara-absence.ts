import { fill, type Lang, localName } from '../domain/i18n.ts';
import type { ResultRecord } from '../domain/record.ts';
import type { BaBlock } from './berita-acara-blocks.ts';

/**
 * What the Berita Acara says about the facts of issue 19: jurors who typed no score in a stage
 * ("tidak hadir / tidak memberi nilai", with who acknowledged it and why) and entries the panel left
 * out of the result with a reason. Nothing when the record has neither.
 */
const W = {
  id: {
    absentTitle: 'Juri yang tidak hadir / tidak memberi nilai',
    stage: 'Tahap',
    juror: 'Juri',
    absentNote: 'tidak hadir / tidak memberi nilai',
    acknowledged: 'Diketahui oleh {by}: {reason}',
    excludedTitle: 'Inovasi yang dikeluarkan dari hasil oleh dewan juri',
    reason: 'Alasan',
  },
  en: {
    absentTitle: 'Jurors absent / who gave no score',
    stage: 'Stage',
    juror: 'Juror',
    absentNote: 'absent / gave no score',
    acknowledged: 'Acknowledged by {by}: {reason}',
    excludedTitle: 'Innovations the panel left out of the result',
    reason: 'Reason',
  },
} as const;

export function absenceBlocks(record: ResultRecord, lang: Lang): BaBlock[] {
  const w = W[lang];
  const c = record.competition;
  const blocks: BaBlock[] = [];
  const absent = record.absentJurors ?? [];
  if (absent.length > 0) {
    blocks.push({
      kind: 'table',
      header: [w.absentTitle, w.stage, ''],
      rows: absent.map((a) => {
        const juror = c.jurors.find((j) => j.id === a.juror);
        const stage = c.stages.find((s) => s.id === a.stage);
        return [juror?.name ?? a.juror, stage ? localName(stage, lang) : a.stage, w.absentNote];
      }),
    });
    if (record.absenceAcknowledged) {
      blocks.push({ kind: 'para', text: fill(w.acknowledged, { ...record.absenceAcknowledged }) });
    }
  }
  const excluded = record.excluded ?? [];
  if (excluded.length > 0) {
    blocks.push({
      kind: 'table',
      header: [w.excludedTitle, w.reason],
      rows: excluded.map((x) => [x.id, x.reason]),
    });
  }
  return blocks;
}

/** Jurors who typed no score at all in this record: the minutes do not list them as signatories who scored. */
export function scoredNothing(record: ResultRecord): Set<string> {
  const absent = record.absentJurors ?? [];
  if (absent.length === 0) return new Set();
  const typed = new Set(record.cells.filter((x) => x.value.trim() !== '').map((x) => x.juror));
  return new Set(absent.map((a) => a.juror).filter((j) => !typed.has(j)));
}
