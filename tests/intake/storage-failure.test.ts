import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import type { StoreAdapter } from '../../shared/ports.ts';
import { withPorts } from '../helpers/stores.ts';
import { formSubmitEvent, loadCodeGs } from './apps-script-runtime.ts';
import { appWith, FORM_ID, NOW, observed, servicesWith } from './harness.ts';
import { NTT_2024_ANSWERS } from './samples.ts';

const CID = 'koin-yanlik-ntt-2024';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/**
 * A real on-disk store plus a second connection that can hold SQLite's write lock, the way another
 * process would; the store then genuinely fails with SQLITE_BUSY after its (short) busy timeout.
 */
function lockableStore() {
  const dir = mkdtempSync(join(tmpdir(), 'juri-intake-'));
  const file = join(dir, 'juri.sqlite');
  const store = openSqliteStore(file, { busyTimeoutMs: 50 });
  const other = new Database(file);
  other.pragma('busy_timeout = 0');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  cleanups.push(() => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
  });
  return {
    store,
    lock: () => other.exec('BEGIN EXCLUSIVE'),
    unlock: () => other.exec('COMMIT'),
    archivedRows: () =>
      (other.prepare('SELECT count(*) AS n FROM raw_submissions').get() as { n: number } | undefined)?.n ?? 0,
  };
}

function signedRequest(responseId: string) {
  const script = loadCodeGs({
    nowMs: NOW.getTime(),
    secret: 'test-intake-secret',
    url: 'https://juri.test/intake/form',
  });
  script.onFormSubmit(
    formSubmitEvent({
      formId: FORM_ID,
      responseId,
      timestamp: new Date('2024-10-31T23:58:00.000Z'),
      respondentEmail: '',
      items: Object.entries(NTT_2024_ANSWERS).map(([title, response], i) => ({
        id: i,
        title,
        type: 'TEXT',
        response,
      })),
    }),
  );
  const call = script.fetches[0];
  if (!call) throw new Error('no request');
  return () =>
    ({
      method: 'POST',
      headers: { 'content-type': call.options.contentType, ...call.options.headers },
      body: call.options.payload,
    }) satisfies RequestInit;
}

describe('a storage failure answers 503 and the retry lands exactly once', () => {
  it('when the store is locked before the payload can be archived', async () => {
    const db = lockableStore();
    const app = appWith(servicesWith(db.store));
    const request = signedRequest('resp-lock-1');

    db.lock();
    const failed = await app.request('/intake/form', request());
    expect(failed.status).toBe(503);
    expect((await failed.json()).error.code).toBe('storage_unavailable');
    db.unlock();
    expect(db.archivedRows()).toBe(0);

    const retried = await app.request('/intake/form', request());
    expect(retried.status).toBe(201);
    expect((await db.store.competition(CID).innovations.listInnovations()).map((i) => i.id)).toEqual([
      'INOV-2024-001',
    ]);
  });

  it('when the store fails while writing the payload and the innovation (one write): neither lands', async () => {
    const db = lockableStore();
    let lockBeforeStore = true;
    // Another writer grabs the lock once the submission is judged valid, as its one write begins (the
    // window a crash or outage hits).
    const store: StoreAdapter = withPorts(db.store, ({ innovations }) => ({
      innovations: {
        ...innovations,
        async upsertInnovation(submission, numberToId, raw) {
          if (lockBeforeStore) db.lock();
          return innovations.upsertInnovation(submission, numberToId, raw);
        },
      },
    }));
    const app = appWith(servicesWith(store));
    const request = signedRequest('resp-lock-2');

    const failed = await app.request('/intake/form', request());
    expect(failed.status).toBe(503);
    db.unlock();
    lockBeforeStore = false;
    expect(db.archivedRows()).toBe(0);
    expect(await db.store.competition(CID).innovations.listInnovations()).toEqual([]);

    const retries = await Promise.all([0, 1, 2].map(() => app.request('/intake/form', request())));
    expect(retries.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const innovations = await db.store.competition(CID).innovations.listInnovations();
    expect(innovations.map((i) => [i.responseId, i.id, i.version])).toEqual([
      ['resp-lock-2', 'INOV-2024-001', 1],
    ]);
    // Three deliveries of the same bytes stored: one archived copy that counts them.
    expect(db.archivedRows()).toBe(1);
    expect((await db.store.competition(CID).archive.listRaw())[0]?.deliveries).toBe(3);
  });

  it('numbers stay gap-free after a failed attempt', async () => {
    const db = lockableStore();
    const app = appWith(servicesWith(observed(db.store)));
    expect((await app.request('/intake/form', signedRequest('resp-a')())).status).toBe(201);
    db.lock();
    expect((await app.request('/intake/form', signedRequest('resp-b')())).status).toBe(503);
    db.unlock();
    expect((await app.request('/intake/form', signedRequest('resp-c')())).status).toBe(201);
    expect((await app.request('/intake/form', signedRequest('resp-b')())).status).toBe(201);
    const ids = (await db.store.competition(CID).innovations.listInnovations()).map((i) => [
      i.responseId,
      i.id,
    ]);
    expect(ids.sort()).toEqual([
      ['resp-a', 'INOV-2024-001'],
      ['resp-b', 'INOV-2024-003'],
      ['resp-c', 'INOV-2024-002'],
    ]);
  });
});
