import type { sheets_v4 } from '@googleapis/sheets';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { hyperlinkFormula } from '../../shared/sheet/juror-tab.ts';
import { META_TAB_TITLE, quoteTitle } from '../../shared/sheet/layout.ts';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';
import { HEADER_BG, OUTPUT_TAB_COLOR } from './colors.ts';

type Request = sheets_v4.Schema$Request;

/**
 * What the adapter keeps in the hidden "_juri" tab (cell A1), and so reads in the same request as
 * the scores: which sheet is live and which is staging, for each output tab.
 */
export interface PublishMeta {
  v: 1;
  /** How many times the output tabs were swapped in. */
  gen: number;
  /** Next sheet id juri will give a tab it creates. */
  next: number;
  metaId: number;
  /** How many tabs setup keeps in front (the juror tabs and the guide): the outputs go after them. */
  front?: number;
  /** perJuror mode: juror id → the juror's own spreadsheet (kept in the secretariat's). */
  books?: Record<string, string>;
  live: Record<string, number>;
  staging: Record<string, { id: number; rows: number; cols: number }>;
}

export const META_RANGE = `${quoteTitle(META_TAB_TITLE)}!A1`;
/** Sheet ids juri chooses itself stay in a range Google's random ids rarely reach. */
export const FIRST_OWN_ID = 1_000_000_000;

export function stagingTitle(id: number): string {
  return `_stg_${id}`;
}

export function parseMeta(text: string): PublishMeta {
  try {
    const meta = JSON.parse(text) as PublishMeta;
    if (meta.v === 1 && typeof meta.gen === 'number' && typeof meta.metaId === 'number') return meta;
  } catch {
    // fall through: an empty or edited cell means the sheet was never set up (or was damaged)
  }
  throw new AppError('sheet_unavailable', bilingual('error.sheetNotSetUp'));
}

/** Header rows plus body rows, every row padded to the same width so stale cells are overwritten. */
export function tabValues(tab: OutputTab): (string | number)[][] {
  const all = [...tab.header, ...tab.rows];
  const width = Math.max(1, ...all.map((r) => r.length));
  return all.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** The grid tabValues fills, without building it (a publish sizes every tab twice). */
export function sizeOf(tab: OutputTab): { rows: number; cols: number } {
  let cols = 1;
  for (const row of tab.header) cols = Math.max(cols, row.length);
  for (const row of tab.rows) cols = Math.max(cols, row.length);
  const values = tab.header.length + tab.rows.length;
  return { rows: Math.max(values, tab.header.length + 1), cols };
}

/**
 * The first of a publish's two writes: hidden staging tabs holding the new values, one per output tab,
 * each sized to its content. Staging tabs a failed publish left behind (the bookkeeping names them) are
 * removed first. Values go in as `userEnteredValue`s of their kind, so text stays text (never a formula),
 * as a RAW values write would keep it. Nothing visible changes: if the swap then fails, the sheet reads as
 * before, and the next publish removes these tabs.
 */
export function stageRequests(
  meta: PublishMeta,
  tabs: OutputTab[],
): { meta: PublishMeta; requests: Request[] } {
  const next: PublishMeta = { ...structuredClone(meta), staging: {} };
  const requests: Request[] = Object.values(meta.staging).map((s) => ({ deleteSheet: { sheetId: s.id } }));
  for (const tab of tabs) {
    const id = next.next++;
    const size = sizeOf(tab);
    requests.push({
      addSheet: {
        properties: {
          sheetId: id,
          title: stagingTitle(id),
          hidden: true,
          gridProperties: { rowCount: size.rows, columnCount: size.cols },
        },
      },
    });
    requests.push({
      updateCells: {
        start: { sheetId: id, rowIndex: 0, columnIndex: 0 },
        rows: tabValues(tab).map((row) => ({ values: row.map(cellOf) })),
        fields: 'userEnteredValue',
      },
    });
    next.staging[tab.key] = { id, ...size };
  }
  requests.push(writeMeta(next));
  return { meta: next, requests };
}

function cellOf(value: string | number): sheets_v4.Schema$CellData {
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  return value === '' ? {} : { userEnteredValue: { stringValue: value } };
}

export function writeMeta(meta: PublishMeta): Request {
  return {
    updateCells: {
      start: { sheetId: meta.metaId, rowIndex: 0, columnIndex: 0 },
      rows: [{ values: [{ userEnteredValue: { stringValue: JSON.stringify(meta) } }] }],
      fields: 'userEnteredValue',
    },
  };
}

/**
 * The one atomic request that publishes: old live tabs go, staging tabs (already holding the new
 * values) are renamed, shown, sized and formatted, and the bookkeeping cell moves on. No staging tab is
 * left in the workbook. If it fails, nothing of it happened.
 */
export function swapRequests(
  meta: PublishMeta,
  tabs: OutputTab[],
): { meta: PublishMeta; requests: Request[] } {
  const next: PublishMeta = { ...structuredClone(meta), gen: meta.gen + 1, live: {}, staging: {} };
  const requests: Request[] = Object.values(meta.live).map((sheetId) => ({ deleteSheet: { sheetId } }));
  // After the tabs people type into (juror tabs and guide), in output order.
  const first = meta.front ?? 0;
  tabs.forEach((tab, i) => {
    const index = first + i;
    const staging = meta.staging[tab.key];
    // stageRequests made a staging tab for every output tab just before: a code, no person meets it.
    if (!staging) throw new Error(`publish-plan: staging-tab-missing: ${tab.key}`);
    const sheetId = staging.id;
    const { rows, cols } = sizeOf(tab);
    const h = tab.header.length;
    requests.push({
      updateSheetProperties: {
        properties: {
          sheetId,
          title: tab.title,
          hidden: false,
          index,
          tabColorStyle: { rgbColor: OUTPUT_TAB_COLOR },
          gridProperties: { rowCount: rows, columnCount: cols, frozenRowCount: h },
        },
        fields:
          'title,hidden,index,tabColorStyle,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount',
      },
    });
    requests.push({
      repeatCell: {
        range: { sheetId, startRowIndex: 0, endRowIndex: h, startColumnIndex: 0, endColumnIndex: cols },
        cell: {
          userEnteredFormat: {
            textFormat: { bold: true },
            backgroundColor: HEADER_BG,
            wrapStrategy: 'WRAP',
            verticalAlignment: 'MIDDLE',
          },
        },
        fields:
          'userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor,userEnteredFormat.wrapStrategy,userEnteredFormat.verticalAlignment',
      },
    });
    if (rows > h) {
      requests.push({
        repeatCell: {
          range: { sheetId, startRowIndex: h, endRowIndex: rows, startColumnIndex: 0, endColumnIndex: cols },
          cell: { userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' } },
          fields: 'userEnteredFormat.wrapStrategy,userEnteredFormat.verticalAlignment',
        },
      });
      for (const column of tab.scoreColumns ?? []) {
        if (column >= cols) continue;
        requests.push({
          repeatCell: {
            range: {
              sheetId,
              startRowIndex: h,
              endRowIndex: rows,
              startColumnIndex: column,
              endColumnIndex: column + 1,
            },
            cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.00' } } },
            fields: 'userEnteredFormat.numberFormat',
          },
        });
      }
    }
    for (const link of tab.links ?? []) {
      const formula = hyperlinkFormula(link.url, link.label);
      if (!formula || link.column >= cols) continue;
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: h + link.row, columnIndex: link.column },
          rows: [{ values: [{ userEnteredValue: { formulaValue: formula } }] }],
          fields: 'userEnteredValue',
        },
      });
    }
    (tab.widths ?? []).forEach((pixelSize, column) => {
      if (column >= cols) return;
      requests.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
          properties: { pixelSize },
          fields: 'pixelSize',
        },
      });
    });
    next.live[tab.key] = sheetId;
  });
  requests.push(writeMeta(next));
  return { meta: next, requests };
}
