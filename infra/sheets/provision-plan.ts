import type { sheets_v4 } from '@googleapis/sheets';
import type { JurorTabSpec, ProvisionOutcome, SheetPlan } from '../../shared/ports.ts';
import { columnLetter, JUROR_INFO_COLUMNS, META_TAB_TITLE, quoteTitle } from '../../shared/sheet/layout.ts';
import {
  addHidden,
  FIRST_OWN_ID,
  HEADER_BG,
  META_RANGE,
  type PublishMeta,
  parseMeta,
  writeMeta,
} from './publish-plan.ts';
import type { SheetsCalls } from './sheets-adapter.ts';

type Request = sheets_v4.Schema$Request;

const CONFLICT_BG = { red: 0.8, green: 0.8, blue: 0.8 };
const MARK = 'juri:';

interface PlacedTab {
  spec: JurorTabSpec;
  sheetId: number;
  created: boolean;
  /** Row index (0-based, whole sheet) of every innovation already in the tab. */
  existing: Map<string, number>;
  /** First free row after the last ID. */
  end: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Creates or extends the juror tabs, the hidden bookkeeping tab and the staging tabs.
 * 2 reads and 3 writes whatever the size. Score cells are never written: only the header,
 * the info cells of NEW rows, formats, validation and protection.
 */
export async function provisionSheet(calls: SheetsCalls, plan: SheetPlan): Promise<ProvisionOutcome> {
  const info = await calls.get();
  const sheets = info.sheets ?? [];
  const byTitle = new Map(sheets.map((s) => [s.properties?.title ?? '', s]));
  const metaSheet = byTitle.get(META_TAB_TITLE);
  const known = plan.jurorTabs.filter((t) => byTitle.has(t.title));
  const headerRows = (t: JurorTabSpec) => t.header.length;
  const ranges = [
    ...(metaSheet ? [META_RANGE] : []),
    ...known.map((t) => `${quoteTitle(t.title)}!A${headerRows(t) + 1}:A`),
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

  const structure: Request[] = [];
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
  const readOffset = metaSheet ? 1 : 0;
  const placed: PlacedTab[] = plan.jurorTabs.map((spec) => {
    const sheet = byTitle.get(spec.title);
    const h = headerRows(spec);
    const columns = spec.header.reduce((m, r) => Math.max(m, r.length), spec.noteColumn + 1);
    if (!sheet) {
      const sheetId = next++;
      const rowCount = h + Math.max(1, spec.rows.length);
      structure.push({
        addSheet: {
          properties: {
            sheetId,
            title: spec.title,
            gridProperties: {
              rowCount,
              columnCount: columns,
              frozenRowCount: h,
              frozenColumnCount: spec.frozenColumns,
            },
          },
        },
      });
      return { spec, sheetId, created: true, existing: new Map(), end: h, rowCount, columnCount: columns };
    }
    const values = read[readOffset + known.indexOf(spec)]?.values ?? [];
    const existing = new Map<string, number>();
    values.forEach((row, i) => {
      const id = String(row[0] ?? '').trim();
      if (id !== '' && !existing.has(id)) existing.set(id, h + i);
    });
    const end = h + values.length;
    const fresh = spec.rows.filter((r) => !existing.has(r.key)).length;
    const grid = sheet.properties?.gridProperties ?? {};
    const rowCount = Math.max(grid.rowCount ?? 0, end + fresh, h + 1);
    const columnCount = Math.max(grid.columnCount ?? 0, columns);
    const sheetId = sheet.properties?.sheetId ?? 0;
    structure.push({
      updateSheetProperties: {
        properties: {
          sheetId,
          gridProperties: { rowCount, columnCount, frozenRowCount: h, frozenColumnCount: spec.frozenColumns },
        },
        fields:
          'gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount',
      },
    });
    return { spec, sheetId, created: false, existing, end, rowCount, columnCount };
  });
  // Staging tabs big enough for the first syncs, so a sync never has to enlarge one first.
  const staged = { rows: Math.max(1000, 2 * (plan.expectedRows + 1)), cols: 26 };
  const liveIds = new Set(sheets.map((s) => s.properties?.sheetId));
  for (const key of plan.outputKeys) {
    const have = meta.staging[key];
    if (have && liveIds.has(have.id)) {
      if (have.rows >= staged.rows) continue;
      structure.push({
        updateSheetProperties: {
          properties: {
            sheetId: have.id,
            gridProperties: { rowCount: staged.rows, columnCount: Math.max(have.cols, 26) },
          },
          fields: 'gridProperties.rowCount,gridProperties.columnCount',
        },
      });
      meta.staging[key] = { id: have.id, rows: staged.rows, cols: Math.max(have.cols, 26) };
      continue;
    }
    const id = next++;
    structure.push(addHidden(id, staged));
    meta.staging[key] = { id, ...staged };
  }
  meta.next = next;
  structure.push(writeMeta(meta));
  await calls.batchUpdate(structure);

  // Values: the header and the info cells of new rows only, RAW so submission text stays text.
  const data: sheets_v4.Schema$ValueRange[] = [];
  let rowsAdded = 0;
  const rowOf = new Map<PlacedTab, Map<string, number>>();
  for (const tab of placed) {
    const { spec } = tab;
    data.push({ range: `${quoteTitle(spec.title)}!A1`, values: spec.header });
    const fresh = spec.rows.filter((r) => !tab.existing.has(r.key));
    const positions = new Map(tab.existing);
    fresh.forEach((r, i) => {
      positions.set(r.key, tab.end + i);
    });
    rowOf.set(tab, positions);
    if (fresh.length === 0) continue;
    rowsAdded += fresh.length;
    data.push({ range: `${quoteTitle(spec.title)}!A${tab.end + 1}`, values: fresh.map((r) => r.cells) });
    data.push({
      range: `${quoteTitle(spec.title)}!${columnLetter(spec.noteColumn)}${tab.end + 1}`,
      values: fresh.map((r) => [r.locked ? r.note : '']),
    });
  }
  await calls.writeValues(data);

  // Formats, validation, protection: rebuilt each time, so re-running converges.
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
  for (const tab of placed) {
    const { spec, sheetId, rowCount, columnCount } = tab;
    const h = spec.header.length;
    looks.push({
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: h,
          startColumnIndex: 0,
          endColumnIndex: columnCount,
        },
        cell: {
          userEnteredFormat: { textFormat: { bold: true }, backgroundColor: HEADER_BG, wrapStrategy: 'WRAP' },
        },
        fields:
          'userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor,userEnteredFormat.wrapStrategy',
      },
    });
    spec.widths.forEach((pixelSize, column) => {
      looks.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
          properties: { pixelSize },
          fields: 'pixelSize',
        },
      });
    });
    for (const sc of spec.scoreColumns) {
      looks.push({
        setDataValidation: {
          range: {
            sheetId,
            startRowIndex: h,
            endRowIndex: rowCount,
            startColumnIndex: sc.index,
            endColumnIndex: sc.index + 1,
          },
          rule: {
            condition: {
              type: 'NUMBER_BETWEEN',
              values: [{ userEnteredValue: String(sc.min) }, { userEnteredValue: String(sc.max) }],
            },
            inputMessage: `${sc.min}–${sc.max} (8,5 / 8.5)`,
            // Not strict: "8,5" typed as text must still go in; the sync reads it by the domain rules.
            strict: false,
          },
        },
      });
    }
    looks.push({
      addProtectedRange: {
        protectedRange: { range: { sheetId }, description: `${MARK}tab`, editors: editors(spec.editors) },
      },
    });
    looks.push({
      addProtectedRange: {
        protectedRange: {
          range: { sheetId, startRowIndex: 0, endRowIndex: h },
          description: `${MARK}header`,
          editors: editors([]),
        },
      },
    });
    // The sync takes the innovation from column A, so a juror retyping an ID (or adding a row with
    // one) would score an innovation they were not assigned. No row bounds: rows added later are
    // covered too. The service account stays an editor as the requesting user.
    looks.push({
      addProtectedRange: {
        protectedRange: {
          range: { sheetId, startColumnIndex: 0, endColumnIndex: JUROR_INFO_COLUMNS },
          description: `${MARK}keys`,
          editors: editors([]),
        },
      },
    });
    const positions = rowOf.get(tab) ?? new Map<string, number>();
    for (const row of spec.rows) {
      const r = positions.get(row.key);
      if (!row.locked || r === undefined) continue;
      const range = {
        sheetId,
        startRowIndex: r,
        endRowIndex: r + 1,
        startColumnIndex: 0,
        endColumnIndex: columnCount,
      };
      looks.push({
        repeatCell: {
          range,
          cell: { userEnteredFormat: { backgroundColor: CONFLICT_BG } },
          fields: 'userEnteredFormat.backgroundColor',
        },
      });
      looks.push({
        addProtectedRange: {
          protectedRange: { range, description: `${MARK}conflict`, editors: editors([]) },
        },
      });
    }
  }
  await calls.batchUpdate(looks);
  return {
    tabsCreated: placed.filter((t) => t.created).map((t) => t.spec.title),
    rowsAdded,
    tabs: placed.length,
  };
}
