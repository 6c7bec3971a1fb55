import type { sheets_v4 } from '@googleapis/sheets';
import type { GuideSpec, JurorTabSpec, ProvisionOutcome, SheetPlan } from '../../shared/ports.ts';
import { sameShape } from '../../shared/sheet/juror-read.ts';
import { columnLetter, META_TAB_TITLE, quoteTitle } from '../../shared/sheet/layout.ts';
import { HEADER_BG, INPUT_TAB_COLOR } from './colors.ts';
import { jurorTabLooks, MARK, type PlacedTab } from './juror-tab-looks.ts';
import { columnWidth } from './publish-cells.ts';
import { FIRST_OWN_ID, META_RANGE, type PublishMeta, parseMeta, writeMeta } from './publish-plan.ts';
import type { SheetsCalls } from './sheets-calls.ts';

type Request = sheets_v4.Schema$Request;

/** The tab a new spreadsheet comes with; setup removes it when nobody has written in it. */
const DEFAULT_TAB = 'Sheet1';

/**
 * Creates or extends the juror tabs, the guide and the hidden bookkeeping tab of one spreadsheet. 2 reads
 * and 3 writes whatever the size. Score and remark cells are never written: only headers, the text and
 * formula cells of juri's own columns, formats, validation and protection. A juror tab whose shape a
 * person changed is left as it is and reported.
 */
export async function provisionBook(calls: SheetsCalls, plan: SheetPlan): Promise<ProvisionOutcome> {
  const book = await readBook(calls, plan);
  const structure = planStructure(book, plan);
  await calls.batchUpdate(structure.requests);
  await calls.writeValues(valuesToWrite(structure.placed, plan.guide));
  await calls.batchUpdate(looksToApply(book, structure, plan));
  return {
    tabsCreated: structure.placed.filter((t) => t.created).map((t) => t.spec.title),
    rowsAdded: structure.placed.reduce((n, t) => n + t.fresh.length, 0),
    tabs: plan.jurorTabs.length,
    reshaped: structure.reshaped,
  };
}

type Sheet = sheets_v4.Schema$Sheet;

/** An existing juror tab as read: its column names row and its key column below the header. */
interface TabRead {
  names: string[];
  keys: unknown[][];
}

/** The spreadsheet as setup finds it. */
interface Book {
  sheets: Sheet[];
  byTitle: Map<string, Sheet>;
  hasMeta: boolean;
  /** juri's bookkeeping, as read or new; setup updates it and writes it back. */
  meta: PublishMeta;
  /** The next free sheet id, taken in plan order so that a re-run numbers alike. */
  ids: { next: number };
  jurorReads: Map<string, TabRead>;
  /** The spreadsheet's default tab, when no plan uses its name and nobody wrote in it. */
  emptyStray: Sheet | undefined;
}

/** A juror tab after setup: where each entry's row is, and the rows this setup adds. */
type Placed = PlacedTab & { created: boolean; fresh: JurorTabSpec['rows'] };

/** The structural write, and what the values and looks that follow are written to. */
interface Structure {
  requests: Request[];
  placed: Placed[];
  reshaped: string[];
  guideId: number | undefined;
}

/** One metadata read, and one values read of the bookkeeping cell, each juror tab's keys and the stray tab. */
async function readBook(calls: SheetsCalls, plan: SheetPlan): Promise<Book> {
  const sheets = (await calls.get()).sheets ?? [];
  const byTitle = new Map(sheets.map((s) => [s.properties?.title ?? '', s]));
  const metaSheet = byTitle.get(META_TAB_TITLE);
  const known = plan.jurorTabs.filter((t) => byTitle.has(t.title));
  const planned = new Set([...plan.jurorTabs.map((t) => t.title), plan.guide?.title]);
  const stray = byTitle.get(DEFAULT_TAB);
  const removable = stray && !planned.has(DEFAULT_TAB) ? stray : undefined;
  const ranges = [
    ...(metaSheet ? [META_RANGE] : []),
    ...known.flatMap((t) => [
      // The whole row, however wide: an inserted column must show.
      `${quoteTitle(t.title)}!${t.namesRow + 1}:${t.namesRow + 1}`,
      `${quoteTitle(t.title)}!A${t.header.length + 1}:A`,
    ]),
    ...(removable ? [quoteTitle(DEFAULT_TAB)] : []),
  ];
  const read = ranges.length > 0 ? await calls.batchGet(ranges) : [];
  const offset = metaSheet ? 1 : 0;
  const jurorReads = new Map<string, TabRead>();
  known.forEach((t, i) => {
    if (jurorReads.has(t.title)) return;
    const names = (read[offset + 2 * i]?.values?.[0] ?? []).map((c) => String(c ?? ''));
    jurorReads.set(t.title, { names, keys: read[offset + 2 * i + 1]?.values ?? [] });
  });
  const strayEmpty = removable ? (read.at(-1)?.values ?? []).length === 0 : false;
  const { meta, ids } = bookkeepingOf(sheets, metaSheet, metaSheet ? read[0] : undefined);
  return {
    sheets,
    byTitle,
    hasMeta: !!metaSheet,
    meta,
    ids,
    jurorReads,
    emptyStray: strayEmpty ? removable : undefined,
  };
}

/** The bookkeeping as stored, or new; the next free sheet id past every tab and past what it recorded. */
function bookkeepingOf(
  sheets: Sheet[],
  metaSheet: Sheet | undefined,
  metaRead: sheets_v4.Schema$ValueRange | undefined,
): { meta: PublishMeta; ids: { next: number } } {
  const ownIds = sheets.map((s) => s.properties?.sheetId ?? 0);
  const ids = { next: Math.max(FIRST_OWN_ID, ...ownIds.map((id) => id + 1)) };
  if (!metaSheet) {
    return { meta: { v: 1, gen: 0, next: 0, metaId: ids.next++, live: {}, staging: {} }, ids };
  }
  const text = String(metaRead?.values?.[0]?.[0] ?? '');
  const meta: PublishMeta = text
    ? parseMeta(text)
    : { v: 1, gen: 0, next: ids.next, metaId: metaSheet.properties?.sheetId ?? 0, live: {}, staging: {} };
  ids.next = Math.max(ids.next, meta.next);
  return { meta, ids };
}

/**
 * The one structural write: locale and time zone, the bookkeeping tab, each juror tab added or extended
 * (a reshaped one left alone), the guide, the tab order, leftovers removed, the bookkeeping saved.
 */
function planStructure(book: Book, plan: SheetPlan): Structure {
  const requests: Request[] = [
    {
      updateSpreadsheetProperties: {
        properties: { locale: plan.locale, timeZone: plan.timeZone },
        fields: 'locale,timeZone',
      },
    },
  ];
  if (!book.hasMeta) requests.push(addMetaTab(book.meta.metaId));
  const tabs = plan.jurorTabs.map((spec) => planJurorTab(book, spec));
  const placed: Placed[] = [];
  const reshaped: string[] = [];
  for (const tab of tabs) {
    if ('reshaped' in tab) reshaped.push(tab.reshaped);
    else {
      requests.push(tab.request);
      placed.push(tab.placed);
    }
  }
  const guide = plan.guide && planGuide(book, plan.guide);
  if (guide) requests.push(...guide.requests);
  // Jurors open the workbook on their tabs: the juror tabs first, the guide next, juri's outputs after.
  const front = [...tabs.map((t) => t.sheetId), ...(guide ? [guide.sheetId] : [])];
  front.forEach((sheetId, index) => {
    requests.push({ updateSheetProperties: { properties: { sheetId, index }, fields: 'index' } });
  });
  requests.push(...settleBookkeeping(book, plan, front.length));
  return { requests, placed, reshaped, guideId: guide?.sheetId };
}

function addMetaTab(sheetId: number): Request {
  return {
    addSheet: {
      properties: {
        sheetId,
        title: META_TAB_TITLE,
        hidden: true,
        gridProperties: { rowCount: 5, columnCount: 3 },
      },
    },
  };
}

type TabPlan = { sheetId: number; request: Request; placed: Placed } | { sheetId: number; reshaped: string };

function planJurorTab(book: Book, spec: JurorTabSpec): TabPlan {
  const sheet = book.byTitle.get(spec.title);
  if (!sheet) return newJurorTab(spec, book.ids.next++);
  return extendJurorTab(sheet, spec, book.jurorReads.get(spec.title) ?? { names: [], keys: [] });
}

function newJurorTab(spec: JurorTabSpec, sheetId: number): TabPlan {
  const h = spec.header.length;
  const columnCount = columnsOf(spec);
  const rowCount = h + Math.max(1, spec.rows.length);
  const request: Request = {
    addSheet: {
      properties: {
        sheetId,
        title: spec.title,
        tabColorStyle: { rgbColor: INPUT_TAB_COLOR },
        gridProperties: { rowCount, columnCount, frozenRowCount: h, frozenColumnCount: spec.frozenColumns },
      },
    },
  };
  const positions = new Map(spec.rows.map((r, i) => [r.key, h + i]));
  const end = h + spec.rows.length;
  const placed = { spec, sheetId, created: true, positions, end, rowCount, columnCount, fresh: spec.rows };
  return { sheetId, request, placed };
}

/** An existing tab keeps every row where it is; entries it does not have yet go below the last row. */
function extendJurorTab(sheet: Sheet, spec: JurorTabSpec, read: TabRead): TabPlan {
  const sheetId = sheet.properties?.sheetId ?? 0;
  if (!sameShape(read.names, spec.columnNames)) return { sheetId, reshaped: spec.title };
  const h = spec.header.length;
  const positions = new Map<string, number>();
  read.keys.forEach((row, i) => {
    const id = String(row[0] ?? '').trim();
    if (id !== '' && !positions.has(id)) positions.set(id, h + i);
  });
  const end0 = h + read.keys.length;
  const fresh = spec.rows.filter((r) => !positions.has(r.key));
  fresh.forEach((r, i) => {
    positions.set(r.key, end0 + i);
  });
  const end = end0 + fresh.length;
  const grid = sheet.properties?.gridProperties ?? {};
  const rowCount = Math.max(grid.rowCount ?? 0, end, h + 1);
  const columnCount = Math.max(grid.columnCount ?? 0, columnsOf(spec));
  const request: Request = {
    updateSheetProperties: {
      properties: {
        sheetId,
        tabColorStyle: { rgbColor: INPUT_TAB_COLOR },
        gridProperties: { rowCount, columnCount, frozenRowCount: h, frozenColumnCount: spec.frozenColumns },
      },
      fields:
        'tabColorStyle,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount',
    },
  };
  const placed = { spec, sheetId, created: false, positions, end, rowCount, columnCount, fresh };
  return { sheetId, request, placed };
}

function columnsOf(spec: JurorTabSpec): number {
  return Math.max(spec.columnNames.length, spec.noteColumn + 1);
}

/** The guide: rewritten whole, so its old text is cleared first. */
function planGuide(book: Book, guide: GuideSpec): { sheetId: number; requests: Request[] } {
  const sheet = book.byTitle.get(guide.title);
  const sheetId = sheet?.properties?.sheetId ?? book.ids.next++;
  const rowCount = Math.max(guide.rows.length, 1);
  const columnCount = Math.max(4, ...guide.rows.map((r) => r.length));
  const properties = {
    sheetId,
    title: guide.title,
    tabColorStyle: { rgbColor: INPUT_TAB_COLOR },
    gridProperties: { rowCount, columnCount },
  };
  if (!sheet) return { sheetId, requests: [{ addSheet: { properties } }] };
  const requests: Request[] = [
    { updateCells: { range: { sheetId }, fields: 'userEnteredValue' } },
    {
      updateSheetProperties: {
        properties,
        fields: 'tabColorStyle,gridProperties.rowCount,gridProperties.columnCount',
      },
    },
  ];
  return { sheetId, requests };
}

/** The bookkeeping after setup: the tab order, the juror books, no staging tab left; then saved. */
function settleBookkeeping(book: Book, plan: SheetPlan, front: number): Request[] {
  const { meta } = book;
  const requests: Request[] = [];
  meta.front = front;
  if (plan.bookIds) meta.books = { ...meta.books, ...plan.bookIds };
  // A spreadsheet must keep one visible tab: the stray goes only once a juror tab or the guide exists.
  if (book.emptyStray && front > 0) {
    requests.push({ deleteSheet: { sheetId: book.emptyStray.properties?.sheetId ?? 0 } });
  }
  // A publish makes its staging tabs and removes them; any still here (a failed publish, or a workbook
  // set up when they were kept between syncs) go now.
  const liveIds = new Set(book.sheets.map((s) => s.properties?.sheetId));
  for (const staged of Object.values(meta.staging)) {
    if (liveIds.has(staged.id)) requests.push({ deleteSheet: { sheetId: staged.id } });
  }
  meta.staging = {};
  meta.next = book.ids.next;
  requests.push(writeMeta(meta));
  return requests;
}

/** Headers, the text cells of new rows, the guide. RAW, so submission text stays text. */
function valuesToWrite(
  placed: readonly Placed[],
  guide: GuideSpec | undefined,
): sheets_v4.Schema$ValueRange[] {
  const data: sheets_v4.Schema$ValueRange[] = [];
  for (const tab of placed) {
    const { spec } = tab;
    data.push({ range: `${quoteTitle(spec.title)}!A1`, values: spec.header });
    if (tab.fresh.length === 0) continue;
    const at = tab.end - tab.fresh.length;
    data.push({ range: `${quoteTitle(spec.title)}!A${at + 1}`, values: tab.fresh.map((r) => r.cells) });
    data.push({
      range: `${quoteTitle(spec.title)}!${columnLetter(spec.noteColumn)}${at + 1}`,
      values: tab.fresh.map((r) => [r.note]),
    });
  }
  if (guide) data.push({ range: `${quoteTitle(guide.title)}!A1`, values: guide.rows });
  return data;
}

/** Formats, validation, formulas, protection: rebuilt each time, so re-running converges. */
function looksToApply(book: Book, structure: Structure, plan: SheetPlan): Request[] {
  const looks: Request[] = [];
  for (const sheet of book.sheets) {
    for (const p of sheet.protectedRanges ?? []) {
      if (p.description?.startsWith(MARK) && p.protectedRangeId != null)
        looks.push({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } });
    }
  }
  const editors = (extra: string[]) => ({ users: [...new Set([...extra, ...plan.secretariat])] });
  looks.push({
    addProtectedRange: {
      protectedRange: {
        range: { sheetId: book.meta.metaId },
        description: `${MARK}meta`,
        editors: editors([]),
      },
    },
  });
  const { guide } = plan;
  if (guide && structure.guideId !== undefined) looks.push(...guideLooks(guide, structure.guideId, editors));
  for (const tab of structure.placed) looks.push(...jurorTabLooks(tab, editors));
  return looks;
}

function guideLooks(
  guide: GuideSpec,
  sheetId: number,
  editors: (extra: string[]) => { users: string[] },
): Request[] {
  const looks: Request[] = [
    {
      repeatCell: {
        range: { sheetId, startRowIndex: 0, endRowIndex: 1 },
        cell: { userEnteredFormat: { textFormat: { bold: true }, backgroundColor: HEADER_BG } },
        fields: 'userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor',
      },
    },
    // The steps run on to the right; only the descriptions (last column) wrap.
    {
      repeatCell: {
        range: { sheetId },
        cell: { userEnteredFormat: { wrapStrategy: 'OVERFLOW_CELL', verticalAlignment: 'TOP' } },
        fields: 'userEnteredFormat.wrapStrategy,userEnteredFormat.verticalAlignment',
      },
    },
    {
      repeatCell: {
        range: { sheetId, startColumnIndex: 3, endColumnIndex: 4 },
        cell: { userEnteredFormat: { wrapStrategy: 'WRAP' } },
        fields: 'userEnteredFormat.wrapStrategy',
      },
    },
    {
      addProtectedRange: {
        protectedRange: { range: { sheetId }, description: `${MARK}guide`, editors: editors([]) },
      },
    },
  ];
  guide.widths.forEach((pixelSize, column) => {
    looks.push(columnWidth(sheetId, column, pixelSize));
  });
  return looks;
}
