import { type ChildProcess, spawn } from 'node:child_process';

const BIN = new URL('../../bin/juri.js', import.meta.url).pathname;

export interface ServeChild {
  /** http://127.0.0.1:<port> */
  url: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** SIGTERM (a clean stop); resolves once it exited. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9); resolves once it is gone. */
  kill(): Promise<void>;
}

/** `juri serve --local` (npm start) on a free port over JURI_DIR=`dir`; resolves once it says it runs. */
export async function startServe(dir: string): Promise<ServeChild> {
  const child = spawn('node', [BIN, 'serve', '--local', '--port', '0'], {
    env: { ...process.env, JURI_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    const timer = setInterval(() => {
      // The banner's first line names the server; the competitions' links follow it, then Ctrl+C.
      const served = /berjalan — (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (served && out.includes('Ctrl+C')) {
        clearInterval(timer);
        resolve(served);
      }
    }, 100);
  });
  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      child.removeAllListeners('exit');
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill(signal);
    });
  return { url, child, output: () => out, stop: () => ended('SIGTERM'), kill: () => ended('SIGKILL') };
}
