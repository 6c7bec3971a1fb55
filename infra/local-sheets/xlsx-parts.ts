import { posix } from 'node:path';
import utils from 'exceljs/lib/utils/utils.js';
import NumFmtXform from 'exceljs/lib/xlsx/xform/style/numfmt-xform.js';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { type Book, type CellData, type JsonObject, type Sheet, setCell } from './model.ts';
import { sameAsRead } from './read-back.ts';
import {
  API_TAB,
  type ApiRow,
  assembleBook,
  cellFromExcel,
  cellOfParts,
  type ExcelCell,
  formatFromExcel,
  hexToColor,
  readBook,
  type TabContent,
  tabOfSheet,
} from './xlsx.ts';
import { entryBytes, type ZipEntry, zipEntries } from './zip-entries.ts';

/**
 * Reads a saved .xlsx by its changed parts. The zip's entries are separate files, each with a CRC-32
 * in the central directory: a tab whose worksheet part, notes part, shared strings and styles all have
 * the CRC they had when the server last read or wrote the file is taken over from memory, and only the
 * others are parsed, with a streaming XML reader (saxes, which exceljs itself parses with), through the
 * same cell reading as the full exceljs read (cellFromExcel). A national workbook's full exceljs read
 * takes seconds; one juror's tab, milliseconds.
 *
 * The full read stays the reference: it is used for the first read, when the tabs changed (added,
 * removed, renamed or moved), and whenever a tab holds something this reader does not read the way
 * exceljs does (dates, merged cells, links, row or column formats).
 */
export interface WorkbookReader {
  read(bytes: Uint8Array): Promise<Book>;
  /** The server wrote `bytes`, holding `book`: its tabs are what those parts say. */
  wrote(bytes: Uint8Array, book: Book): void;
  /** How the last read went: through exceljs whole, or how many tabs were parsed and how many kept. */
  lastRead(): LastRead;
}

export type LastRead = { full: true } | { full: false; parsed: number; kept: number };

interface TabPart {
  title: string;
  hidden: boolean;
  part: string;
  notes?: string;
}

interface Layout {
  entries: Map<string, ZipEntry>;
  tabs: TabPart[];
  sharedStrings?: string;
  styles?: string;
}

interface Known {
  titles: string;
  /** CRCs of the shared strings and styles: a tab's part means something else when they changed. */
  common: string;
  tabs: Map<string, { crcs: string; sheet: Sheet }>;
}

/** A tab holds something only the full read reads right. */
/** The fast read stepping aside for the full one; its message is a code (what it met), never shown to a person. */
class NeedsFullRead extends Error {}

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function workbookReader(spreadsheetId: string, title: string): WorkbookReader {
  let known: Known | undefined;
  let last: LastRead = { full: true };

  function remember(layout: Layout, book: Book): void {
    const bySheet = new Map(book.sheets.map((s) => [s.properties.title, s]));
    const tabs = new Map<string, { crcs: string; sheet: Sheet }>();
    for (const tab of layout.tabs) {
      const sheet = bySheet.get(tab.title);
      if (sheet) tabs.set(tab.title, { crcs: tabCrcs(layout, tab), sheet });
    }
    known = { titles: titlesOf(layout), common: commonCrcs(layout), tabs };
  }

  async function fullRead(bytes: Uint8Array, layout: Layout | undefined): Promise<Book> {
    const book = await readBook(bytes, spreadsheetId, title);
    last = { full: true };
    if (layout) remember(layout, book);
    else known = undefined;
    return book;
  }

  return {
    async read(bytes) {
      let layout: Layout;
      try {
        layout = layoutOf(bytes);
      } catch {
        // Not a package this reader follows: the full read says what is wrong with it, in a person's words.
        return fullRead(bytes, undefined);
      }
      if (!known || known.titles !== titlesOf(layout)) return fullRead(bytes, layout);
      try {
        const { book, parsed } = readChanged(bytes, layout, known, spreadsheetId, title);
        last = { full: false, parsed, kept: layout.tabs.length - parsed };
        remember(layout, book);
        return book;
      } catch (e) {
        // For the developer, not a sentence: the full read below answers all the same, so no one has
        // anything to do; the code and the stack say where the fast path broke.
        if (!(e instanceof NeedsFullRead)) console.warn('juri: xlsx.fast-read-failed', e);
        return fullRead(bytes, layout);
      }
    },
    wrote(bytes, book) {
      try {
        remember(layoutOf(bytes), book);
      } catch (e) {
        // For the developer too: the next read is a full one, nothing is lost.
        console.warn('juri: xlsx.index-after-write-failed', e);
        known = undefined;
      }
    },
    lastRead: () => last,
  };
}

function readChanged(
  bytes: Uint8Array,
  layout: Layout,
  last: Known,
  spreadsheetId: string,
  title: string,
): { book: Book; parsed: number } {
  const common = commonCrcs(layout) === last.common;
  let shared: string[] | undefined;
  let styles: Style[] | undefined;
  let looks: Look[] | undefined;
  const tabs: TabContent[] = [];
  let api: ApiRow[] = [];
  let parsed = 0;
  for (const tab of layout.tabs) {
    const kept = last.tabs.get(tab.title);
    if (tab.title !== API_TAB && common && kept && kept.crcs === tabCrcs(layout, tab)) {
      tabs.push({ ...tabOfSheet(kept.sheet), hidden: tab.hidden });
      continue;
    }
    shared ??= layout.sharedStrings ? sharedStringsOf(text(bytes, layout, layout.sharedStrings)) : [];
    styles ??= layout.styles ? stylesOf(text(bytes, layout, layout.styles)) : [];
    looks ??= styles.map(lookOf);
    const notes = tab.notes ? notesOf(text(bytes, layout, tab.notes)) : new Map<string, string>();
    const content = tabOfPart(text(bytes, layout, tab.part), { shared, styles, looks, notes }, tab);
    parsed += 1;
    if (tab.title === API_TAB) api = apiRows(content);
    else if (kept && sameAsRead(content.rows, kept.sheet.rows))
      tabs.push({ ...content, rows: kept.sheet.rows, settled: true });
    else tabs.push(content);
  }
  return { book: assembleBook(tabs, api, spreadsheetId, title), parsed };
}

function titlesOf(layout: Layout): string {
  return JSON.stringify(layout.tabs.map((t) => t.title));
}

function commonCrcs(layout: Layout): string {
  return [layout.sharedStrings, layout.styles].map((p) => crcOf(layout, p)).join(',');
}

function tabCrcs(layout: Layout, tab: TabPart): string {
  return `${crcOf(layout, tab.part)},${crcOf(layout, tab.notes)}`;
}

function crcOf(layout: Layout, part: string | undefined): string {
  return part === undefined ? '-' : String(layout.entries.get(part)?.crc ?? '?');
}

function text(bytes: Uint8Array, layout: Layout, part: string): string {
  const entry = layout.entries.get(part);
  if (!entry) throw new NeedsFullRead(`part-missing: ${part}`);
  return entryBytes(bytes, entry).toString('utf8');
}

/** The tabs in order with their parts, from workbook.xml and the relationships. */
function layoutOf(bytes: Uint8Array): Layout {
  const entries = zipEntries(bytes);
  const layout: Layout = { entries, tabs: [] };
  const links = relationships(bytes, layout, 'xl/_rels/workbook.xml.rels', 'xl');
  for (const [, link] of links) {
    if (link.type === `${RELATIONSHIPS}/sharedStrings`) layout.sharedStrings = link.part;
    if (link.type === `${RELATIONSHIPS}/styles`) layout.styles = link.part;
  }
  parse(text(bytes, layout, 'xl/workbook.xml'), {
    open(tag) {
      if (tag.name !== 'sheet') return;
      const part = links.get(tag.attributes['r:id'] ?? '')?.part;
      if (!part) throw new NeedsFullRead('tab-without-part');
      const tabLinks = relationships(bytes, layout, relsOf(part), posix.dirname(part));
      const notes = [...tabLinks.values()].find((l) => l.type === `${RELATIONSHIPS}/comments`)?.part;
      layout.tabs.push({
        title: tag.attributes.name ?? '',
        hidden: (tag.attributes.state ?? 'visible') !== 'visible',
        part,
        ...(notes ? { notes } : {}),
      });
    },
  });
  return layout;
}

function relsOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** A part's links by id: the linked part's name (absolute in the package) and the link's type. */
function relationships(
  bytes: Uint8Array,
  layout: Layout,
  rels: string,
  folder: string,
): Map<string, { part: string; type: string }> {
  const links = new Map<string, { part: string; type: string }>();
  if (!layout.entries.has(rels)) return links;
  parse(text(bytes, layout, rels), {
    open(tag) {
      const a = tag.attributes;
      if (tag.name !== 'Relationship' || a.TargetMode === 'External' || !a.Target) return;
      const part = a.Target.startsWith('/') ? a.Target.slice(1) : posix.join(folder, a.Target);
      links.set(a.Id ?? '', { part, type: a.Type ?? '' });
    },
  });
  return links;
}

interface Handlers {
  open?(tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

function parse(xml: string, handlers: Handlers): void {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(tag.name));
  }
  if (handlers.text) parser.on('text', handlers.text);
  parser.write(xml).close();
}

/** Every shared string, rich text as its runs' text joined (as cellFromExcel joins them). */
function sharedStringsOf(xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = false;
  parse(xml, {
    open(tag) {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic = true;
      else if (tag.name === 't' && !phonetic) inText = true;
    },
    close(name) {
      if (name === 'si') strings.push(current);
      else if (name === 'rPh') phonetic = false;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText) current += t;
    },
  });
  return strings;
}

/** What a tab's cells are read with: the shared strings, the cell formats and the tab's notes. */
interface TabContext {
  shared: string[];
  styles: Style[];
  /** By format index, worked out once a read: the API format (one object for all its cells), and whether it shows a date. */
  looks: Look[];
  notes: Map<string, string>;
}

/** A `<c>` element as read so far: its attributes and the text of its value and formula. */
interface RawCell {
  address: string;
  s: string | undefined;
  t: string | undefined;
  v: string | undefined;
  f: string | undefined;
  shared: boolean | undefined;
}

interface Look {
  format: JsonObject | undefined;
  date: boolean;
}

const PLAIN_LOOK: Look = { format: undefined, date: false };

function lookOf(style: Style): Look {
  return { format: formatFromExcel(style), date: utils.isDateFmt(style.numFmt) };
}

/** A cell format (cellXfs) as exceljs's style model gives it, the parts juri reads only. */
type Style = Pick<ExcelCell, 'font' | 'fill' | 'numFmt' | 'alignment'>;

function stylesOf(xml: string): Style[] {
  const formats = new Map<string, string>();
  const fonts: { bold?: boolean }[] = [];
  const fills: Style['fill'][] = [];
  const styles: Style[] = [];
  let section = '';
  let fill: { pattern?: string; argb?: string } | undefined;
  parse(xml, {
    open(tag) {
      const a = tag.attributes;
      switch (tag.name) {
        case 'numFmt':
          formats.set(a.numFmtId ?? '', a.formatCode ?? '');
          break;
        case 'fonts':
        case 'fills':
        case 'cellXfs':
        case 'cellStyleXfs':
          section = tag.name;
          break;
        case 'font':
          if (section === 'fonts') fonts.push({});
          break;
        // exceljs reads <b val="0"/> as bold too.
        case 'b':
          if (section === 'fonts' && fonts.length > 0)
            (fonts[fonts.length - 1] as { bold?: boolean }).bold = true;
          break;
        case 'fill':
          fill = {};
          break;
        case 'patternFill':
          if (fill && a.patternType) fill.pattern = a.patternType;
          break;
        case 'fgColor':
          if (fill && a.rgb) fill.argb = a.rgb;
          break;
        case 'xf': {
          if (section !== 'cellXfs') break;
          const numFmtId = Number(a.numFmtId ?? 0);
          const numFmt = numFmtId
            ? (formats.get(String(numFmtId)) ?? NumFmtXform.getDefaultFmtCode(numFmtId))
            : undefined;
          const style: Style = {
            ...(numFmt ? { numFmt } : {}),
            ...(fonts[Number(a.fontId ?? 0)] ? { font: fonts[Number(a.fontId ?? 0)] } : {}),
            ...(fills[Number(a.fillId ?? 0)] ? { fill: fills[Number(a.fillId ?? 0)] } : {}),
          } as Style;
          styles.push(style);
          break;
        }
        case 'alignment':
          if (section === 'cellXfs' && styles.length > 0 && utils.parseBoolean(a.wrapText))
            (styles[styles.length - 1] as Style).alignment = { wrapText: true } as Style['alignment'];
          break;
      }
    },
    close(name) {
      if (name === 'fill' && section === 'fills') {
        fills.push(
          (fill?.pattern
            ? {
                type: 'pattern',
                pattern: fill.pattern,
                ...(fill.argb ? { fgColor: { argb: fill.argb } } : {}),
              }
            : { type: 'pattern', pattern: 'none' }) as Style['fill'],
        );
        fill = undefined;
      }
    },
  });
  return styles;
}

/** A tab's notes by cell address. */
function notesOf(xml: string): Map<string, string> {
  const notes = new Map<string, string>();
  let ref = '';
  let current = '';
  let inText = false;
  let phonetic = false;
  parse(xml, {
    open(tag) {
      if (tag.name === 'comment') {
        ref = tag.attributes.ref ?? '';
        current = '';
      } else if (tag.name === 'rPh') phonetic = true;
      else if (tag.name === 't' && !phonetic) inText = true;
    },
    close(name) {
      if (name === 'comment' && current) notes.set(ref, current);
      else if (name === 'rPh') phonetic = false;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText) current += t;
    },
  });
  return notes;
}

/** One worksheet part, its cells read as exceljs reads them (see the cell-xform of exceljs). */
function tabOfPart(xml: string, context: TabContext, part: TabPart): TabContent {
  const tab: TabContent = { title: part.title, hidden: part.hidden, columnWidths: {}, rows: [] };
  const grid = { rows: tab.rows } as Sheet;
  const notes = new Map(context.notes);
  let views = 0;
  let cell: RawCell | undefined;
  let into: 'v' | 'f' | 't' | undefined;
  let phonetic = false;
  const styleOf = (s: string | undefined): Style | undefined => (s ? context.styles[Number(s)] : undefined);
  const formatted = (s: string | undefined) => {
    const style = styleOf(s);
    return style ? cellFromExcel({ value: null, ...style } as ExcelCell) !== null : false;
  };
  parse(xml, {
    open(tag) {
      const a = tag.attributes;
      switch (tag.name) {
        case 'tabColor':
          if (a.rgb) tab.tabColorStyle = { rgbColor: hexToColor(a.rgb.slice(-6)) };
          break;
        case 'sheetView':
          views += 1;
          break;
        case 'pane':
          if (views === 1 && a.state === 'frozen')
            tab.frozen = {
              rows: Number.parseInt(a.ySplit || '0', 10),
              columns: Number.parseInt(a.xSplit || '0', 10),
            };
          break;
        case 'col': {
          // exceljs gives a formatted column's format to the empty cells of each row.
          if (formatted(a.style)) throw new NeedsFullRead('column-format');
          const width = a.width === undefined ? undefined : Number.parseFloat(a.width || '0');
          if (!width || width <= 0) break;
          for (let c = Number(a.min); c <= Number(a.max); c++)
            tab.columnWidths[String(c - 1)] = Math.round(width * 7);
          break;
        }
        case 'row':
          if (utils.parseBoolean(a.customFormat) && formatted(a.s)) throw new NeedsFullRead('row-format');
          break;
        case 'c':
          if (!a.r) throw new NeedsFullRead('cell-without-address');
          cell = { address: a.r, s: a.s, t: a.t, v: undefined, f: undefined, shared: undefined };
          break;
        case 'v':
          into = 'v';
          break;
        case 'f':
          into = 'f';
          if (cell) {
            cell.f ??= '';
            cell.shared = a.t === 'shared';
          }
          break;
        case 'rPh':
          phonetic = true;
          break;
        case 't':
          if (!phonetic) into = 't';
          break;
        case 'mergeCell':
        case 'hyperlink':
          throw new NeedsFullRead(tag.name);
      }
    },
    close(name) {
      if (name === 'c' && cell) {
        addCell(grid, cell, context, notes);
        cell = undefined;
      } else if (name === 'rPh') phonetic = false;
      else if (name === 'v' || name === 'f' || name === 't') into = undefined;
    },
    text(t) {
      if (!cell || !into) return;
      if (into === 't') cell.v = (cell.v ?? '') + t;
      else cell[into] = (cell[into] ?? '') + t;
    },
  });
  // exceljs makes a cell for a note on a cell the sheet data does not hold.
  for (const [address, note] of notes) put(grid, address, cellFromExcel({ value: null, note } as ExcelCell));
  return tab;
}

function addCell(grid: Sheet, cell: RawCell, context: TabContext, notes: Map<string, string>): void {
  const look = (cell.s ? context.looks[Number(cell.s)] : undefined) ?? PLAIN_LOOK;
  const raw = cell.v;
  let value: ExcelCell['value'] = null;
  if (cell.f !== undefined) {
    let result: unknown;
    if (raw) {
      if (cell.t === 'str') result = utils.xmlDecode(raw);
      else if (cell.t === 'b') result = Number.parseInt(raw, 10) !== 0;
      else if (cell.t === 'e') result = { error: raw };
      else result = Number.parseFloat(raw);
    }
    if (result !== undefined && look.date) throw new NeedsFullRead('a date');
    // A shared formula's other cells name only the first: exceljs gives them their result alone.
    value = (
      cell.f === '' && cell.shared ? { sharedFormula: '', result } : { formula: cell.f, result }
    ) as ExcelCell['value'];
  } else if (raw !== undefined) {
    if (cell.t === 's') value = context.shared[Number.parseInt(raw, 10)] ?? '';
    else if (cell.t === 'str') value = utils.xmlDecode(raw);
    else if (cell.t === 'inlineStr') value = raw;
    else if (cell.t === 'b') value = Number.parseInt(raw, 10) !== 0;
    else if (cell.t === 'e') value = { error: raw } as ExcelCell['value'];
    else if (look.date) throw new NeedsFullRead('a date');
    else value = Number.parseFloat(raw);
  }
  let note = '';
  if (notes.size > 0) {
    note = notes.get(cell.address) ?? '';
    notes.delete(cell.address);
  }
  put(grid, cell.address, cellOfParts(value, look.format, note));
}

/** Puts `data` at an address such as "AB12" (capital letters, then digits, nothing else). */
function put(grid: Sheet, address: string, data: CellData | null): void {
  let at = 0;
  let column = 0;
  for (let c = address.charCodeAt(at); c >= 65 && c <= 90; c = address.charCodeAt(++at))
    column = column * 26 + c - 64;
  let row = 0;
  const letters = at;
  for (let c = address.charCodeAt(at); c >= 48 && c <= 57; c = address.charCodeAt(++at))
    row = row * 10 + c - 48;
  if (letters === 0 || at === letters || at !== address.length)
    throw new NeedsFullRead(`cell-address: ${address}`);
  if (data) setCell(grid, row - 1, column - 1, data);
}

/** The hidden API tab's rows: key in A, JSON in B. */
function apiRows(content: TabContent): ApiRow[] {
  return content.rows.map((cells) => ({
    key: String(Object.values(cells?.[0]?.userEnteredValue ?? {})[0] ?? ''),
    json: String(Object.values(cells?.[1]?.userEnteredValue ?? {})[0] ?? ''),
  }));
}
