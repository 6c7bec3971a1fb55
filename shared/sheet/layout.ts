import type { Lang } from '../domain/i18n.ts';
import { t } from '../messages/catalogue/t.ts';

/**
 * What every tab shares: titles, A1 notation, juror progress (juror-tab.ts lays out the juror tabs,
 * juror-read.ts reads them, output-tabs.ts builds the tabs juri writes).
 */

/** .xlsx (and so the local workbook) allows at most 31 characters in a tab title. */
export const MAX_TITLE_LENGTH = 31;
/** Juror tabs: juror and stage, deadline and instruction, criterion names, weights, scales. Entries below. */
export const JUROR_HEADER_ROWS = 5;
/** The hidden tab where the sheet adapter keeps its own bookkeeping. */
export const META_TAB_TITLE = '_juri';

/**
 * Every tab juri writes starts with this, so the tabs people type into (juror tabs, "Petunjuk") stand
 * apart from juri's outputs, which come after them (and in another colour).
 */
export const OUTPUT_TAB_PREFIX = '» ';

/** Progress of one juror in one stage, counted from what the tab holds. */
export interface JurorProgress {
  stage: string;
  juror: string;
  assigned: number;
  scored: number;
  /** Assigned entries not fully scored yet, in tab order (for reminders and "Belum Dinilai"). */
  pending?: string[];
  /** Score cells of assigned entries still without a valid number. */
  emptyCells?: number;
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

/** The note on a calibration sample's row: it is scored first, and never counts. */
export function calibrationNote(lang: Lang = 'id'): string {
  return t(lang, 'sheet.notes.calibration');
}

export function conflictNote(lang: Lang = 'id'): string {
  return t(lang, 'sheet.notes.conflict');
}
