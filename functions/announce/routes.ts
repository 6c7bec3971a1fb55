import { type Context, Hono } from 'hono';
import { type Announcement, buildAnnouncement, isAnnounced } from '../../shared/domain/announcement.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { announcedFinal, type ResultRecord, verificationCode } from '../../shared/domain/record.ts';
import { AppError } from '../../shared/errors.ts';
import type { AppEnv, Services } from '../compose/services.ts';

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
}

export type PublicAnnouncement =
  | { status: 'embargoed'; announceAt: string; timezone: string }
  | { status: 'pending'; announceAt: string; timezone: string }
  | ({ status: 'announced' } & Announcement & FixedFacts);

export function versionParam(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new AppError('not_found', { id: 'Versi hasil tidak ditemukan.', en: 'Result version not found.' });
  }
  return n;
}

/**
 * Used by the JSON routes and the pages alike, so the embargo lives in one place. From announceAt on it
 * shows the latest FIXED result version (or the one asked for), never a live recomputation.
 */
export async function publicAnnouncement(
  { competition, store, clock }: Services,
  competitionId: string,
  lang: Lang,
  version?: number,
): Promise<PublicAnnouncement> {
  if (competitionId !== competition.id) {
    throw new AppError('not_found', { id: 'Kompetisi tidak ditemukan.', en: 'Competition not found.' });
  }
  const when = { announceAt: competition.announceAt, timezone: competition.timezone };
  if (!isAnnounced(competition, clock.now())) return { status: 'embargoed', ...when };
  const latest = await store.latestVersion(competition.id);
  if (!latest) {
    if (version !== undefined) throw versionNotFound();
    return { status: 'pending', ...when };
  }
  const shown =
    version === undefined || version === latest.version
      ? latest
      : await store.getVersion(competition.id, version);
  if (!shown) throw versionNotFound();
  return { status: 'announced', ...announcementOf(shown, lang), ...factsOf(shown, latest.version) };
}

export function announcementOf(record: ResultRecord, lang: Lang): Announcement {
  return buildAnnouncement(record.competition, announcedFinal(record), record.innovations, lang);
}

function factsOf(record: ResultRecord, latestVersion: number): FixedFacts {
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
  };
}

function versionNotFound(): AppError {
  return new AppError('not_found', { id: 'Versi hasil tidak ditemukan.', en: 'Result version not found.' });
}
