import { finalFairnessReport } from '../domain/fairness/report.ts';
import { isDefaultMethod, stageMethod } from '../domain/fairness/stage-scores.ts';
import { fill, type Lang, localName } from '../domain/i18n.ts';
import { announcedFinal, type ResultRecord } from '../domain/record.ts';
import type { BaBlock } from './berita-acara-blocks.ts';
import { formatCount } from './fairness.ts';
import { FAIRNESS_LABELS, methodName, stabilitySummary } from './fairness-report.ts';

const W = {
  id: {
    methodNote:
      'Nilai tahap {stage} tidak memakai rata-rata biasa, melainkan dihitung dengan cara: {method}.',
    heading: 'Lampiran. Stabilitas Peringkat Akhir',
    method:
      'Lampiran ini menunjukkan seberapa kokoh posisi setiap inovasi. Dari nilai yang ditetapkan dalam berita acara ini, penilaian tiap inovasi diulang {resamples} kali dengan juri-juri penilainya diambil secara acak, lalu semua inovasi diperingkat ulang. "Peluang" menyatakan seberapa sering inovasi masuk {top} besar; "rentang" memuat peringkat yang dicapainya pada sebagian besar (90%) ulangan itu; tanda ◆ menandai inovasi yang posisinya bisa berubah oleh juri yang kebetulan menilainya. Perhitungan ini selalu memberi angka yang sama. Lampiran ini menjelaskan hasil dan tidak mengubahnya.',
  },
  en: {
    methodNote: 'The {stage} stage score is not the plain mean: it is computed as {method}.',
    heading: 'Appendix. Stability of the Final Ranking',
    method:
      'This appendix shows how firm each innovation’s place is. From the scores fixed in these minutes, each innovation’s judging is redone {resamples} times with its jurors drawn at random, and every innovation is ranked again. "Chance" is how often the innovation is in the Top {top}; "range" holds the ranks it reached in most (90%) of those redraws; ◆ marks an innovation whose place could change with the jurors who happened to score it. The computation always gives the same figures. This appendix explains the result and does not change it.',
  },
} as const;

/** Section II states the plain mean; a stage configured otherwise says how it is scored. */
export function methodNotes(record: ResultRecord, lang: Lang): BaBlock[] {
  return record.competition.stages
    .filter((stage) => !isDefaultMethod(stageMethod(stage)))
    .map((stage) => ({
      kind: 'para' as const,
      text: fill(W[lang].methodNote, {
        stage: localName(stage, lang),
        method: methodName(stageMethod(stage), lang),
      }),
    }));
}

/** Rows past the winners: enough to show who was within reach of the last winning place. */
const EXTRA_ROWS = 10;

/**
 * The Berita Acara's appendix: how firmly the fixed final ranking puts each entry in or out of
 * the winners. Deterministic (seeded), computed from the record alone. Nothing when judging left
 * no complete final entry or the config switches the bootstrap off.
 */
export function stabilityAppendix(record: ResultRecord, lang: Lang): BaBlock[] {
  const final = finalFairnessReport(record.competition, record.result);
  const group = final.groups[0];
  const stability = group?.stability;
  if (!group || !stability || stability.entries.length === 0) return [];
  const w = W[lang];
  const t = FAIRNESS_LABELS[lang];
  const titles = new Map(record.innovations.map((i) => [i.id, i.title]));
  // In the announced order: a tie the panel decided is listed as decided, with its decided ranks.
  const announced = new Map(announcedFinal(record).ranking.map((e, i) => [e.id, { at: i, rank: e.rank }]));
  const at = (id: string) => announced.get(id)?.at ?? Number.POSITIVE_INFINITY;
  const shown = stability.entries
    .filter((e) => e.rank <= group.top + EXTRA_ROWS || e.probabilityTop > 0)
    .sort((a, b) => at(a.id) - at(b.id));
  return [
    { kind: 'heading', text: w.heading },
    {
      kind: 'para',
      text: fill(w.method, { resamples: formatCount(stability.resamples, lang), top: group.top }),
    },
    { kind: 'para', text: stabilitySummary(group, lang) },
    {
      kind: 'table',
      header: [t.rank, t.id, t.title, fill(t.probability, { top: group.top }), t.interval, t.near],
      rows: shown.map((e) => [
        String(announced.get(e.id)?.rank ?? e.rank),
        e.id,
        titles.get(e.id) ?? '',
        `${Math.round(e.probabilityTop * 100)}%`,
        `${e.rankLow}–${e.rankHigh}`,
        e.nearCutoff ? t.nearMark : '',
      ]),
      compact: true,
    },
  ];
}
