import { importPKCS8, SignJWT } from 'jose';
import pRetry, { AbortError } from 'p-retry';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { GOOGLE_TOKEN_URL } from './scopes.ts';
import { type AccessToken, createTokenCache, type TokenCache } from './token-cache.ts';

export interface TokenSource {
  /** A bearer token valid for at least a few more minutes. */
  getAccessToken(): Promise<string>;
  /** The same, with its expiry, for clients that schedule their own refresh. */
  getToken(): Promise<AccessToken>;
}

export interface ServiceAccountTokenSourceOptions {
  clientEmail: string;
  /** The PEM `private_key` from the service-account key file (PKCS#8). */
  privateKey: string;
  /** The key file's `private_key_id`; sent as `kid` and part of the cache key, so a rotated key mints anew. */
  privateKeyId?: string;
  scopes: readonly string[];
  /** Google's token endpoint unless a test points it at a local one. */
  tokenUrl?: string;
  fetch?: typeof fetch;
  /** Defaults to a cache owned by this source alone. */
  cache?: TokenCache;
  now?: () => number;
}

/** Tokens are replaced this long before they expire, so a request never starts with a dying token. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const ASSERTION_LIFETIME_S = 3600;
const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * OAuth 2.0 service-account flow without google-auth-library's JWT client (whose token URL is fixed):
 * an RS256 assertion signed with jose (Web Crypto, so it runs in workerd) exchanged for an access token.
 */
export function createServiceAccountTokenSource(opts: ServiceAccountTokenSourceOptions): TokenSource {
  const tokenUrl = opts.tokenUrl ?? GOOGLE_TOKEN_URL;
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const cache = opts.cache ?? createTokenCache();
  const now = opts.now ?? Date.now;
  const scope = [...opts.scopes].sort().join(' ');
  const cacheKey = [tokenUrl, opts.clientEmail, opts.privateKeyId ?? '', scope].join('|');
  // Concurrent callers share one exchange instead of each minting its own token.
  let inFlight: Promise<AccessToken> | undefined;

  async function mint(): Promise<AccessToken> {
    const assertion = await signAssertion(opts, tokenUrl, scope, now());
    const issuedAt = now();
    const body = await pRetry(() => exchange(doFetch, tokenUrl, assertion), {
      retries: 2,
      minTimeout: 200,
      factor: 2,
      randomize: true,
    });
    const token = { token: body.access_token, expiresAt: issuedAt + body.expires_in * 1000 };
    cache.set(cacheKey, token);
    return token;
  }

  async function getToken(): Promise<AccessToken> {
    const cached = cache.get(cacheKey);
    if (cached && cached.expiresAt - REFRESH_MARGIN_MS > now()) return cached;
    inFlight ??= mint().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return { getToken, getAccessToken: async () => (await getToken()).token };
}

async function signAssertion(
  opts: ServiceAccountTokenSourceOptions,
  tokenUrl: string,
  scope: string,
  nowMs: number,
): Promise<string> {
  let key: CryptoKey;
  try {
    key = await importPKCS8(opts.privateKey, 'RS256');
  } catch (cause) {
    throw new AppError('internal', bilingual('error.privateKeyUnreadable'), { cause });
  }
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({ scope })
    .setProtectedHeader({
      alg: 'RS256',
      typ: 'JWT',
      ...(opts.privateKeyId ? { kid: opts.privateKeyId } : {}),
    })
    .setIssuer(opts.clientEmail)
    .setAudience(tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_S)
    .sign(key);
}

interface TokenResponse {
  access_token: string;
  expires_in: number;
}

async function exchange(doFetch: typeof fetch, tokenUrl: string, assertion: string): Promise<TokenResponse> {
  let res: Response;
  try {
    res = await doFetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
    });
  } catch (cause) {
    throw unreachable(cause);
  }
  const text = await res.text();
  if (res.status >= 500 || res.status === 429) throw unreachable(new Error(`${res.status} ${text}`));
  const body = safeJson(text);
  if (!res.ok || typeof body?.access_token !== 'string') {
    const reason =
      typeof body?.error_description === 'string'
        ? body.error_description
        : String(body?.error ?? res.status);
    // A refused key will not be accepted on a retry either; 503 still tells a sender to try again later.
    throw new AbortError(
      new AppError('upstream_unavailable', bilingual('adapter.serviceAccountKeyRefused', { reason })),
    );
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
  return { access_token: body.access_token, expires_in: Number.isFinite(expiresIn) ? expiresIn : 3600 };
}

function unreachable(cause: unknown): AppError {
  return new AppError('upstream_unavailable', bilingual('error.tokenServiceUnreachable'), { cause });
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
