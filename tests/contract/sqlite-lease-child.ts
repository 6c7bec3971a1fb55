// Run as a separate process by sqlite-store.test.ts: takes a lease in a shared db file and keeps running
// (holding it) until it is killed.
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';

const [file, competition] = process.argv.slice(2);
if (!file || !competition) throw new Error('usage: sqlite-lease-child.ts <file> <competition>');
const store = openSqliteStore(file, { busyTimeoutMs: 30_000 });
const now = new Date();
const held = await store
  .competition(competition)
  .leases.acquireLease('sync', 'child', now, new Date(now.getTime() + 3_600_000));
process.stdout.write(held ? 'held\n' : 'refused\n');
setInterval(() => undefined, 60_000);
