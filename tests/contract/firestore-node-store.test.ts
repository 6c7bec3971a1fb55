import { Firestore } from '@google-cloud/firestore';
import { inject } from 'vitest';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('firestore (node client → emulator)', async () => {
  const [host = '', port = ''] = inject('firestoreEmulatorHost').split(':');
  const db = new Firestore({
    host,
    port: Number(port),
    ssl: false,
    projectId: `juri-node-${Date.now()}`,
    // Explicit (unused) credentials keep the auth library from probing for a metadata server.
    credentials: { client_email: 'emulator@juri-test.iam.gserviceaccount.com', private_key: 'unused' },
  });
  return { store: createFirestoreStore(db), close: () => db.terminate() };
});
