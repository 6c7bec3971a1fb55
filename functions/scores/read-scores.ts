import { hasConflict } from '../../shared/domain/scoring.ts';
import { jurorReadRange, jurorTabs, parseJurorTab } from '../../shared/domain/sheet-layout.ts';
import type { ScoreEntry } from '../../shared/ports.ts';
import type { Services } from '../services.ts';
import { sheetOf } from './sheet-needed.ts';

/** Every typed score cell of every juror tab, read in one request. */
export async function readTypedScores(services: Services): Promise<ScoreEntry[]> {
  const { competition, store } = services;
  const tabs = jurorTabs(competition);
  const [snapshot, innovations] = await Promise.all([
    sheetOf(services).readRanges(tabs.map(jurorReadRange)),
    store.listInnovations(competition.id),
  ]);
  const byId = new Map(innovations.map((i) => [i.id, i]));
  return tabs.flatMap((tab, i) => {
    const conflicted = (id: string) => {
      const innovation = byId.get(id);
      return innovation ? hasConflict(tab.juror, innovation) : false;
    };
    return parseJurorTab(tab, snapshot.ranges[i]?.values ?? [], conflicted).entries;
  });
}
