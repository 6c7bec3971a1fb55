import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildGcfSource } from '../../infra/deploy/gcf/build.ts';
import { freePort, waitUntilServing } from '../workers/helpers/free-port.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningFunction {
  base: string;
  output(): string;
  stop(): void;
}

/** Builds infra/deploy/gcf like deploy.sh does, once per test file, and returns the source folder. */
export async function buildOnce(name: string): Promise<string> {
  const outDir = join(ROOT, 'test-artifacts', `gcf-${name}-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  return buildGcfSource({
    outDir,
    competitionFile: join(ROOT, 'infra/competitions/koin-yanlik-ntt-2024.json'),
  });
}

export function removeBuild(dir: string): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts the Functions Framework CLI (what the nodejs24 runtime runs) on the built source, with the
 * source folder as working directory like on Cloud Functions.
 */
export async function startFunction(opts: {
  source: string;
  target: string;
  signatureType?: 'http' | 'cloudevent';
  env: Record<string, string>;
}): Promise<RunningFunction> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js'),
      `--target=${opts.target}`,
      `--signature-type=${opts.signatureType ?? 'http'}`,
      `--port=${port}`,
    ],
    {
      cwd: opts.source,
      // No cloud metadata server here: the auth library must not go looking for one off loopback.
      env: { PATH: process.env.PATH ?? '', METADATA_SERVER_DETECTION: 'none', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitUntilServing(`${base}/`);
  } catch (e) {
    child.kill('SIGTERM');
    throw new Error(`${String(e)}\n${output}`);
  }
  return { base, output: () => output, stop: () => child.kill('SIGTERM') };
}
