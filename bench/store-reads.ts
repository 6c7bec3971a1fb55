import { createDocumentStore } from '../infra/firestore/document-store.ts';
import { nodeBackend } from '../infra/firestore/node-store.ts';
import type { StoreAdapter, SyncRecord } from '../shared/ports.ts';
import { countingBackend } from '../tests/contract/counting-backend.ts';
import {
  bigSync,
  numberToId,
  rejection,
  resultRecord,
  scoreChange,
  submission,
} from '../tests/contract/store-fixtures.ts';
import { emulatorFirestore, startFirestoreEmulator } from '../tests/setup/firestore-emulator.ts';

/**
 * Firestore documents a sync reads through the store, at 80 and 3,500 entries, on the emulator: the calls
 * today's sync makes ("listing") and the ones the sync head allows ("head"), for a written and an unchanged
 * sync. `node --import tsx bench/store-reads.ts`; prints one JSON line. The Sheets side is not counted.
 */

const emulator = await startFirestoreEmulator();
const db = emulatorFirestore(emulator.host, `juri-reads-${process.pid}`);
const backend = countingBackend(nodeBackend(db));
const store = createDocumentStore(backend);
const path = (cid: string, ...parts: string[]) => ['competitions', cid, ...parts].join('/');

async function seed(cid: string, entries: number): Promise<SyncRecord> {
  for (let i = 0; i < entries; i += 400) {
    const writes = Array.from({ length: Math.min(400, entries - i) }, (_, j) => {
      const n = i + j + 1;
      const s = submission(`resp-${n}`, '2024-10-01T00:00:00.000Z');
      const innovation = { ...s.innovation, id: numberToId(n), version: 1, responseId: s.responseId };
      return {
        op: 'set' as const,
        path: path(cid, 'innovations', `resp-${n}`),
        fields: { number: n, version: 1, submittedAt: s.submittedAt, claimId: 'seed', innovation },
      };
    });
    await backend.commit(writes);
  }
  // The stamp as intake leaves it (the seeding above bypassed intake).
  await store.competition(cid).archive.recordRejection(rejection('late-1', '2024-10-02T00:00:00Z', 'x'));
  await store.competition(cid).archive.recordRejection(rejection('late-2', '2024-10-02T00:00:00Z', 'y'));
  await store.competition(cid).records.saveVersion(resultRecord(1, entries * 21));
  for (let s = 1; s <= 30; s++) {
    const id = `sync-${String(s).padStart(9, '0')}`;
    await store.competition(cid).changeLog.appendScoreChanges(
      id,
      Array.from({ length: 40 }, (_, i) => scoreChange(id, i)),
    );
  }
  const last = bigSync('sync-000000030', '2024-11-30T00:00:00.000Z');
  const ranking = (last.result?.stages[1]?.ranking ?? []).slice(0, entries);
  return {
    ...last,
    sequence: 30,
    ...(last.result
      ? { result: { ...last.result, stages: [{ stage: 'desk', ranking, problems: [] }] } }
      : {}),
  };
}

async function cost(work: () => Promise<unknown>): Promise<number> {
  const before = backend.reads();
  await work();
  return backend.reads() - before;
}

const lease = async (cid: string, work: () => Promise<unknown>) => {
  const now = new Date();
  await store.competition(cid).leases.acquireLease('sync', 'bench', now, new Date(now.getTime() + 60_000));
  await work();
  await store.competition(cid).leases.releaseLease('sync', 'bench');
};

/** The store calls of today's sync (functions/scores/sync.ts): every list read whole. */
async function listingSync(store: StoreAdapter, cid: string, next: SyncRecord, written: boolean) {
  const s = store.competition(cid);
  await lease(cid, async () => {
    await s.syncLog.lastSync();
    await Promise.all([
      s.innovations.listInnovations(),
      s.archive.listRejections(),
      s.records.latestVersion(),
    ]);
    // Unlimited: the per-sync documents, as today's listScoreChanges(…, 5000) reads them at this size.
    if (written) await s.changeLog.listScoreChanges();
    await s.syncLog.saveSync(next);
  });
}

/** The same sync on the head: the fast path for unchanged, the snapshot and the tail for written. */
async function headSync(store: StoreAdapter, cid: string, next: SyncRecord, written: boolean) {
  const s = store.competition(cid).syncLog;
  await lease(cid, async () => {
    const head = await s.syncHead();
    if (!written) {
      await s.saveUnchanged({
        id: next.id,
        sequence: next.sequence ?? 0,
        status: 'unchanged',
        startedAt: next.startedAt,
        finishedAt: next.finishedAt,
        readHash: head?.readHash ?? '',
        inputHash: head?.inputHash ?? '',
        requests: { reads: 1, writes: 0 },
      });
      return;
    }
    const inputs = await s.syncInputs(head, 5000);
    await s.saveSync(next, { readHash: 'r', changes: [], inputs });
  });
}

const out: Record<string, Record<string, number>> = {};
for (const entries of [80, 3500]) {
  const cid = `reads-${entries}-${process.pid}`;
  const last = await seed(cid, entries);
  await store.competition(cid).syncLog.saveSync(last, { readHash: 'r' });
  // One sync of each kind first, so the snapshot and the head exist as they would after the first sync.
  await headSync(store, cid, { ...last, id: 'sync-000000031', sequence: 31 }, true);
  const at = (n: number) => ({ ...last, id: `sync-${String(n).padStart(9, '0')}`, sequence: n });
  out[entries] = {
    listingWritten: await cost(() => listingSync(store, cid, at(32), true)),
    listingUnchanged: await cost(() => listingSync(store, cid, at(33), false)),
    headWritten: await cost(() => headSync(store, cid, at(34), true)),
    headUnchanged: await cost(() => headSync(store, cid, at(35), false)),
  };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
await db.terminate();
await emulator.stop();
