import { hasNoSpread, meanAndSd } from './descriptive.ts';
import type { Normalization } from './methods.ts';
import { entryIds, jurorIds, type StageTotals } from './stage-totals.ts';

export { NORMALIZATIONS, type Normalization } from './methods.ts';

/** Fewer scored entries than this and a juror's mean and SD are too noisy to standardize by (juri-rules/1–3). */
export const MIN_ENTRIES_TO_STANDARDIZE = 3;

/**
 * The minimum from juri-rules/4 on, when the stage sets no `aggregation.minEntries`: practice and the
 * literature say never to z-score a juror who scored fewer than about 8–10 entries.
 */
export const DEFAULT_MIN_ENTRIES_TO_STANDARDIZE = 8;

/** A stage's minimum of scored entries for z-scoring a juror, by the current rules. */
export function standardizeMinimum(stage: {
  aggregation?: { minEntries?: number | undefined } | undefined;
}): number {
  return stage.aggregation?.minEntries ?? DEFAULT_MIN_ENTRIES_TO_STANDARDIZE;
}

export type UnchangedReason = 'too-few-entries' | 'no-spread';

/** A juror whose totals z-scoring left as typed, and why. */
export interface UnchangedJuror {
  juror: string;
  reason: UnchangedReason;
  /** How many entries the juror scored in the stage. */
  entries: number;
  /** The minimum of scored entries the juror fell short of (`too-few-entries`). */
  min?: number;
}

export interface NormalizedStage {
  totals: StageTotals;
  /** Jurors left as typed, in natural id order; empty for 'none'. */
  unchanged: UnchangedJuror[];
}

/**
 * Puts every juror on a common scale before aggregation.
 *
 * 'zscore': each juror's totals are standardized over the entries they scored in this stage,
 * z = (t − juror mean) / juror SD, then mapped back onto the stage's scale as
 * pooled mean + pooled SD × z, where the pooled mean and SD (n − 1) are those of every total in the
 * stage. A harsh juror's 60 and a lenient juror's 85 for their own middle entry become the same.
 *
 * Rule for jurors who cannot be standardized: a juror with fewer than `minEntries` scored entries
 * (3 under juri-rules/1–3; the stage's `aggregation.minEntries`, default 8, from /4), or whose
 * totals are all equal (SD 0), keeps their totals exactly as typed and is listed in `unchanged`.
 * Why: with one or two entries the juror's mean and SD are mostly noise — z-scoring one entry
 * always gives 0 and two entries always ±0.71, erasing what the juror said — and with no spread
 * there is nothing to divide by. Raw totals are already on the common 0–100 scale, so leaving
 * them is the choice that assumes least; the list lets the report say so.
 *
 * Mapped totals are not clamped to 0–100: clamping would create ties and break the invariance
 * that makes z-scoring worth doing (shifting one juror's totals never changes the ranking).
 */
export function normalizeStage(
  stage: StageTotals,
  method: Normalization,
  minEntries = MIN_ENTRIES_TO_STANDARDIZE,
): NormalizedStage {
  if (method === 'none') return { totals: stage, unchanged: [] };
  const entries = entryIds(stage);
  const byJuror = new Map<string, number[]>(jurorIds(stage).map((j) => [j, []]));
  const all: number[] = [];
  for (const entry of entries) {
    for (const [juror, total] of Object.entries(stage.get(entry) ?? {})) {
      byJuror.get(juror)?.push(total);
      all.push(total);
    }
  }
  const pooled = meanAndSd(all);
  const unchanged: UnchangedJuror[] = [];
  const scale = new Map<string, { mean: number; sd: number }>();
  for (const [juror, totals] of byJuror) {
    const own = meanAndSd(totals);
    if (totals.length < minEntries || !own) {
      unchanged.push({ juror, reason: 'too-few-entries', entries: totals.length, min: minEntries });
    } else if (hasNoSpread(totals) || own.sd === 0) {
      unchanged.push({ juror, reason: 'no-spread', entries: totals.length });
    } else {
      scale.set(juror, own);
    }
  }
  const out = new Map<string, Record<string, number>>();
  for (const entry of entries) {
    const mapped: Record<string, number> = {};
    for (const [juror, total] of Object.entries(stage.get(entry) ?? {})) {
      const own = scale.get(juror);
      mapped[juror] = own && pooled ? pooled.mean + (pooled.sd * (total - own.mean)) / own.sd : total;
    }
    out.set(entry, mapped);
  }
  return { totals: out, unchanged };
}
