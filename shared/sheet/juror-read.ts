import type { Criterion, Stage } from '../domain/competition.ts';
import { isFieldStage } from '../domain/field.ts';
import { FIELD_NOTE, FIELD_PHOTOS } from '../domain/field-answers.ts';
import { normalizeText } from '../domain/submission.ts';
import { CELL_NUMBER, type CellOrigin, StageColumns } from '../domain/typed-cells.ts';
import { fixedColumnNames, type JurorColumn, type JurorTab, NAMES_ROW } from './juror-tab.ts';
import { a1Cell, columnLetter, JUROR_HEADER_ROWS, type JurorProgress, quoteTitle } from './layout.ts';

/** A juror's remark on one entry, typed in the "Catatan Juri" column. */
export interface JurorComment {
  stage: string;
  juror: string;
  innovation: string;
  text: string;
  cell: string;
}

/**
 * What is wrong with a tab's shape. The first three make the tab unreadable (nothing of it counts until
 * it is mended); the others are read correctly and reported so the secretariat can tidy the tab.
 */
export const SHEET_ISSUE_CODES = [
  'header-not-found',
  'column-missing',
  'column-twice',
  'columns-moved',
  'header-moved',
  'row-without-id',
  'duplicate-id',
] as const;
export type SheetIssueCode = (typeof SHEET_ISSUE_CODES)[number];

export interface SheetIssue {
  stage: string;
  juror: string;
  tab: string;
  code: SheetIssueCode;
  /** The column name concerned (a criterion's), or the innovation id. */
  subject?: string;
  /** Where: a cell or the header row. */
  cell?: string;
}

/** An assigned entry not fully scored: the criteria (ids) still without a valid number. */
export interface MissingEntry {
  innovation: string;
  criteria: string[];
}

export interface ParsedJurorTab {
  progress: JurorProgress;
  comments: JurorComment[];
  issues: SheetIssue[];
  missing: MissingEntry[];
  /** The innovation ids the tab's rows hold; null when the tab could not be read. */
  ids: ReadonlySet<string> | null;
}

/**
 * One stage's juror tabs as read, in columns (see StageColumns): each cell's text is found again in the
 * read's own row arrays and its address made from the tab's title, only when something asks for them.
 */
export class SheetColumns implements CellOrigin {
  readonly columns: StageColumns;
  /** By row: the read's row, its 0-based row number in the tab, and the tab (index into `tabs`). */
  private readonly rows: (readonly string[])[] = [];
  private readonly rowNumbers: Int32Array;
  private readonly tabOf: Int32Array;
  /** Per tab: the column of each criterion, then of each extra (-1: the tab has none). */
  private readonly tabs: { columns: readonly number[]; prefixes: readonly string[] }[] = [];
  private readonly width: number;

  /** `capacity`: at least the rows of every tab of the stage (the read's row count will do). */
  constructor(stage: Stage, capacity: number) {
    // A field verification keeps its note and photo links as cells beside the answers.
    const extras = isFieldStage(stage) ? [FIELD_NOTE, FIELD_PHOTOS] : [];
    this.columns = new StageColumns(stage, capacity, this, extras);
    this.width = stage.criteria.length;
    this.rowNumbers = new Int32Array(capacity);
    this.tabOf = new Int32Array(capacity);
  }

  /** A tab whose criteria, then extras, sit in `columns` (-1: none); returns its index. */
  addTab(title: string, columns: readonly number[]): number {
    const quoted = quoteTitle(title);
    this.tabs.push({ columns, prefixes: columns.map((c) => `${quoted}!${columnLetter(c)}`) });
    return this.tabs.length - 1;
  }

  addRow(tab: number, r: number, row: readonly string[], innovation: string, juror: string): number {
    const at = this.columns.addRow(innovation, juror);
    this.rows[at] = row;
    this.rowNumbers[at] = r;
    this.tabOf[at] = tab;
    return at;
  }

  /** A criterion's cell exactly as typed; an extra's trimmed. */
  text(row: number, k: number): string {
    const typed = this.rows[row]?.[this.tabs[this.tabOf[row] ?? 0]?.columns[k] ?? -1] ?? '';
    return k < this.width ? typed : typed.trim();
  }

  cell(row: number, k: number): string {
    return `${this.tabs[this.tabOf[row] ?? 0]?.prefixes[k] ?? ''}${(this.rowNumbers[row] ?? 0) + 1}`;
  }
}

/** The whole tab: the header is checked on every read, so the read starts at A1. */
export function jurorReadRange(tab: Pick<JurorTab, 'title'>): string {
  return quoteTitle(tab.title);
}

/** How far down a person might have pushed the header by inserting rows. */
const HEADER_SEARCH_ROWS = 12;

/** A column name as matched: its text normalized. */
export type HeaderKey = (text: string | undefined) => string;

/**
 * A HeaderKey that normalizes each text once: the same few names head every tab, and normalizing (NFKC
 * and a few regular expressions) cost more than reading a tab's cells. One per read (no module state).
 */
export function headerKeys(): HeaderKey {
  const keys = new Map<string, string>();
  return (text) => {
    const raw = text ?? '';
    let k = keys.get(raw);
    if (k === undefined) {
      k = normalizeText(raw);
      // Bounded: cells of a header row a person overwrote are texts of any kind.
      if (keys.size >= MAX_KEYS) keys.clear();
      keys.set(raw, k);
    }
    return k;
  };
}
const MAX_KEYS = 4096;

/** A criterion's column name may read its Indonesian or English name, or its id. */
function criterionNames(c: Criterion, key: HeaderKey): Set<string> {
  return new Set([c.name, c.nameEn ?? c.name, c.id].map(key));
}

/** The columns whose (already normalized) name is one of `names`. */
function findColumns(keys: readonly string[], names: Set<string>): number[] {
  const found: number[] = [];
  for (let i = 0; i < keys.length; i++) if (names.has(keys[i] ?? '')) found.push(i);
  return found;
}

/**
 * Reads one juror tab by its column names and the innovation ids, never by position alone: the header
 * row is found (even if rows were inserted above it), each criterion's column is found by its name
 * (even if columns were inserted or moved), and each row is tied to its innovation by the ID column
 * (so sorted rows read right). A tab whose criteria cannot all be found once is not read at all and is
 * reported. `expected` is the tab's layout as setup wrote it; moved columns are reported, not misread.
 */
export type LocatedColumns =
  | {
      ok: true;
      headerRow: number;
      idColumn: number;
      commentColumn: number | undefined;
      /** A field verification's photo links. */
      photosColumn: number | undefined;
      criteria: number[];
    }
  | { ok: false; headerRow: number; missing: Criterion[]; twice: Criterion[] };

/**
 * Finds the column-name row (where setup put it, or a few rows lower if rows were inserted above) and
 * in it the ID column, the remarks column and each criterion's column, by name in either language.
 */
export function locateColumns(
  tab: JurorTab,
  values: readonly (readonly string[])[],
  key: HeaderKey = headerKeys(),
): LocatedColumns {
  const idNames = new Set(fixedColumnNames('id').map(key));
  const criteria = tab.stage.criteria.map((c) => ({ c, names: criterionNames(c, key) }));
  // Each candidate row's cells are normalized once, then matched against every name set.
  const isHeader = (r: number) => {
    const keys = (values[r] ?? []).map(key);
    return keys.some((k) => idNames.has(k)) && criteria.some((x) => keys.some((k) => x.names.has(k)));
  };
  let headerRow = isHeader(NAMES_ROW) ? NAMES_ROW : -1;
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; headerRow < 0 && r < limit; r++) if (isHeader(r)) headerRow = r;
  if (headerRow < 0) return { ok: false, headerRow: NAMES_ROW, missing: [], twice: [] };
  const names = (values[headerRow] ?? []).map(key);
  const found = criteria.map((x) => findColumns(names, x.names));
  const missing = criteria.filter((_, i) => found[i]?.length === 0).map((x) => x.c);
  const twice = criteria.filter((_, i) => (found[i]?.length ?? 0) > 1).map((x) => x.c);
  if (missing.length > 0 || twice.length > 0) return { ok: false, headerRow, missing, twice };
  return {
    ok: true,
    headerRow,
    idColumn: findColumns(names, idNames)[0] ?? 0,
    commentColumn: findColumns(names, new Set(fixedColumnNames('comment').map(key)))[0],
    photosColumn: isFieldStage(tab.stage)
      ? findColumns(names, new Set(fixedColumnNames('photos').map(key)))[0]
      : undefined,
    criteria: found.map((f) => f[0] ?? -1),
  };
}

/** Notes one thing wrong with the tab being read. */
type ReportIssue = (code: SheetIssueCode, extra?: Pick<SheetIssue, 'subject' | 'cell'>) => void;

type Located = Extract<LocatedColumns, { ok: true }>;

/**
 * Parses one juror tab: its typed cells go to `into` (the columns of the tab's stage), the rest is
 * returned. Its columns are located first; a tab whose criteria are not all found once is reported and
 * not read at all.
 */
export function parseJurorTab(
  tab: JurorTab,
  values: readonly (readonly string[])[],
  conflicted: (innovationId: string) => boolean,
  expected: readonly JurorColumn[],
  into: SheetColumns,
  key: HeaderKey = headerKeys(),
): ParsedJurorTab {
  const stage = tab.stage.id;
  const juror = tab.juror.id;
  const issues: SheetIssue[] = [];
  const issue: ReportIssue = (code, extra = {}) =>
    issues.push({ stage, juror, tab: tab.title, code, ...extra });
  const located = locateColumns(tab, values, key);
  if (!located.ok) {
    reportUnreadable(tab, located, issue);
    const progress = { stage, juror, assigned: 0, scored: 0, pending: [], emptyCells: 0 };
    return { progress, comments: [], issues, missing: [], ids: null };
  }
  reportMoved(tab, located, expected, issue);
  const { comments, missing, ids, ...counts } = readRows(tab, values, located, { conflicted, into, issue });
  return { progress: { stage, juror, ...counts }, comments, issues, missing, ids };
}

/** Why the tab cannot be read: no column-name row, or a criterion's column missing or there twice. */
function reportUnreadable(
  tab: JurorTab,
  located: Extract<LocatedColumns, { ok: false }>,
  issue: ReportIssue,
) {
  if (located.missing.length === 0 && located.twice.length === 0) {
    issue('header-not-found', { cell: `${quoteTitle(tab.title)}!${NAMES_ROW + 1}:${NAMES_ROW + 1}` });
  }
  const row = `${quoteTitle(tab.title)}!${located.headerRow + 1}:${located.headerRow + 1}`;
  for (const c of located.missing) issue('column-missing', { subject: c.name, cell: row });
  for (const c of located.twice) issue('column-twice', { subject: c.name, cell: row });
}

/** A column-name row or columns moved from where setup wrote them: read right, and reported. */
function reportMoved(tab: JurorTab, located: Located, expected: readonly JurorColumn[], issue: ReportIssue) {
  const { headerRow, idColumn, criteria: columns } = located;
  const headerCell = (column: number) => a1Cell(tab.title, column, headerRow);
  if (headerRow !== NAMES_ROW) issue('header-moved', { cell: headerCell(idColumn) });
  const expectedAt = (id: string) =>
    expected.findIndex((col) => col.kind === 'criterion' && col.criterion.id === id);
  const moved = tab.stage.criteria.findIndex((c, i) => columns[i] !== expectedAt(c.id));
  if (moved >= 0 || idColumn !== 0) {
    const c = tab.stage.criteria[Math.max(0, moved)];
    issue('columns-moved', { subject: c?.name ?? '', cell: headerCell(columns[Math.max(0, moved)] ?? 0) });
  }
}

/** What a readable tab's rows hold besides their cells, with the juror's progress counts. */
interface RowsRead {
  assigned: number;
  scored: number;
  pending: string[];
  emptyCells: number;
  comments: JurorComment[];
  missing: MissingEntry[];
  ids: ReadonlySet<string>;
}

/**
 * Each entry's row below the header, tied to its innovation by the ID column: its cells go to `into`,
 * its remark and what is still unscored are kept, and a row without an id or with one seen before is
 * reported. An entry the juror has a conflict with is read but not counted as assigned.
 */
function readRows(
  tab: JurorTab,
  values: readonly (readonly string[])[],
  located: Located,
  {
    conflicted,
    into,
    issue,
  }: { conflicted: (id: string) => boolean; into: SheetColumns; issue: ReportIssue },
): RowsRead {
  const { headerRow, idColumn, commentColumn, photosColumn, criteria: columns } = located;
  const stage = tab.stage.id;
  const juror = tab.juror.id;
  // A field verification's note and photo links are kept as cells too (SheetColumns' extras).
  const extraColumns = isFieldStage(tab.stage) ? [commentColumn ?? -1, photosColumn ?? -1] : [];
  const comments: JurorComment[] = [];
  const missing: MissingEntry[] = [];
  const pending: string[] = [];
  const seen = new Set<string>();
  const criteria = tab.stage.criteria;
  const cells = into.columns;
  const tabAt = into.addTab(tab.title, [...columns, ...extraColumns]);
  let assigned = 0;
  let scored = 0;
  let emptyCells = 0;
  // The weights and scales rows sit between the names and the first entry.
  for (let r = headerRow + JUROR_HEADER_ROWS - NAMES_ROW; r < values.length; r++) {
    const row = values[r] ?? [];
    const innovation = (row[idColumn] ?? '').trim();
    const comment = commentColumn === undefined ? '' : (row[commentColumn] ?? '').trim();
    if (innovation === '') {
      const typed = columns.find((col) => (row[col] ?? '').trim() !== '');
      if (typed !== undefined || comment !== '')
        issue('row-without-id', { cell: a1Cell(tab.title, typed ?? idColumn, r) });
      continue;
    }
    if (seen.has(innovation))
      issue('duplicate-id', { subject: innovation, cell: a1Cell(tab.title, idColumn, r) });
    seen.add(innovation);
    let unscored: string[] | undefined;
    const at = into.addRow(tabAt, r, row, innovation, juror);
    for (let ci = 0; ci < criteria.length; ci++) {
      const status = cells.read(at, ci, row[columns[ci] ?? -1] ?? '');
      if (status !== CELL_NUMBER) {
        unscored ??= [];
        unscored.push((criteria[ci] as Criterion).id);
      }
    }
    // A loop, not forEach: a closure per row (~12,000 nationally) for what most stages do not have.
    for (let e = 0; e < extraColumns.length; e++) {
      if ((row[extraColumns[e] ?? -1] ?? '').trim() !== '') cells.keepText(at, e);
    }
    if (comment !== '' && commentColumn !== undefined)
      comments.push({ stage, juror, innovation, text: comment, cell: a1Cell(tab.title, commentColumn, r) });
    if (conflicted(innovation)) continue;
    assigned += 1;
    if (!unscored) {
      scored += 1;
      continue;
    }
    pending.push(innovation);
    emptyCells += unscored.length;
    missing.push({ innovation, criteria: unscored });
  }
  return { assigned, scored, pending, emptyCells, comments, missing, ids: seen };
}

/**
 * Whether a tab's column-name row still has the shape setup wrote (`names[i]`: what column i may read):
 * same width, ID first, and no known name found in another column. A blank row is a fresh tab. Setup
 * rewrites a tab of the same shape (a renamed criterion, another language) and leaves a reshaped one alone.
 */
export function sameShape(
  row: readonly string[],
  names: readonly (readonly string[])[],
  key: HeaderKey = headerKeys(),
): boolean {
  const width = row.reduce((w, cell, i) => (String(cell ?? '').trim() === '' ? w : i + 1), 0);
  if (width === 0) return true;
  if (width !== names.length) return false;
  const sets = names.map((n) => new Set(n.map(key)));
  return row.every((cell, i) => {
    const k = key(String(cell ?? ''));
    if (k === '' || sets[i]?.has(k)) return true;
    return !sets.some((s) => s.has(k));
  });
}
