import type { CellData, ExtendedValue, JsonObject } from './model.ts';
import { RecentPairs } from './recent-pairs.ts';

/**
 * Whether the rows read from a tab's part say what the rows in memory would say once written and read
 * again: the .xlsx keeps only part of a cell's format (bold, a solid fill of 8-bit colour, the number
 * pattern, wrapping) and none of a formula's result that the reader does not recalculate anyway. A save
 * by LibreOffice or exceljs rewrites every tab's part; a tab whose cells it left as they were is then
 * taken over from memory, already recalculated (recalculating every formula of every tab was most of a
 * save's re-read at national scale), and its rows stay the very rows the next write already knows.
 */
export function sameAsRead(read: (CellData | null)[][], memory: (CellData | null)[][]): boolean {
  const rows = Math.max(read.length, memory.length);
  const pairs: FormatPairs = new RecentPairs();
  for (let r = 0; r < rows; r++) {
    const a = read[r] ?? [];
    const b = memory[r] ?? [];
    const columns = Math.max(a.length, b.length);
    for (let c = 0; c < columns; c++) if (!sameCell(a[c] ?? null, b[c] ?? null, pairs)) return false;
  }
  return true;
}

/**
 * The last few pairs of formats (read, in memory) found to say the same: the reader gives all cells of a
 * style one format object, and a write shares one per style too, so the same pair comes cell after cell.
 * Formats are never changed once a workbook holds them: a pair that said the same still does.
 */
type FormatPairs = RecentPairs<JsonObject | undefined, JsonObject | undefined>;

function sameCell(read: CellData | null, memory: CellData | null, pairs: FormatPairs): boolean {
  if (!sameValue(read?.userEnteredValue, memory?.userEnteredValue)) return false;
  if ((read?.note || undefined) !== (memory?.note || undefined)) return false;
  const seen = read?.userEnteredFormat;
  const kept = memory?.userEnteredFormat;
  if (seen === kept) return true;
  if (pairs.some((a, b) => a === seen && b === kept)) return true;
  if (bold(seen) !== bold(kept) || wrapped(seen) !== wrapped(kept)) return false;
  if (pattern(seen) !== pattern(kept) || fill(seen) !== fill(kept)) return false;
  pairs.add(seen, kept);
  return true;
}

function sameValue(a: ExtendedValue | undefined, b: ExtendedValue | undefined): boolean {
  return (
    a?.formulaValue === b?.formulaValue &&
    a?.stringValue === b?.stringValue &&
    a?.numberValue === b?.numberValue &&
    a?.boolValue === b?.boolValue
  );
}

function bold(format: JsonObject | undefined): boolean {
  return (format?.textFormat as { bold?: boolean } | undefined)?.bold === true;
}

function wrapped(format: JsonObject | undefined): boolean {
  return format?.wrapStrategy === 'WRAP';
}

/** The pattern a read gives back: "General" (what an unformatted number is written with) is none. */
function pattern(format: JsonObject | undefined): string | undefined {
  const p = (format?.numberFormat as { pattern?: string } | undefined)?.pattern;
  return p && p.toLowerCase() !== 'general' ? p : undefined;
}

/** Colours as the file holds them: 8 bits a channel, as one number. */
function fill(format: JsonObject | undefined): number | undefined {
  const bg = format?.backgroundColor as { red?: number; green?: number; blue?: number } | undefined;
  if (!bg) return undefined;
  return (channel(bg.red) << 16) | (channel(bg.green) << 8) | channel(bg.blue);
}

function channel(x: number | undefined): number {
  return Math.round((x ?? 0) * 255);
}
