import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { buildGcfSource } from '../../infra/gcf/build.ts';
import { freePort, waitUntilServing } from '../workers/helpers/free-port.ts';
import { signedFormSubmission } from '../workers/helpers/signed-intake.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'gcf-test-intake-secret';
const PROJECT = `juri-gcf-${process.pid}`;
const CID = 'koin-yanlik-ntt-2024';

let child: ChildProcess;
let base: string;
let output = '';

/**
 * The Cloud Functions path as deployed: infra/gcf/build.ts output, started by the Functions Framework
 * CLI (what the nodejs20 runtime runs), with @google-cloud/firestore on the emulator instead of ADC.
 */
beforeAll(async () => {
  const outDir = join(ROOT, 'test-artifacts', `gcf-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  await buildGcfSource({
    outDir,
    competitionFile: join(ROOT, 'infra/competitions/koin-yanlik-ntt-2024.json'),
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js'),
      '--target=juri',
      `--port=${port}`,
    ],
    {
      cwd: outDir,
      env: {
        PATH: process.env.PATH ?? '',
        JURI_MODE: 'google',
        GOOGLE_PROJECT_ID: PROJECT,
        COMPETITION_FILE: 'competition.json',
        INTAKE_HMAC_SECRET: SECRET,
        ADMIN_TOKEN: 'gcf-test-admin-token',
        FIRESTORE_EMULATOR_HOST: inject('firestoreEmulatorHost'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitUntilServing(`${base}/healthz`).catch((e: unknown) => {
    throw new Error(`${String(e)}\n${output}`);
  });
});

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('Cloud Functions entry (Functions Framework serving the Hono app)', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('takes a signed Apps Script submission into Firestore exactly once', async () => {
    const post = async () => {
      const { body, headers } = await signedFormSubmission({ secret: SECRET, responseId: 'gcf-resp-1' });
      return fetch(`${base}/intake/form`, { method: 'POST', headers, body });
    };
    const first = await post();
    expect(first.status, output).toBe(201);
    expect(await first.json()).toMatchObject({ responseId: 'gcf-resp-1', outcome: 'created' });
    expect((await post()).status).toBe(200);

    const [hostname = '127.0.0.1', port = ''] = inject('firestoreEmulatorHost').split(':');
    const db = new Firestore({ projectId: PROJECT, host: hostname, port: Number(port), ssl: false });
    const innovations = await createFirestoreStore(db).listInnovations(CID);
    await db.terminate();
    expect(innovations.map((i) => i.responseId)).toEqual(['gcf-resp-1']);
  });

  it('refuses a forged signature with the shared error shape', async () => {
    const { body, headers } = await signedFormSubmission({ secret: 'not-the-secret-value', responseId: 'x' });
    const res = await fetch(`${base}/intake/form`, { method: 'POST', headers, body });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const res = await fetch(`${base}/tidak-ada`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'not_found', message: 'Halaman tidak ditemukan.' },
    });
  });
});
