import type { EntrySpread } from './disagreement.ts';
import { DEFAULT_ICC_MIN_ENTRIES, ICC_CONFIDENCE, type IccUnavailableCode, type Interval } from './icc.ts';
import type { JurorProfile } from './juror-profiles.ts';
import type { KendallWUnavailableCode } from './kendall-w.ts';
import type { AlphaUnavailableCode } from './krippendorff-alpha.ts';
import { MIN_ENTRIES_TO_STANDARDIZE, type UnchangedJuror } from './normalization.ts';
import { DEFAULT_NEAR_CUTOFF, type EntryStability } from './rank-stability.ts';
import type { Unavailable } from './stage-totals.ts';

/** A statistic's confidence interval, e.g. ICC's 95 %: said after its sentence. */
export function interpretInterval(interval: Interval, confidence = ICC_CONFIDENCE): Interpretation | null {
  if (interval.low === null || interval.high === null) return null;
  return {
    code: 'icc-interval',
    params: { low: interval.low, high: interval.high, level: Math.round(confidence * 100) },
  };
}

/** Koo & Li (2016): below 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, above 0.9 excellent. */
export type IccBand = 'poor' | 'moderate' | 'good' | 'excellent';
/** Krippendorff (2004, Content Analysis, 2nd ed.): α ≥ 0.800 reliable; 0.667 ≤ α < 0.800 tentative conclusions only. */
export type AlphaBand = 'reliable' | 'tentative' | 'unreliable';
/** Bands between Schmidt's (1997) anchors for W: 0.1 very weak, 0.3 weak, 0.5 moderate, 0.7 strong. */
export type ConcordanceBand = 'very-weak' | 'weak' | 'moderate' | 'strong' | 'very-strong';
/** Where the bootstrap puts an entry relative to the cut-off. */
export type StabilityBand = 'secure' | 'near-cutoff' | 'out-of-reach';
/** Against a display threshold in points, not a statistical test. */
export type LeniencyBand = 'lenient' | 'typical' | 'harsh';
/** Pearson's r with the other jurors: display bands (0.7 / 0.4), not a test. */
export type ConsistencyBand = 'aligned' | 'partial' | 'divergent';

/** Every plain-words code; `shared/messages/fairness.ts` holds one sentence per code and language. */
export type FairnessCode =
  | `icc-${IccBand}`
  | `icc-k-${IccBand}`
  | 'reliability-block'
  | `icc-${IccUnavailableCode}`
  | 'icc-no-variance'
  | 'icc-interval'
  | `alpha-${AlphaBand}`
  | `alpha-${AlphaUnavailableCode}`
  | `kendall-w-${ConcordanceBand}`
  | `kendall-w-${KendallWUnavailableCode}`
  | 'kendall-p-significant'
  | 'kendall-p-chance'
  | 'kendall-p-few'
  | `stability-${StabilityBand}`
  | 'stability-summary'
  | 'stability-off'
  | 'whatif-same'
  | 'whatif-changed'
  | 'disagreement-summary'
  | 'disagreement-summary-none'
  | `consistency-${ConsistencyBand}`
  | 'consistency-unavailable'
  | 'draw-up'
  | 'draw-down'
  | 'draw-none'
  | 'disagreement-flagged'
  | 'disagreement-none'
  | `leniency-${LeniencyBand}`
  | `zscore-${UnchangedJuror['reason']}`;

/** A code and the values its sentence shows; numbers stay raw, the presentation formats them. */
export interface Interpretation {
  code: FairnessCode;
  params: Record<string, number | string>;
}

/** Kendall's χ² approximation is trusted from this many entries up (Siegel & Castellan 1988). */
export const MIN_ENTRIES_FOR_W_P = 7;
/** The conventional 5% level for "not chance". */
export const SIGNIFICANCE = 0.05;

/** Points of average offset beyond which a juror reads as lenient or harsh. A display choice. */
export const DEFAULT_LENIENCY_THRESHOLD = 5;

/**
 * Koo & Li give "between" bands and "greater than 0.90" for the top one; we close each band at its
 * lower bound, so 0.5 is moderate, 0.75 good, and 0.9 itself still good.
 */
export function iccBand(value: number): IccBand {
  if (value < 0.5) return 'poor';
  if (value < 0.75) return 'moderate';
  if (value <= 0.9) return 'good';
  return 'excellent';
}

export function alphaBand(value: number): AlphaBand {
  if (value >= 0.8) return 'reliable';
  if (value >= 0.667) return 'tentative';
  return 'unreliable';
}

export function concordanceBand(w: number): ConcordanceBand {
  if (w < 0.1) return 'very-weak';
  if (w < 0.3) return 'weak';
  if (w < 0.5) return 'moderate';
  if (w < 0.7) return 'strong';
  return 'very-strong';
}

export function stabilityBand(probabilityTop: number, near = DEFAULT_NEAR_CUTOFF): StabilityBand {
  if (probabilityTop >= near.high) return 'secure';
  if (probabilityTop <= near.low) return 'out-of-reach';
  return 'near-cutoff';
}

export function leniencyBand(offset: number, threshold = DEFAULT_LENIENCY_THRESHOLD): LeniencyBand {
  if (offset > threshold) return 'lenient';
  if (offset < -threshold) return 'harsh';
  return 'typical';
}

export function consistencyBand(r: number): ConsistencyBand {
  if (r >= 0.7) return 'aligned';
  if (r >= 0.4) return 'partial';
  return 'divergent';
}

/** ICC(2,k): how reliable the mean of the block's k jurors is (what the published score averages). */
export function interpretIccK(
  result: { kind: 'icc'; k: number; icc2k: number | null } | Unavailable<IccUnavailableCode>,
): Interpretation | null {
  if (result.kind === 'unavailable' || result.icc2k === null) return null;
  return { code: `icc-k-${iccBand(result.icc2k)}`, params: { value: result.icc2k, k: result.k } };
}

/** Which entries ICC and W were computed on, when it is not all of them. */
export function interpretBlock(block: {
  entries: number;
  jurors: number;
  of: number;
}): Interpretation | null {
  if (block.entries === 0 || block.entries === block.of) return null;
  return { code: 'reliability-block', params: { ...block } };
}

/** The p-value of Kendall's W, or why it is not read. */
export function interpretKendallP(
  result: { kind: 'kendall-w'; pValue: number; entries: number } | Unavailable<KendallWUnavailableCode>,
): Interpretation | null {
  if (result.kind === 'unavailable') return null;
  if (result.entries < MIN_ENTRIES_FOR_W_P)
    return { code: 'kendall-p-few', params: { n: MIN_ENTRIES_FOR_W_P } };
  return {
    code: result.pValue < SIGNIFICANCE ? 'kendall-p-significant' : 'kendall-p-chance',
    params: { p: result.pValue },
  };
}

export function interpretConsistency(profile: JurorProfile): Interpretation {
  if (profile.consistency === null)
    return { code: 'consistency-unavailable', params: { juror: profile.juror } };
  return {
    code: `consistency-${consistencyBand(profile.consistency)}`,
    params: { juror: profile.juror, value: profile.consistency },
  };
}

/**
 * ICC(2,1) in plain words (the single-juror, absolute-agreement coefficient), or why it is missing;
 * `withheld` gives a 'too-few-entries' sentence its numbers (the block's entries and the minimum).
 */
export function interpretIcc(
  result: { kind: 'icc'; icc21: number | null } | Unavailable<IccUnavailableCode>,
  withheld: { entries: number; min: number } = { entries: 0, min: DEFAULT_ICC_MIN_ENTRIES },
): Interpretation {
  if (result.kind === 'unavailable')
    return { code: `icc-${result.code}`, params: result.code === 'too-few-entries' ? { ...withheld } : {} };
  if (result.icc21 === null) return { code: 'icc-no-variance', params: {} };
  return { code: `icc-${iccBand(result.icc21)}`, params: { value: result.icc21 } };
}

export function interpretAlpha(
  result: { kind: 'alpha'; alpha: number } | Unavailable<AlphaUnavailableCode>,
): Interpretation {
  if (result.kind === 'unavailable') return { code: `alpha-${result.code}`, params: {} };
  return { code: `alpha-${alphaBand(result.alpha)}`, params: { value: result.alpha } };
}

export function interpretKendallW(
  result: { kind: 'kendall-w'; w: number; pValue: number } | Unavailable<KendallWUnavailableCode>,
): Interpretation {
  if (result.kind === 'unavailable') return { code: `kendall-w-${result.code}`, params: {} };
  return { code: `kendall-w-${concordanceBand(result.w)}`, params: { value: result.w, p: result.pValue } };
}

export function interpretStability(
  entry: EntryStability,
  top: number,
  near = DEFAULT_NEAR_CUTOFF,
): Interpretation {
  return {
    code: `stability-${stabilityBand(entry.probabilityTop, near)}`,
    params: {
      rank: entry.rank,
      top,
      probability: entry.probabilityTop,
      low: entry.rankLow,
      high: entry.rankHigh,
    },
  };
}

export function interpretSpread(entry: EntrySpread, threshold: number): Interpretation {
  return {
    code: entry.flagged ? 'disagreement-flagged' : 'disagreement-none',
    params: { spread: entry.spread ?? 0, threshold },
  };
}

/** Null when the juror shares no entry with another juror. `points` is the size of the offset. */
export function interpretLeniency(
  profile: JurorProfile,
  threshold = DEFAULT_LENIENCY_THRESHOLD,
): Interpretation | null {
  if (profile.leniency === null) return null;
  return {
    code: `leniency-${leniencyBand(profile.leniency, threshold)}`,
    params: { juror: profile.juror, points: Math.abs(profile.leniency), entries: profile.shared },
  };
}

export function interpretUnchanged(unchanged: UnchangedJuror): Interpretation {
  return {
    code: `zscore-${unchanged.reason}`,
    params: {
      juror: unchanged.juror,
      entries: unchanged.entries,
      min: unchanged.min ?? MIN_ENTRIES_TO_STANDARDIZE,
    },
  };
}
