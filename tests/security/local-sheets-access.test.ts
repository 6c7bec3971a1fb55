import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeLocal, type LocalRuntime } from '../../functions/compose/local.ts';
import { startLocalSheetsServer } from '../../infra/local-sheets/index.ts';

let rt: LocalRuntime;
beforeAll(async () => {
  rt = await composeLocal({ dir: join(mkdtempSync(join(tmpdir(), 'juri-access-')), 'data'), lang: 'id' });
});
afterAll(async () => rt.close());

/** A raw request, so that the Host header is exactly what a local process or a rebinding page sends. */
function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local Sheets server in local mode', () => {
  const sheetUrl = () => `${rt.sheetsUrl}v4/spreadsheets/${rt.spreadsheetId}`;
  const token = async () => (await rt.sheetsAuth.getAccessToken()).token ?? '';
  const host = () => new URL(rt.sheetsUrl).host;

  it('answers only with the access token it was given', async () => {
    expect(await get(sheetUrl(), {})).toBe(401);
    expect(await get(sheetUrl(), { authorization: 'Bearer local-mode' })).toBe(401);
    expect(await get(sheetUrl(), { authorization: 'Bearer tebakan' })).toBe(401);
    expect(await get(sheetUrl(), { authorization: `Bearer ${await token()}` })).toBe(200);
  });

  it('answers only to its own host name, not to a page that rebinds another name to 127.0.0.1', async () => {
    const auth = { authorization: `Bearer ${await token()}` };
    expect(await get(sheetUrl(), { ...auth, host: 'jahat.example' })).toBe(403);
    expect(await get(sheetUrl(), { ...auth, host: `jahat.example:${new URL(rt.sheetsUrl).port}` })).toBe(403);
    expect(await get(sheetUrl(), { ...auth, host: host() })).toBe(200);
    expect(await get(sheetUrl(), { ...auth, host: `localhost:${new URL(rt.sheetsUrl).port}` })).toBe(200);
  });

  it('makes up its own token when none is given, rather than answering anyone', async () => {
    const server = await startLocalSheetsServer({ file: join(rt.paths.dir, 'other.xlsx') });
    try {
      const url = `${server.url}v4/spreadsheets/${server.spreadsheetId}`;
      expect(await get(url, {})).toBe(401);
      expect(server.accessToken?.length).toBeGreaterThanOrEqual(32);
      expect(await get(url, { authorization: `Bearer ${server.accessToken}` })).toBe(200);
    } finally {
      await server.close();
    }
  });
});
