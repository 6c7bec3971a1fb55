import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type forms_v1, auth as googleAuth } from '@googleapis/forms';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { renewWatches } from '../../functions/intake/forms-watch.ts';
import { createFormsResponses } from '../../infra/forms/forms-responses.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { withPorts } from '../helpers/stores.ts';
import { startFormsStub } from './forms-stub.ts';
import {
  appWith,
  FORM_ID,
  memoryStore,
  NOW_SECONDS,
  observed,
  type PushKeys,
  pushKeys,
  pushToken,
  servicesWith,
} from './harness.ts';
import { envelope, formResponse, ITEMS } from './samples.ts';

const CID = 'koin-yanlik-ntt-2024';

let keys: PushKeys;
let otherKeys: PushKeys;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([pushKeys(), pushKeys()]);
});

const stubs: Awaited<ReturnType<typeof startFormsStub>>[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

async function setup(
  responses: forms_v1.Schema$FormResponse[],
  parts: Partial<Services> = {},
  store = memoryStore(),
) {
  const stub = await startFormsStub({ formId: FORM_ID, items: ITEMS, responses, pageSize: 2 });
  stubs.push(stub);
  // The client's own google-auth-library copy, holding a fixed token: no token endpoint is called.
  const auth = new googleAuth.OAuth2();
  auth.setCredentials({ access_token: 'test-access-token', expiry_date: Date.now() + 3_600_000 });
  const services = servicesWith(store, {
    forms: createFormsResponses({ auth, rootUrl: stub.rootUrl }),
    ...parts,
  });
  const app = appWith(services, keys);
  const push = async (body = envelope(FORM_ID), token?: string) =>
    app.request('/intake/pubsub', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token ?? (await pushToken(keys))}`,
      },
      body,
    });
  return { stub, store, services, app, push };
}

describe('POST /intake/pubsub (Forms API watch)', () => {
  it('lists the new responses through the Forms API, across pages, and ingests each', async () => {
    const { stub, store, push } = await setup([
      formResponse(FORM_ID, 'resp-2', '2024-10-31T10:00:00.250Z'),
      formResponse(FORM_ID, 'resp-1', '2024-10-30T09:00:00Z'),
      formResponse(FORM_ID, 'resp-bad', '2024-10-31T11:00:00.123456789Z', { 'Kabupaten/Kota': 'Bantul' }),
    ]);
    const res = await push();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results).toEqual([
      { responseId: 'resp-1', outcome: 'created', innovationId: 'INOV-2024-001' },
      { responseId: 'resp-2', outcome: 'created', innovationId: 'INOV-2024-002' },
      {
        responseId: 'resp-bad',
        outcome: 'rejected',
        reasons: [expect.objectContaining({ path: 'region', code: 'regionNotListed' })],
      },
    ]);
    expect(body.cursor).toBe('2024-10-31T11:00:00.123456789Z');

    const lists = stub.state.requests.filter((r) => r.path.endsWith('/responses'));
    expect(lists.map((r) => r.query)).toEqual([{}, { pageToken: '2' }]);
    expect(stub.state.requests.every((r) => r.authorization === 'Bearer test-access-token')).toBe(true);

    const innovations = await store.competition(CID).innovations.listInnovations();
    expect(innovations.map((i) => [i.responseId, i.region, i.category])).toEqual([
      ['resp-1', 'Kupang', 'kabkota'],
      ['resp-2', 'Kupang', 'kabkota'],
    ]);
    expect((await store.competition(CID).archive.listRejections()).map((r) => r.responseId)).toEqual([
      'resp-bad',
    ]);
    // The envelope, then each listed response exactly as Google sent it.
    expect(store.archived.map((r) => [r.source, r.responseId ?? null])).toEqual([
      ['forms-api', null],
      ['forms-api', 'resp-1'],
      ['forms-api', 'resp-2'],
      ['forms-api', 'resp-bad'],
    ]);
    expect(JSON.parse(store.archived[1]?.body ?? '')).toMatchObject({ responseId: 'resp-1' });
    expect(await store.competition(CID).cursors.getCursor(`forms-responses:${FORM_ID}`)).toBe(
      '2024-10-31T11:00:00.123456789Z',
    );

    // The next notification lists from ten minutes before the cursor (a response may be listed late)
    // and takes only what it has not stored yet.
    stub.state.responses.push(formResponse(FORM_ID, 'resp-3', '2024-10-31T12:00:00Z'));
    const next = await (await push()).json();
    expect(next.results).toEqual([
      { responseId: 'resp-3', outcome: 'created', innovationId: 'INOV-2024-003' },
    ]);
    expect(stub.state.requests.filter((r) => r.path.endsWith('/responses')).at(-1)?.query).toEqual({
      filter: 'timestamp > 2024-10-31T10:50:00.123000000Z',
    });
  });

  it('lands each response once when the push is replayed 3 times in a row and 3 times at once', async () => {
    const { store, push } = await setup([
      formResponse(FORM_ID, 'resp-1', '2024-10-30T09:00:00Z'),
      formResponse(FORM_ID, 'resp-2', '2024-10-31T10:00:00Z'),
    ]);
    for (let i = 0; i < 3; i++) expect((await push()).status).toBe(200);
    await store
      .competition(CID)
      .cursors.setCursor(`forms-responses:${FORM_ID}`, '2024-01-01T00:00:00.000000000Z');
    const concurrent = await Promise.all([0, 1, 2].map(() => push()));
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200]);

    const innovations = await store.competition(CID).innovations.listInnovations();
    expect(innovations.map((i) => [i.responseId, i.id, i.version])).toEqual([
      ['resp-1', 'INOV-2024-001', 1],
      ['resp-2', 'INOV-2024-002', 1],
    ]);
  });

  it('updates an edited response (same id, newer lastSubmittedTime) and keeps its history', async () => {
    const { stub, store, push } = await setup([formResponse(FORM_ID, 'resp-1', '2024-10-30T09:00:00Z')]);
    await push();
    stub.state.responses = [
      formResponse(FORM_ID, 'resp-1', '2024-10-31T09:00:00Z', { 'Judul Inovasi': 'SIGAP Kupang (revisi)' }),
    ];
    const body = await (await push()).json();
    expect(body.results).toEqual([
      { responseId: 'resp-1', outcome: 'updated', innovationId: 'INOV-2024-001' },
    ]);
    expect(
      (await store.competition(CID).innovations.innovationHistory('resp-1')).map((h) => h.version),
    ).toEqual([1]);
    expect((await store.competition(CID).innovations.listInnovations())[0]).toMatchObject({
      title: 'SIGAP Kupang (revisi)',
      version: 2,
    });
  });

  describe('refuses bad tokens with 401 and stores nothing', () => {
    const cases: [string, () => Promise<string>][] = [
      ['wrong audience', () => pushToken(keys, { aud: 'https://elsewhere.test/push' })],
      ['wrong issuer', () => pushToken(keys, { iss: 'https://evil.test' })],
      ['wrong service account', () => pushToken(keys, { email: 'someone@evil.iam.gserviceaccount.com' })],
      ['unverified email', () => pushToken(keys, { email_verified: false })],
      ['expired', () => pushToken(keys, { iat: NOW_SECONDS - 7200, exp: NOW_SECONDS - 3600 })],
      ['unknown key id', () => pushToken(keys, {}, 'other-key')],
      ['forged: signed by another key', () => pushToken(otherKeys)],
      ['not a JWT', async () => 'not-a-token'],
    ];
    it.each(cases)('%s', async (_name, makeToken) => {
      const { stub, store, push } = await setup([formResponse(FORM_ID, 'resp-1', '2024-10-30T09:00:00Z')]);
      const res = await push(envelope(FORM_ID), await makeToken());
      expect(res.status).toBe(401);
      expect(store.archived).toEqual([]);
      expect(await store.competition(CID).innovations.listInnovations()).toEqual([]);
      expect(stub.state.requests).toEqual([]);
    });

    it('no bearer at all', async () => {
      const { store, app } = await setup([]);
      const res = await app.request('/intake/pubsub', { method: 'POST', body: envelope(FORM_ID) });
      expect(res.status).toBe(401);
      expect(store.archived).toEqual([]);
    });
  });

  it('acknowledges other forms and event types without listing anything', async () => {
    const { stub, store, push } = await setup([formResponse(FORM_ID, 'resp-1', '2024-10-30T09:00:00Z')]);
    expect(await (await push(envelope('another-form'))).json()).toEqual({ ignored: 'formId another-form' });
    expect(await (await push(envelope(FORM_ID, 'SCHEMA'))).json()).toEqual({ ignored: 'eventType SCHEMA' });
    expect(stub.state.requests).toEqual([]);
    expect(await store.competition(CID).innovations.listInnovations()).toEqual([]);
  });

  it('answers 400 to a body that is not a push envelope, after archiving it', async () => {
    const { store, push } = await setup([]);
    const res = await push('{"hello":"world"}');
    expect(res.status).toBe(400);
    expect(store.archived.map((r) => r.body)).toEqual(['{"hello":"world"}']);
  });

  it('answers 503 when the Forms API fails, keeps the cursor, and the redelivery lands once', async () => {
    const { stub, store, push } = await setup([formResponse(FORM_ID, 'resp-1', '2024-10-30T09:00:00Z')]);
    stub.state.failStatus = 503;
    const res = await push();
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('upstream_unavailable');
    expect(await store.competition(CID).cursors.getCursor(`forms-responses:${FORM_ID}`)).toBeNull();
    stub.state.failStatus = null;
    expect((await push()).status).toBe(200);
    expect((await store.competition(CID).innovations.listInnovations()).map((i) => i.id)).toEqual([
      'INOV-2024-001',
    ]);
  });

  it('stores at most 8 responses per delivery, oldest first, and answers busy until the rest are in', async () => {
    const at = (n: number) => `2024-10-${10 + n}T09:00:00Z`;
    // Listed out of order; the 8th oldest is a rejection, which moves the cursor all the same.
    const order = [5, 11, 1, 9, 3, 7, 2, 10, 4, 8, 6];
    const { stub, store, push } = await setup(
      order.map((n) =>
        formResponse(FORM_ID, `resp-${n}`, at(n), n === 8 ? { 'Kabupaten/Kota': 'Bantul' } : {}),
      ),
    );
    const first = await push();
    expect(first.status).toBe(409);
    expect((await first.json()).error.code).toBe('busy');
    const cursorKey = `forms-responses:${FORM_ID}`;
    expect(await store.competition(CID).cursors.getCursor(cursorKey)).toBe('2024-10-18T09:00:00.000000000Z');
    expect((await store.competition(CID).innovations.listInnovations()).map((i) => i.responseId)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `resp-${n}`),
    );
    expect((await store.competition(CID).archive.listRejections()).map((r) => r.responseId)).toEqual([
      'resp-8',
    ]);

    const second = await push();
    expect(second.status).toBe(200);
    const body = await second.json();
    expect(body.results.map((r: { responseId: string }) => r.responseId)).toEqual([
      'resp-9',
      'resp-10',
      'resp-11',
    ]);
    expect(body.cursor).toBe('2024-10-21T09:00:00.000000000Z');
    expect(stub.state.requests.filter((r) => r.path.endsWith('/responses')).at(-1)?.query).toMatchObject({
      filter: 'timestamp > 2024-10-18T08:50:00.000000000Z',
    });

    // Nothing stored twice: one archive per response besides the two envelopes, version 1 each.
    const archivedIds = store.archived.flatMap((r) => (r.responseId ? [r.responseId] : []));
    expect(archivedIds).toHaveLength(11);
    expect(new Set(archivedIds).size).toBe(11);
    const innovations = await store.competition(CID).innovations.listInnovations();
    expect(innovations.map((i) => [i.responseId, i.version])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 9, 10, 11].map((n) => [`resp-${n}`, 1]),
    );
    expect((await store.competition(CID).archive.listRejections()).map((r) => r.responseId)).toEqual([
      'resp-8',
    ]);
    expect((await push()).status).toBe(200);
    expect(await store.competition(CID).innovations.listInnovations()).toHaveLength(10);
  });

  it('never splits responses submitted at the same instant across deliveries', async () => {
    const times = ['01', '02', '03', '04', '05', '06', '07', '08', '08', '09'];
    const { store, push } = await setup(
      times.map((d, i) => formResponse(FORM_ID, `resp-${i + 1}`, `2024-10-${d}T09:00:00Z`)),
    );
    expect((await push()).status).toBe(409);
    expect(await store.competition(CID).innovations.listInnovations()).toHaveLength(7);
    expect(await store.competition(CID).cursors.getCursor(`forms-responses:${FORM_ID}`)).toBe(
      '2024-10-07T09:00:00.000000000Z',
    );
    expect((await push()).status).toBe(200);
    expect((await store.competition(CID).innovations.listInnovations()).map((i) => i.responseId)).toEqual(
      times.map((_, i) => `resp-${i + 1}`),
    );
  });

  it('answers 503 when the store fails mid-way, keeps the cursor at the last stored response, and the redelivery lands once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-pubsub-'));
    const file = join(dir, 'juri.sqlite');
    const sqlite = openSqliteStore(file, { busyTimeoutMs: 50 });
    const other = new Database(file);
    try {
      let stores = 0;
      // Another writer takes the lock once the first listed response is stored, before the second is
      // (with its payload: one write for both).
      const store = observed(
        withPorts(sqlite, ({ innovations }) => ({
          innovations: {
            ...innovations,
            async upsertInnovation(submission, numberToId, raw) {
              if (++stores === 2) other.exec('BEGIN EXCLUSIVE');
              return innovations.upsertInnovation(submission, numberToId, raw);
            },
          },
        })),
      );
      const { push } = await setup(
        [
          formResponse(FORM_ID, 'resp-1', '2024-10-30T09:00:00Z'),
          formResponse(FORM_ID, 'resp-2', '2024-10-31T10:00:00Z'),
        ],
        {},
        store,
      );
      const failed = await push();
      expect(failed.status).toBe(503);
      expect((await failed.json()).error.code).toBe('storage_unavailable');
      other.exec('COMMIT');
      expect(await sqlite.competition(CID).cursors.getCursor(`forms-responses:${FORM_ID}`)).toBe(
        '2024-10-30T09:00:00.000000000Z',
      );
      expect((await sqlite.competition(CID).innovations.listInnovations()).map((i) => i.responseId)).toEqual([
        'resp-1',
      ]);

      expect((await push()).status).toBe(200);
      const innovations = await sqlite.competition(CID).innovations.listInnovations();
      expect(innovations.map((i) => [i.responseId, i.id])).toEqual([
        ['resp-1', 'INOV-2024-001'],
        ['resp-2', 'INOV-2024-002'],
      ]);
    } finally {
      other.close();
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 when no Forms client is configured, so Pub/Sub retries', async () => {
    const { push } = await setup([], { forms: undefined });
    expect((await push()).status).toBe(503);
  });
});

describe('renewWatches', () => {
  it('creates the RESPONSES watch when there is none, then renews it', async () => {
    const { stub, services } = await setup([]);
    const created = await renewWatches(services, 'projects/juri-test/topics/forms-responses');
    expect(created).toEqual([expect.objectContaining({ eventType: 'RESPONSES', state: 'ACTIVE' })]);
    expect(stub.state.watches[0]?.target).toEqual({
      topic: { topicName: 'projects/juri-test/topics/forms-responses' },
    });

    const renewed = await renewWatches(services);
    expect(renewed).toEqual([
      expect.objectContaining({ id: created[0]?.id, expireTime: '2024-11-08T00:00:00Z' }),
    ]);
    expect(stub.state.watches).toHaveLength(1);
  });

  it('does nothing without a Forms client', async () => {
    const { services } = await setup([], { forms: undefined });
    expect(await renewWatches(services, 'projects/x/topics/y')).toEqual([]);
  });
});
