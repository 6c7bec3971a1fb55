import type { sheets_v4 } from '@googleapis/sheets';

type Color = sheets_v4.Schema$Color;

/** The light blue of every header row juri formats. */
export const HEADER_BG: Color = { red: 0.85, green: 0.9, blue: 0.97 };
/** Tabs people type into are green, the tabs juri writes are blue: told apart at a glance. */
export const INPUT_TAB_COLOR: Color = { red: 0.2, green: 0.66, blue: 0.33 };
export const OUTPUT_TAB_COLOR: Color = { red: 0.26, green: 0.52, blue: 0.96 };
/** Where to type: a light yellow. */
export const INPUT_BG: Color = { red: 1, green: 0.95, blue: 0.7 };
export const CONFLICT_BG: Color = { red: 0.8, green: 0.8, blue: 0.8 };
/** The juror tab's block above the column names. */
export const BLOCK_BG: Color = { red: 0.95, green: 0.95, blue: 0.95 };
