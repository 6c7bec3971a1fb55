/**
 * The server under soak: local mode as `npm start` runs it (SQLite file, the local Sheets server over an
 * .xlsx), on 127.0.0.1 only, in its own process so that its memory is measured alone. Driven by
 * bench/soak.ts over IPC: "memory" answers a post-GC reading, "stop" closes everything.
 */
import { createApp } from '../functions/app.ts';
import { composeLocal } from '../functions/compose/local.ts';
import { listen } from '../functions/http/node-server.ts';

type Message = { kind: 'memory' } | { kind: 'stop' };

const dir = process.argv[2];
if (!dir || !process.send) throw new Error('usage: forked by bench/soak.ts with a folder');
const send = (message: unknown) => process.send?.(message);

const rt = await composeLocal({ dir, lang: 'id' });
const server = await listen(createApp(() => rt.services).fetch, 0, '127.0.0.1');
send({ kind: 'ready', url: server.url, secrets: rt.services.secrets, database: rt.paths.database });

process.on('message', async (message: Message) => {
  if (message.kind === 'memory') {
    // Started with --expose-gc: a reading after a full collection shows what is kept, not what is garbage.
    (globalThis as { gc?: () => void }).gc?.();
    send({ kind: 'memory', usage: process.memoryUsage() });
  } else {
    await server.close();
    await rt.close();
    process.exit(0);
  }
});
