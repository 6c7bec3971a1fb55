/**
 * The README's pictures, made from what `npm start` shows a new user: starts the built server on its
 * embedded defaults in a fresh folder, signs in as the secretariat, and saves the public announcement and
 * the console as PNG under docs/img/ (real headless Chromium, the one the page tests use).
 *
 *   npm run build && node --import tsx scripts/screenshots.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../tests/browser/harness.ts';

const OUT = new URL('../docs/img/', import.meta.url).pathname;
const VIEW = { width: 1280, height: 800 };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** The server prints its addresses, ending with how to stop it, once the first start's demo is seeded. */
async function ready(server: ChildProcess): Promise<void> {
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      printed += chunk.toString();
      if (printed.includes('Ctrl+C')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`juri serve exited with ${code}`)));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'juri-screenshots-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  ['bin/juri.js', 'serve', '--local', '--dir', dir, '--port', String(port)],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const browser = await launchChromium();
try {
  await ready(server);
  const { adminToken } = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as {
    adminToken: string;
  };
  mkdirSync(OUT, { recursive: true });
  const page = await (await browser.newContext({ viewport: VIEW, locale: 'id-ID' })).newPage();
  await page.goto(`${base}/`);
  await page.screenshot({ path: join(OUT, 'pengumuman.png') });
  await page.goto(`${base}/sekretariat/masuk`);
  await page.fill('input[name="token"]', adminToken);
  await Promise.all([page.waitForURL(`${base}/sekretariat`), page.click('button[type="submit"]')]);
  await page.screenshot({ path: join(OUT, 'sekretariat.png') });
  console.log(`saved ${join(OUT, 'pengumuman.png')} and ${join(OUT, 'sekretariat.png')}`);
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
