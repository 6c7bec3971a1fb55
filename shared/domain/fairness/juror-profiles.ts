import { stableMean } from '../scoring.ts';
import { pearson } from './descriptive.ts';
import { entryIds, jurorIds, type StageTotals } from './stage-totals.ts';

export interface JurorProfile {
  juror: string;
  /** Entries the juror scored in the stage. */
  entries: number;
  /** Of those, entries at least one other juror also scored: the ones leniency and consistency use. */
  shared: number;
  /**
   * Mean of (juror's total − the entry's mean total) over shared entries, in points: positive is
   * lenient, negative harsh. The entry mean includes the juror, as the published score does; with
   * k jurors per entry this is (k − 1)/k of the gap to the other jurors' mean. Null without shared entries.
   */
  leniency: number | null;
  /**
   * Pearson's r between the juror's totals and the other jurors' mean on the same entries: does
   * the juror order entries as the others do, whatever their level. Null with fewer than 3 shared
   * entries or when either side has no spread.
   */
  consistency: number | null;
}

/** Every juror's leniency and consistency, in natural juror id order. */
export function jurorProfiles(stage: StageTotals): JurorProfile[] {
  const seen = new Map<string, { entries: number; offsets: number[]; own: number[]; others: number[] }>(
    jurorIds(stage).map((j) => [j, { entries: 0, offsets: [], own: [], others: [] }]),
  );
  for (const id of entryIds(stage)) {
    const totals = stage.get(id) ?? {};
    const all = Object.values(totals);
    const entryMean = stableMean(all) ?? 0;
    for (const [juror, total] of Object.entries(totals)) {
      const profile = seen.get(juror);
      if (!profile) continue;
      profile.entries++;
      if (all.length < 2) continue;
      const others = Object.entries(totals)
        .filter(([other]) => other !== juror)
        .map(([, t]) => t);
      profile.offsets.push(total - entryMean);
      profile.own.push(total);
      profile.others.push(stableMean(others) ?? 0);
    }
  }
  return [...seen].map(([juror, p]) => ({
    juror,
    entries: p.entries,
    shared: p.offsets.length,
    leniency: stableMean(p.offsets),
    consistency: pearson(p.own, p.others),
  }));
}
