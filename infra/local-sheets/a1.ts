import { columnLetter, quoteTitle } from '../../shared/sheet/layout.ts';
import { SheetsApiError } from './errors.ts';
import type { Book, Sheet } from './model.ts';

/** A parsed A1 range; end indexes are exclusive and undefined when open-ended. */
export interface A1Range {
  sheet: Sheet;
  startRow: number;
  startColumn: number;
  endRow: number | undefined;
  endColumn: number | undefined;
  /** One cell given: a write starting there may extend right and down (Google treats it as an anchor). */
  anchor: boolean;
}

const CELLS = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/;

/** 'Tab'!A1:K, Tab!B2, Tab, A1:C3 (first visible tab), 'It''s'!A:A. */
export function parseA1(book: Book, text: string): A1Range {
  const { title, cells } = splitTitle(text);
  const sheet =
    title === undefined
      ? (book.sheets.find((s) => s.properties.title === cells) ??
        book.sheets.find((s) => !s.properties.hidden) ??
        book.sheets[0])
      : book.sheets.find((s) => s.properties.title === title);
  if (!sheet) throw unparsable(text);
  const wholeSheet = cells === '' || (title === undefined && sheet.properties.title === cells);
  if (wholeSheet)
    return { sheet, startRow: 0, startColumn: 0, endRow: undefined, endColumn: undefined, anchor: false };
  const m = CELLS.exec(cells);
  if (!m) throw unparsable(text);
  const [, c1 = '', r1 = '', c2, r2] = m;
  const single = c2 === undefined && r2 === undefined;
  if (c1 === '' && r1 === '') throw unparsable(text);
  const startColumn = c1 === '' ? 0 : columnIndex(c1);
  const startRow = r1 === '' ? 0 : Number(r1) - 1;
  if (single) {
    return {
      sheet,
      startRow,
      startColumn,
      endRow: r1 === '' ? undefined : startRow + 1,
      endColumn: c1 === '' ? undefined : startColumn + 1,
      anchor: c1 !== '' && r1 !== '',
    };
  }
  return {
    sheet,
    startRow,
    startColumn,
    endRow: r2 === '' || r2 === undefined ? undefined : Number(r2),
    endColumn: c2 === '' || c2 === undefined ? undefined : columnIndex(c2) + 1,
    anchor: false,
  };
}

function splitTitle(text: string): { title: string | undefined; cells: string } {
  if (text.startsWith("'")) {
    let i = 1;
    let title = '';
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'" && text[i + 1] === "'") {
        title += "'";
        i += 2;
      } else if (ch === "'") break;
      else {
        title += ch;
        i += 1;
      }
    }
    const rest = text.slice(i + 1);
    return { title, cells: rest.startsWith('!') ? rest.slice(1) : rest };
  }
  const bang = text.lastIndexOf('!');
  return bang < 0
    ? { title: undefined, cells: text }
    : { title: text.slice(0, bang), cells: text.slice(bang + 1) };
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function formatA1(sheet: Sheet, r0: number, c0: number, r1: number, c1: number): string {
  return `${quoteTitle(sheet.properties.title)}!${columnLetter(c0)}${r0 + 1}:${columnLetter(Math.max(c0, c1 - 1))}${Math.max(r0 + 1, r1)}`;
}

function unparsable(text: string): SheetsApiError {
  return new SheetsApiError(400, `Unable to parse range: ${text}`);
}
