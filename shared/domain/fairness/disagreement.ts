import { entryIds, type StageTotals } from './stage-totals.ts';

/** Points on the 0–100 scale; jurors this far apart on one entry should talk it over. */
export const DEFAULT_DISAGREEMENT_THRESHOLD = 20;

export interface EntrySpread {
  id: string;
  jurors: number;
  /** Highest minus lowest total; null with fewer than 2 jurors. */
  spread: number | null;
  /** The spread exceeds the threshold (strictly). */
  flagged: boolean;
}

/** Each entry's spread of juror totals, in natural id order, flagged above the threshold. */
export function entrySpreads(stage: StageTotals, threshold = DEFAULT_DISAGREEMENT_THRESHOLD): EntrySpread[] {
  return entryIds(stage).map((id) => {
    const totals = Object.values(stage.get(id) ?? {});
    const spread = totals.length < 2 ? null : Math.max(...totals) - Math.min(...totals);
    return { id, jurors: totals.length, spread, flagged: spread !== null && spread > threshold };
  });
}
