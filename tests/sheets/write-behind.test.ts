import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sheets } from '@googleapis/sheets';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LocalSheetsServer, startLocalSheetsServer } from '../../infra/local-sheets/index.ts';
import { oauthClient, TOKEN } from './helpers.ts';

/** Writes answer from memory and reach the .xlsx in the background; nothing may be lost or half-written. */

const dirs: string[] = [];
const open: LocalSheetsServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start() {
  const dir = mkdtempSync(join(tmpdir(), 'juri-write-behind-'));
  dirs.push(dir);
  const file = join(dir, 'juri.xlsx');
  const server = await startLocalSheetsServer({ file, accessToken: TOKEN });
  open.push(server);
  const client = sheets({ version: 'v4', auth: oauthClient(), rootUrl: server.url, retry: false });
  const spreadsheetId = server.spreadsheetId;
  const write = (range: string, value: string) =>
    client.spreadsheets.values.update({
      spreadsheetId,
      range,
      valueInputOption: 'RAW',
      requestBody: { values: [[value]] },
    });
  const read = async (range: string) =>
    (await client.spreadsheets.values.get({ spreadsheetId, range })).data.values?.[0]?.[0];
  return { dir, file, server, client, write, read };
}

async function onDisk(file: string, cell: string): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.getWorksheet('Sheet1')?.getCell(cell).value;
}

describe('the local Sheets server writes behind its answers', () => {
  it('answers the next read with a write at once, and the file catches up by itself', async () => {
    const { file, write, read } = await start();
    await write('Sheet1!A1', 'delapan');
    expect(await read('Sheet1!A1')).toBe('delapan');
    await vi.waitFor(async () => expect(await onDisk(file, 'A1')).toBe('delapan'), {
      timeout: 30_000,
      interval: 50,
    });
  });

  it('flush resolves once the file holds every write answered', async () => {
    const { file, server, write } = await start();
    for (let i = 1; i <= 5; i++) await write(`Sheet1!A${i}`, `nilai ${i}`);
    await server.flush();
    for (let i = 1; i <= 5; i++) expect(await onDisk(file, `A${i}`)).toBe(`nilai ${i}`);
  });

  it('loses nothing on shutdown: close writes what was answered before it', async () => {
    const { file, server, write } = await start();
    await write('Sheet1!B2', 'terakhir');
    await server.close();
    expect(await onDisk(file, 'B2')).toBe('terakhir');
    // A restart reads it back.
    const again = await startLocalSheetsServer({ file, accessToken: TOKEN, create: false });
    open.push(again);
    expect((await again.snapshot())[0]?.values[1]?.[1]).toBe('terakhir');
  });

  it('never leaves a half-written file: every read of it during a burst of writes is a whole workbook', async () => {
    const { dir, file, server, write } = await start();
    let writing = true;
    const reads: Promise<number> = (async () => {
      let whole = 0;
      // Bounded, and paced: a reader must never outlive the test or starve the writer.
      for (let n = 0; writing && n < 2000; n++) {
        const zip = await JSZip.loadAsync(readFileSync(file));
        expect(zip.file('xl/workbook.xml')).not.toBeNull();
        whole += 1;
        await new Promise((r) => setTimeout(r, 5));
      }
      return whole;
    })();
    try {
      for (let i = 1; i <= 20; i++) {
        await write(`Sheet1!C${i}`, `baris ${i}`);
        if (i % 5 === 0) await server.flush();
      }
    } finally {
      writing = false;
    }
    expect(await reads).toBeGreaterThan(0);
    expect(await onDisk(file, 'C20')).toBe('baris 20');
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('re-reads a file a person saved and keeps answering with it', async () => {
    const { file, server, write, read } = await start();
    await write('Sheet1!A1', 'juri');
    await server.flush();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet('Sheet1');
    if (!ws) throw new Error('no Sheet1');
    ws.getCell('D4').value = 'dari juri manusia';
    await book.xlsx.writeFile(file);
    expect(await read('Sheet1!D4')).toBe('dari juri manusia');
    expect(await read('Sheet1!A1')).toBe('juri');
  });

  it('keeps the writes in a copy beside the file when it is still open in LibreOffice at shutdown', async () => {
    const { dir, file, server, write } = await start();
    await server.flush();
    const before = readFileSync(file);
    await write('Sheet1!E5', 'jangan hilang');
    // LibreOffice opens it before the write reached the file (the write waits for a quiet moment).
    writeFileSync(join(dir, '.~lock.juri.xlsx#'), 'someone');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await server.close();
    } finally {
      warn.mockRestore();
    }
    const copies = readdirSync(dir).filter((f) => f.startsWith('juri.belum-tersimpan-'));
    if (copies.length === 0) {
      // The write reached the file before the lock appeared: then the file has it.
      expect(await onDisk(file, 'E5')).toBe('jangan hilang');
      return;
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    const kept = new ExcelJS.Workbook();
    await kept.xlsx.readFile(join(dir, copies[0] ?? ''));
    expect(kept.getWorksheet('Sheet1')?.getCell('E5').value).toBe('jangan hilang');
  });
});

describe('a workbook its owner made read-only', () => {
  it('is refused with a clear message and never replaced; the writes wait in memory until it is writable', async () => {
    const { file, server, write, read } = await start();
    await server.flush();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const inode = statSync(file).ino;
    await write('Sheet1!C3', 'tunggu');
    expect(await read('Sheet1!C3')).toBe('tunggu');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(server.flush()).rejects.toThrow(/hanya-baca \(read-only\).*chmod u\+w/);
    } finally {
      warn.mockRestore();
    }
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(statSync(file).ino).toBe(inode);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Made writable again, the write that waited reaches the file.
    chmodSync(file, 0o600);
    await server.flush();
    expect(await onDisk(file, 'C3')).toBe('tunggu');
  });
});
