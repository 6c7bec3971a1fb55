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
  /**
   * How this content follows from an earlier one, for a log that only grows at the top: the body is
   * the body of version `over` with `top` new rows in front, cut to this body's length, its last `tail`
   * rows rewritten. A writer that knows its live tab shows `over` may patch it rather than rewrite it
   * (a sync after a one-cell edit then sends one row, not the 5,000 of the log); other writers ignore it.
   */
  grown?: TabGrowth;
}

export interface TabGrowth {
  /** This content's version; the same version is the same content. */
  version: string;
  over: string;
  top: number;
  tail: number;
  /**
   * The rows between the top and the tail were left out (each is empty here): the content can only be
   * patched onto a live tab showing `over`, never written whole.
   */
  sparse?: boolean;
}
