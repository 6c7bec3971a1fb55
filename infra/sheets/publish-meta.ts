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
  /**
   * For a live tab whose content has a version (OutputTab.grown): that version and the tab's grid, so
   * the next publish may patch the tab instead of rewriting it.
   */
  shown?: Record<string, { version: string; rows: number; cols: number }>;
  /** For each live tab without a content version, a digest of what it shows (publish-sums.ts). */
  sums?: Record<string, string>;
}

/** The content versions the bookkeeping cell says the live output tabs show (SheetSnapshot.shown). */
export function shownVersions(publishState: string): Record<string, string> | undefined {
  try {
    const meta = JSON.parse(publishState) as Partial<PublishMeta>;
    if (!meta.shown || !meta.live) return undefined;
    const live = meta.live;
    return Object.fromEntries(
      Object.entries(meta.shown).flatMap(([key, s]) =>
        live[key] !== undefined && typeof s?.version === 'string' ? [[key, s.version]] : [],
      ),
    );
  } catch {
    return undefined;
  }
}
