import { AGGREGATIONS, NORMALIZATIONS, type ScoringMethod } from './methods.ts';
import { normalizeStage, type UnchangedJuror } from './normalization.ts';
import { orderStage } from './score-order.ts';
import type { StageTotals } from './stage-totals.ts';

/** The published rule, against which every other method is compared. */
export const DEFAULT_METHOD: ScoringMethod = { aggregation: 'mean', normalization: 'none' };

/** Every aggregation × normalization, the default first. */
export const SCORING_METHODS: readonly ScoringMethod[] = NORMALIZATIONS.flatMap((normalization) =>
  AGGREGATIONS.map((aggregation) => ({ aggregation, normalization })),
);

export interface WhatIfColumn {
  method: ScoringMethod;
  /** Top N ids, best first. */
  top: string[];
  /** In this Top N but not the default's, in this method's order. */
  enters: string[];
  /** In the default Top N but not this one, in the default's order. */
  leaves: string[];
}

export type WhatIfChange = 'enters' | 'leaves' | 'stays' | 'out';

export interface WhatIfCell {
  /** 1-based place under this method (no shared places). */
  rank: number;
  score: number;
  inTop: boolean;
  /** Relative to the default method's Top N. */
  change: WhatIfChange;
}

export interface WhatIfRow {
  id: string;
  /** One per column, in the columns' order. */
  cells: WhatIfCell[];
}

export interface WhatIf {
  top: number;
  columns: WhatIfColumn[];
  /** Every entry in at least one method's Top N, in the default method's order. */
  rows: WhatIfRow[];
  /** Jurors z-scoring left as typed (see `normalizeStage`). */
  unchanged: UnchangedJuror[];
}

/**
 * The Top N under every scoring method side by side, to show whether the method, rather than the
 * innovations, decides who is in. Entries without totals are left out; pass only the entries that
 * count. Places are tie-break-free: equal scores (to 4 decimals) go by natural id order.
 */
export function whatIf(stage: StageTotals, top: number, methods = SCORING_METHODS): WhatIf {
  const normalized = new Map(NORMALIZATIONS.map((n) => [n, normalizeStage(stage, n)]));
  const orders = methods.map((method) =>
    orderStage(normalized.get(method.normalization)?.totals ?? stage, method.aggregation),
  );
  const defaultOrder = orderStage(stage, DEFAULT_METHOD.aggregation);
  return compareOrders(methods, orders, defaultOrder, top, normalized.get('zscore')?.unchanged ?? []);
}

/**
 * The what-if table from orders already made, one per method (best first, every order holding the
 * same entries), against `baseline`: the order of the published rule, whose Top N decides who
 * "enters" and "leaves". For scores that are not one stage's totals, e.g. the final weighted score.
 */
export function compareOrders(
  methods: readonly ScoringMethod[],
  orders: readonly (readonly { id: string; score: number }[])[],
  baseline: readonly { id: string; score: number }[],
  top: number,
  unchanged: UnchangedJuror[],
): WhatIf {
  const defaultTop = new Set(baseline.slice(0, top).map((e) => e.id));
  const columns = methods.map((method, i) => {
    const ids = (orders[i] ?? []).slice(0, top).map((e) => e.id);
    const inTop = new Set(ids);
    return {
      method,
      top: ids,
      enters: ids.filter((id) => !defaultTop.has(id)),
      leaves: [...defaultTop].filter((id) => !inTop.has(id)),
    };
  });

  const places = orders.map((order) => new Map(order.map((e, i) => [e.id, { rank: i + 1, score: e.score }])));
  const anywhere = new Set(columns.flatMap((c) => c.top));
  const rows = baseline
    .filter((e) => anywhere.has(e.id))
    .map((e) => ({
      id: e.id,
      cells: places.map((place) => {
        const at = place.get(e.id) ?? { rank: Number.POSITIVE_INFINITY, score: Number.NaN };
        const inTop = at.rank <= top;
        const wasIn = defaultTop.has(e.id);
        const change: WhatIfChange = inTop ? (wasIn ? 'stays' : 'enters') : wasIn ? 'leaves' : 'out';
        return { rank: at.rank, score: at.score, inTop, change };
      }),
    }));

  return { top, columns, rows, unchanged };
}
