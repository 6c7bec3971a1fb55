import type { Competition, Juror, Stage } from './competition.ts';
import type { Innovation } from './innovation.ts';
import { sortByIds } from './natural-order.ts';
import { hasConflict, panelOf } from './scoring.ts';

/** The natural id order lives in natural-order.ts; re-exported here for the modules that import it from here. */
export { compareIds } from './natural-order.ts';

/** One row of a juror's tab: the innovation to score, and whether the juror may not count for it. */
export interface AssignedRow {
  innovation: Innovation;
  /** Unavoidable conflict (the whole panel scores it): shown greyed out and locked. */
  conflict: boolean;
}

/** Juror id → rows, in innovation order. Every panel juror is present, even with no rows. */
export type StageAssignment = Map<string, AssignedRow[]>;

/**
 * A stage's assignment as panel positions, as the ranking checks it: for each innovation of the
 * population, in id order, the `perInnovation` panel jurors picked (positions in `panel`), best first.
 */
export interface PanelAssignment {
  panel: readonly Juror[];
  /** Per panel position, the juror's id slot: a juror listed twice on the panel has one. */
  slotOf: Int32Array;
  /** How many distinct juror ids the panel holds. */
  slots: number;
  /** The population's indices in innovation id order. */
  order: Int32Array;
  perInnovation: number;
  /** By id-order position p, picks p·perInnovation … : panel positions, best first. */
  picks: Int32Array;
  /** Beside each pick: whether the juror has a conflict with the innovation (the whole panel scores it). */
  conflicted: Uint8Array;
}

/**
 * Assigns `stage.jurorsPerInnovation` panel jurors to each innovation.
 * Greedy in innovation order, so adding innovations later never changes earlier assignments
 * (re-provisioning only appends rows). Each pick prefers a juror without a conflict, then the
 * lightest load, then a per-pair hash that spreads ties evenly, then the juror id; the result depends
 * only on its inputs.
 *
 * Cost: O(innovations × panel × picks) — the picks are selected, not the whole panel sorted, and the
 * juror-id order is worked out once.
 */
export function assignStage(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
): StageAssignment {
  const a = assignPanel(competition, stage, population);
  const out: StageAssignment = new Map(a.panel.map((j) => [j.id, []]));
  for (let p = 0; p < a.order.length; p++) {
    const innovation = population[a.order[p] ?? 0] as Innovation;
    for (let i = p * a.perInnovation; i < (p + 1) * a.perInnovation; i++) {
      const juror = a.panel[a.picks[i] ?? 0] as Juror;
      out.get(juror.id)?.push({ innovation, conflict: a.conflicted[i] === 1 });
    }
  }
  // Rows were pushed in innovation id order already, so each juror's list is sorted.
  return out;
}

/**
 * The assignment worked out on panel positions, in typed arrays: at national scale (3,500 entries, a
 * panel of 60) the pick weighs 210,000 juror-entry pairs, and objects and holey arrays per pair made it
 * 20 ms. Each pair's order: no conflict first, then the lightest load, then the pair's hash, then the
 * juror id.
 */
export function assignPanel(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
): PanelAssignment {
  const panel = panelOf(competition, stage);
  const size = panel.length;
  const perInnovation = Math.max(0, Math.min(stage.jurorsPerInnovation ?? size, size));
  const { slotOf, slots } = idSlots(panel);
  const order = idOrder(population);
  const picks = new Int32Array(order.length * perInnovation);
  const conflicted = new Uint8Array(order.length * perInnovation);
  const assignment = { panel, slotOf, slots, order, perInnovation, picks, conflicted };
  if (perInnovation === 0) return assignment;
  const idRank = jurorIdRanks(panel);
  const codes = panel.map((j) => codePoints(j.id));
  const load = new Int32Array(slots);
  const conflict = new Uint8Array(size);
  const hash = new Uint32Array(size);
  const picked = new Int32Array(perInnovation);
  const before = (x: number, y: number) =>
    (conflict[x] as number) - (conflict[y] as number) ||
    (load[slotOf[x] as number] as number) - (load[slotOf[y] as number] as number) ||
    (hash[x] as number) - (hash[y] as number) ||
    (idRank[x] as number) - (idRank[y] as number);
  const conflicts = panelConflicts(panel);
  // Jurors by load, lightest first (when no juror is listed twice: then a pick moves one position).
  const byLoad = slots === size ? new LoadOrder(size, order.length * perInnovation) : null;
  for (let p = 0; p < order.length; p++) {
    const innovation = population[order[p] as number] as Innovation;
    const prefix = fnv(FNV_OFFSET, `${innovation.id}|`);
    conflicts.mark(innovation, conflict);
    let n = 0;
    for (let q = 0; q < size; q++) {
      const k = byLoad ? byLoad.at(q) : q;
      // Keep the best `perInnovation` jurors so far, in order (insertion into a short list). Most
      // jurors lose to the last kept on conflict or load alone, before their pair's hash is needed;
      // every juror kept has its hash. Visited lightest first, the first juror heavier than a last
      // kept without a conflict ends the search: every juror after it loses on load alone.
      if (n === perInnovation) {
        const last = picked[n - 1] as number;
        const d =
          (conflict[k] as number) - (conflict[last] as number) ||
          (load[slotOf[k] as number] as number) - (load[slotOf[last] as number] as number);
        if (d > 0) {
          const heavier = (load[slotOf[k] as number] as number) > (load[slotOf[last] as number] as number);
          if (byLoad && conflict[last] === 0 && heavier) break;
          continue;
        }
        hashInto(hash, k, prefix, codes[k] as Int32Array);
        if (d === 0 && before(k, last) >= 0) continue;
      } else hashInto(hash, k, prefix, codes[k] as Int32Array);
      let at = n === perInnovation ? n - 1 : n++;
      while (at > 0 && before(k, picked[at - 1] as number) < 0) {
        picked[at] = picked[at - 1] as number;
        at--;
      }
      picked[at] = k;
    }
    for (let i = 0; i < perInnovation; i++) {
      const k = picked[i] as number;
      const slot = slotOf[k] as number;
      byLoad?.raise(k, load[slot] as number);
      load[slot] = (load[slot] as number) + 1;
      picks[p * perInnovation + i] = k;
      conflicted[p * perInnovation + i] = conflict[k] as number;
    }
  }
  return assignment;
}

/**
 * The panel positions in order of load, lightest first (in no particular order within a load), kept as
 * loads rise by one: the positions in one array, each load's run of them [end[load − 1], end[load]).
 * The pick's order is total (the id rank last), so the order jurors are visited in changes nothing.
 */
class LoadOrder {
  private readonly positions: Int32Array;
  private readonly index: Int32Array;
  /** By load: how many positions have that load or less. */
  private readonly end: Int32Array;

  constructor(size: number, mostLoad: number) {
    this.positions = Int32Array.from({ length: size }, (_, k) => k);
    this.index = Int32Array.from({ length: size }, (_, k) => k);
    this.end = new Int32Array(mostLoad + 2).fill(size);
  }

  at(q: number): number {
    return this.positions[q] as number;
  }

  /** Position k's load goes from `load` to load + 1: it moves to the end of its run, which then shrinks. */
  raise(k: number, load: number): void {
    const last = (this.end[load] as number) - 1;
    const from = this.index[k] as number;
    const other = this.positions[last] as number;
    this.positions[from] = other;
    this.index[other] = from;
    this.positions[last] = k;
    this.index[k] = last;
    this.end[load] = last;
  }
}

/**
 * `hasConflict` of every panel juror with one innovation, written into a flag per panel position: only
 * the jurors of the innovation's region and those who declared conflicts are asked, not the whole panel.
 */
function panelConflicts(panel: readonly Juror[]): {
  mark(innovation: Innovation, into: Uint8Array): void;
} {
  const byRegion = new Map<string, number[]>();
  const declaring: number[] = [];
  panel.forEach((j, k) => {
    if (j.conflicts.length > 0) declaring.push(k);
    if (j.region === undefined) return;
    const same = byRegion.get(j.region);
    if (same) same.push(k);
    else byRegion.set(j.region, [k]);
  });
  const none: number[] = [];
  let marked: readonly number[] = none;
  return {
    mark(innovation, into) {
      for (const k of marked) into[k] = 0;
      for (const k of declaring) into[k] = 0;
      marked = byRegion.get(innovation.region) ?? none;
      for (const k of marked) into[k] = 1;
      for (const k of declaring) if (hasConflict(panel[k] as Juror, innovation)) into[k] = 1;
    },
  };
}

/** Each panel position's id slot, first come first numbered: a juror listed twice shares one load. */
function idSlots(panel: readonly Juror[]): { slotOf: Int32Array; slots: number } {
  const slot = new Map<string, number>();
  const slotOf = new Int32Array(panel.length);
  panel.forEach((j, k) => {
    const s = slot.get(j.id) ?? slot.size;
    slot.set(j.id, s);
    slotOf[k] = s;
  });
  return { slotOf, slots: slot.size };
}

/** The population's indices in (stable) innovation id order. */
function idOrder(population: readonly Innovation[]): Int32Array {
  return Int32Array.from(
    sortByIds(
      population.map((_, k) => k),
      (k) => (population[k] as Innovation).id,
    ),
  );
}

/** Position of each panel juror in (stable) id order: the last tie-break, as one integer. */
function jurorIdRanks(panel: readonly Juror[]): Int32Array {
  const idRank = new Int32Array(panel.length);
  sortByIds(
    panel.map((j, k) => ({ id: j.id, k })),
    (x) => x.id,
  ).forEach((x, r) => {
    idRank[x.k] = r;
  });
  return idRank;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over the code points of `text`, continuing from `h`: fnv(fnv(h, a), b) === fnv(h, a + b). */
function fnv(start: number, text: string): number {
  let h = start;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    h ^= cp;
    h = Math.imul(h, 0x01000193) >>> 0;
    i += cp > 0xffff ? 2 : 1;
  }
  return h;
}

/**
 * `fnv(start, text)` into `hash[k]`, over the text's code points read once (`codePoints`): a juror's id
 * is hashed with every entry's. Kept in 32-bit integers and stored, not returned: a hash returned as a
 * number above 2^30 is a heap object, and there are 210,000 pairs nationally.
 */
function hashInto(hash: Uint32Array, k: number, start: number, codes: Int32Array): void {
  let h = start | 0;
  for (let i = 0; i < codes.length; i++) h = Math.imul(h ^ (codes[i] as number), 0x01000193);
  hash[k] = h;
}

function codePoints(text: string): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    out.push(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return Int32Array.from(out);
}
