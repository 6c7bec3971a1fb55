import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { Firestore } from '@google-cloud/firestore';

// The package's ESM build imports extensionless paths that Node cannot resolve; its CommonJS build works.
const { FirestoreServer } = createRequire(import.meta.url)(
  '@firestore-emulator/server',
) as typeof import('@firestore-emulator/server');

/**
 * Starts the pure-JS Firestore emulator (gRPC) on a free 127.0.0.1 port. The emulator binds a port it is given
 * but does not report one it picked, so a free port is found first and the start retried if it was taken.
 */
export async function startFirestoreEmulator(): Promise<{ host: string; stop(): Promise<void> }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const server = new FirestoreServer();
    try {
      await server.start(port);
      return {
        host: `127.0.0.1:${port}`,
        stop: async () => server.stop(),
      };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/**
 * The Node store's deadline per call in tests against the emulator: on a loaded machine the pure-JS
 * emulator can take seconds to answer, and no verdict may depend on speed. The production deadline
 * (5 s) has its own test, against an emulator that was stopped.
 */
export const EMULATOR_DEADLINE = { deadlineMs: 120_000 };

/**
 * The real @google-cloud/firestore client pointed at the emulator. Explicit (unused) credentials
 * keep the auth library from probing for a cloud metadata server, which is not on loopback.
 */
export function emulatorFirestore(emulatorHost: string, projectId: string): Firestore {
  const [host = '127.0.0.1', port = ''] = emulatorHost.split(':');
  return new Firestore({
    host,
    port: Number(port),
    ssl: false,
    projectId,
    credentials: { client_email: 'emulator@juri-test.iam.gserviceaccount.com', private_key: 'unused' },
  });
}
