import { compareIds } from '../../shared/domain/assignment.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { hasConflict } from '../../shared/domain/scoring.ts';
import type { ScoreSheet, SheetSnapshot } from '../../shared/ports.ts';
import { type JurorProgress, jurorReadRange, jurorTabs, parseJurorTab } from '../../shared/sheet/layout.ts';
import type { Services } from '../compose/services.ts';
import { sheetOf } from './sheet-needed.ts';

export interface JurorTabsRead {
  /** The innovations the cells were parsed against, in id order. */
  innovations: Innovation[];
  snapshot: SheetSnapshot;
  entries: ScoreEntry[];
  progress: JurorProgress[];
  /** The values of the `extra` ranges, in order. */
  extra: string[][][];
}

/**
 * Every juror tab of every stage in ONE read, parsed into typed score cells and progress; `extra`
 * ranges (e.g. the "Seleksi" tab) ride along in the same request.
 */
export async function readJurorTabs(
  services: Services,
  opts: { sheet?: ScoreSheet; extra?: string[] } = {},
): Promise<JurorTabsRead> {
  const tabs = jurorTabs(services.competition);
  const extra = opts.extra ?? [];
  const [snapshot, listed] = await Promise.all([
    (opts.sheet ?? sheetOf(services)).readRanges([...tabs.map(jurorReadRange), ...extra]),
    services.store.listInnovations(services.competition.id),
  ]);
  const innovations = [...listed].sort((a, b) => compareIds(a.id, b.id));
  const byId = new Map(innovations.map((i) => [i.id, i]));
  const entries: ScoreEntry[] = [];
  const progress = tabs.map((tab, i) => {
    const conflicted = (id: string) => {
      const innovation = byId.get(id);
      return innovation ? hasConflict(tab.juror, innovation) : false;
    };
    const parsed = parseJurorTab(tab, snapshot.ranges[i]?.values ?? [], conflicted);
    entries.push(...parsed.entries);
    return parsed.progress;
  });
  const extraValues = extra.map((_, i) => snapshot.ranges[tabs.length + i]?.values ?? []);
  return { innovations, snapshot, entries, progress, extra: extraValues };
}

/** Every typed score cell, as `juri demo` exports them for `juri rank`. */
export async function readTypedScores(services: Services): Promise<ScoreEntry[]> {
  return (await readJurorTabs(services)).entries;
}
