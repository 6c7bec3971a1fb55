import { serve as serveNode } from '@hono/node-server';
import { createApp } from '../app.ts';
import { composeForCli } from '../compose/runtime.ts';
import type { ServeOptions } from './serve.ts';

/** `juri serve` without --local: the same app against Google, configured by environment variables. */
export async function serveGoogle(o: ServeOptions): Promise<void> {
  const { services, close } = await composeForCli({ ...o, local: false });
  const app = createApp(() => services);
  const port = Number(o.port ?? process.env.PORT ?? 8787);
  const server = serveNode({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' });
  process.stdout.write(`juri (Google) — ${services.competition.name} — port ${port}\n`);
  await new Promise<void>((done) => {
    const stop = () => server.close(() => void close().finally(done));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
