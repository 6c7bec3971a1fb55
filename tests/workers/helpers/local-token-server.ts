import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportPKCS8, exportSPKI, generateKeyPair, importSPKI, jwtVerify } from 'jose';

export interface LocalServiceAccount {
  clientEmail: string;
  privateKeyId: string;
  privateKeyPem: string;
  /** The key file Google would hand out, as the GOOGLE_SERVICE_ACCOUNT_JSON secret. */
  keyFileJson: string;
}

export interface LocalTokenServer {
  /** The token endpoint; also the `aud` every assertion must carry. */
  url: string;
  /** Assertions received, with the outcome, in order. */
  log: { ok: boolean; iss?: string; scope?: string; reason?: string }[];
  close(): Promise<void>;
}

/** A service account with a fresh RSA key pair, like a downloaded key file. */
export async function makeLocalServiceAccount(
  clientEmail = 'juri-worker@juri-test.iam.gserviceaccount.com',
): Promise<LocalServiceAccount & { publicKeyPem: string }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const privateKeyPem = await exportPKCS8(privateKey);
  const publicKeyPem = await exportSPKI(publicKey);
  const privateKeyId = 'local-key-1';
  const keyFileJson = JSON.stringify({
    type: 'service_account',
    project_id: 'juri-test',
    private_key_id: privateKeyId,
    private_key: privateKeyPem,
    client_email: clientEmail,
    client_id: '1',
  });
  return { clientEmail, privateKeyId, privateKeyPem, publicKeyPem, keyFileJson };
}

/**
 * Stands in for Google's OAuth token endpoint: verifies the RS256 jwt-bearer assertion against the
 * service account's public key (issuer, audience = this URL, expiry) and answers like Google does.
 */
export async function startLocalTokenServer(account: {
  clientEmail: string;
  publicKeyPem: string;
}): Promise<LocalTokenServer> {
  const publicKey = await importSPKI(account.publicKeyPem, 'RS256');
  const log: LocalTokenServer['log'] = [];
  let issued = 0;
  let url = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
        log.push({ ok: false, reason: 'grant_type' });
        return reply(400, { error: 'unsupported_grant_type' });
      }
      try {
        const { payload } = await jwtVerify(form.get('assertion') ?? '', publicKey, {
          issuer: account.clientEmail,
          audience: url,
          algorithms: ['RS256'],
        });
        issued += 1;
        log.push({ ok: true, iss: String(payload.iss), scope: String(payload.scope) });
        return reply(200, { access_token: `local-access-${issued}`, expires_in: 3599, token_type: 'Bearer' });
      } catch (e) {
        log.push({ ok: false, reason: e instanceof Error ? e.message : String(e) });
        return reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}/token`;
  return {
    url,
    log,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
