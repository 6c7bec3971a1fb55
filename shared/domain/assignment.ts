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
  const panel = panelOf(competition, stage);
  const size = panel.length;
  const perInnovation = Math.min(stage.jurorsPerInnovation ?? size, size);
  // Position of each panel juror in (stable) id order: the last tie-break, as one integer.
  const idRank = new Array<number>(size);
  sortByIds(
    panel.map((j, k) => ({ id: j.id, k })),
    (x) => x.id,
  ).forEach((x, r) => {
    idRank[x.k] = r;
  });
  // A juror listed twice on the panel shares one load, as the load map keyed by id did.
  const loadSlot = new Map<string, number>();
  const slotOf = panel.map((j) => {
    const slot = loadSlot.get(j.id) ?? loadSlot.size;
    loadSlot.set(j.id, slot);
    return slot;
  });
  const load = new Array<number>(loadSlot.size).fill(0);
  const out: StageAssignment = new Map(panel.map((j) => [j.id, []]));
  const conflict = new Array<boolean>(size);
  const hash = new Array<number>(size);
  const picked: number[] = [];
  const before = (x: number, y: number) =>
    Number(conflict[x]) - Number(conflict[y]) ||
    (load[slotOf[x] ?? 0] ?? 0) - (load[slotOf[y] ?? 0] ?? 0) ||
    (hash[x] ?? 0) - (hash[y] ?? 0) ||
    (idRank[x] ?? 0) - (idRank[y] ?? 0);

  if (perInnovation <= 0) return out;
  for (const innovation of sortByIds(population, (i) => i.id)) {
    const prefix = fnv(FNV_OFFSET, `${innovation.id}|`);
    picked.length = 0;
    for (let k = 0; k < size; k++) {
      const juror = panel[k] as Juror;
      conflict[k] = hasConflict(juror, innovation);
      hash[k] = fnv(prefix, juror.id);
      // Keep the best `perInnovation` jurors so far, in order (insertion into a short list).
      if (picked.length === perInnovation && before(k, picked[perInnovation - 1] ?? 0) >= 0) continue;
      let at = picked.length === perInnovation ? perInnovation - 1 : picked.length;
      while (at > 0 && before(k, picked[at - 1] ?? 0) < 0) {
        picked[at] = picked[at - 1] ?? 0;
        at--;
      }
      picked[at] = k;
    }
    for (const k of picked) {
      const juror = panel[k] as Juror;
      const slot = slotOf[k] ?? 0;
      load[slot] = (load[slot] ?? 0) + 1;
      out.get(juror.id)?.push({ innovation, conflict: conflict[k] ?? false });
    }
  }
  // Rows were pushed in innovation id order already, so each juror's list is sorted.
  return out;
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
