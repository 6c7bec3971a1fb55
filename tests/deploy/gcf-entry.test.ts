import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { EMULATOR_DEADLINE, emulatorFirestore } from '../setup/firestore-emulator.ts';
import { signedFormSubmission } from '../workers/helpers/signed-intake.ts';
import { buildOnce, type RunningFunction, removeBuild, startFunction } from './functions-framework.ts';

const SECRET = 'gcf-test-intake-secret';
const PROJECT = `juri-gcf-${process.pid}`;
const CID = 'koin-yanlik-ntt-2024';

let fn: RunningFunction;
let source = '';

/** The HTTP function as deployed: infra/deploy/gcf/build.ts output under the Functions Framework CLI. */
beforeAll(async () => {
  source = await buildOnce('http');
  fn = await startFunction({
    source,
    target: 'juri',
    env: {
      JURI_MODE: 'google',
      GOOGLE_PROJECT_ID: PROJECT,
      COMPETITION_FILE: 'competition.json',
      INTAKE_HMAC_SECRET: SECRET,
      ADMIN_TOKEN: 'gcf-test-admin-token',
      // @google-cloud/firestore goes to the emulator instead of using ADC.
      FIRESTORE_EMULATOR_HOST: inject('firestoreEmulatorHost'),
      FIRESTORE_DEADLINE_MS: String(EMULATOR_DEADLINE.deadlineMs),
    },
  });
});

afterAll(() => {
  fn?.stop();
  removeBuild(source);
});

describe('Cloud Functions HTTP entry (Functions Framework serving the Hono app)', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${fn.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('takes a signed Apps Script submission into Firestore exactly once', async () => {
    const post = async () => {
      const { body, headers } = await signedFormSubmission({
        secret: SECRET,
        responseId: 'gcf-resp-1',
        submittedAt: '2024-09-02T01:00:00.000Z',
      });
      return fetch(`${fn.base}/intake/form`, { method: 'POST', headers, body });
    };
    const first = await post();
    expect(first.status, fn.output()).toBe(201);
    expect(await first.json()).toMatchObject({ responseId: 'gcf-resp-1', outcome: 'created' });
    const again = await post();
    expect(await again.json()).toMatchObject({ outcome: 'unchanged' });

    const db = emulatorFirestore(inject('firestoreEmulatorHost'), PROJECT);
    const innovations = await createFirestoreStore(db, EMULATOR_DEADLINE)
      .competition(CID)
      .innovations.listInnovations();
    await db.terminate();
    expect(innovations.map((i) => i.responseId)).toEqual(['gcf-resp-1']);
  });

  it('refuses a forged signature with the shared error shape', async () => {
    const { body, headers } = await signedFormSubmission({ secret: 'not-the-secret-value', responseId: 'x' });
    const res = await fetch(`${fn.base}/intake/form`, { method: 'POST', headers, body });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const res = await fetch(`${fn.base}/tidak-ada`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'not_found', message: 'Halaman tidak ditemukan.' },
    });
  });
});
