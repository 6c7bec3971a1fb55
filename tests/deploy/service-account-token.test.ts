import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_JURI_SCOPES,
  createServiceAccountTokenSource,
  createTokenCache,
  REFRESH_MARGIN_MS,
  toGoogleAuthClient,
} from '../../infra/google-auth/index.ts';
import { AppError } from '../../shared/errors.ts';
import {
  type LocalTokenServer,
  makeLocalServiceAccount,
  startLocalTokenServer,
} from '../workers/helpers/local-token-server.ts';

let account: Awaited<ReturnType<typeof makeLocalServiceAccount>>;
let tokenServer: LocalTokenServer;

beforeAll(async () => {
  account = await makeLocalServiceAccount();
  tokenServer = await startLocalTokenServer(account);
});
afterAll(() => tokenServer.close());

function source(now: () => number, cache = createTokenCache(), seen: string[] = []) {
  return createServiceAccountTokenSource({
    clientEmail: account.clientEmail,
    privateKey: account.privateKeyPem,
    privateKeyId: account.privateKeyId,
    scopes: ALL_JURI_SCOPES,
    tokenUrl: tokenServer.url,
    cache,
    now,
    fetch: async (input, init) => {
      seen.push(String(init?.body ?? ''));
      return fetch(input, init);
    },
  });
}

describe('service-account token source (jose RS256 → jwt-bearer exchange)', () => {
  it('mints an assertion with the claims Google requires and gets a token', async () => {
    const seen: string[] = [];
    const t0 = Math.floor(Date.now() / 1000) * 1000;
    const token = await source(() => t0, createTokenCache(), seen).getAccessToken();
    expect(token).toMatch(/^local-access-/);
    const assertion = new URLSearchParams(seen[0]).get('assertion') ?? '';
    expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: 'local-key-1' });
    const claims = decodeJwt(assertion);
    expect(claims).toMatchObject({ iss: account.clientEmail, aud: tokenServer.url, iat: t0 / 1000 });
    expect(claims.exp).toBe(t0 / 1000 + 3600);
    expect(String(claims.scope).split(' ').sort()).toEqual([...ALL_JURI_SCOPES].sort());
  });

  it('reuses the token until shortly before expiry, then mints a new one', async () => {
    const seen: string[] = [];
    let now = Date.now();
    const cache = createTokenCache();
    const first = await source(() => now, cache, seen).getAccessToken();
    // A second source sharing the cache (e.g. the next request in the same isolate) does not mint.
    now += 3599_000 - REFRESH_MARGIN_MS - 1000;
    expect(await source(() => now, cache, seen).getAccessToken()).toBe(first);
    expect(seen).toHaveLength(1);
    now += 2000;
    const second = await source(() => now, cache, seen).getAccessToken();
    expect(second).not.toBe(first);
    expect(seen).toHaveLength(2);
  });

  it('makes one exchange for many concurrent callers', async () => {
    const seen: string[] = [];
    const s = source(() => Date.now(), createTokenCache(), seen);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => s.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(seen).toHaveLength(1);
  });

  it('explains a refused key in Indonesian and English', async () => {
    const stranger = await makeLocalServiceAccount(account.clientEmail);
    const s = createServiceAccountTokenSource({
      clientEmail: account.clientEmail,
      privateKey: stranger.privateKeyPem,
      scopes: ALL_JURI_SCOPES,
      tokenUrl: tokenServer.url,
    });
    const error = await s.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('upstream_unavailable');
    expect((error as AppError).text.id).toContain('Google menolak kunci service account');
    expect((error as AppError).text.en).toContain('Invalid JWT Signature');
  });

  it('rejects a key that is not a PKCS#8 PEM with a readable message', async () => {
    const s = createServiceAccountTokenSource({
      clientEmail: account.clientEmail,
      privateKey: 'not a key',
      scopes: ALL_JURI_SCOPES,
      tokenUrl: tokenServer.url,
    });
    await expect(s.getAccessToken()).rejects.toThrow(/private key cannot be read/);
  });

  it('feeds @googleapis/* clients through an OAuth2Client refresh handler', async () => {
    const client = toGoogleAuthClient(source(() => Date.now()));
    const headers = await client.getRequestHeaders();
    expect(headers.get('authorization')).toMatch(/^Bearer local-access-/);
  });
});
