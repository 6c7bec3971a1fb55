import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkJuriEnv, parseGoogleEnv, parseTrustedProxy } from '../../functions/compose/env.ts';
import { AppError } from '../../shared/errors.ts';
import { NTT_2024_PATH } from '../helpers/services.ts';

const KEY_FILE = JSON.stringify({
  type: 'service_account',
  project_id: 'juri-ntt',
  private_key_id: 'k1',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n',
  client_email: 'juri@juri-ntt.iam.gserviceaccount.com',
});
const config = JSON.parse(readFileSync(NTT_2024_PATH, 'utf8')) as unknown;
const base = {
  JURI_MODE: 'google',
  GOOGLE_SERVICE_ACCOUNT_JSON: KEY_FILE,
  INTAKE_HMAC_SECRET: 'a-long-intake-secret',
  ADMIN_TOKEN: 'a-long-admin-token!',
  SPREADSHEET_ID: 'sheet-1',
};

describe('environment (functions/compose/env.ts)', () => {
  it('reads Google mode with the bundled config and the key file project', () => {
    const env = parseGoogleEnv(base, { runtime: 'workers', bundledCompetition: config });
    expect(env).toMatchObject({
      mode: 'google',
      lang: 'id',
      projectId: 'juri-ntt',
      databaseId: '(default)',
      competitions: [{ spreadsheetId: 'sheet-1' }],
      serviceAccount: { clientEmail: 'juri@juri-ntt.iam.gserviceaccount.com', privateKeyId: 'k1' },
      secrets: { intakeHmac: 'a-long-intake-secret', adminToken: 'a-long-admin-token!' },
      endpoints: {},
    });
    expect(env.competitions[0]?.competition.id).toBe('koin-yanlik-ntt-2024');
  });

  it('lets COMPETITION_JSON win over the bundled config and FORM_ID set the watched Form', () => {
    const other = { ...(config as Record<string, unknown>), id: 'koin-yanlik-ntt-2025' };
    const env = parseGoogleEnv(
      { ...base, COMPETITION_JSON: JSON.stringify(other), FORM_ID: 'form-xyz' },
      { runtime: 'workers', bundledCompetition: config },
    );
    expect(env.competitions[0]?.competition.id).toBe('koin-yanlik-ntt-2025');
    expect(env.competitions[0]?.competition.form?.formId).toBe('form-xyz');
  });

  it('treats an empty secret as missing and never falls back to local mode', () => {
    const result = checkJuriEnv({ ...base, JURI_MODE: '  ', ADMIN_TOKEN: '' }, { runtime: 'workers' });
    expect(result).toMatchObject({ ok: false, problems: [{ variable: 'JURI_MODE' }] });
    const noAdmin = checkJuriEnv(
      { ...base, ADMIN_TOKEN: '' },
      { runtime: 'workers', bundledCompetition: config },
    );
    expect(noAdmin.ok).toBe(false);
    if (!noAdmin.ok) {
      expect(noAdmin.problems).toEqual([
        {
          variable: 'ADMIN_TOKEN',
          text: {
            id: 'belum diisi. Jalankan: npx wrangler secret put ADMIN_TOKEN',
            en: 'is not set. Run: npx wrangler secret put ADMIN_TOKEN',
          },
        },
      ]);
    }
  });

  it('refuses local mode on Workers and requires the key there but not on Node', () => {
    expect(checkJuriEnv({ JURI_MODE: 'local' }, { runtime: 'workers' }).ok).toBe(false);
    expect(checkJuriEnv({ JURI_MODE: 'local' }, { runtime: 'node' })).toEqual({
      ok: true,
      env: { mode: 'local', lang: 'id' },
    });
    const { GOOGLE_SERVICE_ACCOUNT_JSON: _, ...keyless } = base;
    const workers = checkJuriEnv(keyless, { runtime: 'workers', bundledCompetition: config });
    expect(workers.ok ? [] : workers.problems.map((p) => p.variable)).toEqual([
      'GOOGLE_SERVICE_ACCOUNT_JSON',
      'GOOGLE_PROJECT_ID',
    ]);
    const node = checkJuriEnv(
      { ...keyless, GOOGLE_PROJECT_ID: 'juri-ntt' },
      { runtime: 'node', bundledCompetition: config },
    );
    expect(node.ok && node.env.mode === 'google' && node.env.serviceAccount).toBe(undefined);
  });

  it('lists every problem at once in one AppError, Indonesian and English', () => {
    const error = (() => {
      try {
        parseGoogleEnv(
          {
            JURI_MODE: 'google',
            GOOGLE_SERVICE_ACCOUNT_JSON: '{"not":"a key"}',
            INTAKE_HMAC_SECRET: 'short',
            PUBSUB_AUDIENCE: 'https://x',
            COMPETITION_JSON: '{"id":"X"}',
            SHEETS_ROOT_URL: 'ftp://nope',
          },
          { runtime: 'workers' },
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    // A malformed value does not hide the other problems: every one is listed at once.
    expect(e.fields?.map((f) => f.field)).toEqual([
      'GOOGLE_SERVICE_ACCOUNT_JSON',
      'GOOGLE_PROJECT_ID',
      'INTAKE_HMAC_SECRET',
      'ADMIN_TOKEN',
      'PUBSUB_SERVICE_ACCOUNT',
      'COMPETITION_JSON',
      'SHEETS_ROOT_URL',
    ]);
    expect(e.text.id).toContain('Konfigurasi server belum benar');
    expect(e.text.en).toContain('must be an http(s) address');
  });

  it('names each problem when the shape is fine but values are not', () => {
    const result = checkJuriEnv(
      {
        JURI_MODE: 'google',
        GOOGLE_SERVICE_ACCOUNT_JSON: '{"not":"a key"}',
        INTAKE_HMAC_SECRET: 'short',
        PUBSUB_AUDIENCE: 'https://x',
        COMPETITION_JSON: '{"id":"X"}',
      },
      { runtime: 'workers' },
    );
    expect(result.ok ? [] : result.problems.map((p) => p.variable)).toEqual([
      'GOOGLE_SERVICE_ACCOUNT_JSON',
      'GOOGLE_PROJECT_ID',
      'INTAKE_HMAC_SECRET',
      'ADMIN_TOKEN',
      'PUBSUB_SERVICE_ACCOUNT',
      'COMPETITION_JSON',
    ]);
  });
});

describe('FIRESTORE_DEADLINE_MS: how long the Node client waits for one Firestore call', () => {
  it('is unset (the store keeps 5 s) unless given, and refuses what is not a whole number of milliseconds', () => {
    const runtime = { runtime: 'node' as const, bundledCompetition: config };
    expect(parseGoogleEnv(base, runtime).firestoreDeadlineMs).toBeUndefined();
    expect(parseGoogleEnv({ ...base, FIRESTORE_DEADLINE_MS: '2500' }, runtime).firestoreDeadlineMs).toBe(
      2500,
    );
    const bad = checkJuriEnv({ ...base, FIRESTORE_DEADLINE_MS: 'lima detik' }, runtime);
    expect(bad.ok ? [] : bad.problems.map((p) => p.variable)).toEqual(['FIRESTORE_DEADLINE_MS']);
  });
});

describe('TRUSTED_PROXY: where a Node server reads the client address', () => {
  it('trusts no header unless configured, and counts the proxies in front of Cloud Functions from config', () => {
    expect(parseTrustedProxy({})).toBe('socket');
    expect(parseTrustedProxy({ TRUSTED_PROXY: 'cf-connecting-ip' })).toBe('cf-connecting-ip');
    expect(parseTrustedProxy({ TRUSTED_PROXY: 'x-forwarded-for' })).toEqual({
      header: 'x-forwarded-for',
      hops: 1,
    });
    const google = { header: 'x-forwarded-for', hops: 1 } as const;
    expect(parseTrustedProxy({}, google)).toEqual(google);
    expect(parseTrustedProxy({ TRUSTED_PROXY_HOPS: '2' }, google)).toEqual({
      header: 'x-forwarded-for',
      hops: 2,
    });
    expect(() => parseTrustedProxy({ TRUSTED_PROXY: 'x-real-ip' })).toThrow(/TRUSTED_PROXY/);
  });
});
