import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runDoctor } from '../../functions/cli/doctor.ts';
import { type LocalSheetsServer, startLocalSheetsServer } from '../../infra/local-sheets/index.ts';
import { NTT_2024_PATH } from '../helpers/services.ts';
import {
  type LocalTokenServer,
  makeLocalServiceAccount,
  startLocalTokenServer,
} from '../workers/helpers/local-token-server.ts';

let account: Awaited<ReturnType<typeof makeLocalServiceAccount>>;
let tokens: LocalTokenServer;
let sheet: LocalSheetsServer;
let env: Record<string, string>;

beforeAll(async () => {
  account = await makeLocalServiceAccount();
  tokens = await startLocalTokenServer(account);
  sheet = await startLocalSheetsServer({
    file: join(mkdtempSync(join(tmpdir(), 'juri-doctor-')), 'juri.xlsx'),
    // The tokens the stand-in token endpoint issues.
    accessToken: (token) => token.startsWith('local-access-'),
  });
  env = {
    JURI_MODE: 'google',
    GOOGLE_PROJECT_ID: 'juri-doctor-test',
    GOOGLE_SERVICE_ACCOUNT_JSON: account.keyFileJson,
    COMPETITION_JSON: readFileSync(NTT_2024_PATH, 'utf8'),
    SPREADSHEET_ID: sheet.spreadsheetId,
    INTAKE_HMAC_SECRET: 'doctor-intake-secret',
    ADMIN_TOKEN: 'doctor-admin-token',
    GOOGLE_TOKEN_URL: tokens.url,
    SHEETS_ROOT_URL: sheet.url,
    FIRESTORE_ROOT_URL: inject('firestoreRestUrl'),
  };
});
afterAll(async () => {
  await sheet.close();
  await tokens.close();
});

const byName = (checks: { name: string; ok: boolean; message: string }[], name: string) =>
  checks.find((c) => c.name === name);

// The REST store and token endpoints below are the Workers composition; Node's gRPC client has no stand-in here.
describe('juri doctor', () => {
  it('passes every check when credentials, Sheet and Firestore work', async () => {
    const report = await runDoctor(env, { runtime: 'workers' });
    expect(
      report.checks.map((c) => [c.name, c.ok]),
      JSON.stringify(report.checks),
    ).toEqual([
      ['env', true],
      ['config', true],
      ['credentials', true],
      ['sheet', true],
      ['firestore', true],
      ['free-plan', true],
      ['lifecycle', true],
      ['integrity', true],
    ]);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.name === 'lifecycle')?.message).toBe(
      'Tahap: Pendaftaran dibuka (0 perpindahan tercatat).',
    );
    // It says, for this competition, what a tick costs and whether its syncs fit the Workers free plan.
    expect(byName(report.checks, 'free-plan')?.message).toMatch(
      /^Detak cron tanpa perubahan: ±[\d.]+ ms CPU \(muat\)\. Sinkronisasi yang menulis.*(Muat|Tidak muat) di paket gratis Cloudflare Workers/,
    );
    expect(byName(report.checks, 'credentials')?.message).toContain(account.clientEmail);
    // One spreadsheets.get, nothing written.
    expect(sheet.log.map((l) => `${l.method} ${l.kind}`)).toEqual(['GET read']);
  });

  it('names a missing setting and how to set it, never falling back to local mode', async () => {
    const report = await runDoctor({ ...env, JURI_MODE: '' }, { runtime: 'workers' });
    expect(report.ok).toBe(false);
    expect(report.checks[0]?.message).toMatch(/^JURI_MODE: belum diisi/);
    const en = await runDoctor({ ...env, ADMIN_TOKEN: 'short' }, { lang: 'en', runtime: 'workers' });
    expect(en.checks[0]?.message).toMatch(/ADMIN_TOKEN: is too short/);
  });

  it('explains a key Google refuses', async () => {
    const other = await makeLocalServiceAccount(account.clientEmail);
    const report = await runDoctor(
      { ...env, GOOGLE_SERVICE_ACCOUNT_JSON: other.keyFileJson },
      { runtime: 'workers' },
    );
    expect(report.ok).toBe(false);
    expect(byName(report.checks, 'credentials')?.message).toContain('Google menolak kunci service account');
  });

  it('says when the Sheet id is wrong', async () => {
    const report = await runDoctor({ ...env, SPREADSHEET_ID: 'salah' }, { runtime: 'workers' });
    expect(byName(report.checks, 'sheet')).toMatchObject({
      ok: false,
      message: expect.stringContaining('SPREADSHEET_ID'),
    });
    expect(byName(report.checks, 'firestore')?.ok).toBe(true);
  });

  it('says when Firestore cannot be reached', async () => {
    const report = await runDoctor(
      { ...env, FIRESTORE_ROOT_URL: 'http://127.0.0.1:9/' },
      { runtime: 'workers' },
    );
    expect(byName(report.checks, 'firestore')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Firestore tidak dapat dihubungi'),
    });
  });
});
