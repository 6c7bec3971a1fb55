import { entryIds, type StageTotals } from './stage-totals.ts';

const MAX_ITERATIONS = 500;
const TOLERANCE = 1e-9;

/**
 * Each juror's level in the additive model total = entry quality + juror level + noise, fitted by
 * least squares over whatever cells exist (alternating means: qualities given levels, levels given
 * qualities, until nothing moves by 1e-9 points). Levels are centred so that the average total's
 * juror level is 0. With a complete block this is exactly juror mean − grand mean; with gaps
 * (conflicts, 3-of-60 panels) it still compares jurors on the entries they share, so a juror who
 * happened to get strong entries is not mistaken for a lenient one. Jurors in a part of the design
 * no one links to the rest are only comparable among themselves.
 */
export function jurorLevels(stage: StageTotals): Map<string, number> {
  const cells: { entry: number; juror: number; total: number }[] = [];
  const jurorIndex = new Map<string, number>();
  const entries = entryIds(stage);
  entries.forEach((id, e) => {
    for (const [juror, total] of Object.entries(stage.get(id) ?? {})) {
      let j = jurorIndex.get(juror);
      if (j === undefined) {
        j = jurorIndex.size;
        jurorIndex.set(juror, j);
      }
      cells.push({ entry: e, juror: j, total });
    }
  });
  const level = new Float64Array(jurorIndex.size);
  const quality = new Float64Array(entries.length);
  const sums = { entry: new Float64Array(entries.length), juror: new Float64Array(jurorIndex.size) };
  const counts = { entry: new Float64Array(entries.length), juror: new Float64Array(jurorIndex.size) };
  for (const c of cells) {
    counts.entry[c.entry] = (counts.entry[c.entry] ?? 0) + 1;
    counts.juror[c.juror] = (counts.juror[c.juror] ?? 0) + 1;
  }
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    sums.entry.fill(0);
    for (const c of cells) sums.entry[c.entry] = (sums.entry[c.entry] ?? 0) + c.total - (level[c.juror] ?? 0);
    for (let e = 0; e < quality.length; e++) quality[e] = (sums.entry[e] ?? 0) / (counts.entry[e] || 1);
    sums.juror.fill(0);
    for (const c of cells)
      sums.juror[c.juror] = (sums.juror[c.juror] ?? 0) + c.total - (quality[c.entry] ?? 0);
    let centre = 0;
    for (const c of cells) centre += (sums.juror[c.juror] ?? 0) / (counts.juror[c.juror] || 1);
    centre /= cells.length || 1;
    let moved = 0;
    for (let j = 0; j < level.length; j++) {
      const next = (sums.juror[j] ?? 0) / (counts.juror[j] || 1) - centre;
      moved = Math.max(moved, Math.abs(next - (level[j] ?? 0)));
      level[j] = next;
    }
    if (moved < TOLERANCE) break;
  }
  return new Map([...jurorIndex].map(([juror, j]) => [juror, level[j] ?? 0]));
}

/** An entry's panel effect: the mean level of the jurors who scored it, in points. */
export function panelEffect(
  totals: Readonly<Record<string, number>>,
  levels: ReadonlyMap<string, number>,
): number {
  const jurors = Object.keys(totals);
  if (jurors.length === 0) return 0;
  return jurors.reduce((s, j) => s + (levels.get(j) ?? 0), 0) / jurors.length;
}
