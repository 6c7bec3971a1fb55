import type { ScoreEntry } from '../domain/cells.ts';
import { readCell } from '../domain/cells.ts';
import type { Competition, Juror, Stage } from '../domain/competition.ts';
import { localName } from '../domain/i18n.ts';
import { formatNumber } from '../domain/numbers.ts';
import { panelOf } from '../domain/scoring.ts';

/**
 * Where things sit in the shared sheet: juror tabs (typed by people), their A1 ranges,
 * the cells jurors type in (see output-tabs.ts for the tabs juri writes).
 */

/** .xlsx (and so the local workbook) allows at most 31 characters in a tab title. */
export const MAX_TITLE_LENGTH = 31;
/** Juror tabs: criterion name, weight, scale. Data starts below. */
export const JUROR_HEADER_ROWS = 3;
/** ID, title, agency, region; the criteria follow, then a note column. */
export const JUROR_INFO_COLUMNS = 4;
/** The hidden tab where the sheet adapter keeps its own bookkeeping. */
export const META_TAB_TITLE = '_juri';

export interface JurorTab {
  stage: Stage;
  juror: Juror;
  title: string;
}

/** Progress of one juror in one stage, counted from what the tab holds. */
export interface JurorProgress {
  stage: string;
  juror: string;
  assigned: number;
  scored: number;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 'Tab name' quoted for A1 notation (an apostrophe doubles). */
export function quoteTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** 'Tab'!D7 for a 0-based column and row. */
export function a1Cell(title: string, column: number, row: number): string {
  return `${quoteTitle(title)}!${columnLetter(column)}${row + 1}`;
}

/** Removes the characters a tab title may not hold and fits it in 31 characters. */
export function fitTitle(text: string, max = MAX_TITLE_LENGTH): string {
  const clean = text
    .replace(/[[\]*?/\\:]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (clean.length <= max) return clean;
  // Cut at a word boundary when one is near, so the title stays readable.
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "<stage name> – <juror id>", the stage name shortened when needed so the juror id always shows. */
export function jurorTabTitle(stage: Stage, juror: Juror): string {
  const suffix = ` – ${juror.id}`;
  return fitTitle(`${fitTitle(stage.name, MAX_TITLE_LENGTH - suffix.length)}${suffix}`);
}

/** Every juror tab: per stage, one per panel juror, in config order. */
export function jurorTabs(competition: Competition): JurorTab[] {
  const tabs = competition.stages.flatMap((stage) =>
    panelOf(competition, stage).map((juror) => ({ stage, juror, title: jurorTabTitle(stage, juror) })),
  );
  const seen = new Set<string>();
  return tabs.map((t) => {
    // Two long stage names may shorten to the same text; the stage id keeps them apart.
    const title = seen.has(t.title.toLowerCase()) ? fitTitle(`${t.stage.id} – ${t.juror.id}`) : t.title;
    seen.add(title.toLowerCase());
    return { ...t, title };
  });
}

/** Criteria columns start here (0-based). */
export function firstScoreColumn(): number {
  return JUROR_INFO_COLUMNS;
}

/** The note column (conflict of interest), right of the criteria. */
export function noteColumn(stage: Stage): number {
  return JUROR_INFO_COLUMNS + stage.criteria.length;
}

/** The rows a juror's scores are read from, open-ended downwards. */
export function jurorReadRange(tab: JurorTab): string {
  const first = columnLetter(0);
  const last = columnLetter(noteColumn(tab.stage) - 1);
  return `${quoteTitle(tab.title)}!${first}${JUROR_HEADER_ROWS + 1}:${last}`;
}

type Words = Record<'id' | 'title' | 'agency' | 'region' | 'note' | 'weight' | 'scale', string>;
const JUROR_WORDS: Record<'id' | 'en', Words> = {
  id: {
    id: 'ID',
    title: 'Judul Inovasi',
    agency: 'Perangkat Daerah / BUMD',
    region: 'Kabupaten/Kota',
    note: 'Keterangan',
    weight: 'Bobot',
    scale: 'Skala',
  },
  en: {
    id: 'ID',
    title: 'Innovation title',
    agency: 'Agency / enterprise',
    region: 'Regency/city',
    note: 'Note',
    weight: 'Weight',
    scale: 'Scale',
  },
};

/** Three header rows: names, weights, scales (decimals as the language writes them). */
export function jurorTabHeader(stage: Stage, lang: 'id' | 'en' = 'id'): string[][] {
  const w = JUROR_WORDS[lang];
  const info = [w.id, w.title, w.agency, w.region];
  return [
    [...info, ...stage.criteria.map((c) => localName(c, lang)), w.note],
    ['', '', '', w.weight, ...stage.criteria.map((c) => formatNumber(c.weight, lang)), ''],
    [
      '',
      '',
      '',
      w.scale,
      ...stage.criteria.map((c) => `${formatNumber(c.min, lang)}–${formatNumber(c.max, lang)}`),
      '',
    ],
  ];
}

export function conflictNote(lang: 'id' | 'en' = 'id'): string {
  return lang === 'en'
    ? 'Conflict of interest: not scored by this juror'
    : 'Konflik kepentingan: tidak dinilai juri ini';
}

/**
 * Turns the values read from one juror tab (rows below the header, as typed) into score entries,
 * each with the A1 cell it came from, and counts the juror's progress.
 * `conflicted` says which innovations this juror may not count for (their rows are not "assigned").
 */
export function parseJurorTab(
  tab: JurorTab,
  values: readonly (readonly string[])[],
  conflicted: (innovationId: string) => boolean,
): { entries: ScoreEntry[]; progress: JurorProgress } {
  const entries: ScoreEntry[] = [];
  let assigned = 0;
  let scored = 0;
  values.forEach((row, i) => {
    const innovation = (row[0] ?? '').trim();
    if (innovation === '') return;
    const sheetRow = JUROR_HEADER_ROWS + i;
    let complete = true;
    tab.stage.criteria.forEach((criterion, ci) => {
      const column = JUROR_INFO_COLUMNS + ci;
      const value = row[column] ?? '';
      if (readCell(value, criterion.min, criterion.max).kind !== 'number') complete = false;
      if (value.trim() === '') return;
      entries.push({
        stage: tab.stage.id,
        innovation,
        juror: tab.juror.id,
        criterion: criterion.id,
        value,
        cell: a1Cell(tab.title, column, sheetRow),
      });
    });
    if (conflicted(innovation)) return;
    assigned += 1;
    if (complete) scored += 1;
  });
  return { entries, progress: { stage: tab.stage.id, juror: tab.juror.id, assigned, scored } };
}
