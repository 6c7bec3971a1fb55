import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { writeChunks } from '../../infra/firestore/chunks.ts';
import { docId } from '../../infra/firestore/document-backend.ts';
import { createDocumentStore } from '../../infra/firestore/document-store.ts';
import { nodeBackend } from '../../infra/firestore/node-store.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import {
  type ResultRecord,
  type ResultVersionSummary,
  summaryOf,
  verificationCode,
} from '../../shared/domain/record.ts';
import type { StoreAdapter } from '../../shared/ports.ts';
import { seedCompetition } from '../browser/seed.ts';
import { fixedClock, secretariatCookie, testServices } from '../helpers/services.ts';
import { emulatorFirestore } from '../setup/firestore-emulator.ts';

const CID = 'koin-yanlik-ntt-2024';
const dir = mkdtempSync(join(tmpdir(), 'juri-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a person editing the stored version by hand might do, and the words it would put on the page. */
const TAMPERINGS: { name: string; edit(r: ResultRecord): void; shows: (r: ResultRecord) => string }[] = [
  {
    name: 'a score of 99,99',
    edit: (r) => {
      const first = r.result.final.ranking[0];
      if (first) first.score = 99.99;
    },
    shows: () => '99,99',
  },
  {
    name: 'swapped ranks',
    edit: (r) => {
      const [a] = r.result.final.ranking;
      const b = r.result.final.ranking.find((e) => e.rank !== a?.rank);
      if (a && b) [a.rank, b.rank] = [b.rank, a.rank];
    },
    shows: (r) => `2. ${r.innovations.find((i) => i.id === r.result.final.ranking[0]?.id)?.title}`,
  },
  {
    name: 'a forged title',
    edit: (r) => {
      const winner = r.innovations.find((i) => i.id === r.result.final.ranking[0]?.id);
      if (winner) winner.title = 'Inovasi Palsu Sekali';
    },
    shows: () => 'Inovasi Palsu Sekali',
  },
];

interface Backend {
  store: StoreAdapter;
  /** Rewrites stored version 1 as `edit` says, below the StoreAdapter port, as a person with access would. */
  tamper(edit: (r: ResultRecord) => void): Promise<void>;
  /** Rewrites version 1's summary where the store kept one beside the record (SQLite's column, Firestore's head). */
  tamperSummary(summary: ResultVersionSummary): Promise<void>;
  close(): Promise<void>;
}

function sqliteBackend(): Backend {
  const file = join(dir, `${crypto.randomUUID()}.db`);
  const store = openSqliteStore(file);
  const raw = new Database(file);
  return {
    store,
    async tamper(edit) {
      const row = raw
        .prepare<[string], { data: string }>(
          'SELECT data FROM result_versions WHERE competition = ? AND version = 1',
        )
        .get(CID);
      const record = JSON.parse(row?.data ?? '') as ResultRecord;
      edit(record);
      raw
        .prepare('UPDATE result_versions SET data = ? WHERE competition = ? AND version = 1')
        .run(JSON.stringify(record), CID);
    },
    async tamperSummary(summary) {
      const columns = raw.prepare<[], { name: string }>('PRAGMA table_info(result_versions)').all();
      if (!columns.some((c) => c.name === 'summary')) return;
      raw
        .prepare('UPDATE result_versions SET summary = ? WHERE competition = ? AND version = 1')
        .run(JSON.stringify(summary), CID);
    },
    async close() {
      raw.close();
      store.close();
    },
  };
}

function firestoreBackend(): Backend {
  const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-integrity-${crypto.randomUUID()}`);
  const backend = nodeBackend(db);
  const store = createDocumentStore(backend);
  return {
    store,
    async tamper(edit) {
      const record = (await store.competition(CID).records.getVersion(1)) as ResultRecord;
      edit(record);
      const head = `competitions/${docId(CID)}/results/000001`;
      const chunks = await writeChunks(backend, head, record);
      await backend.commit([{ op: 'update', path: head, fields: { chunks } }]);
    },
    async tamperSummary(summary) {
      const head = `competitions/${docId(CID)}/results/000001`;
      await backend.commit([
        { op: 'update', path: head, fields: { summary: JSON.parse(JSON.stringify(summary)) } },
      ]);
    },
    close: () => db.terminate(),
  };
}

describe.each([
  ['SQLite', sqliteBackend],
  ['the Firestore emulator', firestoreBackend],
])('integrity on read, %s', (_name, open) => {
  it.each(TAMPERINGS)('refuses to show a stored version edited by hand ($name) as valid', async (t) => {
    const backend = open();
    try {
      const clock = fixedClock('2024-12-19T10:00:00+08:00');
      const services = testServices({ store: backend.store, clock });
      await seedCompetition(services, { interviewDone: true });
      clock.set('2024-12-20T10:00:00+08:00');
      const app = createApp(() => services);
      const before = await (await app.request(`/api/pengumuman/${CID}`)).json();
      expect(before.status).toBe('announced');
      const record = (await backend.store.competition(CID).records.getVersion(1)) as ResultRecord;

      await backend.tamper(t.edit);
      const json = await (await app.request(`/api/pengumuman/${CID}`)).json();
      const { announceAt, timezone } = services.competition;
      expect(json).toEqual({ status: 'invalid', announceAt, timezone });
      expect(await (await app.request(`/api/pengumuman/${CID}/versi/1`)).json()).toEqual(json);
      for (const path of [`/pengumuman/${CID}`, `/pengumuman/${CID}/versi/1`]) {
        const page = await (await app.request(path)).text();
        expect(page).toContain('Hasil tidak dapat ditampilkan');
        expect(page).not.toContain(t.shows(record));
        expect(page).not.toContain(verificationCode(record.hash));
      }
      const catalogue = await (await app.request(`/inovasi/${CID}`)).text();
      expect(catalogue).not.toContain(t.shows(record));
      const cookie = await secretariatCookie(app);
      const dashboard = await (await app.request('/sekretariat', { headers: { cookie } })).text();
      expect(dashboard).toContain('tidak lolos pemeriksaan keaslian');
    } finally {
      await backend.close();
    }
  });
});

describe.each([
  ['SQLite', sqliteBackend],
  ['the Firestore emulator', firestoreBackend],
])("a version's summary, %s (issue 20, probe 10b)", (_name, open) => {
  it('is derived from the hashed record: an edited summary changes nothing a reader sees', async () => {
    const backend = open();
    try {
      const clock = fixedClock('2024-12-19T10:00:00+08:00');
      const services = testServices({ store: backend.store, clock });
      await seedCompetition(services, { interviewDone: true });
      clock.set('2024-12-20T10:00:00+08:00');
      const app = createApp(() => services);
      const record = (await backend.store.competition(CID).records.getVersion(1)) as ResultRecord;
      expect(record.status).toBe('final');

      // Someone with access reopens uji publik for a year, with a reason of their own.
      await backend.tamperSummary({
        ...summaryOf(record),
        status: 'provisional',
        provisionalUntil: '2025-12-20T10:00:00.000Z',
        reason: 'Dibuka kembali oleh orang lain',
      });
      expect(await backend.store.competition(CID).records.listVersions()).toEqual([summaryOf(record)]);
      const respond = await app.request(`/pengumuman/${CID}/tanggapan`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ message: 'Tanggapan', name: 'Warga' }).toString(),
      });
      expect(await respond.text()).toContain('Masa uji publik');
      const cookie = await secretariatCookie(app);
      const dashboard = await (await app.request('/sekretariat', { headers: { cookie } })).text();
      expect(dashboard).not.toContain('Dibuka kembali oleh orang lain');
    } finally {
      await backend.close();
    }
  });
});

describe('a SQLite file from an earlier juri (issue 20, probe 10b)', () => {
  it('loses its unchecked summary column on open; the summaries come from the records', async () => {
    const file = join(dir, `${crypto.randomUUID()}.db`);
    const first = openSqliteStore(file);
    await seedCompetition(testServices({ store: first, clock: fixedClock('2024-12-19T10:00:00+08:00') }), {
      interviewDone: true,
    });
    const record = (await first.competition(CID).records.getVersion(1)) as ResultRecord;
    first.close();
    const raw = new Database(file);
    raw.exec("ALTER TABLE result_versions ADD COLUMN summary TEXT NOT NULL DEFAULT ''");
    const forged = { ...summaryOf(record), status: 'provisional', reason: 'Dibuka kembali' };
    raw.prepare('UPDATE result_versions SET summary = ?').run(JSON.stringify(forged));
    raw.close();

    const store = openSqliteStore(file);
    try {
      expect(await store.competition(CID).records.listVersions()).toEqual([summaryOf(record)]);
      const check = new Database(file, { readonly: true });
      const columns = check.prepare<[], { name: string }>('PRAGMA table_info(result_versions)').all();
      check.close();
      expect(columns.map((c) => c.name)).toEqual(['competition', 'version', 'data']);
    } finally {
      store.close();
    }
  });
});
