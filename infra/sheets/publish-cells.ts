import type { sheets_v4 } from '@googleapis/sheets';
import { cleanText } from '../../shared/domain/text.ts';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';

type Request = sheets_v4.Schema$Request;

/**
 * Header rows plus body rows, every row padded to the same width so stale cells are overwritten; rows
 * [from, to) of them when asked.
 */
export function tabValues(tab: OutputTab, from = 0, to = Number.POSITIVE_INFINITY): (string | number)[][] {
  const { cols } = sizeOf(tab);
  const h = tab.header.length;
  const end = Math.min(to, h + tab.rows.length);
  const out: (string | number)[][] = [];
  for (let r = from; r < end; r++) {
    const row = r < h ? tab.header[r] : tab.rows[r - h];
    out.push(Array.from({ length: cols }, (_, i) => row?.[i] ?? ''));
  }
  return out;
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
 * A cell as the API takes it, its text cleaned here: a publish's requests are built clean (see
 * PreparedRequests), so the adapter need not walk its thousands of cells again.
 */
export function cellOf(value: string | number): sheets_v4.Schema$CellData {
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  return value === '' ? {} : { userEnteredValue: { stringValue: cleanText(value) } };
}

/** The body rows' look (wrapped, top-aligned; score columns with two decimals), rows [from, to). */
export function bodyLooks(
  sheetId: number,
  tab: OutputTab,
  from: number,
  to: number,
  cols: number,
): Request[] {
  const requests: Request[] = [
    {
      repeatCell: {
        range: { sheetId, startRowIndex: from, endRowIndex: to, startColumnIndex: 0, endColumnIndex: cols },
        cell: { userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' } },
        fields: 'userEnteredFormat.wrapStrategy,userEnteredFormat.verticalAlignment',
      },
    },
  ];
  for (const column of tab.scoreColumns ?? []) {
    if (column >= cols) continue;
    requests.push({
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: from,
          endRowIndex: to,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        },
        cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.00' } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  }
  return requests;
}

/** A column's width in pixels (the tabs' `widths`). */
export function columnWidth(sheetId: number, column: number, pixelSize: number): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
      properties: { pixelSize },
      fields: 'pixelSize',
    },
  };
}
