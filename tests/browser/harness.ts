import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';

/** Debian's chromium; CI installs the same package with apt. Nothing downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
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
