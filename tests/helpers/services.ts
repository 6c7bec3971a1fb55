import { readFileSync } from 'node:fs';
import { NO_PUSH_KEYS, type Secrets, type Services } from '../../functions/compose/services.ts';
import { lazyXlsxWriter } from '../../infra/export/lazy-xlsx-writer.ts';
import { type Competition, parseCompetition } from '../../shared/domain/competition.ts';
import type { Clock, StoreAdapter } from '../../shared/ports.ts';

export const NTT_2024_PATH = new URL('../../infra/competitions/koin-yanlik-ntt-2024.json', import.meta.url);

export function loadNtt2024(): Competition {
  const parsed = parseCompetition(JSON.parse(readFileSync(NTT_2024_PATH, 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** A clock the test moves by hand. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

export const TEST_SECRETS: Secrets = {
  intakeHmac: 'test-intake-secret',
  adminToken: 'test-admin-token',
  pubsubAudience: 'https://juri.test/intake/pubsub',
  pubsubServiceAccount: 'forms-push@juri-test.iam.gserviceaccount.com',
};

/** Services for app.request(...) tests; pass the adapters the test is about. */
export function testServices({ store, ...parts }: { store: StoreAdapter } & Partial<Services>): Services {
  const competition = parts.competition ?? loadNtt2024();
  return {
    competition,
    stores: store.competition(competition.id),
    sheet: undefined,
    forms: undefined,
    formsWatchTopic: undefined,
    clock: fixedClock('2024-11-01T08:00:00+08:00'),
    secrets: TEST_SECRETS,
    lang: 'id',
    pubsubKeys: NO_PUSH_KEYS,
    xlsx: lazyXlsxWriter,
    ...parts,
  };
}

/** What a test's Hono app answers: enough to sign in through it. */
interface Requestable {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** Signs in at the secretariat's form with the test admin token; the session cookie to send back. */
export async function secretariatCookie(app: Requestable, origin = 'http://localhost'): Promise<string> {
  const res = await app.request(`${origin}/sekretariat/masuk`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ token: TEST_SECRETS.adminToken ?? '' }).toString(),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
