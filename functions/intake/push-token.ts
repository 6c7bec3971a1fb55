import { errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { Secrets } from '../compose/services.ts';

/** Google's OIDC signing keys; the key set is fetched lazily and cached by jose. */
export const GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
const GOOGLE_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];

/** A fresh error per request, so one request's stack or cause never shows up in another's. */
const unauthorized = (cause?: unknown) =>
  new AppError('unauthorized', bilingual('error.invalidPubSubToken'), cause === undefined ? {} : { cause });

/**
 * Checks the OIDC bearer token Pub/Sub attaches to a push: signed by Google, meant for us (audience),
 * from the expected service account with a verified email, and not expired.
 */
export async function verifyPushToken(
  authorization: string | undefined,
  jwks: JWTVerifyGetKey,
  secrets: Pick<Secrets, 'pubsubAudience' | 'pubsubServiceAccount'>,
  now: Date,
): Promise<void> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const { pubsubAudience: audience, pubsubServiceAccount: account } = secrets;
  if (!token || !audience || !account) throw unauthorized();
  try {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: GOOGLE_ISSUERS,
      audience,
      algorithms: ['RS256'],
      currentDate: now,
      clockTolerance: 30,
      requiredClaims: ['exp', 'iat', 'email'],
    });
    if (payload.email !== account || payload.email_verified !== true) throw unauthorized();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof errors.JOSEError && !(err instanceof errors.JWKSTimeout)) {
      throw unauthorized(err);
    }
    // Google's key set could not be fetched: not the sender's fault, so let Pub/Sub retry.
    throw new AppError('upstream_unavailable', bilingual('error.googleKeysUnreachable'), { cause: err });
  }
}
