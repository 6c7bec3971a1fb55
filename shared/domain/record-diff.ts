import type { RankedEntry, StageResult } from './ranking.ts';

/** A score with the digits it is printed with. */
export type ShownScore = Pick<RankedEntry, 'score' | 'display'>;

/** How an entry of the live ranking differs from the fixed (published) one. */
export interface RankingDifference {
  id: string;
  fixedRank: number | null;
  liveRank: number | null;
  fixedScore: ShownScore | null;
  liveScore: ShownScore | null;
  /** Among the winners in one and not in the other. */
  winner: 'joins' | 'leaves' | null;
}

/**
 * What a later sync changed against the fixed result: every entry whose rank or score (to 4 decimals)
 * moved, or that entered or left the ranking, best fixed rank first. Empty when they agree.
 */
export function rankingDifferences(fixed: StageResult, live: StageResult, top: number): RankingDifference[] {
  const was = new Map(fixed.ranking.map((e) => [e.id, e]));
  const now = new Map(live.ranking.map((e) => [e.id, e]));
  const wins = (rank: number | null | undefined) => rank !== null && rank !== undefined && rank <= top;
  const out: RankingDifference[] = [];
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(id);
    const b = now.get(id);
    const round = (x: number | null | undefined) =>
      x === null || x === undefined ? null : Math.round(x * 1e4);
    if (a && b && a.rank === b.rank && round(a.score) === round(b.score)) continue;
    const winner = wins(a?.rank) === wins(b?.rank) ? null : wins(b?.rank) ? 'joins' : 'leaves';
    out.push({
      id,
      fixedRank: a?.rank ?? null,
      liveRank: b?.rank ?? null,
      fixedScore: a ?? null,
      liveScore: b ?? null,
      winner,
    });
  }
  const key = (d: RankingDifference) => d.fixedRank ?? d.liveRank ?? Number.POSITIVE_INFINITY;
  return out.sort((x, y) => key(x) - key(y) || (x.id < y.id ? -1 : 1));
}
