import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../functions/http/node-server.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { appWith, servicesWith } from '../intake/harness.ts';

const store = openSqliteStore(':memory:');
let server: RunningServer;
beforeAll(async () => {
  server = await listen(appWith(servicesWith(store)).fetch, 0);
});
afterAll(async () => {
  await server.close();
  store.close();
});

interface Answer {
  status: number;
  body: string;
}

/** One request through a real HTTP client, on the given keep-alive agent. */
function send(
  agent: Agent,
  method: string,
  path: string,
  body?: Buffer,
  chunked = false,
  extra: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      {
        method,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(body && !chunked ? { 'content-length': String(body.length) } : {}),
          ...extra,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body && chunked) {
      // Written in pieces, as a streaming client would: no content-length to refuse early.
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

describe('a body over the limit', () => {
  // 2 MiB fits in the socket buffers; 16 MiB does not, so the client is still writing when the 413 is out.
  it.each([
    ['with a content-length', false, 2],
    ['sent chunked', true, 2],
    ['of 16 MiB with a content-length', false, 16],
    ['of 16 MiB sent chunked', true, 16],
  ])('answers 413 %s, and the next request on the keep-alive connection works', async (_, chunked, mib) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = Buffer.alloc(mib * 1024 * 1024, 'a');
      const tooLarge = await send(agent, 'POST', '/intake/form', big, chunked);
      expect(tooLarge.status).toBe(413);
      expect(JSON.parse(tooLarge.body).error.code).toBe('payload_too_large');
      const next = await send(agent, 'GET', '/healthz');
      expect(next).toEqual({ status: 200, body: '{"ok":true}' });
    } finally {
      agent.destroy();
    }
  });

  it.each([
    '/sekretariat/masuk',
    '/daftar',
    '/admin/sync',
    '/pengumuman/koin-yanlik-ntt-2024/tanggapan',
    '/no-such-page',
  ])(
    'answers 413 to 16 MiB posted to %s, whatever the route, and the connection stays usable',
    async (path) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const res = await send(agent, 'POST', path, Buffer.alloc(16 * 1024 * 1024, 'a'), false, {
          'content-type': 'application/x-www-form-urlencoded',
          origin: server.url,
        });
        expect(res.status).toBe(413);
        expect((await send(agent, 'GET', '/healthz')).status).toBe(200);
      } finally {
        agent.destroy();
      }
    },
  );

  it('answers 413 to an oversized sign-in form (pages take a few bytes)', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const form = Buffer.from(`token=${'x'.repeat(100 * 1024)}`);
      const res = await send(agent, 'POST', '/sekretariat/masuk', form, false, {
        'content-type': 'application/x-www-form-urlencoded',
        origin: server.url,
      });
      expect(res.status).toBe(413);
      expect((await send(agent, 'GET', '/healthz')).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
