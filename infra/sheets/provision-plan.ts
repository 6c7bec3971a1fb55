import type { sheets_v4 } from '@googleapis/sheets';
import type { GuideSpec, JurorTabSpec, ProvisionOutcome, SheetPlan } from '../../shared/ports.ts';
import { sameShape } from '../../shared/sheet/juror-read.ts';
import { columnLetter, META_TAB_TITLE, quoteTitle } from '../../shared/sheet/layout.ts';
import { HEADER_BG, INPUT_TAB_COLOR } from './colors.ts';
import { jurorTabLooks, MARK, type PlacedTab } from './juror-tab-looks.ts';
import { FIRST_OWN_ID, META_RANGE, type PublishMeta, parseMeta, writeMeta } from './publish-plan.ts';
import type { SheetsCalls } from './sheets-calls.ts';

type Request = sheets_v4.Schema$Request;

/** The tab a new spreadsheet comes with; setup removes it when nobody has written in it. */
const DEFAULT_TAB = 'Sheet1';

/**
 * Creates or extends the juror tabs, the guide and the hidden bookkeeping tab of one spreadsheet. 2 reads and 3 writes whatever the size. Score and remark cells are never written: only
 * headers, the text and formula cells of juri's own columns, formats, validation and protection. A juror
 * tab whose shape a person changed is left as it is and reported.
 */
export async function provisionBook(calls: SheetsCalls, plan: SheetPlan): Promise<ProvisionOutcome> {
  const info = await calls.get();
  const sheets = info.sheets ?? [];
  const byTitle = new Map(sheets.map((s) => [s.properties?.title ?? '', s]));
  const metaSheet = byTitle.get(META_TAB_TITLE);
  const known = plan.jurorTabs.filter((t) => byTitle.has(t.title));
  const planned = new Set([...plan.jurorTabs.map((t) => t.title), plan.guide?.title]);
  const stray = byTitle.get(DEFAULT_TAB);
  const removable = stray && !planned.has(DEFAULT_TAB) ? stray : undefined;
  const headerRows = (t: JurorTabSpec) => t.header.length;
  const ranges = [
    ...(metaSheet ? [META_RANGE] : []),
    ...known.flatMap((t) => [
      // The whole row, however wide: an inserted column must show.
      `${quoteTitle(t.title)}!${t.namesRow + 1}:${t.namesRow + 1}`,
      `${quoteTitle(t.title)}!A${headerRows(t) + 1}:A`,
    ]),
    ...(removable ? [quoteTitle(DEFAULT_TAB)] : []),
  ];
  const read = ranges.length > 0 ? await calls.batchGet(ranges) : [];
  const ownIds = sheets.map((s) => s.properties?.sheetId ?? 0);
  let next = Math.max(FIRST_OWN_ID, ...ownIds.map((id) => id + 1));
  let meta: PublishMeta;
  if (metaSheet) {
    const text = String(read[0]?.values?.[0]?.[0] ?? '');
    meta = text
      ? parseMeta(text)
      : { v: 1, gen: 0, next, metaId: metaSheet.properties?.sheetId ?? 0, live: {}, staging: {} };
    next = Math.max(next, meta.next);
  } else {
    meta = { v: 1, gen: 0, next: 0, metaId: next++, live: {}, staging: {} };
  }
  const readOffset = metaSheet ? 1 : 0;
  const strayEmpty = removable ? (read.at(-1)?.values ?? []).length === 0 : false;

  const structure: Request[] = [
    {
      updateSpreadsheetProperties: {
        properties: { locale: plan.locale, timeZone: plan.timeZone },
        fields: 'locale,timeZone',
      },
    },
  ];
  if (!metaSheet) {
    structure.push({
      addSheet: {
        properties: {
          sheetId: meta.metaId,
          title: META_TAB_TITLE,
          hidden: true,
          gridProperties: { rowCount: 5, columnCount: 3 },
        },
      },
    });
  }
  const reshaped: string[] = [];
  const placed: (PlacedTab & { created: boolean; fresh: JurorTabSpec['rows'] })[] = [];
  const front: number[] = [];
  for (const spec of plan.jurorTabs) {
    const sheet = byTitle.get(spec.title);
    const h = headerRows(spec);
    const columns = Math.max(spec.columnNames.length, spec.noteColumn + 1);
    if (!sheet) {
      const sheetId = next++;
      const rowCount = h + Math.max(1, spec.rows.length);
      structure.push({
        addSheet: {
          properties: {
            sheetId,
            title: spec.title,
            tabColorStyle: { rgbColor: INPUT_TAB_COLOR },
            gridProperties: {
              rowCount,
              columnCount: columns,
              frozenRowCount: h,
              frozenColumnCount: spec.frozenColumns,
            },
          },
        },
      });
      front.push(sheetId);
      const positions = new Map(spec.rows.map((r, i) => [r.key, h + i]));
      const end = h + spec.rows.length;
      placed.push({
        spec,
        sheetId,
        created: true,
        positions,
        end,
        rowCount,
        columnCount: columns,
        fresh: spec.rows,
      });
      continue;
    }
    const sheetId = sheet.properties?.sheetId ?? 0;
    front.push(sheetId);
    const k = readOffset + 2 * known.indexOf(spec);
    const names = (read[k]?.values?.[0] ?? []).map((c) => String(c ?? ''));
    if (!sameShape(names, spec.columnNames)) {
      reshaped.push(spec.title);
      continue;
    }
    const values = read[k + 1]?.values ?? [];
    const positions = new Map<string, number>();
    values.forEach((row, i) => {
      const id = String(row[0] ?? '').trim();
      if (id !== '' && !positions.has(id)) positions.set(id, h + i);
    });
    const end0 = h + values.length;
    const fresh = spec.rows.filter((r) => !positions.has(r.key));
    fresh.forEach((r, i) => {
      positions.set(r.key, end0 + i);
    });
    const end = end0 + fresh.length;
    const grid = sheet.properties?.gridProperties ?? {};
    const rowCount = Math.max(grid.rowCount ?? 0, end, h + 1);
    const columnCount = Math.max(grid.columnCount ?? 0, columns);
    structure.push({
      updateSheetProperties: {
        properties: {
          sheetId,
          tabColorStyle: { rgbColor: INPUT_TAB_COLOR },
          gridProperties: { rowCount, columnCount, frozenRowCount: h, frozenColumnCount: spec.frozenColumns },
        },
        fields:
          'tabColorStyle,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount',
      },
    });
    placed.push({ spec, sheetId, created: false, positions, end, rowCount, columnCount, fresh });
  }
  // The guide: rewritten whole, so its old text is cleared first.
  const { guide } = plan;
  let guideId: number | undefined;
  if (guide) {
    const sheet = byTitle.get(guide.title);
    guideId = sheet?.properties?.sheetId ?? next++;
    const rowCount = Math.max(guide.rows.length, 1);
    const columnCount = Math.max(4, ...guide.rows.map((r) => r.length));
    const properties = {
      sheetId: guideId,
      title: guide.title,
      tabColorStyle: { rgbColor: INPUT_TAB_COLOR },
      gridProperties: { rowCount, columnCount },
    };
    if (sheet) {
      structure.push({
        updateCells: { range: { sheetId: guideId }, fields: 'userEnteredValue' },
      });
      structure.push({
        updateSheetProperties: {
          properties,
          fields: 'tabColorStyle,gridProperties.rowCount,gridProperties.columnCount',
        },
      });
    } else {
      structure.push({ addSheet: { properties } });
    }
    front.push(guideId);
  }
  // Jurors open the workbook on their tabs: the juror tabs first, the guide next, juri's outputs after.
  front.forEach((sheetId, index) => {
    structure.push({ updateSheetProperties: { properties: { sheetId, index }, fields: 'index' } });
  });
  meta.front = front.length;
  if (plan.bookIds) meta.books = { ...meta.books, ...plan.bookIds };
  // A spreadsheet must keep one visible tab: the stray goes only once a juror tab or the guide exists.
  if (removable && strayEmpty && front.length > 0) {
    structure.push({ deleteSheet: { sheetId: removable.properties?.sheetId ?? 0 } });
  }
  // A publish makes its staging tabs and removes them; any still here (a failed publish, or a workbook
  // set up when they were kept between syncs) go now.
  const liveIds = new Set(sheets.map((s) => s.properties?.sheetId));
  for (const staged of Object.values(meta.staging)) {
    if (liveIds.has(staged.id)) structure.push({ deleteSheet: { sheetId: staged.id } });
  }
  meta.staging = {};
  meta.next = next;
  structure.push(writeMeta(meta));
  await calls.batchUpdate(structure);

  // Values: headers, the text cells of new rows, the guide. RAW, so submission text stays text.
  const data: sheets_v4.Schema$ValueRange[] = [];
  let rowsAdded = 0;
  for (const tab of placed) {
    const { spec } = tab;
    data.push({ range: `${quoteTitle(spec.title)}!A1`, values: spec.header });
    if (tab.fresh.length === 0) continue;
    const at = tab.end - tab.fresh.length;
    rowsAdded += tab.fresh.length;
    data.push({ range: `${quoteTitle(spec.title)}!A${at + 1}`, values: tab.fresh.map((r) => r.cells) });
    data.push({
      range: `${quoteTitle(spec.title)}!${columnLetter(spec.noteColumn)}${at + 1}`,
      values: tab.fresh.map((r) => [r.locked ? r.note : '']),
    });
  }
  if (guide) data.push({ range: `${quoteTitle(guide.title)}!A1`, values: guide.rows });
  await calls.writeValues(data);

  // Formats, validation, formulas, protection: rebuilt each time, so re-running converges.
  const looks: Request[] = [];
  for (const sheet of sheets) {
    for (const p of sheet.protectedRanges ?? []) {
      if (p.description?.startsWith(MARK) && p.protectedRangeId != null)
        looks.push({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } });
    }
  }
  const editors = (extra: string[]) => ({ users: [...new Set([...extra, ...plan.secretariat])] });
  looks.push({
    addProtectedRange: {
      protectedRange: { range: { sheetId: meta.metaId }, description: `${MARK}meta`, editors: editors([]) },
    },
  });
  if (guide && guideId !== undefined) looks.push(...guideLooks(guide, guideId, editors));
  for (const tab of placed) looks.push(...jurorTabLooks(tab, editors));
  await calls.batchUpdate(looks);
  return {
    tabsCreated: placed.filter((t) => t.created).map((t) => t.spec.title),
    rowsAdded,
    tabs: plan.jurorTabs.length,
    reshaped,
  };
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
    looks.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
        properties: { pixelSize },
        fields: 'pixelSize',
      },
    });
  });
  return looks;
}
