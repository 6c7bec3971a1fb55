import { Hono } from 'hono';
import { buildAnnouncement, isAnnounced, judgingIsComplete } from '../../shared/domain/announcement.ts';
import { AppError } from '../../shared/errors.ts';
import type { AppEnv, Services } from '../compose/services.ts';

/** Public JSON of the announcement; nothing of the ranking leaves before announceAt. */
export const announceRoutes = new Hono<AppEnv>();

announceRoutes.get('/api/pengumuman/:competition', async (c) => {
  const services = c.get('services');
  const announcement = await publicAnnouncement(services, c.req.param('competition'), c.get('lang'));
  c.header('cache-control', 'public, max-age=60');
  // The language comes from ?lang (in the URL) or the lang cookie.
  c.header('vary', 'Cookie');
  return c.json(announcement);
});

export type PublicAnnouncement =
  | { status: 'embargoed'; announceAt: string; timezone: string }
  | { status: 'pending'; announceAt: string; timezone: string }
  | ({ status: 'announced' } & ReturnType<typeof buildAnnouncement>);

/** Used by the JSON route and the page alike, so the embargo lives in one place. */
export async function publicAnnouncement(
  { competition, store, clock }: Services,
  competitionId: string,
  lang: 'id' | 'en',
): Promise<PublicAnnouncement> {
  if (competitionId !== competition.id) {
    throw new AppError('not_found', { id: 'Kompetisi tidak ditemukan.', en: 'Competition not found.' });
  }
  const when = { announceAt: competition.announceAt, timezone: competition.timezone };
  if (!isAnnounced(competition, clock.now())) return { status: 'embargoed', ...when };
  const sync = await store.lastSync(competition.id);
  const result = sync?.result;
  if (!result || !judgingIsComplete(result)) return { status: 'pending', ...when };
  const innovations = await store.listInnovations(competition.id);
  return { status: 'announced', ...buildAnnouncement(competition, result.final, innovations, lang) };
}
