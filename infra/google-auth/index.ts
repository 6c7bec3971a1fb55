export {
  applicationDefaultAuth,
  type GoogleApisAuth,
  type GoogleApisOAuth2Client,
  toGoogleAuthClient,
} from './auth-client.ts';
export { ALL_JURI_SCOPES, GOOGLE_SCOPES, GOOGLE_TOKEN_URL } from './scopes.ts';
export {
  createServiceAccountTokenSource,
  REFRESH_MARGIN_MS,
  type ServiceAccountTokenSourceOptions,
  type TokenSource,
} from './service-account-token-source.ts';
export { type AccessToken, createTokenCache, type TokenCache } from './token-cache.ts';
