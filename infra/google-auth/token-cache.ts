/** An access token and the moment (epoch ms) Google says it stops working. */
export interface AccessToken {
  token: string;
  expiresAt: number;
}

/**
 * Where minted tokens are kept between calls. It is passed in explicitly (never a hidden module
 * singleton) so that each runtime decides how long tokens live: per request, per isolate, per process.
 */
export interface TokenCache {
  get(key: string): AccessToken | undefined;
  set(key: string, value: AccessToken): void;
}

/** A plain in-memory cache; the caller owns its lifetime. */
export function createTokenCache(): TokenCache {
  const entries = new Map<string, AccessToken>();
  return {
    get: (key) => entries.get(key),
    set: (key, value) => {
      entries.set(key, value);
    },
  };
}
