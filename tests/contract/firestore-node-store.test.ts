import { inject } from 'vitest';
import { docId } from '../../infra/firestore/document-backend.ts';
import { createDocumentStore } from '../../infra/firestore/document-store.ts';
import { createFirestoreStore, nodeBackend } from '../../infra/firestore/node-store.ts';
import { emulatorFirestore } from '../setup/firestore-emulator.ts';
import { countingBackend } from './counting-backend.ts';
import { describeStoreContract } from './store-contract.ts';
import { describeSyncHeadContract } from './sync-head-contract.ts';

describeStoreContract('firestore (node client → emulator)', async () => {
  const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-node-${Date.now()}`);
  return { store: createFirestoreStore(db), close: () => db.terminate() };
});

describeSyncHeadContract('firestore (node client → emulator)', async () => {
  const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-node-head-${Date.now()}`);
  const backend = countingBackend(nodeBackend(db));
  return {
    store: createDocumentStore(backend),
    close: () => db.terminate(),
    reads: backend.reads,
    requests: backend.requests,
    dropHead: (cid) => backend.commit([{ op: 'delete', path: `competitions/${docId(cid)}/heads/sync` }]),
  };
});
