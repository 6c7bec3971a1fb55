/** A tab juri writes, as plain rows; the sheet adapter decides how it looks. */
export interface OutputTab {
  /** Stable across syncs and languages: 'rank:<stage>', 'rank:final', 'problems', … */
  key: string;
  title: string;
  /** Header rows, frozen and bold. */
  header: string[][];
  rows: (string | number | null)[][];
  /** Column widths in pixels. */
  widths?: number[];
  /** 0-based columns holding scores or means, shown with two decimals (an official score is written rounded). */
  scoreColumns?: number[];
  /** Cells that are links (`row` counts in `rows`): written as HYPERLINK formulas over their label. */
  links?: { row: number; column: number; url: string; label: string }[];
}
