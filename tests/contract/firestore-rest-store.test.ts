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
import { describeUnreadCreate } from './unread-create-contract.ts';

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

const innovation = { title: 'T', agency: 'A', region: 'Kota Kupang', category: 'umum' };

describeUnreadCreate('firestore (REST client → bridge → emulator)', () =>
  restBackend({
    projectId: `juri-rest-unread-${Date.now()}-${Math.random()}`,
    rootUrl: inject('firestoreRestUrl'),
    getAccessToken: async () => 'test-access-token',
  }),
);

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
