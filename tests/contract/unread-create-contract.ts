import { describe, expect, it } from 'vitest';
import type { DocumentBackend } from '../../infra/firestore/document-backend.ts';
import { createDocumentStore } from '../../infra/firestore/document-store.ts';
import { countingBackend } from './counting-backend.ts';

const innovation = { title: 'T', agency: 'A', region: 'Kota Kupang', category: 'umum' };

/**
 * A new response created on the number after the one the store claimed last, before any read
 * (infra/firestore/innovation-documents.ts): redeliveries, edits, numbers taken by another store (another
 * isolate), a store emptied meanwhile and bursts stay exactly-once and gap-free. Each test gets a fresh,
 * empty database from `fresh`.
 */
export function describeUnreadCreate(name: string, fresh: () => DocumentBackend) {
  describe(`a create on the number after the last one claimed, unread: ${name}`, () => {
    const counted = () => countingBackend(fresh());
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
    const numbers = async (backend: ReturnType<typeof counted>) =>
      (
        await backend.query({
          collection: 'competitions/c/numbers',
          orderBy: { field: 'n', direction: 'asc' },
        })
      ).map((d) => [d.fields.n, d.fields.responseId]);

    it('answers a redelivery unchanged and applies an edit, counting each delivery once', async () => {
      const backend = counted();
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
      const backend = counted();
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
      const backend = counted();
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

    it('numbers a burst in one store once each and gap-free, whichever upsert takes the kept number', async () => {
      const backend = counted();
      const store = createDocumentStore(backend);
      const other = createDocumentStore(backend);
      await upsert(store, accepted('r0'));
      const burst = Array.from({ length: 8 }, (_, i) => accepted(`r${i + 1}`));
      const outcomes = await Promise.all([
        ...burst.map((a, i) => upsert(i % 3 === 0 ? other : store, a)),
        upsert(store, accepted('r0')),
      ]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual([...Array(8).fill('created'), 'unchanged']);
      const listed = await store.competition('c').innovations.listInnovations();
      expect(listed.map((i) => i.id)).toEqual(Array.from({ length: 9 }, (_, i) => `N-${i + 1}`));
      expect(new Set(listed.map((i) => i.responseId)).size).toBe(9);
      expect((await numbers(backend)).map(([n]) => n)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    });
  });
}
