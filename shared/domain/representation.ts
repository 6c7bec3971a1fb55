import type { RankedEntry, StageResult } from './ranking.ts';
import { type Quota, quotasOf, type RepresentationRules } from './representation-rules.ts';

/**
 * How the representation rules (representation-rules.ts) choose the winners from the final ranking,
 * as facts (`juri-rules/4`); docs/representation.md states the algorithm for independent checkers.
 */

/** What the rules read of an entry. */
export interface RepresentedEntry {
  id: string;
  region: string;
  category: string;
}

/** A winner: its place in the (tie-decided) final ranking, and the quota it got in through, if any. */
export interface SelectedFact {
  id: string;
  rank: number;
  /** The minimum that gave it a place it would not have had by rank. Absent: in by rank. */
  quota?: { kind: Quota['kind']; id: string };
}

/** An entry that would have won by rank, and why it did not. */
export type SkippedFact =
  | { id: string; rank: number; reason: 'max-per-region'; region: string; max: number }
  | { id: string; rank: number; reason: 'quota'; quota: { kind: Quota['kind']; id: string }; by: string };

/** A minimum the ranking could not meet (too few eligible entries, or no place left to give). */
export interface UnmetFact {
  kind: Quota['kind'];
  id: string;
  min: number;
  got: number;
}

/** The outcome of the rules: facts only, in the order of the ranking. */
export interface RepresentationOutcome {
  selected: SelectedFact[];
  skipped: SkippedFact[];
  unmet: UnmetFact[];
}

/**
 * Applies the rules to the final ranking, ties decided (`decidedRanking`), for `top` places:
 *
 * 1. Walk the ranked entries in order; take each one unless its region already has `maxPerRegion`
 *    winners (then it is skipped, `max-per-region`), until `top` are taken.
 * 2. For each minimum in turn (categories in config order, then groups), while it is unmet: the
 *    lowest-ranked winner that no minimum needs (taking it out leaves every minimum it counts for as met
 *    as before) gives its place (skipped, `quota`) to the best-ranked entry not taken that counts for the
 *    minimum and breaks no maximum once that winner is out. With no such pair the minimum stays unmet.
 *
 * Entries sharing an undecided rank are walked in the ranking's listing order.
 */
export function applyRepresentation(
  final: StageResult,
  top: number,
  entries: readonly RepresentedEntry[],
  rules: RepresentationRules,
  categoryIds: readonly string[],
): RepresentationOutcome {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ranked = final.ranking.filter((e): e is RankedEntry & { rank: number } => e.rank !== null);
  const regionOf = (id: string) => byId.get(id)?.region ?? '';
  const categoryOf = (id: string) => byId.get(id)?.category ?? '';
  const counts = (q: Pick<Quota, 'kind' | 'id'>, id: string) =>
    q.kind === 'category' ? categoryOf(id) === q.id : (rules.groups?.[q.id] ?? []).includes(regionOf(id));
  const max = rules.maxPerRegion ?? Number.POSITIVE_INFINITY;

  const taken: (RankedEntry & { rank: number })[] = [];
  const through = new Map<string, Quota>();
  const skipped: SkippedFact[] = [];
  const fromRegion = (region: string, except?: string) =>
    taken.filter((e) => e.id !== except && regionOf(e.id) === region).length;
  for (const e of ranked) {
    if (taken.length === top) break;
    const region = regionOf(e.id);
    if (fromRegion(region) >= max) {
      skipped.push({ id: e.id, rank: e.rank, reason: 'max-per-region', region, max });
      continue;
    }
    taken.push(e);
  }

  const quotas = quotasOf(rules, categoryIds);
  const got = (q: Quota) => taken.filter((e) => counts(q, e.id)).length;
  const unmet: UnmetFact[] = [];
  for (const q of quotas) {
    while (got(q) < q.min) {
      const swap = nextSwap(q);
      if (!swap) {
        unmet.push({ kind: q.kind, id: q.id, min: q.min, got: got(q) });
        break;
      }
      const [out, inn] = swap;
      taken.splice(taken.indexOf(out), 1);
      taken.push(inn);
      through.set(inn.id, q);
      const maxSkip = skipped.findIndex((s) => s.id === inn.id);
      if (maxSkip >= 0) skipped.splice(maxSkip, 1);
      skipped.push({
        id: out.id,
        rank: out.rank,
        reason: 'quota',
        quota: { kind: q.kind, id: q.id },
        by: inn.id,
      });
    }
  }

  /** The lowest-ranked removable winner and the best-ranked eligible replacement for quota q. */
  function nextSwap(q: Quota): [RankedEntry & { rank: number }, RankedEntry & { rank: number }] | undefined {
    const removable = [...taken].reverse().filter((e) => !counts(q, e.id) && !neededByAMin(e.id));
    for (const out of removable) {
      const inn = ranked.find(
        (e) => !taken.includes(e) && counts(q, e.id) && fromRegion(regionOf(e.id), out.id) < max,
      );
      if (inn) return [out, inn];
    }
    return undefined;
  }
  function neededByAMin(id: string): boolean {
    return quotas.some((q) => counts(q, id) && got(q) <= q.min);
  }

  const order = new Map(ranked.map((e, i) => [e.id, i]));
  const place = (id: string) => order.get(id) ?? 0;
  taken.sort((a, b) => place(a.id) - place(b.id));
  skipped.sort((a, b) => place(a.id) - place(b.id));
  return {
    selected: taken.map((e) => {
      const q = through.get(e.id);
      return { id: e.id, rank: e.rank, ...(q ? { quota: { kind: q.kind, id: q.id } } : {}) };
    }),
    skipped,
    unmet,
  };
}
