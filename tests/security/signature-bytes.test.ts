import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { TEST_SECRETS } from '../helpers/services.ts';
import { appWith, NOW_SECONDS, servicesWith } from '../intake/harness.ts';
import { appsScriptBody, CID } from './helpers.ts';

const utf8 = new TextEncoder();
const timestamp = String(NOW_SECONDS);

function sign(bytes: Uint8Array): string {
  const mac = createHmac('sha256', TEST_SECRETS.intakeHmac ?? '');
  mac.update(`${timestamp}.`);
  mac.update(bytes);
  return `sha256=${mac.digest('hex')}`;
}

function post(bytes: Uint8Array<ArrayBuffer>, signature: string) {
  const store = openSqliteStore(':memory:');
  const app = appWith(servicesWith(store));
  const res = app.request('/intake/form', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-Juri-Timestamp': timestamp,
      'X-Juri-Signature': signature,
    },
    body: bytes,
  });
  return { store, res };
}

/** A body whose bytes are not what any decoded text re-encodes to. */
const cases: [string, Uint8Array<ArrayBuffer>][] = [
  [
    'an invalid UTF-8 byte',
    (() => {
      const [head = '', tail = ''] = appsScriptBody('resp-ff').split('resp-ff');
      return Uint8Array.from([...utf8.encode(`${head}resp-`), 0xff, ...utf8.encode(`ff${tail}`)]);
    })(),
  ],
  ['a byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8.encode(appsScriptBody('resp-bom'))])],
];

describe('the intake signature covers the bytes as received', () => {
  it.each(cases)(
    'accepts a signature over the raw bytes of a body with %s, and archives those bytes',
    async (_, bytes) => {
      const { store, res } = post(bytes, sign(bytes));
      expect((await res).status).not.toBe(401);
      const [archived] = await store.competition(CID).archive.listRaw();
      const kept =
        archived?.encoding === 'base64'
          ? Buffer.from(archived.body, 'base64')
          : utf8.encode(archived?.body ?? '');
      expect(Buffer.from(kept).equals(Buffer.from(bytes))).toBe(true);
    },
  );

  it.each(cases)('refuses a signature over the decoded text of a body with %s', async (_, bytes) => {
    const decoded = utf8.encode(new TextDecoder().decode(bytes));
    const { store, res } = post(bytes, sign(decoded));
    expect((await res).status).toBe(401);
    expect(await store.competition(CID).archive.listRaw()).toEqual([]);
  });
});
