import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sheetEnvsClosedAfterEach } from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

/** What the local Sheets server does as Google does, for the requests juror tabs need. */
describe('the local Sheets server, as Google would', () => {
  it('parses typed decimals by the locale, and a strict rule refuses the whole write', async () => {
    const env = await startEnv();
    const spreadsheetId = env.server.spreadsheetId;
    const api = env.client.spreadsheets;
    const type = (data: { range: string; values: string[][] }[]) =>
      api.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'USER_ENTERED', data } });
    const read = async (range: string) =>
      (await api.values.get({ spreadsheetId, range, valueRenderOption: 'UNFORMATTED_VALUE' })).data.values ??
      [];
    await type([{ range: 'Sheet1!A1', values: [['8,5']] }]);
    expect(await read('Sheet1!A1')).toEqual([['8,5']]);
    await api.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          { updateSpreadsheetProperties: { properties: { locale: 'id_ID' }, fields: 'locale' } },
          {
            setDataValidation: {
              range: {
                sheetId: 0,
                startRowIndex: 1,
                endRowIndex: 10,
                startColumnIndex: 0,
                endColumnIndex: 1,
              },
              rule: {
                condition: {
                  type: 'NUMBER_BETWEEN',
                  values: [{ userEnteredValue: '0' }, { userEnteredValue: '10' }],
                },
                strict: true,
              },
            },
          },
        ],
      },
    });
    await type([{ range: 'Sheet1!A1', values: [['8,5']] }]);
    expect(await read('Sheet1!A1')).toEqual([[8.5]]);
    const refused = await type([
      { range: 'Sheet1!A2', values: [['7']] },
      { range: 'Sheet1!A3', values: [['delapan']] },
    ]).catch((e: { status?: number }) => e);
    expect(refused).toMatchObject({ status: 400 });
    expect(await read('Sheet1!A2:A3')).toEqual([]);
    await type([
      { range: 'Sheet1!A2', values: [['7']] },
      { range: 'Sheet1!B3', values: [['kata']] },
    ]);
    expect(await read('Sheet1!A2:B3')).toEqual([[7], ['', 'kata']]);
  });

  it('moves a tab to the right with its new index + 1 ("before the move" positions)', async () => {
    const env = await startEnv();
    const spreadsheetId = env.server.spreadsheetId;
    const api = env.client.spreadsheets;
    await api.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          { addSheet: { properties: { sheetId: 1, title: 'S2' } } },
          { addSheet: { properties: { sheetId: 2, title: 'S3' } } },
          // Sheet1 ahead of S3 means index 2, as Google's reference says.
          { updateSheetProperties: { properties: { sheetId: 0, index: 2 }, fields: 'index' } },
        ],
      },
    });
    const titles = async () =>
      ((await api.get({ spreadsheetId })).data.sheets ?? []).map((s) => s.properties?.title);
    expect(await titles()).toEqual(['S2', 'Sheet1', 'S3']);
    await api.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [{ updateSheetProperties: { properties: { sheetId: 2, index: 0 }, fields: 'index' } }],
      },
    });
    expect(await titles()).toEqual(['S3', 'S2', 'Sheet1']);
  });

  it('creates another spreadsheet beside the first, served and saved like it', async () => {
    const env = await startEnv();
    const made = await env.client.spreadsheets.create({
      requestBody: { properties: { title: 'Penilaian Ibu Maria – Uji', locale: 'id_ID' } },
    });
    const id = made.data.spreadsheetId ?? '';
    expect(id).toBe('juri-penilaian-ibu-maria');
    expect(made.data.properties?.locale).toBe('id_ID');
    expect(existsSync(env.server.fileOf(id))).toBe(true);
    await env.client.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['8,5']] },
    });
    expect((await env.server.snapshot(id))[0]?.values).toEqual([['8,5']]);
    const unknown = await env.client.spreadsheets
      .get({ spreadsheetId: '../juri' })
      .catch((e: { status?: number }) => e);
    expect(unknown).toMatchObject({ status: 404 });
  });
});
