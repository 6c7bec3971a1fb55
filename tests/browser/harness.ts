import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';

/** Debian's `chromium` package: the fallback when the npm-shipped browser cannot start. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const OUR_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * Flags of @sparticuz/chromium's serverless list that the page tests must not run with: they switch
 * off the same-origin policy and site isolation (which would hide what the pages get wrong in a real
 * browser), squeeze everything into one process (for Lambda's sandbox; here it only makes closing
 * contexts fragile), or repeat the headless mode Playwright already passes.
 */
const DROPPED_NPM_ARGS = [
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--headless',
];

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Where it came from, for messages. */
  source: string;
}

/**
 * The browser the page tests drive, in this order:
 * 1. `CHROMIUM_PATH`, when set (nothing else is tried);
 * 2. the headless Chromium shipped inside the `@sparticuz/chromium` npm package, unpacked once per
 *    version under the temp folder, with its bundled fonts as a last resort behind the system's;
 * 3. a system Chromium at /usr/bin/chromium, when one is there.
 * Nothing downloads a browser.
 */
export async function launchChromium(): Promise<Browser> {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit)
    return launch({ executablePath: explicit, args: OUR_ARGS, source: `CHROMIUM_PATH=${explicit}` });
  let npmFailure: unknown;
  try {
    return await launch(await npmChromium());
  } catch (error) {
    npmFailure = error;
  }
  if (existsSync(SYSTEM_CHROMIUM)) {
    console.warn(
      `The npm-shipped Chromium did not start (${firstLine(npmFailure)}); using ${SYSTEM_CHROMIUM} instead.`,
    );
    return launch({ executablePath: SYSTEM_CHROMIUM, args: OUR_ARGS, source: SYSTEM_CHROMIUM });
  }
  throw new Error(
    `No Chromium for the page tests: the one in @sparticuz/chromium did not start (${firstLine(npmFailure)}), ` +
      `and there is no ${SYSTEM_CHROMIUM}. Run \`npm install\`, or set CHROMIUM_PATH to a Chromium binary.`,
    { cause: npmFailure },
  );
}

async function launch(choice: ChromiumChoice): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: choice.executablePath,
      args: choice.args,
      ...(choice.env ? { env: choice.env } : {}),
    });
  } catch (error) {
    throw new Error(`${choice.source}: ${firstLine(error)}`, { cause: error });
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/**
 * Unpacks @sparticuz/chromium's brotli-packed browser, fonts and SwiftShader into
 * `<tmp>/juri-chromium-<version>/` (first run ~2 s, later runs reuse it). The package unpacks into
 * `os.tmpdir()`, so it is pointed at a fresh staging folder which is renamed into place only when
 * complete: an interrupted unpack, another version, or a parallel run never leaves a half browser
 * where the next run would take it.
 */
export async function npmChromium(): Promise<ChromiumChoice> {
  const manifest = packageManifest('@sparticuz/chromium');
  const root = tmpdir();
  const dir = join(root, `juri-chromium-${manifest.version}`);
  if (!existsSync(join(dir, 'fonts.conf'))) {
    const { default: packed } = await import('@sparticuz/chromium');
    const staging = mkdtempSync(join(root, `juri-chromium-${manifest.version}-`));
    const saved = process.env.TMPDIR;
    let unpacking: Promise<string>;
    try {
      process.env.TMPDIR = staging;
      // Every os.tmpdir() read of the package happens before its first await.
      unpacking = packed.executablePath();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    try {
      const binary = await unpacking;
      if (binary !== join(staging, 'chromium')) throw new Error(`unexpected unpack location ${binary}`);
      writeFileSync(join(staging, 'fonts.conf'), fontsConf(dir));
      renameSync(staging, dir);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another run finished first: use its copy.
      if (!existsSync(join(dir, 'fonts.conf'))) throw error;
    }
  }
  const { default: packed } = await import('@sparticuz/chromium');
  packed.setGraphicsMode = false;
  const npmArgs = packed.args.filter(
    (arg) => !DROPPED_NPM_ARGS.some((d) => arg === d || arg.startsWith(`${d}=`)),
  );
  return {
    executablePath: join(dir, 'chromium'),
    args: [...new Set([...OUR_ARGS, ...npmArgs])],
    env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') },
    source: `@sparticuz/chromium ${manifest.version}`,
  };
}

/** The package's own package.json (it does not export that path), found from its entry point. */
function packageManifest(name: string): { version: string } {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (manifest.name === name) return manifest;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json for ${name}`);
    dir = parent;
  }
}

/**
 * The browser links fontconfig statically and reads the system's configuration; on a machine with no
 * fonts installed every glyph would be blank. This configuration keeps the system's fonts first and
 * adds the package's Open Sans behind them, so text always renders.
 */
function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`;
}

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** The real app over real HTTP on 127.0.0.1 and a random port. */
export async function startApp(services: Services): Promise<RunningApp> {
  const app = createApp(() => services);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);
