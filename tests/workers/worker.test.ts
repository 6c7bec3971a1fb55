import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unstable_readConfig, unstable_startWorker } from 'wrangler';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { type LocalSheetsServer, startLocalSheetsServer } from '../../infra/local-sheets/index.ts';
import type { StoreAdapter } from '../../shared/ports.ts';
import { startFormsStub } from '../intake/forms-stub.ts';
import { envelope, formResponse, ITEMS } from '../intake/samples.ts';
import { EMULATOR_DEADLINE, emulatorFirestore } from '../setup/firestore-emulator.ts';
import { startLocalJwksServer } from './helpers/local-jwks-server.ts';
import {
  type LocalTokenServer,
  makeLocalServiceAccount,
  startLocalTokenServer,
} from './helpers/local-token-server.ts';
import { signedFormSubmission } from './helpers/signed-intake.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CID = 'koin-yanlik-ntt-2024';
const PROJECT = `juri-workers-${process.pid}`;
const SECRET = 'workers-test-intake-secret';
const ADMIN = 'workers-test-admin-token';
const FORM_ID = 'form-workers-test';
const TOPIC = `projects/${PROJECT}/topics/juri-forms`;
const PUSH_AUDIENCE = 'https://juri.example.workers.dev/intake/pubsub';
const PUSH_ACCOUNT = 'forms-push@juri-test.iam.gserviceaccount.com';

type Worker = Awaited<ReturnType<typeof unstable_startWorker>>;
let worker: Worker;
let tokens: LocalTokenServer;
let sheet: LocalSheetsServer;
let forms: Awaited<ReturnType<typeof startFormsStub>>;
let pushKeys: Awaited<ReturnType<typeof startLocalJwksServer>>;
let store: StoreAdapter;
let db: Firestore;

const text = (value: string) => ({ type: 'plain_text' as const, value });

beforeAll(async () => {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
  process.env.WRANGLER_SEND_METRICS = 'false';
  const account = await makeLocalServiceAccount();
  tokens = await startLocalTokenServer(account);
  sheet = await startLocalSheetsServer({
    file: join(mkdtempSync(join(tmpdir(), 'juri-workers-')), 'juri.xlsx'),
    // The tokens the stand-in token endpoint issues.
    accessToken: (token) => token.startsWith('local-access-'),
  });
  forms = await startFormsStub({ formId: FORM_ID, items: ITEMS, responses: [] });
  pushKeys = await startLocalJwksServer();
  db = emulatorFirestore(inject('firestoreEmulatorHost'), PROJECT);
  store = createFirestoreStore(db, EMULATOR_DEADLINE);

  // The secrets a deployer sets with `wrangler secret put`, plus the test endpoints; the bundled
  // competition config comes from wrangler.toml's [alias], as in production.
  const config = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });
  worker = await unstable_startWorker({
    config: join(ROOT, 'wrangler.toml'),
    envFiles: [],
    // The programmatic API does not derive these from the file the way `wrangler dev` does.
    compatibilityFlags: config.compatibility_flags,
    build: { nodejsCompatMode: 'v2' },
    bindings: {
      JURI_MODE: text('google'),
      GOOGLE_PROJECT_ID: text(PROJECT),
      GOOGLE_SERVICE_ACCOUNT_JSON: text(account.keyFileJson),
      INTAKE_HMAC_SECRET: text(SECRET),
      ADMIN_TOKEN: text(ADMIN),
      SPREADSHEET_ID: text(sheet.spreadsheetId),
      FORM_ID: text(FORM_ID),
      FORMS_WATCH_TOPIC: text(TOPIC),
      GOOGLE_TOKEN_URL: text(tokens.url),
      SHEETS_ROOT_URL: text(sheet.url),
      FIRESTORE_ROOT_URL: text(inject('firestoreRestUrl')),
      FORMS_ROOT_URL: text(forms.rootUrl),
      PUBSUB_JWKS_URL: text(pushKeys.url),
      PUBSUB_AUDIENCE: text(PUSH_AUDIENCE),
      PUBSUB_SERVICE_ACCOUNT: text(PUSH_ACCOUNT),
    },
    dev: {
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      logLevel: 'warn',
      // Exposes /__scheduled?cron=… to fire the scheduled handler, as `wrangler dev --test-scheduled` does.
      testScheduled: true,
    },
  });
  await worker.ready;
});

afterAll(async () => {
  await worker?.dispose();
  await db?.terminate();
  await Promise.all([tokens?.close(), sheet?.close(), forms?.close(), pushKeys?.close()]);
});

async function call(path: string, init: RequestInit = {}) {
  const url = new URL(path, await worker.url);
  const res = await worker.fetch(url.href, init as never);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const admin = { authorization: `Bearer ${ADMIN}` };

/** Runs the scheduled handler for one cron; 200 when it finished, 500 when it threw. */
async function cron(expression: string): Promise<number> {
  const url = new URL(`/__scheduled?cron=${encodeURIComponent(expression)}`, await worker.url);
  const res = await worker.fetch(url.href);
  await res.arrayBuffer();
  return res.status;
}

const SUBMITTED_AT = '2024-09-02T01:00:00.000Z';

async function submit(responseId: string, overrides: Record<string, string | null> = {}) {
  const { body, headers } = await signedFormSubmission({
    secret: SECRET,
    responseId,
    overrides,
    submittedAt: SUBMITTED_AT,
  });
  return call('/intake/form', { method: 'POST', headers, body });
}

describe('the Worker in workerd (offline)', () => {
  it('answers /healthz', async () => {
    expect(await call('/healthz')).toEqual({ status: 200, body: { ok: true } });
  });

  it('takes signed submissions into Firestore exactly once, with jose-minted tokens', async () => {
    const first = await submit('resp-w-1');
    expect(first, JSON.stringify(first.body)).toMatchObject({ status: 201, body: { outcome: 'created' } });
    expect((await submit('resp-w-1')).body).toMatchObject({ outcome: 'unchanged' });
    await submit('resp-w-2', { 'Judul Inovasi': 'Posyandu Digital Belu', 'Kabupaten/Kota': 'Belu' });
    await submit('resp-w-3', { 'Judul Inovasi': 'Sumba Sehat', 'Kabupaten/Kota': 'Sumba Timur' });

    const innovations = await store.competition(CID).innovations.listInnovations();
    expect(innovations.map((i) => i.responseId).sort()).toEqual(['resp-w-1', 'resp-w-2', 'resp-w-3']);
    expect(new Set(innovations.map((i) => i.id)).size).toBe(3);
    // Every call went through one RS256 assertion, exchanged once and cached in the isolate.
    expect(tokens.log.every((l) => l.ok)).toBe(true);
    expect(tokens.log.filter((l) => l.ok)).toHaveLength(1);
  });

  it('rejects a forged signature and stores nothing', async () => {
    const { body, headers } = await signedFormSubmission({
      secret: 'wrong-secret-value!',
      responseId: 'forged',
    });
    const res = await call('/intake/form', { method: 'POST', headers, body });
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(
      (await store.competition(CID).innovations.listInnovations()).some((i) => i.responseId === 'forged'),
    ).toBe(false);
  });

  it('takes a Forms API watch notification: verifies the push token, lists the response, stores it once', async () => {
    forms.state.responses.push(formResponse(FORM_ID, 'resp-pubsub-1', '2024-10-31T10:00:00Z'));
    const push = async (audience = PUSH_AUDIENCE) =>
      call('/intake/pubsub', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await pushKeys.sign({ aud: audience, email: PUSH_ACCOUNT })}`,
        },
        body: envelope(FORM_ID),
      });
    expect((await push('https://someone-else.example/push')).status).toBe(401);
    const first = await push();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    await push();
    const stored = (await store.competition(CID).innovations.listInnovations()).filter(
      (i) => i.responseId === 'resp-pubsub-1',
    );
    expect(stored).toHaveLength(1);
  });

  it('sets up the Sheet and syncs through the admin routes', async () => {
    const setup = await call('/admin/sheet/setup', { method: 'POST', headers: admin });
    expect(setup.status, JSON.stringify(setup.body)).toBeLessThan(300);
    const sync = await call('/admin/sync', { method: 'POST', headers: admin });
    expect(sync.status, JSON.stringify(sync.body)).toBeLessThan(300);
    const tabs = (await sheet.snapshot()).filter((t) => !t.hidden).map((t) => t.title);
    expect(tabs.some((t) => t.startsWith('» Peringkat'))).toBe(true);
    // The juror tabs come first, with the guide, before juri's outputs.
    expect(tabs[0]).toBe('Yohanes Bria – Proposal');
    expect((await store.competition(CID).syncLog.lastSync())?.status).toBe('written');
  });

  it('runs the score-sync cron: nothing changed, so no Sheet writes', async () => {
    const writesBefore = sheet.log.filter((l) => l.kind === 'write').length;
    expect(await cron('*/15 * * * *')).toBe(200);
    expect((await store.competition(CID).syncLog.lastSync())?.status).toBe('unchanged');
    expect(sheet.log.filter((l) => l.kind === 'write').length).toBe(writesBefore);
  });

  it('runs the watch-renewal cron: creates the RESPONSES watch, then renews it', async () => {
    expect(await cron('0 1 * * *')).toBe(200);
    expect(forms.state.watches).toMatchObject([
      { eventType: 'RESPONSES', target: { topic: { topicName: TOPIC } } },
    ]);
    expect(await cron('0 1 * * *')).toBe(200);
    expect(forms.state.requests.some((r) => r.method === 'POST' && r.path.endsWith(':renew'))).toBe(true);
  });

  it('locks out a guesser of the admin token, counted in Firestore (a Worker keeps no memory)', async () => {
    const as = (ip: string, token: string) =>
      call('/admin/innovations', { headers: { authorization: `Bearer ${token}`, 'cf-connecting-ip': ip } });
    for (let i = 0; i < 5; i++) expect((await as('198.51.100.77', 'tebakan')).status).toBe(401);
    expect(await as('198.51.100.77', ADMIN)).toMatchObject({
      status: 429,
      body: { error: { code: 'too_many_attempts' } },
    });
    expect((await as('198.51.100.78', ADMIN)).status).toBe(200);
  });

  it('fails a cron it does not know, loudly', async () => {
    expect(await cron('5 5 * * *')).toBe(500);
  });

  it('serves the secretariat the rankings and the entries as .xlsx and CSV', async () => {
    const base = await worker.url;
    const login = await worker.fetch(new URL('/sekretariat/masuk', base).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base.origin },
      body: `token=${ADMIN}`,
      redirect: 'manual',
    } as never);
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = (path: string) => worker.fetch(new URL(path, base).href, { headers: { cookie } } as never);
    const xlsx = await get('/sekretariat/ekspor/inovasi.xlsx');
    expect(xlsx.status).toBe(200);
    // An .xlsx is a zip: "PK".
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const csv = await get('/sekretariat/ekspor/peringkat.csv');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Peringkat akhir;Seri;ID');
  });
});
