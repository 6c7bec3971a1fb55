import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sha256Hex } from '../../../shared/digest.ts';
import { cleanText, singleLineText } from '../../../shared/domain/text.ts';
import { AppError } from '../../../shared/errors.ts';
import { bilingual } from '../../../shared/messages/catalogue/t.ts';
import type { AppEnv } from '../../compose/services.ts';
import { clientAddress } from '../../http/client-address.ts';
import { recordIntact } from '../../results/published.ts';
import type { StringKey } from '../ui/strings.ts';

/** A response is a few paragraphs; anything larger is refused before it is read. */
export const responseLimit = bodyLimit({
  maxSize: 8 * 1024,
  onError: () => {
    throw new AppError('bad_request', bilingual('error.responseTooLarge'));
  },
});

/**
 * One response per sender address per this many minutes, at most this many from everyone in an hour
 * (so no one sender, however many addresses it has, can fill the cap in minutes), and this many in all.
 */
const SPACING_MINUTES = 2;
const MAX_PER_HOUR = 300;
const MAX_RESPONSES = 5000;

type Refusal = 'respondClosed' | 'respondTooSoon' | 'respondEmpty' | 'respondBusy' | 'respondDuplicate';

/**
 * An e-mail or a phone number in one spelling, so that one person is one sender: e-mail in lower case;
 * a phone as its digits, with Indonesia's +62 written as the leading 0. Empty when none was given.
 */
export function contactKey(contact: string): string {
  if (contact.includes('@')) return contact.toLowerCase();
  const digits = contact.replace(/\D/g, '');
  return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
}

/**
 * Uji publik: stores a response to the provisional result, for the secretariat only. The spacing uses a
 * store lease per hashed sender address (the address itself is not kept), the address read only where
 * the runtime makes it trustworthy (`clientAddress`): a second response within the spacing finds the
 * lease held by someone else and is refused. One response per e-mail or phone per version.
 */
export async function receivePublicResponse(c: Context<AppEnv>): Promise<'ok' | Extract<StringKey, Refusal>> {
  const { competition, stores, clock } = c.get('services');
  if (c.req.param('competition') !== competition.id) {
    throw new AppError('not_found', bilingual('error.competitionNotFound'));
  }
  const form = await c.req.parseBody();
  const raw = (key: string) => (typeof form[key] === 'string' ? form[key] : '');
  // The name and contact are single lines; the message is free text (shared/domain/text.ts).
  const text = (key: string, max: number) => singleLineText(raw(key)).slice(0, max);
  const message = cleanText(raw('message')).trim().slice(0, 2000);
  if (message === '') return 'respondEmpty';
  const now = clock.now();
  // The fixed record itself, checked on read (functions/results/published.ts): an edited version opens nothing.
  const latest = await stores.records.latestVersion();
  const open =
    latest !== null &&
    (await recordIntact(latest)) &&
    latest.status === 'provisional' &&
    latest.provisionalUntil !== null &&
    now.getTime() < Date.parse(latest.provisionalUntil);
  if (!latest || !open) return 'respondClosed';
  const lease = `tanggapan:${(await sha256Hex(`juri/tanggapan/${clientAddress(c)}`)).slice(0, 32)}`;
  const until = new Date(now.getTime() + SPACING_MINUTES * 60_000);
  if (!(await stores.leases.acquireLease(lease, crypto.randomUUID(), now, until))) return 'respondTooSoon';
  const responses = await stores.publicResponses.listPublicResponses();
  const hourAgo = now.getTime() - 60 * 60_000;
  if (
    responses.length >= MAX_RESPONSES ||
    responses.filter((r) => Date.parse(r.receivedAt) > hourAgo).length >= MAX_PER_HOUR
  )
    return 'respondBusy';
  const contact = text('contact', 160);
  const sender = contactKey(contact);
  if (
    sender !== '' &&
    responses.some((r) => r.version === latest.version && contactKey(r.contact) === sender)
  )
    return 'respondDuplicate';
  await stores.publicResponses.savePublicResponse({
    id: crypto.randomUUID(),
    receivedAt: now.toISOString(),
    version: latest.version,
    name: text('name', 120),
    contact,
    message,
  });
  return 'ok';
}
