import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { docId } from '../../infra/firestore/document-backend.ts';
import { createDocumentStore } from '../../infra/firestore/document-store.ts';
import { createFirestoreRestStore, restBackend } from '../../infra/firestore/rest-store.ts';
import { AppError } from '../../shared/errors.ts';
import { countingBackend } from './counting-backend.ts';
import { describeStoreContract } from './store-contract.ts';
import { describeSyncHeadContract } from './sync-head-contract.ts';

describeStoreContract('firestore (REST client → bridge → emulator)', async () => {
  const store = createFirestoreRestStore({
    projectId: `juri-rest-${Date.now()}`,
    rootUrl: inject('firestoreRestUrl'),
    getAccessToken: async () => 'test-access-token',
  });
  return { store, close: async () => {} };
});

describeSyncHeadContract('firestore (REST client → bridge → emulator)', async () => {
  const backend = countingBackend(
    restBackend({
      projectId: `juri-rest-head-${Date.now()}`,
      rootUrl: inject('firestoreRestUrl'),
      getAccessToken: async () => 'test-access-token',
    }),
  );
  return {
    store: createDocumentStore(backend),
    close: async () => {},
    reads: backend.reads,
    requests: backend.requests,
    other: () => createDocumentStore(backend),
    dropHead: (cid) => backend.commit([{ op: 'delete', path: `competitions/${docId(cid)}/heads/sync` }]),
  };
});

describe('firestore REST adapter: an accepted submission', () => {
  it('archives its payload and stores its innovation in ONE commit, after one batch read (and, first, the numbers query)', async () => {
    const backend = countingBackend(
      restBackend({
        projectId: `juri-rest-intake-${Date.now()}`,
        rootUrl: inject('firestoreRestUrl'),
        getAccessToken: async () => 'test-access-token',
      }),
    );
    const commits: number[] = [];
    const store = createDocumentStore({
      ...backend,
      commit: (writes) => {
        commits.push(writes.length);
        return backend.commit(writes);
      },
    });
    const raw = {
      id: 'sha256-abcd',
      receivedAt: '2024-10-01T01:00:00.000Z',
      source: 'apps-script' as const,
      responseId: 'r1',
      body: '{"responseId":"r1"}',
    };
    const before = backend.requests();
    const stored = await store.competition('c1').innovations.upsertInnovation(
      {
        responseId: 'r1',
        submittedAt: '2024-10-01T00:00:00Z',
        source: 'apps-script',
        rawId: raw.id,
        innovation,
      },
      (n) => `N-${n}`,
      raw,
    );
    expect(stored.outcome).toBe('created');
    expect(commits).toHaveLength(1);
    expect(backend.requests() - before).toBeLessThanOrEqual(3);
    expect(await store.competition('c1').archive.listRaw()).toMatchObject([{ id: raw.id, deliveries: 1 }]);
    // The next one is created on the number after the one this store claimed last: one commit, no read.
    const next = backend.requests();
    await store.competition('c1').innovations.upsertInnovation(
      {
        responseId: 'r2',
        submittedAt: '2024-10-01T00:00:00Z',
        source: 'apps-script',
        rawId: 'sha256-ef',
        innovation,
      },
      (n) => `N-${n}`,
      { ...raw, id: 'sha256-ef', responseId: 'r2' },
    );
    expect(backend.requests() - next).toBe(1);
    expect((await store.competition('c1').innovations.listInnovations()).map((i) => i.id)).toEqual([
      'N-1',
      'N-2',
    ]);
  });
});

describe('firestore REST adapter: a create on the number after the last one claimed, unread', () => {
  const rest = () =>
    countingBackend(
      restBackend({
        projectId: `juri-rest-unread-${Date.now()}-${Math.random()}`,
        rootUrl: inject('firestoreRestUrl'),
        getAccessToken: async () => 'test-access-token',
      }),
    );
  const accepted = (responseId: string, submittedAt = '2024-10-01T00:00:00Z') => ({
    responseId,
    submittedAt,
    source: 'apps-script' as const,
    rawId: `sha256-${responseId}-${submittedAt}`,
    innovation: { ...innovation, title: `T ${responseId} ${submittedAt}` },
  });
  const rawOf = (a: ReturnType<typeof accepted>) => ({
    id: a.rawId,
    receivedAt: '2024-10-01T01:00:00.000Z',
    source: 'apps-script' as const,
    responseId: a.responseId,
    body: JSON.stringify(a),
  });
  const upsert = (store: ReturnType<typeof createDocumentStore>, a: ReturnType<typeof accepted>) =>
    store.competition('c').innovations.upsertInnovation(a, (n) => `N-${n}`, rawOf(a));
  const numbers = async (backend: ReturnType<typeof rest>) =>
    (
      await backend.query({ collection: 'competitions/c/numbers', orderBy: { field: 'n', direction: 'asc' } })
    ).map((d) => [d.fields.n, d.fields.responseId]);

  it('answers a redelivery unchanged and applies an edit, counting each delivery once', async () => {
    const backend = rest();
    const store = createDocumentStore(backend);
    await upsert(store, accepted('r1'));
    // The store now tries r1's next number unread: the commit fails on r1's innovation (and payload).
    const before = backend.requests();
    expect(await upsert(store, accepted('r1'))).toMatchObject({
      outcome: 'unchanged',
      innovation: { id: 'N-1' },
    });
    // That commit, the batch read, r1's number checked, and the delivery alone (its payload was found).
    expect(backend.requests() - before).toBe(4);
    await upsert(store, accepted('r2'));
    const edit = accepted('r2', '2024-10-02T00:00:00Z');
    expect(await upsert(store, edit)).toMatchObject({
      outcome: 'updated',
      innovation: { id: 'N-2', version: 2 },
    });
    expect(await upsert(store, accepted('r3'))).toMatchObject({
      outcome: 'created',
      innovation: { id: 'N-3' },
    });
    const c = store.competition('c');
    expect((await c.innovations.listInnovations()).map((i) => [i.id, i.title])).toEqual([
      ['N-1', 'T r1 2024-10-01T00:00:00Z'],
      ['N-2', 'T r2 2024-10-02T00:00:00Z'],
      ['N-3', 'T r3 2024-10-01T00:00:00Z'],
    ]);
    expect((await c.archive.listRaw()).map((r) => [r.responseId, r.deliveries])).toEqual([
      ['r1', 2],
      ['r2', 1],
      ['r2', 1],
      ['r3', 1],
    ]);
    expect(await numbers(backend)).toEqual([
      [1, 'r1'],
      [2, 'r2'],
      [3, 'r3'],
    ]);
  });

  it('stays gap-free when another store (another isolate) took that number meanwhile', async () => {
    const backend = rest();
    const store = createDocumentStore(backend);
    await upsert(store, accepted('r1'));
    await upsert(createDocumentStore(backend), accepted('r2'));
    // Tried unread on N-2, taken: the emulator keeps the commit's writes before that, which are repaired.
    expect(await upsert(store, accepted('r3'))).toMatchObject({
      outcome: 'created',
      innovation: { id: 'N-3' },
    });
    expect(await upsert(store, accepted('r4'))).toMatchObject({
      outcome: 'created',
      innovation: { id: 'N-4' },
    });
    const c = store.competition('c');
    expect((await c.innovations.listInnovations()).map((i) => [i.id, i.responseId])).toEqual([
      ['N-1', 'r1'],
      ['N-2', 'r2'],
      ['N-3', 'r3'],
      ['N-4', 'r4'],
    ]);
    expect(await numbers(backend)).toEqual([
      [1, 'r1'],
      [2, 'r2'],
      [3, 'r3'],
      [4, 'r4'],
    ]);
    expect((await c.archive.listRaw()).map((r) => r.deliveries)).toEqual([1, 1, 1, 1]);
  });

  it('numbers from 1 again once the documents are gone (a store emptied while the isolate lives)', async () => {
    const backend = rest();
    const store = createDocumentStore(backend);
    await upsert(store, accepted('r1'));
    await upsert(store, accepted('r2'));
    for (const collection of ['numbers', 'innovations', 'heads', 'intake', 'deliveries']) {
      const docs = await backend.query({ collection: `competitions/c/${collection}` });
      await backend.commit(docs.map((d) => ({ op: 'delete' as const, path: d.path })));
    }
    expect(await upsert(store, accepted('r3'))).toMatchObject({
      outcome: 'created',
      innovation: { id: 'N-1' },
    });
    expect(await numbers(backend)).toEqual([[1, 'r3']]);
  });
});

const innovation = { title: 'T', agency: 'A', region: 'Kota Kupang', category: 'umum' };

describe('firestore REST adapter outages', () => {
  const submission = {
    responseId: 'r1',
    submittedAt: '2024-10-01T00:00:00Z',
    source: 'local' as const,
    rawId: 'raw-1',
    innovation: { title: 'T', agency: 'A', region: 'Kota Kupang', category: 'umum' },
  };

  it('turns a 5xx from Firestore into storage_unavailable (503)', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 503, message: 'down', status: 'UNAVAILABLE' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const store = createFirestoreRestStore({
      projectId: 'juri-outage',
      rootUrl: `http://127.0.0.1:${port}/`,
      getAccessToken: async () => 't',
    });
    await expect(
      store.competition('c').innovations.upsertInnovation(submission, (n) => `N-${n}`),
    ).rejects.toMatchObject({
      code: 'storage_unavailable',
      status: 503,
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('turns a refused connection into storage_unavailable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const store = createFirestoreRestStore({
      projectId: 'juri-outage',
      rootUrl: `http://127.0.0.1:${port}/`,
      getAccessToken: async () => 't',
    });
    await expect(store.competition('c').cursors.getCursor('forms')).rejects.toBeInstanceOf(AppError);
  });

  it('gives every name a distinct, URL-safe document id', () => {
    const names = ['a/b', 'a%2Fb', 'a~2Fb', '.', '..', '__x__', 'Rp 1.000', 'é'];
    const ids = names.map(docId);
    expect(new Set(ids).size).toBe(names.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9\-~!*'()][A-Za-z0-9_\-~!*'()]*$/);
  });
});
