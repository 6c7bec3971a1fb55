import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { startLocalSheetsServer } from '../../infra/local-sheets/index.ts';
import { createSheetsScoreSheet } from '../../infra/sheets/sheets-adapter.ts';
import { cleanText } from '../../shared/domain/text.ts';
import { FAST_RETRY, oauthClient, sheetEnvsClosedAfterEach, TOKEN } from '../sheets/helpers.ts';
import { ADMIN, appsScriptBody, CID, postIntake } from './helpers.ts';

const startSheetEnv = sheetEnvsClosedAfterEach();

/** Every kind of character XML 1.0 refuses, or that no person types. */
const ODD = '\uFFFE\uFFFF\u0000\u0007\u001B\u007F\u0085\uDFFF\uD800\uFDD0\u{1FFFE}\u{10FFFF}';

describe('cleanText', () => {
  it('drops controls, lone surrogates and noncharacters, keeps tab and newline, and composes to NFC', () => {
    expect(cleanText(`A${ODD}B`)).toBe('AB');
    expect(cleanText('baris 1\r\nbaris 2\rbaris 3\tkolom')).toBe('baris 1\nbaris 2\nbaris 3\tkolom');
    expect(cleanText('Sé')).toBe('Sé');
    expect(cleanText('👍🏽 Kupang')).toBe('👍🏽 Kupang');
  });
});

describe('one odd character in a Form answer', () => {
  it('is cleaned at intake, and the workbook stays readable through setup, sync and a restart', async () => {
    const env = await startSheetEnv();
    const app = createApp(() => env.services);
    const title = `SIGAP${ODD} Kupang`;
    const res = await postIntake(
      app,
      appsScriptBody('resp-odd', { 'Judul Inovasi': title, 'Nama Narahubung': `Maria${ODD}` }),
    );
    expect(res.status).toBe(201);
    const [stored] = await env.store.competition(CID).innovations.listInnovations();
    expect(stored?.title).toBe('SIGAP Kupang');

    const admin = (path: string) => app.request(path, { method: 'POST', headers: ADMIN });
    expect((await admin('/admin/sheet/setup')).status).toBe(200);
    expect((await admin('/admin/sync')).status).toBe(200);
    // The server writes the file behind its answers: on disk once flushed.
    await env.server.flush();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(env.file);
    expect(book.worksheets.length).toBeGreaterThan(1);

    // A restart reads the file from scratch: setup and sync must still work.
    const again = await startLocalSheetsServer({ file: env.file, accessToken: TOKEN });
    try {
      env.services.sheet = createSheetsScoreSheet({
        spreadsheetId: again.spreadsheetId,
        auth: oauthClient(),
        rootUrl: again.url,
        retry: FAST_RETRY,
      });
      expect((await admin('/admin/sheet/setup')).status).toBe(200);
      expect((await admin('/admin/sync')).status).toBe(200);
    } finally {
      await again.close();
    }
  });

  it('never reaches the file through another client writing to the local server', async () => {
    const env = await startSheetEnv();
    await env.client.spreadsheets.values.batchUpdate({
      spreadsheetId: env.server.spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [[`x${ODD}y`]] }] },
    });
    // The server writes the file behind its answers: on disk once flushed.
    await env.server.flush();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(env.file);
    expect(book.getWorksheet('Sheet1')?.getCell('A1').value).toBe('xy');
  });

  it('keeps an emoji that lands on a 16 KiB boundary of the file, through a write and a restart', async () => {
    const env = await startSheetEnv();
    // Three phases, so that one of them puts a surrogate pair across JSZip's slice boundary.
    const texts = ['🙂'.repeat(20_000), `a${'🙂'.repeat(20_000)}`, `ab${'🙂'.repeat(20_000)}`];
    await env.client.spreadsheets.values.batchUpdate({
      spreadsheetId: env.server.spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [texts] }] },
    });
    // The server writes the file behind its answers: on disk once flushed.
    await env.server.flush();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(env.file);
    expect([1, 2, 3].map((c) => book.getWorksheet('Sheet1')?.getCell(1, c).value === texts[c - 1])).toEqual([
      true,
      true,
      true,
    ]);
    const again = await startLocalSheetsServer({ file: env.file, accessToken: TOKEN, create: false });
    try {
      const res = await fetch(`${again.url}v4/spreadsheets/${again.spreadsheetId}/values/Sheet1!A1:C1`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(((await res.json()) as { values: string[][] }).values).toEqual([texts]);
    } finally {
      await again.close();
    }
  });
});
