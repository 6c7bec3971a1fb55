import type { Competition, Criterion, Juror, Stage } from '../domain/competition.ts';
import { isFieldStage } from '../domain/field.ts';
import { type Lang, localName } from '../domain/i18n.ts';
import type { Innovation } from '../domain/innovation.ts';
import { panelOf } from '../domain/scoring.ts';
import { SUBMISSION_FIELDS, type SubmissionField } from '../domain/submission-fields.ts';
import { section } from '../messages/catalogue/section.ts';
import { formatLocalMoment } from '../messages/moments.ts';
import { formatNumber } from '../messages/numbers.ts';
import { columnLetter, fitTitle, MAX_TITLE_LENGTH } from './layout.ts';

/**
 * The juror tab, column by column: who and what (locked), links to what the Form collected (locked),
 * one shaded input column per criterion, the juror's own total (a sheet formula, locked), a remarks
 * column the juror types in, and juri's note (conflict of interest).
 *
 * Rows 1–2 name the juror, the stage and the deadline and say what to do; row 3 holds the column
 * names (the sync finds its columns by them), rows 4–5 the weights and scales; entries from row 6.
 */
export const NAMES_ROW = 2;

export type JurorColumn =
  | { kind: 'id' | 'title' | 'agency' | 'region' | 'total' | 'comment' | 'note' | 'photos' }
  | { kind: 'link'; field: SubmissionField; label: string }
  | { kind: 'criterion'; criterion: Criterion };

const WORDS = { id: section('id', 'sheet.jurorTab.'), en: section('en', 'sheet.jurorTab.') };

/** Both languages' names of a fixed column: a tab set up in one language is still read in the other. */
export function fixedColumnNames(kind: 'id' | 'total' | 'comment' | 'note' | 'photos'): string[] {
  return [WORDS.id[kind], WORDS.en[kind]];
}

const LINK_LABELS: Partial<Record<SubmissionField, string>> = { proposalUrl: 'Proposal', videoUrl: 'Video' };

/**
 * Every link the Form collects that the config maps (`…Url` fields), so a juror can open what they
 * judge; both links when the config has no Form mapping.
 */
export function linkFields(competition: Competition): { field: SubmissionField; label: string }[] {
  return SUBMISSION_FIELDS.filter((f) => f.endsWith('Url'))
    .filter((f) => !competition.form || competition.form.fields[f] !== undefined)
    .map((field) => ({ field, label: LINK_LABELS[field] ?? field.replace(/Url$/, '') }));
}

/**
 * A field verification's tab has the same shape with answers for scores, no total (answers are words),
 * and a column of photo links before the remarks, which hold the verifier's note.
 */
export function jurorColumns(competition: Competition, stage: Stage): JurorColumn[] {
  const field = isFieldStage(stage);
  return [
    { kind: 'id' },
    { kind: 'title' },
    { kind: 'agency' },
    { kind: 'region' },
    ...linkFields(competition).map((l) => ({ kind: 'link' as const, ...l })),
    ...stage.criteria.map((criterion) => ({ kind: 'criterion' as const, criterion })),
    field ? { kind: 'photos' } : { kind: 'total' },
    { kind: 'comment' },
    { kind: 'note' },
  ];
}

export function columnOf(columns: readonly JurorColumn[], kind: JurorColumn['kind']): number {
  return columns.findIndex((c) => c.kind === kind);
}

export function criterionColumns(columns: readonly JurorColumn[]): number[] {
  return columns.flatMap((c, i) => (c.kind === 'criterion' ? [i] : []));
}

export function columnName(column: JurorColumn, lang: Lang): string {
  switch (column.kind) {
    case 'link':
      return column.label;
    case 'criterion':
      return localName(column.criterion, lang);
    default:
      return WORDS[lang][column.kind];
  }
}

/** What a column's name may read: its name in either language (and a criterion's id). */
export function columnNameVariants(column: JurorColumn): string[] {
  const names = [columnName(column, 'id'), columnName(column, 'en')];
  return column.kind === 'criterion' ? [...names, column.criterion.id] : names;
}

/** A criterion's description in the reader's language, if the config gives one. */
export function criterionDescription(c: Criterion, lang: Lang): string | undefined {
  return lang === 'en' ? (c.descriptionEn ?? c.description) : c.description;
}

/** "Dr. Yohanes Bria, M.Si." → "Yohanes Bria": degrees after the comma and leading titles go. */
export function shortJurorName(name: string): string {
  const words = (name.split(',')[0] ?? name).trim().split(/\s+/);
  while (words.length > 1 && /^(prof|dr|drs|dra|ir|h|hj|kh|pdt|rm|sr|br)\.?$/i.test(words[0] ?? '')) {
    words.shift();
  }
  const short = words.join(' ');
  // Two given names and a surname make a tab title too long for the stage to show: first and last.
  return short.length > 16 && words.length > 2 ? `${words[0]} ${words.at(-1)}` : short;
}

/**
 * "<juror's short name> – <stage name>", the stage shortened first, both within 31 characters. The
 * same in every language: the sync finds a tab by its title whichever language set it up.
 */
export function jurorTabTitle(stage: Stage, juror: Juror): string {
  const name = fitTitle(shortJurorName(juror.name), 18);
  return fitTitle(`${name} – ${shortStageName(stage.name, MAX_TITLE_LENGTH - name.length - 3)}`);
}

/**
 * A stage name within `max` characters: whole, else its last words that fit and start with a capital
 * ("Penilaian Proposal" → "Proposal", "Presentasi dan Wawancara" → "Wawancara"), else cut.
 */
export function shortStageName(name: string, max: number): string {
  if (name.length <= max) return name;
  const words = name.trim().split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    if (tail.length <= max && /^\p{Lu}/u.test(tail)) return tail;
  }
  return fitTitle(name, max);
}

/** perJuror mode: the title of a juror's own spreadsheet, as Drive lists it. */
export function jurorBookTitle(competition: Competition, juror: Juror): string {
  return `Penilaian ${juror.name} – ${competition.name}`;
}

export interface JurorTab {
  stage: Stage;
  juror: Juror;
  title: string;
}

/** Every juror tab: per stage, one per panel juror, in config order, titles unique. */
export function jurorTabs(competition: Competition): JurorTab[] {
  const seen = new Set<string>();
  const unique = (...candidates: string[]) => {
    const title = candidates.find((t) => !seen.has(t.toLowerCase())) ?? candidates.at(-1) ?? '';
    seen.add(title.toLowerCase());
    return title;
  };
  return competition.stages.flatMap((stage) =>
    panelOf(competition, stage).map((juror) => ({
      stage,
      juror,
      // Two jurors of the same name, or stage names that shorten alike, fall back to the ids.
      title: unique(
        jurorTabTitle(stage, juror),
        fitTitle(`${shortJurorName(juror.name)} – ${stage.id}`),
        fitTitle(`${juror.id} – ${stage.id}`),
      ),
    })),
  );
}

/** "Jumat, 15 November 2024 pukul 17.00 WITA", or words saying there is none yet. */
export function deadlineText(competition: Competition, stage: Stage, lang: Lang): string {
  return stage.deadline
    ? formatLocalMoment(stage.deadline, competition.timezone, lang)
    : WORDS[lang].noDeadline;
}

/** The five header rows: juror and stage, deadline and instruction, names, weights, scales. */
export function jurorTabHeader(competition: Competition, stage: Stage, juror: Juror, lang: Lang): string[][] {
  const w = WORDS[lang];
  const columns = jurorColumns(competition, stage);
  const width = columns.length;
  const row = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const firstCriterion = criterionColumns(columns)[0] ?? 0;
  const labelled = (label: string, value: (c: Criterion) => string) =>
    row(
      columns.map((c, i) =>
        c.kind === 'criterion' ? value(c.criterion) : i === firstCriterion - 1 ? label : '',
      ),
    );
  const field = isFieldStage(stage);
  return [
    row([w.juror, `${juror.name} (${juror.id})`, w.stage, localName(stage, lang)]),
    row([
      w.deadline,
      deadlineText(competition, stage, lang),
      w.howTo,
      field ? w.fieldInstruction : w.instruction,
    ]),
    row(columns.map((c) => columnName(c, lang))),
    labelled(w.weight, (c) => formatNumber(c.weight, lang)),
    labelled(w.scale, (c) =>
      field ? w.answers : `${formatNumber(c.min, lang)}–${formatNumber(c.max, lang)}`,
    ),
  ];
}

/** The cells of an entry's row juri writes as text: id, title, agency, region. */
export function entryCells(innovation: Innovation): string[] {
  return [innovation.id, innovation.title, innovation.agency, innovation.region];
}

/**
 * `=HYPERLINK("<url>","<label>")` for an http(s) or mailto link, or null. The URL is re-serialised by the URL
 * parser (which percent-encodes quotes, spaces and control characters) and every quote in either
 * argument is doubled, so text from the Form can never end the string and become formula.
 */
export function hyperlinkFormula(url: string | undefined, label: string): string | null {
  if (!url) return null;
  let href: string;
  try {
    const parsed = new URL(url.trim());
    if (!['https:', 'http:', 'mailto:'].includes(parsed.protocol)) return null;
    href = parsed.href;
  } catch {
    return null;
  }
  const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${quoted(href)},${quoted(label)})`;
}

/** The entry's link cells, as formulas, by column. */
export function linkFormulas(
  columns: readonly JurorColumn[],
  innovation: Innovation,
): { column: number; formula: string }[] {
  return columns.flatMap((c, column) => {
    if (c.kind !== 'link') return [];
    const formula = hyperlinkFormula(innovation.details?.[c.field], c.label);
    return formula ? [{ column, formula }] : [];
  });
}

/** Numbers as a formula writes them (en_US syntax, which the Sheets API expects in every locale). */
function literal(n: number): string {
  return String(n);
}

/**
 * The juror's own total for row `{row}`: the same arithmetic as `jurorTotal` (shared/domain/scoring.ts)
 * in the same order — each criterion's w·(100·(s − min)/(max − min)), summed, divided by Σw — and
 * empty unless every criterion holds a number within its scale. `{row}` stands for the 1-based row.
 */
export function totalFormulaTemplate(columns: readonly JurorColumn[]): string {
  const criteria = columns.flatMap((c, i) => (c.kind === 'criterion' ? [{ c: c.criterion, i }] : []));
  const ref = (i: number) => `${columnLetter(i)}{row}`;
  const span = (a: number, b: number) => (a === b ? ref(a) : `${ref(a)}:${ref(b)}`);
  const first = criteria[0]?.i ?? 0;
  const last = criteria.at(-1)?.i ?? 0;
  // Adjacent criteria on the same scale are checked together (MIN/MAX over their cells): shorter to
  // read and to calculate. COUNT first makes sure every cell holds a number.
  const groups: { a: number; b: number; min: number; max: number }[] = [];
  for (const { c, i } of criteria) {
    const g = groups.at(-1);
    if (g && g.b === i - 1 && g.min === c.min && g.max === c.max) g.b = i;
    else groups.push({ a: i, b: i, min: c.min, max: c.max });
  }
  const inScale = groups.map(
    (g) => `MIN(${span(g.a, g.b)})>=${literal(g.min)},MAX(${span(g.a, g.b)})<=${literal(g.max)}`,
  );
  // N(): a blank or a word counts 0 inside the (unused) arithmetic, so no engine that evaluates both
  // branches of IF can turn an incomplete row into an error.
  const shifted = (c: Criterion, i: number) =>
    c.min === 0 ? `N(${ref(i)})` : `(N(${ref(i)})${c.min > 0 ? '-' : '+'}${literal(Math.abs(c.min))})`;
  const terms = criteria.map(
    ({ c, i }) => `${literal(c.weight)}*(100*${shifted(c, i)}/${literal(c.max - c.min)})`,
  );
  const weights = criteria.reduce((sum, { c }) => sum + c.weight, 0);
  return `=IF(AND(COUNT(${span(first, last)})=${criteria.length},${inScale.join(',')}),(${terms.join('+')})/${literal(weights)},"")`;
}
