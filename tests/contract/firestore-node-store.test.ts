import { afterAll, describe, expect, inject, it } from 'vitest';
import { docId } from '../../infra/firestore/document-backend.ts';
import { createDocumentStore } from '../../infra/firestore/document-store.ts';
import {
  createFirestoreStore,
  DEFAULT_FIRESTORE_DEADLINE_MS,
  nodeBackend,
} from '../../infra/firestore/node-store.ts';
import type { AppError } from '../../shared/errors.ts';
import { EMULATOR_DEADLINE, emulatorFirestore, startFirestoreEmulator } from '../setup/firestore-emulator.ts';
import { countingBackend } from './counting-backend.ts';
import { describeStoreContract } from './store-contract.ts';
import { describeSyncHeadContract } from './sync-head-contract.ts';
import { describeUnreadCreate } from './unread-create-contract.ts';

describeStoreContract('firestore (node client → emulator)', async () => {
  const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-node-${Date.now()}`);
  return { store: createFirestoreStore(db, EMULATOR_DEADLINE), close: () => db.terminate() };
});

describeSyncHeadContract('firestore (node client → emulator)', async () => {
  const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-node-head-${Date.now()}`);
  const backend = countingBackend(nodeBackend(db, EMULATOR_DEADLINE));
  return {
    store: createDocumentStore(backend),
    close: () => db.terminate(),
    reads: backend.reads,
    requests: backend.requests,
    dropHead: (cid) => backend.commit([{ op: 'delete', path: `competitions/${docId(cid)}/heads/sync` }]),
  };
});

const unreadDatabases: ReturnType<typeof emulatorFirestore>[] = [];
afterAll(() => Promise.all(unreadDatabases.map((db) => db.terminate())));
describeUnreadCreate('firestore (node client → emulator)', () => {
  const db = emulatorFirestore(
    inject('firestoreEmulatorHost'),
    `juri-node-unread-${Date.now()}-${Math.random()}`,
  );
  unreadDatabases.push(db);
  return nodeBackend(db, EMULATOR_DEADLINE);
});

describe('firestore (node client) when Firestore stops answering', () => {
  it('answers storage_unavailable at its deadline, reads and writes alike, instead of waiting out the client', async () => {
    const emulator = await startFirestoreEmulator();
    const db = emulatorFirestore(emulator.host, `juri-node-deadline-${Date.now()}`);
    const store = createFirestoreStore(db);
    await store.competition('c1').cursors.setCursor('forms', 'before');
    await emulator.stop();
    const noAnswer = {
      code: 'storage_unavailable',
      status: 503,
      detail: `firestore: no-answer: FIRESTORE_DEADLINE_MS=${DEFAULT_FIRESTORE_DEADLINE_MS}`,
    };
    expect(DEFAULT_FIRESTORE_DEADLINE_MS).toBe(5000);
    await expect(store.competition('c1').cursors.getCursor('forms')).rejects.toMatchObject(noAnswer);
    await expect(store.competition('c1').innovations.listInnovations()).rejects.toMatchObject(noAnswer);
    const write = store
      .competition('c1')
      .cursors.setCursor('forms', 'after')
      .catch((e: unknown) => e);
    expect(await write).toMatchObject(noAnswer);
    expect(((await write) as AppError).messageIn('id')).toContain('Firestore tidak menjawab dalam 5 detik');
    // The client goes on retrying what was given up on, in the background: terminating it under those
    // retries makes them throw, so it is left to the end of the run.
  });

  it('takes its deadline from FIRESTORE_DEADLINE_MS', async () => {
    const emulator = await startFirestoreEmulator();
    const db = emulatorFirestore(emulator.host, `juri-node-deadline-${Date.now()}`);
    await emulator.stop();
    const store = createFirestoreStore(db, { deadlineMs: 1500 });
    await expect(store.competition('c1').cursors.getCursor('forms')).rejects.toMatchObject({
      code: 'storage_unavailable',
      detail: 'firestore: no-answer: FIRESTORE_DEADLINE_MS=1500',
    });
  });
});
