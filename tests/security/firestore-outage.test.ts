import { createRequire } from 'node:module';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createFirestoreRestStore } from '../../infra/firestore/rest-store.ts';
import { budget, CLI_MS } from '../helpers/budgets.ts';
import { appWith, servicesWith } from '../intake/harness.ts';
import { startFirestoreRestBridge } from '../setup/firestore-rest-bridge.ts';
import { appsScriptBody, CID, postIntake } from './helpers.ts';

const { FirestoreServer } = createRequire(import.meta.url)(
  '@firestore-emulator/server',
) as typeof import('@firestore-emulator/server');
type Emulator = InstanceType<typeof FirestoreServer>;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const address = probe.address();
  await new Promise<void>((ok) => probe.close(() => ok()));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

/** The emulator on a fixed port; stopped, and started again on the same port with the data it held. */
async function emulatorOn(port: number, state?: Emulator['state']): Promise<Emulator> {
  for (let attempt = 0; ; attempt++) {
    const emulator = new FirestoreServer();
    // The documents live in the state's (private) projects; the restarted emulator takes them over.
    if (state)
      Object.assign(emulator.state, { projects: (state as unknown as { projects: unknown }).projects });
    try {
      await emulator.start(port);
      return emulator;
    } catch (error) {
      // The stopped server lets go of its port a moment later.
      if (attempt > 100) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * The TCP path from the app to Firestore's REST front: while Firestore is down it refuses connections
 * and cuts the ones in flight, as a stopped service does.
 */
async function cuttableLink(targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const port = await freePort();
  const listen = () =>
    new Promise<void>((ok) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => ok());
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}/`,
    cut: async () => {
      const closing = new Promise<void>((ok) => server?.close(() => ok()));
      for (const s of sockets) s.destroy();
      await closing;
    },
    restore: listen,
  };
}

describe('Firestore stops in the middle of an intake burst', () => {
  it(
    'answers 503 meanwhile, the senders’ retries land, and each submission is stored exactly once',
    async () => {
      const emulatorPort = await freePort();
      let emulator = await emulatorOn(emulatorPort);
      const bridge = await startFirestoreRestBridge({
        emulatorHost: `127.0.0.1:${emulatorPort}`,
        grpc: { 'grpc.initial_reconnect_backoff_ms': 50, 'grpc.max_reconnect_backoff_ms': 200 },
      });
      const link = await cuttableLink(Number(new URL(bridge.url).port));
      const projectId = `juri-outage-${Date.now()}`;
      const store = createFirestoreRestStore({
        projectId,
        rootUrl: link.url,
        getAccessToken: async () => 'test-access-token',
      });
      const app = appWith(servicesWith(store));

      const N = 30;
      const STOP_AFTER = 8;
      let stored = 0;
      let unavailable = 0;
      let waiting = 0;
      let stopped: Promise<void> | undefined;
      let restore: () => void = () => undefined;
      const restored = new Promise<void>((ok) => {
        restore = ok;
      });
      /** Restarts Firestore once every sender still at work has been told 503. */
      let restarting = false;
      const maybeRestart = async () => {
        if (!stopped || restarting || waiting < N - stored) return;
        restarting = true;
        await stopped;
        emulator = await emulatorOn(emulatorPort, emulator.state);
        await link.restore();
        restore();
      };

      // Each sender behaves like Code.gs: a 503 means "try again later" (here: once Firestore is back).
      const senders = Array.from({ length: N }, async (_, i) => {
        const body = appsScriptBody(`resp-burst-${String(i).padStart(2, '0')}`);
        for (;;) {
          const res = await postIntake(app, body);
          if (res.status === 503) {
            expect((await res.json()).error.code).toBe('storage_unavailable');
            unavailable += 1;
            waiting += 1;
            void maybeRestart();
            await restored;
            waiting -= 1;
            continue;
          }
          expect([200, 201]).toContain(res.status);
          stored += 1;
          if (stored === STOP_AFTER) {
            stopped = (async () => {
              await link.cut();
              emulator.stop();
            })();
          }
          void maybeRestart();
          return;
        }
      });
      await Promise.all(senders);

      expect(unavailable).toBeGreaterThan(0);
      const innovations = await store.competition(CID).innovations.listInnovations();
      expect(innovations).toHaveLength(N);
      expect(new Set(innovations.map((i) => i.responseId)).size).toBe(N);
      expect(innovations.map((i) => i.id)).toEqual(
        Array.from({ length: N }, (_, k) => `INOV-2024-${String(k + 1).padStart(3, '0')}`),
      );
      expect(innovations.every((i) => i.version === 1)).toBe(true);
      const archived = await store.competition(CID).archive.listRaw();
      expect(archived).toHaveLength(N);
      expect(archived.reduce((n, a) => n + a.deliveries, 0)).toBeGreaterThanOrEqual(N);

      await bridge.close();
      emulator.stop();
      // Two emulator starts and 30 senders retrying through an outage: about 18 s idle, over 120 s at load 19.
    },
    budget(2 * CLI_MS, 8 * CLI_MS),
  );
});
