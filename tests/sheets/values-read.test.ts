import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { readValues, withoutBookkeeping } from '../../infra/sheets/values-read.ts';
import { jurorReadRange } from '../../shared/sheet/juror-read.ts';
import { jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { oauthClient, sheetEnvsClosedAfterEach } from './helpers.ts';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const bytes = (text: string) => new Uint8Array(new TextEncoder().encode(text));

describe('values.batchGet read as bytes', () => {
  const startSheetEnv = sheetEnvsClosedAfterEach();

  it('cuts the bookkeeping range where the text cut did, so the digest stays the one saved before', () => {
    // Non-ASCII text before the cut (a juror's name, a dash in a tab title), and "range" inside a value.
    const head =
      '{"spreadsheetId":"x","valueRanges":[{"range":"\'Juri — Ñoño\'!A1:B2","majorDimension":"ROWS",' +
      '"values":[["Kupang ✓","\\"range\\"",8.5]]},{';
    const text = `${head}"range":"_juri!A1","values":[["gen 3"]]}]}`;
    const cut = withoutBookkeeping(bytes(text));
    expect(new TextDecoder().decode(cut)).toBe(head);
    expect(sha256(cut)).toBe(sha256(text.slice(0, text.lastIndexOf('"range"'))));
    // A body without a range is hashed whole.
    expect(withoutBookkeeping(bytes('{}'))).toEqual(bytes('{}'));
  });

  it('reads what the Google client reads, and fails in the shape the retry layer knows', async () => {
    const env = await startSheetEnv();
    await provisionSheet(env.services);
    const ranges = jurorTabs(env.services.competition)
      .slice(0, 2)
      .map((tab) => jurorReadRange(tab));
    const target = { spreadsheetId: env.server.spreadsheetId, auth: oauthClient(), rootUrl: env.server.url };
    const body = JSON.parse(new TextDecoder().decode(await readValues(target, ranges, undefined)));
    const { data } = await env.client.spreadsheets.values.batchGet({
      spreadsheetId: env.server.spreadsheetId,
      ranges,
      valueRenderOption: 'UNFORMATTED_VALUE',
      majorDimension: 'ROWS',
    });
    expect(body.valueRanges).toEqual(data.valueRanges);
    expect(body.valueRanges).toHaveLength(2);

    const missing = await readValues(target, ["'No such tab'!A1"], undefined).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 400, response: { status: 400 } });
    const said = JSON.parse((missing as { response: { data: string } }).response.data);
    expect(said.error.message).toMatch(/Unable to parse range/);
  });
});
