import { compareIds } from '../assignment.ts';

/**
 * One stage's juror totals (0–100): entry id → juror id → total. Each value has the shape of
 * `RankedEntry.totals`, so a stage's ranking plugs in through `stageTotals`.
 */
export type StageTotals = ReadonlyMap<string, Readonly<Record<string, number>>>;

/** A statistic that cannot be computed from the data given, and why. */
export interface Unavailable<Code extends string> {
  kind: 'unavailable';
  code: Code;
}

/** Entries × jurors, every cell filled: what ICC and Kendall's W need. */
export interface CompleteBlock {
  /** Row labels, in natural id order. */
  entries: string[];
  /** Column labels, in natural id order. */
  jurors: string[];
  /** rows[entry][juror]. */
  rows: number[][];
}

/**
 * The totals of a ranked stage by entry id (a `RankedEntry` fits: this module is below the ranking, which
 * scores through it). Pass only the entries that should count, e.g. complete ones.
 */
export function stageTotals(
  entries: readonly { id: string; totals: Readonly<Record<string, number>> }[],
): StageTotals {
  return new Map(entries.map((e) => [e.id, e.totals]));
}

/** Entry ids in natural order (INOV-9 before INOV-10), so no result depends on the input's order. */
export function entryIds(stage: StageTotals): string[] {
  return [...stage.keys()].sort(compareIds);
}

/** Every juror with at least one total in the stage, in natural id order. */
export function jurorIds(stage: StageTotals): string[] {
  const jurors = new Set<string>();
  for (const totals of stage.values()) for (const juror of Object.keys(totals)) jurors.add(juror);
  return [...jurors].sort(compareIds);
}

/**
 * The stage as a complete entries × jurors block, or null when some juror did not score some
 * entry. With conflicts of interest and 3-of-60 panels a complete block is rare: statistics that
 * need one report 'incomplete-block', and Krippendorff's α (which handles gaps) is the one to read.
 */
export function completeBlock(stage: StageTotals): CompleteBlock | null {
  const entries = entryIds(stage);
  const jurors = jurorIds(stage);
  const rows: number[][] = [];
  for (const entry of entries) {
    const totals = stage.get(entry) ?? {};
    const row: number[] = [];
    for (const juror of jurors) {
      const total = totals[juror];
      if (total === undefined) return null;
      row.push(total);
    }
    rows.push(row);
  }
  return { entries, jurors, rows };
}
