import { parseA1 } from './a1.ts';
import type { Book, Sheet } from './model.ts';

/**
 * Copy-on-write drafts of a workbook. A write is applied to a draft, never to the current workbook, so a
 * request that fails half-way changes nothing (Google's batch calls are all-or-nothing too). Copying the
 * whole workbook for that cost seconds at national scale; a draft copies the rows of the tabs the
 * request names only, and shares every other tab's rows with the current workbook, which are then never
 * mutated in place. Even a copied tab shares its cells: a write replaces a cell with a new one
 * (structure.ts, values.ts, formulas.ts), it never changes one, so only the row arrays are copied (a
 * deep copy of every cell of the tabs a publish names was a tenth of its time at national scale).
 */

/** Rows the draft may change: new arrays, holding the same cells. */
function ownedRows(rows: Sheet['rows']): Sheet['rows'] {
  return rows.map((cells) => (cells ? [...cells] : cells));
}

/** A draft whose tabs are all shared: the book's own fields and its list of tabs are the draft's own. */
function shallow(book: Book): Book {
  return { ...book, sheets: [...book.sheets] };
}

/** Gives the draft its own copy of `sheet`'s rows (once), and returns the draft's sheet. */
function ownRows(draft: Book, sheet: Sheet, owned: Set<Sheet>): Sheet {
  if (owned.has(sheet)) return sheet;
  const index = draft.sheets.indexOf(sheet);
  const copy: Sheet = { ...sheet, rows: ownedRows(sheet.rows) };
  if (index >= 0) draft.sheets[index] = copy;
  owned.add(copy);
  return copy;
}

/** A draft for values.update / values.batchUpdate: the tabs of `ranges` get their own rows. */
export function draftForRanges(book: Book, ranges: readonly string[]): Book {
  const draft = shallow(book);
  const owned = new Set<Sheet>();
  for (const range of ranges) {
    // A range that does not parse is left for the write itself to refuse, with Google's words.
    let sheet: Sheet;
    try {
      sheet = parseA1(draft, range).sheet;
    } catch {
      continue;
    }
    ownRows(draft, sheet, owned);
  }
  return draft;
}

/**
 * A draft for spreadsheets.batchUpdate: every tab's small parts (properties, widths, protections, rules)
 * are copied, since adding or moving a tab renumbers them all; rows only for the tabs a request names by
 * sheetId (a request without one means sheet 0, as Google reads it).
 */
export function draftForRequests(book: Book, requests: unknown): Book {
  const named = new Set<number>([0]);
  if (Array.isArray(requests)) for (const request of requests) collectSheetIds(withoutCells(request), named);
  const draft = shallow(book);
  draft.sheets = draft.sheets.map((s) => ({
    ...s,
    properties: structuredClone(s.properties),
    columnWidths: { ...s.columnWidths },
    protectedRanges: structuredClone(s.protectedRanges),
    validations: structuredClone(s.validations),
    rows: named.has(s.properties.sheetId) ? ownedRows(s.rows) : s.rows,
  }));
  return draft;
}

/**
 * An updateCells request without its cells: they are written to the tab its start or range names, so
 * the ids are not looked for among them (a publish stages megabytes of cells).
 */
function withoutCells(request: unknown): unknown {
  const cells = (request as { updateCells?: unknown } | null)?.updateCells;
  if (typeof cells !== 'object' || cells === null) return request;
  const { rows: _, ...where } = cells as Record<string, unknown>;
  return { ...(request as object), updateCells: where };
}

function collectSheetIds(value: unknown, into: Set<number>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectSheetIds(v, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'sheetId' && typeof v === 'number') into.add(v);
      else collectSheetIds(v, into);
    }
  }
}
