import { judgingIsComplete } from '../domain/announcement.ts';
import type { Competition, Stage } from '../domain/competition.ts';
import type { FairnessReport } from '../domain/fairness/report.ts';
import { unadjustedPlaces } from '../domain/fairness/stage-scores.ts';
import { type Lang, localName } from '../domain/i18n.ts';
import type { Innovation } from '../domain/innovation.ts';
import type { CompetitionResult, RankedEntry } from '../domain/ranking.ts';
import { liveRepresentation, type ResultRecord } from '../domain/record.ts';
import type { ScoreChange } from '../domain/score-changes.ts';
import type { SelectionVerdict } from '../domain/selection.ts';
import { buildAnnouncement, recordAnnouncement } from '../messages/announcement-template.ts';
import { beritaAcara } from '../messages/berita-acara.ts';
import { cellText } from '../messages/berita-acara-blocks.ts';
import { section } from '../messages/catalogue/section.ts';
import { issueLine } from '../messages/issues.ts';
import { formatShortInstant } from '../messages/moments.ts';
import { scoreDigits } from '../messages/numbers.ts';
import { problemText } from '../messages/problems.ts';
import { representationNotes } from '../messages/representation.ts';
import { sheetIssueText } from '../messages/sheet-issues.ts';
import type { Rejection } from '../ports.ts';
import { FAIRNESS_KEYS, fairnessTabs } from './fairness-tabs.ts';
import { commentsTab, missingTab } from './juror-output-tabs.ts';
import type { JurorComment, MissingEntry, SheetIssue } from './juror-read.ts';
import { fitTitle, type JurorProgress, OUTPUT_TAB_PREFIX } from './layout.ts';
import type { OutputTab, TabGrowth } from './output-tab.ts';
import { selectionTab, type TypedDecision } from './selection-tab.ts';

/** The tabs juri writes into the shared sheet: rankings, problems, progress, rejections, announcement. */

export const OUTPUT_KEYS = {
  finalRanking: 'rank:final',
  problems: 'problems',
  progress: 'progress',
  rejected: 'rejected',
  announcement: 'announcement',
  beritaAcara: 'berita-acara',
  scoreChanges: 'score-changes',
  ...FAIRNESS_KEYS,
} as const;

export function stageRankingKey(stageId: string): string {
  return `rank:${stageId}`;
}

const OUT = { id: section('id', 'sheet.out.'), en: section('en', 'sheet.out.') };

export interface OutputInput {
  competition: Competition;
  innovations: readonly Innovation[];
  result: CompetitionResult;
  progress: readonly JurorProgress[];
  rejections: readonly Pick<Rejection, 'responseId' | 'receivedAt' | 'source' | 'reasons' | 'answers'>[];
  lang: Lang;
  /** The latest fixed result version, for the "Berita Acara" tab. */
  record?: ResultRecord | null;
  /** The newest score changes and how many there are in all, for the "Riwayat Nilai" tab. */
  scoreChanges?: { changes: readonly ScoreChange[]; total: number };
  /** How many of `scoreChanges` this sync added (the newest): the tab's growth since the last one. */
  scoreChangesAdded?: number;
  /**
   * How many changes the whole tab shows, when `scoreChanges` holds only this sync's (the store was not
   * asked for the older ones' rows): the tab is then rendered sparse, for a patch (TabGrowth.sparse).
   */
  scoreChangesShown?: number;
  /** From reading the juror tabs: remarks, reshaped tabs, and per `stage|juror` what is still empty. */
  comments?: readonly JurorComment[];
  sheetIssues?: readonly SheetIssue[];
  missing?: ReadonlyMap<string, readonly MissingEntry[]>;
  /** The administrative selection, with what the secretariat typed in its tab (when the config has one). */
  selection?: { verdicts: readonly SelectionVerdict[]; typed: ReadonlyMap<string, TypedDecision> };
  /** The fairness report, for the "Uji Metode" and "Stabilitas Peringkat" tabs. */
  fairness?: FairnessReport;
  /** Said above both fairness tabs when the report describes an earlier sync's result. */
  fairnessNote?: string;
}

/**
 * Everything juri writes back, in tab order: a ranking per stage, the final ranking, the problem list,
 * juror progress, rejected submissions, and the announcement once the final ranking is complete.
 */
export function buildOutputTabs(input: OutputInput): OutputTab[] {
  const { competition, result, lang } = input;
  const t = OUT[lang];
  // The entries' info cells, looked up by id once for every ranking tab.
  const info = entryInfo(input);
  const tabs: OutputTab[] = competition.stages.map((stage) => {
    const stageResult = result.stages.find((s) => s.stage === stage.id);
    return stageRankingTab(input, info, stage, stageResult?.ranking ?? []);
  });
  tabs.push(finalRankingTab(input, info));
  tabs.push(problemsTab(input));
  tabs.push(progressTab(input));
  const jurorSide = {
    ...input,
    missing: input.missing ?? new Map(),
    comments: input.comments ?? [],
  };
  tabs.push(missingTab(jurorSide));
  tabs.push(commentsTab(jurorSide));
  tabs.push(rejectedTab(input));
  if (competition.selection && input.selection) {
    const { verdicts, typed } = input.selection;
    tabs.push(selectionTab(competition, input.innovations, verdicts, typed, lang));
  }
  // Once a result is fixed, the tab shows the fixed announcement (what the public page shows), not the
  // live ranking; before that, the live one as a draft once judging is complete.
  // A fixed version's text is rendered from its facts, as the public page renders it.
  const text = input.record
    ? recordAnnouncement(input.record, lang).text
    : judgingIsComplete(result)
      ? buildAnnouncement(competition, result.final, input.innovations, lang).text
      : null;
  if (text !== null) {
    const [title = '', ...lines] = text.split('\n');
    const seal = input.record
      ? [[''], [`${t.fixedVersion} ${input.record.version} — SHA-256 ${input.record.hash}`]]
      : [];
    tabs.push({
      key: OUTPUT_KEYS.announcement,
      title: fitTitle(t.announcement),
      header: [[title]],
      rows: [...lines.map((line) => [line]), ...seal],
      widths: [900],
    });
  }
  if (input.fairness) {
    const note = input.fairnessNote;
    tabs.push(...fairnessTabs({ ...input, fairness: input.fairness, ...(note ? { note } : {}) }));
  }
  if (input.scoreChanges) tabs.push(scoreChangesTab(input, input.scoreChanges));
  if (input.record) tabs.push(beritaAcaraTab(input.record));
  return tabs.map((tab) => ({ ...tab, title: fitTitle(`${OUTPUT_TAB_PREFIX}${tab.title}`) }));
}

/** The same content as the printable page, as rows: headings, paragraphs, tables, signature lines. */
function beritaAcaraTab(record: ResultRecord): OutputTab {
  const doc = beritaAcara(record, 'id');
  const rows: (string | number | null)[][] = [...(doc.number ? [[doc.number]] : []), [doc.subtitle], []];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') rows.push([], [block.text]);
    else if (block.kind === 'para') rows.push([block.text]);
    else if (block.kind === 'table') {
      if (block.header.some((h) => h !== '')) rows.push(block.header);
      rows.push(...block.rows.map((r) => r.map(cellText)));
    } else {
      rows.push([], [block.place], []);
      for (const r of block.rows) rows.push([r.role, r.name, r.affiliation, '(…………………………)']);
    }
  }
  return {
    key: OUTPUT_KEYS.beritaAcara,
    title: fitTitle(OUT.id.beritaAcara),
    header: [[doc.title]],
    rows,
    widths: [260, 200, 320, 240, 140, 140, 140, 200],
  };
}

function scoreChangesTab(
  input: OutputInput,
  log: { changes: readonly ScoreChange[]; total: number },
): OutputTab {
  const t = OUT[input.lang];
  const zone = input.competition.timezone;
  // A sync's changes share one instant (the first sync logs thousands at once): each is formatted once.
  const seen = new Map<string, string>();
  const seenAt = (iso: string) => {
    let text = seen.get(iso);
    if (text === undefined) {
      text = formatShortInstant(iso, zone, input.lang);
      seen.set(iso, text);
    }
    return text;
  };
  const rows: (string | number | null)[][] = log.changes.map((c) => [
    seenAt(c.seenAt),
    c.cell,
    c.stage,
    c.juror,
    c.innovation,
    c.criterion,
    c.old,
    c.new,
    c.afterVersion === null ? '' : `${t.afterFixed} ${c.afterVersion}`,
  ]);
  // A sparse tab leaves out the rows a patch keeps: the same empty row stands for each.
  const shown = Math.max(input.scoreChangesShown ?? 0, log.changes.length);
  const leftOut: (string | number | null)[] = [];
  for (let k = log.changes.length; k < shown; k++) rows.push(leftOut);
  const footer = log.total > shown;
  if (footer) rows.push([t.moreChanges.replace('{n}', String(log.total - shown))]);
  const added = input.scoreChangesAdded;
  const grown =
    added === undefined
      ? undefined
      : {
          ...logGrowth(input, log.total, added, footer),
          ...(shown > log.changes.length ? { sparse: true } : {}),
        };
  return {
    key: OUTPUT_KEYS.scoreChanges,
    title: fitTitle(t.scoreChanges),
    header: [[t.seenAt, t.cell, t.stage, t.juror, t.innovation, t.criterion, t.oldValue, t.newValue, t.flag]],
    rows,
    widths: [190, 260, 110, 80, 130, 140, 100, 100, 200],
    ...(grown ? { grown } : {}),
  };
}

/** The "Riwayat Nilai" tab's content version for a log of `total` changes (TabGrowth.version). */
export function scoreChangesVersion(lang: Lang, zone: string, total: number): string {
  return `score-changes/1 ${lang} ${zone} ${total}`;
}

/**
 * The log tab is the newest changes, newest first: a sync that added `added` of them put as many rows on
 * top of the tab the sync before rendered, and the footer that counts the older ones is its last row.
 * Its content is fixed by the log's length, the language and the zone its instants are written in.
 */
function logGrowth(input: OutputInput, total: number, added: number, footer: boolean): TabGrowth {
  const version = (n: number) => scoreChangesVersion(input.lang, input.competition.timezone, n);
  return {
    version: version(total),
    over: version(total - added),
    top: Math.min(added, input.scoreChanges?.changes.length ?? 0),
    tail: footer ? 1 : 0,
  };
}

/** "Peringkat Penilaian Proposal": no dash, so that with the output prefix it still fits 31 characters. */
function rankingTitle(lang: Lang, name: string): string {
  return fitTitle(`${OUT[lang].ranking} ${name}`, 29);
}

type Cell = OutputTab['rows'][number][number];

/** What the ranking tabs show of each entry: its row's info cells by id, the category names once. */
interface EntryInfo {
  byId: ReadonlyMap<string, Innovation>;
  categoryNames: ReadonlyMap<string, string>;
}

function entryInfo(input: OutputInput): EntryInfo {
  const categoryNames = new Map<string, string>();
  // The first category of an id wins, as `find` picked it.
  for (const c of [...input.competition.categories].reverse())
    categoryNames.set(c.id, localName(c, input.lang));
  return { byId: new Map(input.innovations.map((i) => [i.id, i])), categoryNames };
}

/**
 * A ranking row's first cells: rank, tie mark, [raw rank,] then the entry's id, title, agency, region
 * and category name; one array literal, the rest pushed (no spread, no regrowing: one row per entry).
 */
function rowStart(e: RankedEntry, info: EntryInfo, raw?: ReadonlyMap<string, number> | null): Cell[] {
  const i = info.byId.get(e.id);
  const categoryName = i ? (info.categoryNames.get(i.category) ?? '') : '';
  const category = categoryName || (i?.category ?? '');
  const tie = e.tie ? '=' : '';
  return raw
    ? [e.rank, tie, raw.get(e.id) ?? null, e.id, i?.title ?? '', i?.agency ?? '', i?.region ?? '', category]
    : [e.rank, tie, e.id, i?.title ?? '', i?.agency ?? '', i?.region ?? '', category];
}

const INFO_WIDTHS = [110, 320, 220, 150, 170];

/** The columns every ranking tab starts with. */
function rankingInfoHeader(t: (typeof OUT)[Lang]): string[] {
  return [t.rank, t.tie, t.id, t.title, t.agency, t.region, t.category];
}

/** An official score as the cell holds it: rounded by the display rule, so the 2 decimals shown are its digits. */
function scoreCell(e: RankedEntry): number | null {
  const digits = scoreDigits(e);
  return digits === null ? null : Number(digits);
}

function stageRankingTab(
  input: OutputInput,
  info: EntryInfo,
  stage: Stage,
  ranking: readonly RankedEntry[],
): OutputTab {
  const { lang } = input;
  const t = OUT[lang];
  const tieNames = stage.tieBreak.map((cid) => {
    const c = stage.criteria.find((x) => x.id === cid);
    return `${t.mean} ${c ? localName(c, lang) : cid}`;
  });
  // An adjusted stage (z-scores, trimmed mean, median) shows the raw rank beside its own.
  const raw = unadjustedPlaces(stage, ranking);
  const [rank = '', tie = '', ...rest] = rankingInfoHeader(t);
  const header = [
    rank,
    tie,
    ...(raw ? [t.rawRank] : []),
    ...rest,
    t.score,
    t.jurors,
    t.status,
    t.advances,
    t.categoryRank,
    ...tieNames,
  ];
  const rows = ranking.map((e) => {
    const row = rowStart(e, info, raw);
    row.push(
      scoreCell(e),
      e.jurors,
      e.status === 'complete' ? t.complete : t.incomplete,
      e.advances ? t.yes : '',
      e.categoryRank,
    );
    for (const mean of e.tieBreak) row.push(mean);
    return row;
  });
  return {
    key: stageRankingKey(stage.id),
    title: rankingTitle(lang, localName(stage, lang)),
    header: [header],
    rows,
    widths: [
      80,
      50,
      ...(raw ? [130] : []),
      ...INFO_WIDTHS,
      110,
      90,
      120,
      70,
      110,
      ...tieNames.map(() => 140),
    ],
    scoreColumns: [7, ...tieNames.map((_, i) => 12 + i)].map((c) => (raw ? c + 1 : c)),
  };
}

function finalRankingTab(input: OutputInput, info: EntryInfo): OutputTab {
  const { competition, result, lang } = input;
  const t = OUT[lang];
  const weighted = Object.entries(competition.final.weights).filter(([, w]) => w > 0);
  // Each weighted stage's entries by id: a score cell is made only for the final's entries (a few
  // hundred), not for every entry a stage ranked (thousands at national scale).
  const stageEntries = new Map(result.stages.map((s) => [s.stage, new Map(s.ranking.map((e) => [e.id, e]))]));
  const stageScore = (sid: string, id: string): Cell => {
    const entry = stageEntries.get(sid)?.get(id);
    return entry ? scoreCell(entry) : null;
  };
  const stageHeaders = weighted.map(([sid, w]) => {
    const stage = competition.stages.find((s) => s.id === sid);
    return `${stage ? localName(stage, lang) : sid} (${t.weight} ${w})`;
  });
  // With representation rules, a last column says who got in through a minimum and who was skipped.
  const outcome = liveRepresentation(competition, input.innovations, result);
  const notes = outcome && representationNotes(outcome, competition, lang);
  const header = [
    ...rankingInfoHeader(t),
    t.finalScore,
    ...stageHeaders,
    t.status,
    ...(notes ? [t.representation] : []),
  ];
  const rows = result.final.ranking.map((e) => {
    const row = rowStart(e, info);
    row.push(scoreCell(e));
    for (const [sid] of weighted) row.push(stageScore(sid, e.id));
    row.push(e.status === 'complete' ? t.complete : t.incomplete);
    if (notes) row.push(notes.get(e.id) ?? '');
    return row;
  });
  return {
    key: OUTPUT_KEYS.finalRanking,
    title: rankingTitle(lang, t.final),
    header: [header],
    rows,
    widths: [80, 50, ...INFO_WIDTHS, 130, ...stageHeaders.map(() => 170), 120, ...(notes ? [420] : [])],
    scoreColumns: [7, ...stageHeaders.map((_, i) => 8 + i)],
  };
}

function problemsTab(input: OutputInput): OutputTab {
  const { competition, result, lang } = input;
  const t = OUT[lang];
  const stages = new Map(competition.stages.map((s) => [s.id, s]));
  const jurors = new Map(competition.jurors.map((j) => [j.id, j]));
  // A reshaped tab comes first: until it is mended, its scores may be missing from everything below.
  const tabRows = (input.sheetIssues ?? []).map((issue) => {
    const stage = stages.get(issue.stage);
    const juror = jurors.get(issue.juror);
    return [
      issue.cell ?? issue.tab,
      stage ? localName(stage, lang) : issue.stage,
      juror ? `${juror.id} – ${juror.name}` : issue.juror,
      issue.code === 'duplicate-id' ? (issue.subject ?? '') : '',
      '',
      '',
      sheetIssueText(issue, lang),
    ];
  });
  const cellRows = result.problems.map((p) => {
    const stage = stages.get(p.stage);
    const criterion = stage?.criteria.find((c) => c.id === p.criterion);
    const juror = jurors.get(p.juror);
    return [
      p.cell ?? '',
      stage ? localName(stage, lang) : p.stage,
      juror ? `${juror.id} – ${juror.name}` : p.juror,
      p.innovation,
      criterion ? localName(criterion, lang) : p.criterion,
      p.value,
      problemText(p, lang),
    ];
  });
  const rows = [...tabRows, ...cellRows];
  return {
    key: OUTPUT_KEYS.problems,
    title: fitTitle(t.problems),
    header: [[t.cell, t.stage, t.juror, t.innovation, t.criterion, t.typed, t.reason]],
    rows: rows.length > 0 ? rows : [[t.noProblems, '', '', '', '', '', '']],
    widths: [220, 180, 220, 130, 200, 100, 380],
  };
}

function progressTab(input: OutputInput): OutputTab {
  const { competition, lang } = input;
  const t = OUT[lang];
  const stages = new Map(competition.stages.map((s) => [s.id, s]));
  const jurors = new Map(competition.jurors.map((j) => [j.id, j]));
  const rows = input.progress.map((p) => {
    const stage = stages.get(p.stage);
    return [
      stage ? localName(stage, lang) : p.stage,
      p.juror,
      jurors.get(p.juror)?.name ?? '',
      p.scored,
      p.assigned,
      p.assigned === 0 ? null : (100 * p.scored) / p.assigned,
    ];
  });
  return {
    key: OUTPUT_KEYS.progress,
    title: fitTitle(t.progress),
    header: [[t.stage, t.juror, t.name, t.scored, t.assigned, t.percent]],
    rows,
    widths: [200, 80, 260, 110, 110, 90],
    scoreColumns: [5],
  };
}

function rejectedTab(input: OutputInput): OutputTab {
  const { competition, lang } = input;
  const t = OUT[lang];
  const titleQuestion = competition.form?.fields.title;
  const titleKeys = titleQuestion === undefined ? [] : [titleQuestion].flat();
  const rows = [...input.rejections]
    .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0))
    .map((r) => [
      r.responseId,
      formatShortInstant(r.receivedAt, competition.timezone, lang),
      r.source,
      titleKeys.map((k) => r.answers[k]).find((v) => v !== undefined) ?? '',
      issueLine(r.reasons, lang),
    ]);
  return {
    key: OUTPUT_KEYS.rejected,
    title: fitTitle(t.rejected),
    header: [[t.responseId, t.receivedAt, t.source, t.title, t.reasons]],
    rows,
    widths: [200, 190, 110, 320, 480],
  };
}
