import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { signBody } from '../../functions/intake/signature.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import type { RawSubmission, StoreAdapter } from '../../shared/ports.ts';
import { TEST_SECRETS, testServices } from '../helpers/services.ts';
import { withPorts } from '../helpers/stores.ts';

/** The instant the test clock shows; signatures and tokens are made around it. */
export const NOW = new Date('2024-11-01T00:00:00.000Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
export const FORM_ID = '1FAIpQLSe-koin-yanlik-ntt-2024';

/**
 * A pass-through store that remembers what was archived: alone (archiveRaw), or with the innovation it
 * carried (upsertInnovation's `raw`, one write for both).
 */
export function observed(store: StoreAdapter): StoreAdapter & { archived: RawSubmission[] } {
  const archived: RawSubmission[] = [];
  const watched = withPorts(store, ({ archive, innovations }) => ({
    archive: {
      ...archive,
      async archiveRaw(raw) {
        await archive.archiveRaw(raw);
        archived.push(raw);
      },
    },
    innovations: {
      ...innovations,
      async upsertInnovation(submission, numberToId, raw) {
        const stored = await innovations.upsertInnovation(submission, numberToId, raw);
        if (raw) archived.push(raw);
        return stored;
      },
    },
  }));
  return Object.assign(watched, { archived });
}

export function memoryStore() {
  return observed(openSqliteStore(':memory:'));
}

export function servicesWith(store: StoreAdapter, parts: Partial<Services> = {}): Services {
  const base = testServices({ store });
  const competition = { ...base.competition, form: { ...base.competition.form, formId: FORM_ID } };
  return testServices({
    store,
    competition: competition as Services['competition'],
    clock: { now: () => NOW },
    ...parts,
  });
}

/** A test key pair standing in for Google's, and the app with its JWKS injected. */
export async function pushKeys() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  return { privateKey, jwks: createLocalJWKSet({ keys: [jwk] }) };
}

export type PushKeys = Awaited<ReturnType<typeof pushKeys>>;

/** The whole app, as every runtime builds it; push tokens are checked against `keys` when given. */
export function appWith(services: Services, keys?: PushKeys) {
  const withKeys: Services = keys ? { ...services, pubsubKeys: keys.jwks } : services;
  return createApp(() => withKeys);
}

/** Claims as Pub/Sub puts them in a push token (see "Authentication for push subscriptions"). */
export async function pushToken(keys: PushKeys, overrides: JWTPayload = {}, kid = 'test-key-1') {
  const claims: JWTPayload = {
    aud: TEST_SECRETS.pubsubAudience ?? '',
    azp: '113774264463038321964',
    email: TEST_SECRETS.pubsubServiceAccount ?? '',
    email_verified: true,
    iss: 'https://accounts.google.com',
    sub: '113774264463038321964',
    iat: NOW_SECONDS - 60,
    exp: NOW_SECONDS + 3540,
    ...overrides,
  };
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(keys.privateKey);
}

export async function signedHeaders(body: string, timestamp = String(NOW_SECONDS), secret?: string) {
  return {
    'content-type': 'application/json',
    'X-Juri-Timestamp': timestamp,
    'X-Juri-Signature': await signBody(secret ?? TEST_SECRETS.intakeHmac ?? '', timestamp, body),
  };
}
