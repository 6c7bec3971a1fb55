import type { Competition } from '../domain/competition.ts';
import type { RankStability } from '../domain/fairness/rank-stability.ts';
import type { CutoffGroup, FairnessReport, StageFairness } from '../domain/fairness/report.ts';
import type { WhatIfCell } from '../domain/fairness/what-if.ts';
import { fill, type Lang, localName } from '../domain/i18n.ts';
import type { Innovation } from '../domain/innovation.ts';
import { formatCount } from '../messages/fairness.ts';
import {
  disagreementLines,
  drawLines,
  FAIRNESS_LABELS,
  type FairnessLabels,
  jurorLines,
  methodName,
  methodShort,
  reliabilityLines,
  stabilitySentence,
  stabilitySummary,
  whatIfLines,
} from '../messages/fairness-report.ts';
import { fitTitle } from './layout.ts';
import type { OutputTab } from './output-tab.ts';

/** The two fairness tabs: "Uji Metode" (method test and reliability) and "Stabilitas Peringkat". */

export const FAIRNESS_KEYS = { methodTest: 'method-test', stability: 'rank-stability' } as const;

type Row = (string | number | null)[];

export interface FairnessTabInput {
  competition: Competition;
  innovations: readonly Innovation[];
  fairness: FairnessReport;
  lang: Lang;
  /** A line above each tab's content, e.g. that the report describes an earlier sync. */
  note?: string;
}

export function fairnessTabs(input: FairnessTabInput): OutputTab[] {
  const noted = (tab: OutputTab): OutputTab =>
    input.note ? { ...tab, rows: [[input.note], [], ...tab.rows] } : tab;
  return [noted(methodTestTab(input)), noted(stabilityTab(input))];
}

/** Coefficients and points to 3 decimals: enough to read, and the sheet keeps them as numbers. */
function round(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 1000) / 1000;
}

export function stageTitle(competition: Competition, stage: string, lang: Lang): string {
  if (stage === 'final') return FAIRNESS_LABELS[lang].final;
  const s = competition.stages.find((x) => x.id === stage);
  return s ? localName(s, lang) : stage;
}

export function groupTitle(
  competition: Competition,
  stage: StageFairness,
  group: CutoffGroup,
  lang: Lang,
): string {
  const name = stageTitle(competition, stage.stage, lang);
  if (group.category === null) return name;
  const category = competition.categories.find((c) => c.id === group.category);
  return `${name} — ${category ? localName(category, lang) : group.category}`;
}

export function jurorNamer(competition: Competition): (id: string) => string {
  const names = new Map(competition.jurors.map((j) => [j.id, `${j.id} · ${j.name}`]));
  return (id) => names.get(id) ?? id;
}

/** 7, "3 ↑ masuk", "12 ↓ keluar". */
export function whatIfMark(cell: WhatIfCell | undefined, t: FairnessLabels): string | number {
  if (!cell || !Number.isFinite(cell.rank)) return t.none;
  if (cell.change === 'enters') return `${cell.rank} ${t.enters}`;
  if (cell.change === 'leaves') return `${cell.rank} ${t.leaves}`;
  return cell.rank;
}

function methodTestTab({ competition, innovations, fairness, lang }: FairnessTabInput): OutputTab {
  const t = FAIRNESS_LABELS[lang];
  const titles = new Map(innovations.map((i) => [i.id, i.title]));
  const name = jurorNamer(competition);
  const rows: Row[] = [[t.intro], []];
  for (const stage of fairness.stages) {
    rows.push([stageTitle(competition, stage.stage, lang)]);
    rows.push([`${t.method}: ${stage.method ? methodName(stage.method, lang) : t.differs}`]);
    if (stage.entries === 0) {
      rows.push([t.notYet], []);
      continue;
    }
    const reliability = reliabilityLines(stage, lang);
    if (reliability.lines.length > 0) {
      rows.push([], [t.reliability], [t.statistic, t.value, t.explanation]);
      for (const l of reliability.lines) rows.push([l.label, round(l.value), l.sentence]);
      if (reliability.note) rows.push([reliability.note]);
    }
    const jurors = jurorLines(stage, lang, name);
    if (jurors.length > 0) {
      rows.push([], [t.jurors], [t.juror, t.entries, t.leniency, t.consistency, t.explanation]);
      for (const j of jurors) {
        rows.push([
          name(j.juror),
          j.entries,
          round(j.leniency),
          round(j.consistency),
          j.sentences.join(' · '),
        ]);
      }
    }
    const draws = drawLines(stage, lang, name);
    if (draws.length > 0) {
      rows.push([], [t.draws]);
      for (const line of draws) rows.push([line]);
    }
    const disagreement = disagreementLines(stage, lang);
    if (disagreement.summary) {
      rows.push([], [t.disagreement], [disagreement.summary]);
      if (disagreement.flagged.length > 0) rows.push([t.id, t.title, t.spread, t.explanation]);
      for (const f of disagreement.flagged)
        rows.push([f.id, titles.get(f.id) ?? '', round(f.spread), f.sentence]);
    }
    for (const group of stage.groups) {
      rows.push(
        [],
        [`${fill(t.whatIf, { top: group.top })} — ${groupTitle(competition, stage, group, lang)}`],
      );
      rows.push([fill(t.whatIfIntro, { top: group.top })]);
      for (const line of whatIfLines(group, stage.method, lang)) rows.push([line]);
      rows.push([
        t.id,
        t.title,
        ...group.whatIf.columns.map((c) => {
          const published =
            stage.method?.aggregation === c.method.aggregation &&
            stage.method.normalization === c.method.normalization;
          return published ? `${methodShort(c.method, lang)} (${t.published})` : methodShort(c.method, lang);
        }),
      ]);
      for (const row of group.whatIf.rows) {
        rows.push([row.id, titles.get(row.id) ?? '', ...row.cells.map((c) => whatIfMark(c, t))]);
      }
    }
    rows.push([]);
  }
  return {
    key: FAIRNESS_KEYS.methodTest,
    title: fitTitle(t.methodTab),
    header: [[`${t.methodTab} — ${t.section}`]],
    rows,
    widths: [260, 320, 150, 150, 150, 150, 150, 150],
  };
}

function sameStability(a: RankStability, b: RankStability): boolean {
  return (
    a.top === b.top &&
    a.resamples === b.resamples &&
    a.entries.length === b.entries.length &&
    a.entries.every((e, i) => {
      const o = b.entries[i];
      return (
        o?.id === e.id &&
        o.probabilityTop === e.probabilityTop &&
        o.rankLow === e.rankLow &&
        o.rankHigh === e.rankHigh
      );
    })
  );
}

function stabilityTab({ competition, innovations, fairness, lang }: FairnessTabInput): OutputTab {
  const t = FAIRNESS_LABELS[lang];
  const titles = new Map(innovations.map((i) => [i.id, i.title]));
  const rows: Row[] = [];
  let intro: string | null = null;
  const written: { title: string; stability: RankStability }[] = [];
  for (const stage of fairness.stages) {
    for (const group of stage.groups) {
      const title = groupTitle(competition, stage, group, lang);
      rows.push([title], [stabilitySummary(group, lang)]);
      const s = group.stability;
      // A one-stage competition's final is that stage's bootstrap again: say so, not 3,500 rows twice.
      const same = s && written.find((w) => sameStability(w.stability, s));
      if (same) {
        rows.push([fill(t.sameAs, { stage: same.title })], []);
        continue;
      }
      if (!s) {
        rows.push([]);
        continue;
      }
      written.push({ title, stability: s });
      intro ??= fill(t.stabilityIntro, { resamples: formatCount(s.resamples, lang), top: 'N' });
      const chance = fill(stage.cut === 'advance' ? t.probabilityAdvance : t.probability, { top: group.top });
      rows.push([t.rank, t.id, t.title, t.score, `${chance} (%)`, t.interval, t.near, t.explanation]);
      for (const e of s.entries) {
        rows.push([
          e.rank,
          e.id,
          titles.get(e.id) ?? '',
          e.score,
          Math.round(e.probabilityTop * 1000) / 10,
          `${e.rankLow}–${e.rankHigh}`,
          e.nearCutoff ? t.nearMark : '',
          stabilitySentence(group, e, lang),
        ]);
      }
      rows.push([]);
    }
  }
  return {
    key: FAIRNESS_KEYS.stability,
    title: fitTitle(t.stabilityTab),
    header: [[`${t.stabilityTab} — ${t.section}`]],
    rows: [...(intro ? [[intro], []] : []), ...rows],
    widths: [90, 130, 320, 90, 150, 130, 90, 520],
    scoreColumns: [3, 4],
  };
}
