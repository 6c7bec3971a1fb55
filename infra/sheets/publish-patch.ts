import type { sheets_v4 } from '@googleapis/sheets';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';
import { bodyLooks, cellOf, sizeOf, tabValues } from './publish-cells.ts';
import type { PublishMeta } from './publish-meta.ts';

type Request = sheets_v4.Schema$Request;

/**
 * Whether the live tab of `tab` can be patched rather than rewritten: the bookkeeping says it shows the
 * version this content grew from (OutputTab.grown), at the same width, and the patch is the smaller
 * write. A tab changed by hand since is not seen here; a patch that no longer fits its grid fails the
 * publish's one request as a whole, and the retry after reading the workbook again rewrites the tab.
 */
export function patchable(meta: PublishMeta, tab: OutputTab): boolean {
  const grown = tab.grown;
  const shown = meta.shown?.[tab.key];
  if (!grown || !shown || meta.live[tab.key] === undefined || shown.version !== grown.over) return false;
  const { rows, cols } = sizeOf(tab);
  return shown.cols === cols && shown.rows + grown.top >= rows && grown.top + grown.tail < tab.rows.length;
}

/**
 * The live tab patched to this content, inside the publish's one atomic request: `top` rows inserted
 * under the header and written, the grid cut back to the new length, the last `tail` rows written again,
 * and the tab placed at its index.
 */
export function patchRequests(sheetId: number, index: number, tab: OutputTab, shownRows: number): Request[] {
  const grown = tab.grown;
  if (!grown) return [];
  const { rows, cols } = sizeOf(tab);
  const h = tab.header.length;
  // Only the rows a patch writes are built: the log tab holds thousands.
  const write = (from: number, to: number): Request => ({
    updateCells: {
      start: { sheetId, rowIndex: from, columnIndex: 0 },
      rows: tabValues(tab, from, to).map((row) => ({ values: row.map(cellOf) })),
      fields: 'userEnteredValue',
    },
  });
  const requests: Request[] = [placeAt(sheetId, index)];
  if (grown.top > 0) {
    const range = { sheetId, dimension: 'ROWS', startIndex: h, endIndex: h + grown.top };
    requests.push({ insertDimension: { range, inheritFromBefore: false } });
    requests.push(write(h, h + grown.top), ...bodyLooks(sheetId, tab, h, h + grown.top, cols));
  }
  const grid = shownRows + grown.top;
  if (grid > rows) {
    requests.push({
      deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: rows, endIndex: grid } },
    });
  }
  const bodyEnd = h + tab.rows.length;
  if (grown.tail > 0) requests.push(write(bodyEnd - grown.tail, bodyEnd));
  return requests;
}

/** A live tab kept, placed at its index among the output tabs. */
export function placeAt(sheetId: number, index: number): Request {
  return { updateSheetProperties: { properties: { sheetId, index }, fields: 'index' } };
}
