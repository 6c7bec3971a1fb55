// Run as a separate process by sqlite-store.test.ts: upserts the given response ids into one shared db file.
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { numberToId, submission } from './store-fixtures.ts';

const [file, competition, ...responseIds] = process.argv.slice(2);
if (!file || !competition) throw new Error('usage: sqlite-upsert-child.ts <file> <competition> <ids…>');
const store = openSqliteStore(file, { busyTimeoutMs: 30_000 });
const results: { id: string; outcome: string; number: string }[] = [];
for (const id of responseIds) {
  const { outcome, innovation } = await store
    .competition(competition)
    .innovations.upsertInnovation(submission(id, '2024-10-05T02:00:00Z'), numberToId);
  results.push({ id, outcome, number: innovation.id });
}
store.close();
process.stdout.write(JSON.stringify(results));
