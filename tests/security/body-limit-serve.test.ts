import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { budget, CLI_MS } from '../helpers/budgets.ts';
import { type ServeChild, startServe } from '../helpers/serve-child.ts';
import { submission } from '../sheets/helpers.ts';
import { CID } from './helpers.ts';

/**
 * Issue 20, probe 5, against the process a user runs (`juri serve --local`, npm start), not an in-process
 * server: a Node client posting more than a route takes reads the 413, whatever it sends with. Before,
 * fetch got EPIPE from about 8 MiB and node:http (which asks for `Connection: close`) from 4 MiB.
 */
describe('an oversize body sent to juri serve', () => {
  const MiB = 1024 * 1024;
  // Made once, before any request: a client that spends seconds filling a buffer between two requests
  // finds its kept-alive connection closed by the server's idle timeout (a client's race, not juri's).
  const bodies = { 8: Buffer.alloc(8 * MiB, 'a'), 64: Buffer.alloc(64 * MiB, 'a') };
  type Size = keyof typeof bodies;

  let dir: string;
  let served: ServeChild;
  beforeAll(async () => {
    // A few entries, so the first start skips the demo.
    dir = mkdtempSync(join(tmpdir(), 'juri-body-limit-'));
    const seed = openSqliteStore(join(dir, 'juri.db'));
    for (let n = 1; n <= 3; n++)
      await seed
        .competition(CID)
        .innovations.upsertInnovation(submission(n), (k) => innovationNumber(2024, k));
    seed.close();
    served = await startServe(dir);
  }, budget(CLI_MS));
  afterAll(async () => {
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const headers = (extra: Record<string, string> = {}) => ({
    'content-type': 'application/x-www-form-urlencoded',
    origin: served.url,
    ...extra,
  });

  interface Answer {
    status: number;
    body: string;
  }

  /** Node's fetch (undici): a content-length, or chunked from a stream. */
  async function viaFetch(path: string, size: Size, chunked = false, extra = {}): Promise<Answer> {
    const body = bodies[size];
    const res = await fetch(`${served.url}${path}`, {
      method: 'POST',
      headers: headers(extra),
      ...(chunked ? { body: streamOf(body), duplex: 'half' as const } : { body }),
    } as RequestInit);
    return { status: res.status, body: await res.text() };
  }

  /** node:http with a fresh agent, which asks for `Connection: close`; chunked in pieces when asked. */
  function viaNodeHttp(path: string, size: Size, chunked = false): Promise<Answer> {
    const body = bodies[size];
    const agent = new Agent();
    return new Promise<Answer>((resolve, reject) => {
      const req = request(
        `${served.url}${path}`,
        {
          method: 'POST',
          agent,
          headers: headers(chunked ? {} : { 'content-length': String(body.length) }),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (chunked) {
        for (let i = 0; i < body.length; i += MiB) req.write(body.subarray(i, i + MiB));
        req.end();
      } else req.end(body);
    }).finally(() => agent.destroy());
  }

  const expectTooLarge = (answer: Answer, words = /^Kiriman terlalu besar \(batas \d+ [KM]B\)\.$/) => {
    expect(answer.status).toBe(413);
    const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(words);
  };

  const pages = [
    '/daftar',
    '/sekretariat/masuk',
    '/sekretariat/sinkron',
    `/pengumuman/${CID}/tanggapan`,
    '/admin/sync',
  ];

  // The fetch cases run back to back: fetch keeps its connection for the next request, and one left idle
  // past the server's keep-alive timeout (5 s) while the node:http cases run could be closed under it.
  it.each([
    ['/intake/form', 8, false],
    ['/intake/form', 64, false],
    ['/intake/form', 8, true],
    ...pages.map((path) => [path, 8, false] as const),
  ] as const)(
    '%s answers 413 to fetch, %i MiB (chunked: %s)',
    { timeout: budget(CLI_MS) },
    async (path, size, chunked) => {
      expectTooLarge(await viaFetch(path, size, chunked));
    },
  );

  it('says it in English to a reader who chose English', { timeout: budget(CLI_MS) }, async () => {
    expectTooLarge(
      await viaFetch('/daftar', 8, false, { cookie: 'lang=en' }),
      /^Payload too large \(limit 64 KB\)\.$/,
    );
  });

  it.each([
    ['/intake/form', 8, false],
    ['/intake/form', 64, false],
    ['/intake/form', 64, true],
    ...pages.map((path) => [path, 8, false] as const),
  ] as const)(
    '%s answers 413 to node:http, %i MiB (chunked: %s)',
    { timeout: budget(CLI_MS) },
    async (path, size, chunked) => {
      expectTooLarge(await viaNodeHttp(path, size, chunked));
    },
  );
});

/** `bytes` as a stream of 1 MiB pieces, so fetch sends it chunked (no content-length to refuse early). */
function streamOf(bytes: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + 1024 * 1024)));
      offset += 1024 * 1024;
    },
  });
}
