import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sha256Hex } from '../../shared/digest.ts';
import { AppError } from '../../shared/errors.ts';
import type { AppEnv } from '../compose/services.ts';
import type { StringKey } from './strings.ts';

/** A response is a few paragraphs; anything larger is refused before it is read. */
export const responseLimit = bodyLimit({
  maxSize: 8 * 1024,
  onError: () => {
    throw new AppError('bad_request', { id: 'Tanggapan terlalu besar.', en: 'Response too large.' });
  },
});

/** One response per sender address per this many minutes, and at most this many in all. */
const SPACING_MINUTES = 2;
const MAX_RESPONSES = 5000;

/**
 * Uji publik: stores a response to the provisional result, for the secretariat only. The spacing uses a
 * store lease per hashed sender address (the address itself is not kept): a second response within the
 * spacing finds the lease held by someone else and is refused.
 */
export async function receivePublicResponse(
  c: Context<AppEnv>,
): Promise<'ok' | Extract<StringKey, 'respondClosed' | 'respondTooSoon' | 'respondEmpty'>> {
  const { competition, store, clock } = c.get('services');
  if (c.req.param('competition') !== competition.id) {
    throw new AppError('not_found', { id: 'Kompetisi tidak ditemukan.', en: 'Competition not found.' });
  }
  const form = await c.req.parseBody();
  const text = (key: string, max: number) =>
    typeof form[key] === 'string' ? form[key].trim().slice(0, max) : '';
  const message = text('message', 2000);
  if (message === '') return 'respondEmpty';
  const now = clock.now();
  const latest = (await store.listVersions(competition.id)).at(-1);
  const open =
    latest?.status === 'provisional' &&
    latest.provisionalUntil !== null &&
    now.getTime() < Date.parse(latest.provisionalUntil);
  if (!latest || !open) return 'respondClosed';
  const sender =
    c.req.header('cf-connecting-ip') ?? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
  const lease = `tanggapan:${(await sha256Hex(`juri/tanggapan/${sender}`)).slice(0, 32)}`;
  const until = new Date(now.getTime() + SPACING_MINUTES * 60_000);
  if (!(await store.acquireLease(competition.id, lease, crypto.randomUUID(), now, until)))
    return 'respondTooSoon';
  if ((await store.listPublicResponses(competition.id)).length >= MAX_RESPONSES) return 'respondTooSoon';
  await store.savePublicResponse(competition.id, {
    id: crypto.randomUUID(),
    receivedAt: now.toISOString(),
    version: latest.version,
    name: text('name', 120),
    contact: text('contact', 160),
    message,
  });
  return 'ok';
}
