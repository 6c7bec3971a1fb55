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
   * Mean of (juror's total − the other jurors' mean total on the same entry) over shared entries,
   * in points: positive is lenient, negative harsh. Against the others, not the entry mean that
   * includes the juror: the same yardstick as `consistency` and as the dashboard's box plots, so a
   * juror the plots call harsh is called harsh here too. (Its effect on a published mean of k
   * totals is (k − 1)/k of it.) Null without shared entries.
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
    for (const [juror, total] of Object.entries(totals)) {
      const profile = seen.get(juror);
      if (!profile) continue;
      profile.entries++;
      if (all.length < 2) continue;
      const others = Object.entries(totals)
        .filter(([other]) => other !== juror)
        .map(([, t]) => t);
      const othersMean = stableMean(others) ?? 0;
      profile.offsets.push(total - othersMean);
      profile.own.push(total);
      profile.others.push(othersMean);
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
