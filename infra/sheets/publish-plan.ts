import type { sheets_v4 } from '@googleapis/sheets';
import { cleanText } from '../../shared/domain/text.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { hyperlinkFormula } from '../../shared/sheet/juror-tab.ts';
import { META_TAB_TITLE, quoteTitle } from '../../shared/sheet/layout.ts';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';
import { HEADER_BG, OUTPUT_TAB_COLOR } from './colors.ts';
import { bodyLooks, cellOf, columnWidth, sizeOf, tabValues } from './publish-cells.ts';
import type { PublishMeta } from './publish-meta.ts';
import { patchable, patchRequests, placeAt } from './publish-patch.ts';
import { shownAsIs } from './publish-sums.ts';

type Request = sheets_v4.Schema$Request;

export type { PublishMeta } from './publish-meta.ts';

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

/**
 * A publish as ONE batchUpdate: the staging requests, then the swap's. Google applies a batchUpdate's
 * requests in order and all or none, so the sheet shows the old tabs or the new ones, never a mix, and
 * no staging tab outlives the request. Each subrequest costs a Worker about a millisecond of CPU: the
 * stage and the swap went as two writes before, with the same guarantee.
 */
export function publishRequests(
  meta: PublishMeta,
  tabs: OutputTab[],
  sums: Record<string, string> = {},
): { meta: PublishMeta; requests: Request[] } {
  const staged = stageRequests(meta, tabs, sums);
  const swap = swapRequests(staged.meta, tabs, sums);
  // The staging's own bookkeeping write (its last request) is overwritten by the swap's in the same request.
  return { meta: swap.meta, requests: [...staged.requests.slice(0, -1), ...swap.requests] };
}

/**
 * A publish's staging: hidden staging tabs holding the new values, one per output tab, each sized to its
 * content. Staging tabs an interrupted publish of an older juri left behind (the bookkeeping names them)
 * are removed first. Values go in as `userEnteredValue`s of their kind, so text stays text (never a
 * formula), as a RAW values write would keep it. On its own (tests, and books staged by older versions)
 * nothing visible changes, and the next publish removes these tabs.
 */
export function stageRequests(
  meta: PublishMeta,
  tabs: OutputTab[],
  sums: Record<string, string> = {},
): { meta: PublishMeta; requests: Request[] } {
  const next: PublishMeta = { ...structuredClone(meta), staging: {} };
  const requests: Request[] = Object.values(meta.staging).map((s) => ({ deleteSheet: { sheetId: s.id } }));
  for (const tab of tabs) {
    if (patchable(meta, tab) || shownAsIs(meta, tab, sums)) continue;
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
 * The swap, a publish's second half (publishRequests sends both in one request): old live tabs go,
 * staging tabs (holding the new values) are renamed, shown, sized and formatted, and the bookkeeping cell
 * moves on. A live tab that can be patched (see publish-patch.ts) stays and is patched in the same
 * request. No staging tab is left in the workbook. If it fails, nothing of it happened.
 */
export function swapRequests(
  meta: PublishMeta,
  tabs: OutputTab[],
  sums: Record<string, string> = {},
): { meta: PublishMeta; requests: Request[] } {
  const next: PublishMeta = {
    ...structuredClone(meta),
    gen: meta.gen + 1,
    live: {},
    staging: {},
    shown: {},
    sums,
  };
  const asIs = new Set(tabs.filter((tab) => shownAsIs(meta, tab, sums)).map((tab) => tab.key));
  const kept = new Set(
    tabs.filter((tab) => asIs.has(tab.key) || patchable(meta, tab)).map((tab) => meta.live[tab.key]),
  );
  const requests: Request[] = Object.values(meta.live)
    .filter((sheetId) => !kept.has(sheetId))
    .map((sheetId) => ({ deleteSheet: { sheetId } }));
  // After the tabs people type into (juror tabs and guide), in output order.
  const first = meta.front ?? 0;
  tabs.forEach((tab, i) => {
    const index = first + i;
    const { rows, cols } = sizeOf(tab);
    const live = meta.live[tab.key];
    if (live !== undefined && asIs.has(tab.key)) {
      requests.push(placeAt(live, index));
      next.live[tab.key] = live;
    } else if (live !== undefined && kept.has(live)) {
      requests.push(...patchRequests(live, index, tab, meta.shown?.[tab.key]?.rows ?? rows));
      next.live[tab.key] = live;
    } else {
      const staging = meta.staging[tab.key];
      // stageRequests made a staging tab for every output tab it did not leave to a patch: a code, no person meets it.
      if (!staging) throw new Error(`publish-plan: staging-tab-missing: ${tab.key}`);
      requests.push(...shownRequests(staging.id, index, tab));
      next.live[tab.key] = staging.id;
    }
    if (tab.grown && next.shown) next.shown[tab.key] = { version: tab.grown.version, rows, cols };
  });
  requests.push(writeMeta(next));
  return { meta: next, requests };
}

/** A staging tab made the live one: titled, shown, placed, sized and formatted, its links written. */
function shownRequests(sheetId: number, index: number, tab: OutputTab): Request[] {
  const { rows, cols } = sizeOf(tab);
  const h = tab.header.length;
  const requests: Request[] = [
    {
      updateSheetProperties: {
        properties: {
          sheetId,
          title: cleanText(tab.title),
          hidden: false,
          index,
          tabColorStyle: { rgbColor: OUTPUT_TAB_COLOR },
          gridProperties: { rowCount: rows, columnCount: cols, frozenRowCount: h },
        },
        fields:
          'title,hidden,index,tabColorStyle,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount',
      },
    },
    {
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
    },
  ];
  if (rows > h) requests.push(...bodyLooks(sheetId, tab, h, rows, cols));
  for (const link of tab.links ?? []) {
    const formula = hyperlinkFormula(link.url, link.label);
    if (!formula || link.column >= cols) continue;
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: h + link.row, columnIndex: link.column },
        rows: [{ values: [{ userEnteredValue: { formulaValue: cleanText(formula) } }] }],
        fields: 'userEnteredValue',
      },
    });
  }
  (tab.widths ?? []).forEach((pixelSize, column) => {
    if (column >= cols) return;
    requests.push(columnWidth(sheetId, column, pixelSize));
  });
  return requests;
}
