import { isAnnounced } from './announcement.ts';
import { type Competition, finalTop } from './competition.ts';
import { type CriterionMeans, criterionMeans } from './feedback.ts';
import { isPublishing, type LifecyclePhase } from './lifecycle.ts';
import { announcedFinal, type RecordInnovation, type ResultRecord, selectedIds } from './record.ts';

/**
 * What the public may see, drawn from ONE place: the latest fixed result version, the lifecycle phase
 * and the time. Every public surface (the announcement and its versions, /api/pengumuman, the catalogue
 * and entry pages, badges, share text and og tags, the print view, the feedback sheets) renders from
 * this; a live sync never reaches any of them.
 *
 * - before announceAt: embargoed, whatever the phase (announceAt is the embargo, the phase is the state);
 * - from announceAt, while the phase is not publicTest, announced or corrected, or nothing is fixed: pending;
 * - a stored version whose hash does not match its content: tampered, never shown as valid;
 * - otherwise: published.
 */
export type PublishedView =
  | { status: 'embargoed' }
  | { status: 'pending' }
  | { status: 'tampered'; version: number }
  | ({ status: 'published' } & PublishedResult);

export interface PublishedResult {
  /** The version shown (the latest, or an earlier one asked for by number). */
  record: ResultRecord;
  /** The newest fixed version: when it is not `record`'s, the one shown was replaced. */
  latestVersion: number;
}

/** A stored version as read, with whether its recomputed hash matched. */
export interface ReadVersion {
  record: ResultRecord;
  intact: boolean;
}

export interface PublishedViewInput {
  competition: Competition;
  now: Date;
  phase: LifecyclePhase;
  /** The latest fixed version, null while none exists. */
  latest: ReadVersion | null;
  /** An earlier version asked for by number (its own URL); absent for the latest. */
  asked?: ReadVersion | null;
}

export function publishedView(input: PublishedViewInput): PublishedView {
  const { competition, now, phase, latest, asked } = input;
  if (!isAnnounced(competition, now)) return { status: 'embargoed' };
  if (!latest || !isPublishing(phase)) return { status: 'pending' };
  const shown = asked ?? latest;
  // The latest decides what is current: a tampered latest is never hidden behind a valid older one.
  if (!latest.intact) return { status: 'tampered', version: latest.record.version };
  if (!shown.intact) return { status: 'tampered', version: shown.record.version };
  return { status: 'published', record: shown.record, latestVersion: latest.record.version };
}

/**
 * The winners' places as published (ties decided; under representation rules, the winners they chose):
 * the catalogue's "Top N — peringkat r" badges.
 */
export function publishedRanks(record: ResultRecord): Map<string, number> {
  const top = finalTop(record.competition);
  const selected = selectedIds(record);
  return new Map(
    announcedFinal(record).ranking.flatMap((e) =>
      e.rank !== null && (selected ? selected.has(e.id) : e.rank <= top) ? [[e.id, e.rank] as const] : [],
    ),
  );
}

/** The entries the published record holds, by id: the catalogue lists these and no other. */
export function publishedEntries(record: ResultRecord): Map<string, RecordInnovation> {
  return new Map(record.innovations.map((i) => [i.id, i]));
}

/** The per-criterion means behind the feedback sheets, from the record's typed cells. */
export function publishedCriterionMeans(record: ResultRecord): CriterionMeans {
  return criterionMeans(record.competition, record.result, record.cells);
}
