import { inject } from 'vitest';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { emulatorFirestore } from '../setup/firestore-emulator.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('firestore (node client → emulator)', async () => {
  const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-node-${Date.now()}`);
  return { store: createFirestoreStore(db), close: () => db.terminate() };
});
