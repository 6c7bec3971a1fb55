import type { Competition } from '../domain/competition.ts';
import { type Lang, localName } from '../domain/i18n.ts';
import type { Innovation } from '../domain/innovation.ts';
import type { Decision, SelectionOverride, SelectionVerdict } from '../domain/selection.ts';
import { normalizeText } from '../domain/submission.ts';
import { section } from '../messages/catalogue/section.ts';
import { FAIL_WORDS, PASS_WORDS } from '../messages/decision-words.ts';
import { outcomeText, reasonsLine } from '../messages/selection.ts';
import { OUTPUT_TAB_PREFIX, quoteTitle } from './layout.ts';
import type { OutputTab } from './output-tab.ts';

/**
 * The "Seleksi" tab: juri writes one row per entry with the rules' verdict; the secretariat types a
 * decision (and who they are) in three columns that juri reads back on the next sync and writes again
 * as typed. The title is the same in both languages, so the read range never depends on the language.
 */
const SELECTION_NAME = 'Seleksi';
/** The tab as it stands in the Sheet: juri's output prefix, then its name. */
export const SELECTION_TAB_TITLE = `${OUTPUT_TAB_PREFIX}${SELECTION_NAME}`;
export const SELECTION_KEY = 'selection';
/** ID, title, agency, region, category, verdict, reasons; then the typed columns. */
const TYPED_FROM = 7;
const TYPED_COLUMNS = 3;

/** ID column and the typed columns, below the one header row. */
export const SELECTION_READ_RANGE = `${quoteTitle(SELECTION_TAB_TITLE)}!A2:J`;

/** What one row's typed columns held, exactly as typed. */
export type TypedDecision = [decision: string, by: string, note: string];

export interface SelectionTabRead {
  overrides: Map<string, SelectionOverride>;
  typed: Map<string, TypedDecision>;
  /** Rows whose decision cell holds text that is neither "Lolos" nor "Tidak lolos". */
  unreadable: Set<string>;
}

/** "Lolos", "lolos", "LULUS", "pass" → pass; "Tidak lolos", "gugur", "fail" → fail; else null. */
export function readDecision(text: string): Decision | null {
  const t = normalizeText(text);
  if (PASS_WORDS.has(t)) return 'pass';
  if (FAIL_WORDS.has(t)) return 'fail';
  return null;
}

export function parseSelectionTab(values: readonly (readonly string[])[]): SelectionTabRead {
  const out: SelectionTabRead = { overrides: new Map(), typed: new Map(), unreadable: new Set() };
  for (const row of values) {
    const id = (row[0] ?? '').trim();
    if (id === '') continue;
    const typed = Array.from({ length: TYPED_COLUMNS }, (_, i) => row[TYPED_FROM + i] ?? '') as TypedDecision;
    if (typed.every((cell) => cell.trim() === '')) continue;
    out.typed.set(id, typed);
    const decision = readDecision(typed[0]);
    if (decision) out.overrides.set(id, { decision, by: typed[1].trim(), note: typed[2].trim() });
    else if (typed[0].trim() !== '') out.unreadable.add(id);
  }
  return out;
}

const WORDS = { id: section('id', 'sheet.selection.'), en: section('en', 'sheet.selection.') };

export function selectionTab(
  competition: Competition,
  innovations: readonly Innovation[],
  verdicts: readonly SelectionVerdict[],
  typed: ReadonlyMap<string, TypedDecision>,
  lang: Lang,
): OutputTab {
  const w = WORDS[lang];
  const byId = new Map(innovations.map((i) => [i.id, i]));
  const categories = new Map(competition.categories.map((c) => [c.id, localName(c, lang)]));
  const rows = verdicts.map((v) => {
    const i = byId.get(v.id);
    const cells = typed.get(v.id) ?? ['', '', ''];
    const unreadable = cells[0].trim() !== '' && readDecision(cells[0]) === null;
    return [
      v.id,
      i?.title ?? '',
      i?.agency ?? '',
      i?.region ?? '',
      categories.get(i?.category ?? '') ?? i?.category ?? '',
      outcomeText(v.rule, lang),
      reasonsLine(v.reasons, lang),
      ...cells,
      `${outcomeText(v.outcome, lang)}${unreadable ? ` (${w.unreadable})` : ''}`,
    ];
  });
  return {
    key: SELECTION_KEY,
    title: SELECTION_NAME,
    header: [
      [w.id, w.title, w.agency, w.region, w.category, w.rule, w.reasons, w.decision, w.by, w.note, w.outcome],
    ],
    rows,
    widths: [110, 300, 220, 150, 170, 150, 380, 220, 180, 260, 200],
  };
}
