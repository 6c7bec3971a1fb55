import type { TestProject } from 'vitest/node';
import { startFirestoreEmulator } from './firestore-emulator.ts';
import { startFirestoreRestBridge } from './firestore-rest-bridge.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of the Firestore emulator (gRPC), shared by the whole run; isolate by project or competition id. */
    firestoreEmulatorHost: string;
    /** Root URL of the REST-to-gRPC bridge in front of that emulator, for @googleapis/firestore. */
    firestoreRestUrl: string;
  }
}

/** Starts the shared offline stand-ins once for the whole run. */
export default async function setup(project: TestProject) {
  const emulator = await startFirestoreEmulator();
  const bridge = await startFirestoreRestBridge({ emulatorHost: emulator.host });
  project.provide('firestoreEmulatorHost', emulator.host);
  project.provide('firestoreRestUrl', bridge.url);
  return async () => {
    await bridge.close();
    await emulator.stop();
  };
}
