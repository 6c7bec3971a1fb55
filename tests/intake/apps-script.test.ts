import { describe, expect, it } from 'vitest';
import { TEST_SECRETS } from '../helpers/services.ts';
import { type FetchCall, formSubmitEvent, loadCodeGs, type SampleItem } from './apps-script-runtime.ts';
import { appWith, FORM_ID, memoryStore, NOW, NOW_SECONDS, servicesWith, signedHeaders } from './harness.ts';
import { NTT_2024_ANSWERS } from './samples.ts';

const SECRET = TEST_SECRETS.intakeHmac ?? '';
const INTAKE_URL = 'https://juri.test/intake/form';

function sampleItems(overrides: Record<string, string | null> = {}): SampleItem[] {
  const answers = { ...NTT_2024_ANSWERS, ...overrides };
  return Object.entries(answers).flatMap(([title, value], i) =>
    value === null ? [] : [{ id: 1_200_000_000 + i, title, type: 'TEXT', response: value }],
  );
}

/** Runs Code.gs's onFormSubmit on a documented event and returns the request it made. */
function codeGsRequest(responseId = '2_ABaOnudkn7Z', overrides: Record<string, string | null> = {}) {
  const script = loadCodeGs({ nowMs: NOW.getTime(), secret: SECRET, url: INTAKE_URL });
  script.onFormSubmit(
    formSubmitEvent({
      formId: FORM_ID,
      responseId,
      timestamp: new Date('2024-10-31T23:58:00.000Z'),
      respondentEmail: 'operator@kupangkab.go.id',
      items: sampleItems(overrides),
    }),
  );
  const call = script.fetches[0];
  if (!call) throw new Error('Code.gs made no request');
  return call;
}

function post(app: ReturnType<typeof appWith>, call: FetchCall, headers: Record<string, string> = {}) {
  return app.request('/intake/form', {
    method: 'POST',
    headers: { 'content-type': call.options.contentType, ...call.options.headers, ...headers },
    body: call.options.payload,
  });
}

describe('POST /intake/form (Apps Script push)', () => {
  it('accepts the request Code.gs builds from a form-submit event', async () => {
    const store = memoryStore();
    const app = appWith(servicesWith(store));
    const call = codeGsRequest();
    expect(call.url).toBe(INTAKE_URL);
    expect(call.options.headers['X-Juri-Timestamp']).toBe(String(NOW_SECONDS));
    expect(call.options.headers['X-Juri-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

    const res = await post(app, call);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      responseId: '2_ABaOnudkn7Z',
      outcome: 'created',
      innovationId: 'INOV-2024-001',
    });
    const [innovation] = await store.competition('koin-yanlik-ntt-2024').innovations.listInnovations();
    expect(innovation).toMatchObject({
      id: 'INOV-2024-001',
      responseId: '2_ABaOnudkn7Z',
      region: 'Kupang',
      category: 'kabkota',
      submittedAt: '2024-10-31T23:58:00.000Z',
    });
    expect(innovation?.details?.contactPhone).toBe('+6281234567890');
    expect(store.archived).toHaveLength(1);
    expect(store.archived[0]).toMatchObject({ source: 'apps-script', responseId: '2_ABaOnudkn7Z' });
  });

  it('lands once when the same request is replayed 3 times in a row and 3 times at once', async () => {
    const store = memoryStore();
    const app = appWith(servicesWith(store));
    const first = codeGsRequest('resp-A');
    const second = codeGsRequest('resp-B');

    const sequential = [];
    for (let i = 0; i < 3; i++) sequential.push((await post(app, first)).status);
    const concurrent = await Promise.all([0, 1, 2].map(() => post(app, second)));

    expect(sequential).toEqual([201, 200, 200]);
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const innovations = await store.competition('koin-yanlik-ntt-2024').innovations.listInnovations();
    expect(innovations.map((i) => [i.responseId, i.id]).sort()).toEqual([
      ['resp-A', 'INOV-2024-001'],
      ['resp-B', 'INOV-2024-002'],
    ]);
    expect(store.archived).toHaveLength(6);
  });

  it('updates on an edit (newer timestamp) and keeps the earlier version in history', async () => {
    const store = memoryStore();
    const app = appWith(servicesWith(store));
    expect((await post(app, codeGsRequest('resp-E'))).status).toBe(201);

    const edited = JSON.parse(
      codeGsRequest('resp-E', { 'Judul Inovasi': 'SIGAP Kupang v2' }).options.payload,
    );
    edited.timestamp = '2024-10-31T23:59:30.000Z';
    const body = JSON.stringify(edited);
    const res = await app.request('/intake/form', {
      method: 'POST',
      headers: await signedHeaders(body),
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: 'updated', innovationId: 'INOV-2024-001' });
    const [now] = await store.competition('koin-yanlik-ntt-2024').innovations.listInnovations();
    expect(now?.title).toBe('SIGAP Kupang v2');
    const history = await store.competition('koin-yanlik-ntt-2024').innovations.innovationHistory('resp-E');
    expect(history.map((h) => h.title)).toEqual([NTT_2024_ANSWERS['Judul Inovasi']]);
  });

  describe('refuses unauthenticated requests with 401 and stores nothing', () => {
    const cases: [string, (call: FetchCall) => Promise<Record<string, string>> | Record<string, string>][] = [
      [
        'forged: signed with another secret',
        async (call) => signedHeaders(call.options.payload, undefined, 'x'),
      ],
      ['no signature', () => ({ 'X-Juri-Signature': '' })],
      ['no timestamp', () => ({ 'X-Juri-Timestamp': '' })],
      [
        'stale: signed 6 minutes ago',
        async (call) => signedHeaders(call.options.payload, String(NOW_SECONDS - 360)),
      ],
      [
        'from the future: 6 minutes ahead',
        async (call) => signedHeaders(call.options.payload, String(NOW_SECONDS + 360)),
      ],
      ['timestamp changed after signing', () => ({ 'X-Juri-Timestamp': String(NOW_SECONDS - 1) })],
    ];
    it.each(cases)('%s', async (_name, headersFor) => {
      const store = memoryStore();
      const app = appWith(servicesWith(store));
      const call = codeGsRequest();
      const res = await post(app, call, await headersFor(call));
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
      expect(store.archived).toEqual([]);
      expect(await store.competition('koin-yanlik-ntt-2024').innovations.listInnovations()).toEqual([]);
      expect(await store.competition('koin-yanlik-ntt-2024').archive.listRejections()).toEqual([]);
    });

    it('a body changed after signing', async () => {
      const store = memoryStore();
      const app = appWith(servicesWith(store));
      const call = codeGsRequest();
      const tampered = {
        ...call,
        options: { ...call.options, payload: call.options.payload.replace('Kab. Kupang', 'Belu') },
      };
      expect((await post(app, tampered)).status).toBe(401);
      expect(store.archived).toEqual([]);
    });

    it('when no secret is configured', async () => {
      const store = memoryStore();
      const base = servicesWith(store);
      const app = appWith({ ...base, secrets: { ...base.secrets, intakeHmac: undefined } });
      expect((await post(app, codeGsRequest())).status).toBe(401);
      expect(store.archived).toEqual([]);
    });
  });

  it('answers 422 naming the invalid fields, archives the payload and lists the rejection', async () => {
    const store = memoryStore();
    const app = appWith(servicesWith(store));
    const call = codeGsRequest('resp-bad', {
      'Judul Inovasi': null,
      'Kabupaten/Kota': 'Kabupaten Bantul',
      'Email Narahubung': 'maria@',
    });
    const res = await post(app, call);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'title',
      'region',
      'contactEmail',
    ]);
    expect(body.error.message).toContain('title: wajib diisi');
    expect(store.archived).toHaveLength(1);
    expect(await store.competition('koin-yanlik-ntt-2024').innovations.listInnovations()).toEqual([]);

    expect((await app.request('/admin/rejections')).status).toBe(401);
    const listed = await app.request('/admin/rejections', {
      headers: { authorization: `Bearer ${TEST_SECRETS.adminToken}` },
    });
    expect(listed.status).toBe(200);
    const { rejections } = await listed.json();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({
      responseId: 'resp-bad',
      source: 'apps-script',
      rawId: store.archived[0]?.id,
      answers: { 'Kabupaten/Kota': 'Kabupaten Bantul' },
    });
    expect(rejections[0].reasons[0]).toMatchObject({ path: 'title', code: 'required' });

    // Fixed and sent again: accepted, and the rejection is cleared.
    expect((await post(app, codeGsRequest('resp-bad'))).status).toBe(201);
    expect(await store.competition('koin-yanlik-ntt-2024').archive.listRejections()).toEqual([]);
  });

  it('answers 422 in English when asked', async () => {
    const app = appWith(servicesWith(memoryStore()));
    const res = await post(app, codeGsRequest('resp-en', { 'Judul Inovasi': null }), {
      cookie: 'lang=en',
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual([{ field: 'title', message: 'is required' }]);
  });

  it('answers 422 naming the broken parts of a payload of the wrong shape, and archives it', async () => {
    const store = memoryStore();
    const app = appWith(servicesWith(store));
    const body = JSON.stringify({ responseId: 'resp-shape', timestamp: 'kemarin', answers: 'none' });
    const res = await app.request('/intake/form', {
      method: 'POST',
      headers: await signedHeaders(body),
      body,
    });
    expect(res.status).toBe(422);
    const fields = (await res.json()).error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(['timestamp', 'answers']);
    expect(store.archived.map((r) => r.body)).toEqual([body]);
    expect(
      (await store.competition('koin-yanlik-ntt-2024').archive.listRejections()).map((r) => r.responseId),
    ).toEqual(['resp-shape']);

    const notJson = 'responseId=1';
    const res2 = await app.request('/intake/form', {
      method: 'POST',
      headers: await signedHeaders(notJson),
      body: notJson,
    });
    expect(res2.status).toBe(422);
    expect(store.archived).toHaveLength(2);
  });
});

describe('Code.gs delivery', () => {
  const event = formSubmitEvent({
    formId: FORM_ID,
    responseId: 'resp-retry',
    timestamp: new Date('2024-10-31T23:58:00.000Z'),
    respondentEmail: '',
    items: [
      { id: 1, title: 'Judul Inovasi', type: 'TEXT', response: 'A' },
      { id: 2, title: 'Pilihan', type: 'CHECKBOX', response: ['Satu', 'Dua'] },
      { id: 3, title: 'Berkas', type: 'FILE_UPLOAD', response: ['1xYz'] },
    ],
  });

  it('flattens checkbox and file-upload answers into the documented payload', () => {
    const script = loadCodeGs({ nowMs: NOW.getTime(), secret: SECRET, url: INTAKE_URL });
    script.onFormSubmit(event);
    expect(JSON.parse(script.fetches[0]?.options.payload ?? '')).toEqual({
      formId: FORM_ID,
      responseId: 'resp-retry',
      timestamp: '2024-10-31T23:58:00.000Z',
      respondentEmail: '',
      answers: [
        { title: 'Judul Inovasi', questionId: '1', values: ['A'] },
        { title: 'Pilihan', questionId: '2', values: ['Satu', 'Dua'] },
        { title: 'Berkas', questionId: '3', values: ['https://drive.google.com/open?id=1xYz'] },
      ],
    });
  });

  it('retries 5xx and 429 with growing waits, and stops at the first success', () => {
    const script = loadCodeGs({
      nowMs: NOW.getTime(),
      secret: SECRET,
      url: INTAKE_URL,
      statuses: [503, 429, 201],
    });
    expect(script.onFormSubmit(event)).toMatchObject({ ok: true, attempts: 3 });
    expect(script.fetches).toHaveLength(3);
    expect(script.sleeps).toHaveLength(2);
    expect((script.sleeps[1] ?? 0) > (script.sleeps[0] ?? 0) - 500).toBe(true);
    expect(script.logRows).toEqual([]);
  });

  it('writes a failure row to "Log Kirim juri" when every attempt fails', () => {
    const statuses = [503, 503, 503, 503, 503, 503];
    const script = loadCodeGs({ nowMs: NOW.getTime(), secret: SECRET, url: INTAKE_URL, statuses });
    expect(script.onFormSubmit(event)).toMatchObject({ ok: false, attempts: 6 });
    expect(script.logRows[0]).toEqual(['Waktu', 'ID Respons', 'Status', 'Kode HTTP', 'Percobaan', 'Pesan']);
    expect(script.logRows[1]?.slice(1, 5)).toEqual(['resp-retry', 'GAGAL', 503, 6]);
  });

  it('does not retry a rejection (422) but logs it', () => {
    const script = loadCodeGs({ nowMs: NOW.getTime(), secret: SECRET, url: INTAKE_URL, statuses: [422] });
    expect(script.onFormSubmit(event)).toMatchObject({ ok: false, attempts: 1 });
    expect(script.logRows[1]?.slice(1, 4)).toEqual(['resp-retry', 'DITOLAK', 422]);
  });
});
