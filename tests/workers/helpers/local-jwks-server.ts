import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * Stands in for Google's published signing keys (the JWKS behind Pub/Sub push tokens) on 127.0.0.1,
 * and signs push tokens the way Pub/Sub does.
 */
export async function startLocalJwksServer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'local-push-key', alg: 'RS256', use: 'sig' };
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/v3/certs`;
  return {
    url,
    /** A push token with Pub/Sub's claims, valid for an hour from now. */
    sign(claims: JWTPayload) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: 'https://accounts.google.com',
        email_verified: true,
        iat: now,
        exp: now + 3600,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'local-push-key', typ: 'JWT' })
        .sign(privateKey);
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
