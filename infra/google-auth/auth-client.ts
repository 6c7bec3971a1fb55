import { auth as googleApisAuth, type sheets_v4 } from '@googleapis/sheets';
import type { TokenSource } from './service-account-token-source.ts';

/** What every @googleapis/* client accepts as `auth` (they share one googleapis-common). */
export type GoogleApisAuth = NonNullable<sheets_v4.Options['auth']>;
export type GoogleApisOAuth2Client = InstanceType<typeof googleApisAuth.OAuth2>;

/**
 * Hands tokens from a TokenSource to @googleapis/* clients. OAuth2Client's refreshHandler asks our
 * source whenever its token is missing or about to expire, so there is one minting path and nothing
 * Node-only: it runs in workerd too. The class comes from the googleapis-common copy of
 * google-auth-library (via `auth` of @googleapis/sheets), not the top-level one: a second copy would
 * both fail the clients' type checks and add its weight to the Worker bundle.
 */
export function toGoogleAuthClient(source: TokenSource): GoogleApisOAuth2Client {
  const client = new googleApisAuth.OAuth2();
  client.refreshHandler = async () => {
    const { token, expiresAt } = await source.getToken();
    return { access_token: token, expiry_date: expiresAt };
  };
  return client;
}

/** Application Default Credentials for Node / Cloud Functions, from the same googleapis-common copy. */
export function applicationDefaultAuth(opts: {
  scopes: readonly string[];
  projectId?: string;
  credentials?: { client_email: string; private_key: string };
}): GoogleApisAuth {
  return new googleApisAuth.GoogleAuth({
    scopes: [...opts.scopes],
    ...(opts.projectId ? { projectId: opts.projectId } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
  });
}
