import type { sheets_v4 } from '@googleapis/sheets';
import type { JurorTabSpec } from '../../shared/ports.ts';
import { BLOCK_BG, CONFLICT_BG, HEADER_BG, INPUT_BG } from './colors.ts';
import { columnWidth } from './publish-cells.ts';

type Request = sheets_v4.Schema$Request;

export const MARK = 'juri:';

export interface PlacedTab {
  spec: JurorTabSpec;
  sheetId: number;
  rowCount: number;
  columnCount: number;
  /** Row (0-based) of every innovation in the tab after this setup. */
  positions: Map<string, number>;
  /** First row after the last entry. */
  end: number;
}

const range = (sheetId: number, r0: number, r1: number, c0: number, c1: number) => ({
  sheetId,
  startRowIndex: r0,
  endRowIndex: r1,
  startColumnIndex: c0,
  endColumnIndex: c1,
});

/** Columns as [start, end) runs: one protected range per run of adjacent columns. */
function runs(columns: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && last[1] === c) last[1] = c + 1;
    else out.push([c, c + 1]);
  }
  return out;
}

/**
 * How a juror tab looks and who may edit what, rebuilt at every setup so re-running converges:
 * header block and column names, widths, shaded input cells, strict validation, the criterion notes,
 * the link and total formulas of every entry row, and the protected ranges.
 */
export function jurorTabLooks(tab: PlacedTab, editors: (extra: string[]) => { users: string[] }): Request[] {
  const { spec, sheetId, rowCount, columnCount } = tab;
  const h = spec.header.length;
  const looks: Request[] = [];
  const format = (
    r0: number,
    r1: number,
    c0: number,
    c1: number,
    f: sheets_v4.Schema$CellFormat,
    fields: string,
  ) =>
    looks.push({
      repeatCell: { range: range(sheetId, r0, r1, c0, c1), cell: { userEnteredFormat: f }, fields },
    });
  // The block above the names: labels and values that run on to the right instead of wrapping tall.
  format(
    0,
    spec.namesRow,
    0,
    columnCount,
    { backgroundColor: BLOCK_BG, wrapStrategy: 'OVERFLOW_CELL' },
    'userEnteredFormat.backgroundColor,userEnteredFormat.wrapStrategy',
  );
  format(0, spec.namesRow, 0, 1, { textFormat: { bold: true } }, 'userEnteredFormat.textFormat.bold');
  format(0, spec.namesRow, 2, 3, { textFormat: { bold: true } }, 'userEnteredFormat.textFormat.bold');
  format(
    spec.namesRow,
    h,
    0,
    columnCount,
    {
      textFormat: { bold: true },
      backgroundColor: HEADER_BG,
      wrapStrategy: 'WRAP',
      verticalAlignment: 'MIDDLE',
    },
    'userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor,userEnteredFormat.wrapStrategy,userEnteredFormat.verticalAlignment',
  );
  spec.widths.forEach((pixelSize, column) => {
    looks.push(columnWidth(sheetId, column, pixelSize));
  });
  for (const column of spec.inputColumns) {
    format(
      h,
      rowCount,
      column,
      column + 1,
      { backgroundColor: INPUT_BG },
      'userEnteredFormat.backgroundColor',
    );
  }
  for (const f of spec.rowFormulas) {
    format(
      h,
      rowCount,
      f.column,
      f.column + 1,
      { numberFormat: { type: 'NUMBER', pattern: f.numberFormat } },
      'userEnteredFormat.numberFormat',
    );
  }
  for (const sc of spec.scoreColumns) {
    if (sc.choices) {
      looks.push({
        setDataValidation: {
          range: range(sheetId, h, rowCount, sc.index, sc.index + 1),
          rule: {
            condition: { type: 'ONE_OF_LIST', values: sc.choices.map((c) => ({ userEnteredValue: c })) },
            inputMessage: sc.message,
            showCustomUi: true,
            strict: true,
          },
        },
      });
      continue;
    }
    looks.push({
      setDataValidation: {
        range: range(sheetId, h, rowCount, sc.index, sc.index + 1),
        rule: {
          condition: {
            type: 'NUMBER_BETWEEN',
            values: [{ userEnteredValue: String(sc.min) }, { userEnteredValue: String(sc.max) }],
          },
          inputMessage: sc.message,
          // Words and out-of-scale numbers are refused as typed. "8,5" still goes in: setup sets the
          // spreadsheet's locale to id_ID, where a decimal comma makes a number.
          strict: true,
        },
      },
    });
  }
  for (const n of spec.headerNotes) {
    looks.push({
      updateCells: {
        start: { sheetId, rowIndex: n.row, columnIndex: n.column },
        rows: [{ values: [{ note: n.note }] }],
        fields: 'note',
      },
    });
  }
  looks.push(...rowFormulaCells(tab));
  looks.push(...protections(tab, editors));
  return looks;
}

/**
 * The formula cells of every entry row: the links (from the row's spec) and the juror's total. Written
 * as `formulaValue` through updateCells, so no text is ever parsed into a formula. One request per run
 * of adjacent formula columns, so no score cell between them is touched.
 */
function rowFormulaCells(tab: PlacedTab): Request[] {
  const { spec, sheetId } = tab;
  const h = spec.header.length;
  const specs = new Map(spec.rows.map((x) => [x.key, x]));
  const byRow = new Map([...tab.positions].map(([k, r]) => [r, specs.get(k)]));
  const columns = [
    ...spec.rows.flatMap((r) => r.formulas.map((f) => f.column)),
    ...spec.rowFormulas.map((f) => f.column),
  ];
  const linkColumns = new Set(spec.rows.flatMap((r) => r.formulas.map((f) => f.column)));
  const requests: Request[] = [];
  if (tab.end <= h) return requests;
  for (const [c0, c1] of runs([...new Set(columns)])) {
    const rows: sheets_v4.Schema$RowData[] = [];
    for (let r = h; r < tab.end; r++) {
      const row = byRow.get(r);
      const values: sheets_v4.Schema$CellData[] = [];
      for (let c = c0; c < c1; c++) {
        const template = spec.rowFormulas.find((f) => f.column === c)?.template;
        const formula = template
          ? template.replaceAll('{row}', String(r + 1))
          : linkColumns.has(c)
            ? row?.formulas.find((f) => f.column === c)?.formula
            : undefined;
        values.push(formula ? { userEnteredValue: { formulaValue: formula } } : {});
      }
      rows.push({ values });
    }
    requests.push({
      updateCells: { range: range(sheetId, h, tab.end, c0, c1), rows, fields: 'userEnteredValue' },
    });
  }
  return requests;
}

function protections(tab: PlacedTab, editors: (extra: string[]) => { users: string[] }): Request[] {
  const { spec, sheetId, columnCount } = tab;
  const h = spec.header.length;
  const add = (r: sheets_v4.Schema$GridRange, description: string, extra: string[] = []): Request => ({
    addProtectedRange: {
      protectedRange: { range: r, description: `${MARK}${description}`, editors: editors(extra) },
    },
  });
  const out: Request[] = [
    add({ sheetId }, 'tab', spec.editors),
    add({ sheetId, startRowIndex: 0, endRowIndex: h }, 'header'),
  ];
  // The sync takes the innovation from the ID column, so a juror retyping an ID (or adding a row with
  // one) would score an innovation they were not assigned; the links and the total are juri's too. No row
  // bounds: rows added later are covered. The service account stays an editor as the requesting user.
  runs(spec.lockedColumns).forEach(([c0, c1], i) => {
    out.push(add({ sheetId, startColumnIndex: c0, endColumnIndex: c1 }, i === 0 ? 'keys' : 'formulas'));
  });
  for (const row of spec.rows) {
    const r = tab.positions.get(row.key);
    if (!row.locked || r === undefined) continue;
    const whole = range(sheetId, r, r + 1, 0, columnCount);
    out.push({
      repeatCell: {
        range: whole,
        cell: { userEnteredFormat: { backgroundColor: CONFLICT_BG } },
        fields: 'userEnteredFormat.backgroundColor',
      },
    });
    out.push(add(whole, 'conflict'));
  }
  return out;
}
