import { type Context, Hono } from 'hono';
import { decision, panelChair } from '../../shared/domain/competition.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { type ResultRecord, representationOf, verificationCode } from '../../shared/domain/record.ts';
import { AppError } from '../../shared/errors.ts';
import { type Announcement, recordAnnouncement } from '../../shared/messages/announcement-template.ts';
import type { BaCell } from '../../shared/messages/berita-acara-blocks.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { fieldPublicLines } from '../../shared/messages/field.ts';
import { representationPublicLines } from '../../shared/messages/representation.ts';
import type { AppEnv, Services } from '../compose/services.ts';
import { loadPublishedView } from '../results/published.ts';

/** Public JSON of the announcement; nothing of the ranking leaves before announceAt. */
export const announceRoutes = new Hono<AppEnv>();

function publicJson(c: Context<AppEnv>, body: PublicAnnouncement) {
  c.header('cache-control', 'public, max-age=60');
  // The language comes from ?lang (in the URL) or the lang cookie.
  c.header('vary', 'Cookie');
  return c.json(body);
}

announceRoutes.get('/api/pengumuman/:competition', async (c) => {
  const services = c.get('services');
  return publicJson(c, await publicAnnouncement(services, c.req.param('competition'), c.get('lang')));
});

announceRoutes.get('/api/pengumuman/:competition/versi/:version', async (c) => {
  const services = c.get('services');
  const version = versionParam(c.req.param('version'));
  return publicJson(
    c,
    await publicAnnouncement(services, c.req.param('competition'), c.get('lang'), version),
  );
});

/** What the public may know about the fixed version shown. */
export interface FixedFacts {
  version: number;
  /** The newest fixed version: when it is not this one, this one was replaced. */
  latestVersion: number;
  hash: string;
  code: string;
  fixedAt: string;
  result: 'provisional' | 'final';
  provisionalUntil: string | null;
  /** For a correction: why, and the version it replaced (readable at its own URL). */
  correction: { reason: string; previousVersion: number } | null;
  /** The panel as the fixed record's config names it, the chair first. */
  panel: { name: string; affiliation: string; role: 'chair' | 'member' }[];
  /** The day the panel decided (YYYY-MM-DD) and where, as the Berita Acara says it. */
  decidedOn: string;
  place: string | null;
  /** What the field verification decided (its rule, each entry that did not pass and why); empty without one. */
  fieldNotes: BaCell[];
  /** How the representation rules chose the winners (the rules, each entry skipped and why); empty without rules. */
  representationNotes: BaCell[];
}

export type PublicAnnouncement =
  | { status: 'embargoed'; announceAt: string; timezone: string }
  | { status: 'pending'; announceAt: string; timezone: string }
  /** The stored version failed its integrity check: never shown as valid, whatever it says. */
  | { status: 'invalid'; announceAt: string; timezone: string }
  | ({ status: 'announced' } & Announcement & FixedFacts);

export function versionParam(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new AppError('not_found', bilingual('error.resultVersionNotFound'));
  }
  return n;
}

/**
 * Used by the JSON routes and the pages alike: the published view (shared/domain/published-view.ts)
 * as the public reads it. Nothing of the ranking before announceAt, nothing but a fixed, intact version
 * after it, never a live recomputation.
 */
export async function publicAnnouncement(
  services: Services,
  competitionId: string,
  lang: Lang,
  version?: number,
): Promise<PublicAnnouncement> {
  const { competition } = services;
  if (competitionId !== competition.id) {
    throw new AppError('not_found', bilingual('error.competitionNotFound'));
  }
  const when = { announceAt: competition.announceAt, timezone: competition.timezone };
  const view = await loadPublishedView(services, version);
  if (!view) throw versionNotFound();
  switch (view.status) {
    case 'embargoed':
    case 'pending':
      return { status: view.status, ...when };
    case 'tampered':
      return { status: 'invalid', ...when };
    case 'published':
      return {
        status: 'announced',
        ...announcementOf(view.record, lang),
        ...factsOf(view.record, view.latestVersion, lang),
      };
  }
}

export function announcementOf(record: ResultRecord, lang: Lang): Announcement {
  return recordAnnouncement(record, lang);
}

function factsOf(record: ResultRecord, latestVersion: number, lang: Lang): FixedFacts {
  const c = record.competition;
  const chair = panelChair(c);
  const { day, place } = decision(c);
  return {
    version: record.version,
    latestVersion,
    hash: record.hash,
    code: verificationCode(record.hash),
    fixedAt: record.fixedAt,
    result: record.status,
    provisionalUntil: record.provisionalUntil,
    correction:
      record.reason && record.previous
        ? { reason: record.reason, previousVersion: record.previous.version }
        : null,
    panel: [...c.jurors]
      .sort((a, b) => Number(b.id === chair?.id) - Number(a.id === chair?.id))
      .map((j) => ({
        name: j.name,
        affiliation: j.affiliation,
        role: j.id === chair?.id ? 'chair' : 'member',
      })),
    decidedOn: day,
    place: place ?? null,
    fieldNotes: fieldPublicLines(record, lang),
    representationNotes: representationPublicLines(representationOf(record), c, record.innovations, lang),
  };
}

function versionNotFound(): AppError {
  return new AppError('not_found', bilingual('error.resultVersionNotFound'));
}
