import type { Competition, Juror, Stage } from './competition.ts';
import type { Innovation } from './innovation.ts';
import { hasConflict, panelOf } from './scoring.ts';

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
 * lightest load, then a per-pair hash that spreads ties evenly; the result depends only on its inputs.
 */
export function assignStage(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
): StageAssignment {
  const panel = panelOf(competition, stage);
  const perInnovation = Math.min(stage.jurorsPerInnovation ?? panel.length, panel.length);
  const load = new Map(panel.map((j) => [j.id, 0]));
  const out: StageAssignment = new Map(panel.map((j) => [j.id, []]));
  for (const innovation of [...population].sort((a, b) => compareIds(a.id, b.id))) {
    const ranked = panel
      .map((juror) => ({ juror, conflict: hasConflict(juror, innovation) }))
      .sort(
        (a, b) =>
          Number(a.conflict) - Number(b.conflict) ||
          (load.get(a.juror.id) ?? 0) - (load.get(b.juror.id) ?? 0) ||
          pairHash(innovation.id, a.juror) - pairHash(innovation.id, b.juror) ||
          compareIds(a.juror.id, b.juror.id),
      )
      .slice(0, perInnovation);
    for (const { juror, conflict } of ranked) {
      load.set(juror.id, (load.get(juror.id) ?? 0) + 1);
      out.get(juror.id)?.push({ innovation, conflict });
    }
  }
  for (const rows of out.values()) rows.sort((a, b) => compareIds(a.innovation.id, b.innovation.id));
  return out;
}

/** INOV-2024-99 before INOV-2024-100: digit runs compare as numbers. */
export function compareIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const bothDigits = /^\d/.test(x) && /^\d/.test(y);
    const d = bothDigits ? Number(x) - Number(y) || x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return 0;
}

/** FNV-1a over "innovation|juror": a fixed, evenly spread order for otherwise equal jurors. */
function pairHash(innovationId: string, juror: Juror): number {
  let h = 0x811c9dc5;
  for (const ch of `${innovationId}|${juror.id}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
