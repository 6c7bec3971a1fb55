import type { RankedEntry, StageResult } from './ranking.ts';

/** What the panel decided about entries that share a rank in the final ranking, as minuted. */
export interface TieDecision {
  /** The rank the group shares in the computed final ranking. */
  rank: number;
  /** The group's innovation ids in the order the panel decided, best first. */
  order: string[];
  /** The panel's reasoning, as it goes into the Berita Acara. */
  note: string;
}

export interface TieGroup {
  rank: number;
  ids: string[];
  /** The group straddles the last winning place: without a decision, more than `top` entries would win. */
  atCutoff: boolean;
}

/** Entries that share a rank within the winners' places, in ranking order. */
export function tieGroups(final: StageResult, top: number): TieGroup[] {
  const groups = new Map<number, string[]>();
  for (const e of final.ranking) {
    if (!e.tie || e.rank === null || e.rank > top) continue;
    const ids = groups.get(e.rank) ?? [];
    ids.push(e.id);
    groups.set(e.rank, ids);
  }
  return [...groups].map(([rank, ids]) => ({ rank, ids, atCutoff: rank + ids.length - 1 > top }));
}

export type TieDecisionProblem =
  | { code: 'tie-undecided'; rank: number; ids: string[] }
  | { code: 'tie-decision-unknown-group'; rank: number; ids: string[] }
  | { code: 'tie-decision-members'; rank: number; ids: string[]; expected: string[] }
  | { code: 'tie-decision-note'; rank: number };

/** Every cut-off tie needs a decision; each decision must name exactly one tie group, with a note. */
export function checkTieDecisions(
  final: StageResult,
  top: number,
  decisions: readonly TieDecision[],
): TieDecisionProblem[] {
  const groups = tieGroups(final, top);
  const problems: TieDecisionProblem[] = [];
  for (const d of decisions) {
    const group = groups.find((g) => g.rank === d.rank);
    if (!group) {
      problems.push({ code: 'tie-decision-unknown-group', rank: d.rank, ids: d.order });
      continue;
    }
    const same = d.order.length === group.ids.length && group.ids.every((id) => d.order.includes(id));
    if (!same)
      problems.push({ code: 'tie-decision-members', rank: d.rank, ids: d.order, expected: group.ids });
    if (d.note.trim() === '') problems.push({ code: 'tie-decision-note', rank: d.rank });
  }
  for (const g of groups) {
    if (g.atCutoff && !decisions.some((d) => d.rank === g.rank)) {
      problems.push({ code: 'tie-undecided', rank: g.rank, ids: g.ids });
    }
  }
  return problems;
}

/**
 * The final ranking as announced: within a decided group the panel's order gives consecutive ranks
 * (no longer tied), and only places up to `top` win. Undecided ties keep their shared rank.
 */
export function decidedRanking(
  final: StageResult,
  top: number,
  decisions: readonly TieDecision[],
): StageResult {
  const placed = new Map<string, number>();
  for (const d of decisions) {
    d.order.forEach((id, i) => {
      placed.set(id, d.rank + i);
    });
  }
  const ranking: RankedEntry[] = final.ranking.map((e) => {
    const rank = placed.get(e.id);
    if (rank === undefined) return e;
    return { ...e, rank, tie: false, advances: rank <= top };
  });
  const order = (e: RankedEntry) => e.rank ?? Number.POSITIVE_INFINITY;
  const indexed = ranking.map((e, i) => ({ e, i }));
  indexed.sort((a, b) => order(a.e) - order(b.e) || a.i - b.i);
  return { ...final, ranking: indexed.map((x) => x.e) };
}
