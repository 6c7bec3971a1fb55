/**
 * The ways a stage's scores can be combined, named apart from their arithmetic: the competition's config
 * chooses among them, and the config must not import the fairness code that computes them.
 */

/** How one entry's juror totals become its score. 'mean' is the published rule. */
export const AGGREGATIONS = ['mean', 'trimmed', 'median'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** 'none' uses totals as typed; 'zscore' removes each juror's own leniency and spread first. */
export const NORMALIZATIONS = ['none', 'zscore'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export interface ScoringMethod {
  aggregation: Aggregation;
  normalization: Normalization;
}
