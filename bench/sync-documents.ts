import { readFileSync } from 'node:fs';
import { lazyXlsxWriter } from '../infra/export/lazy-xlsx-writer.ts';
import {
  competitionPath,
  type DocumentBackend,
  type DocumentWrite,
  type Fields,
  type StoredDocument,
} from '../infra/firestore/document-backend.ts';
import { documentScope } from '../infra/firestore/document-scope.ts';
import { createDocumentStore } from '../infra/firestore/document-store.ts';
import { fromRestFields, toRestFields } from '../infra/firestore/rest-values.ts';
import { createSyncDocuments } from '../infra/firestore/sync-documents.ts';
import type { CompetitionStores, ScoreSheet } from '../shared/ports.ts';
import { datasetFor, SCALES, type Scale } from './generate.ts';
import { median, processCpuMs, round } from './stats.ts';
import { BASE_CONFIG_PATH, NO_PUSH_KEYS, runSync, type Services, sha256Hex, sheetRead } from './targets.ts';

/**
 * The written sync's own work in Node, fast enough to iterate on (`node --import tsx bench/sync-documents.ts
 * [scale] [runs]`, add `--cpu-prof` for a profile): the real runSync and the real Firestore sync documents
 * on an in-memory document backend that pays what the REST adapter pays per request (REST value encoding
 * and JSON both ways), and a Sheet answering one batchGet body from memory with one cell edited before
 * each written sync. No network: what is left is juri's CPU, the part a Worker is billed for beyond its
 * subrequests. Prints one JSON line (CPU ms of this process, Firestore and Sheets requests).
 */
const [scaleName = 'ntt', runsArg = '15'] = process.argv.slice(2);
const scale: Scale = SCALES[scaleName as Scale['name']] ?? SCALES.ntt;
const runs = Number(runsArg);
const d = datasetFor(JSON.parse(readFileSync(BASE_CONFIG_PATH, 'utf8')), scale);

/** Documents kept as REST JSON text, as Firestore sends them. */
const documents = new Map<string, string>();
const counts = { requests: 0, sentBytes: 0, readBytes: 0 };
function wire<T>(value: T): T {
  const text = JSON.stringify(value);
  counts.sentBytes += text.length;
  return JSON.parse(text) as T;
}
function readDoc(path: string): Fields | null {
  const text = documents.get(path);
  if (text === undefined) return null;
  counts.readBytes += text.length;
  return fromRestFields(JSON.parse(text));
}
const backend: DocumentBackend = {
  async get(path) {
    counts.requests++;
    return readDoc(path);
  },
  async getMany(paths) {
    counts.requests++;
    return wire(paths).map(readDoc);
  },
  async query(query) {
    counts.requests++;
    const prefix = `${query.collection}/`;
    const found: StoredDocument[] = [];
    for (const path of documents.keys()) {
      if (!path.startsWith(prefix) || path.slice(prefix.length).includes('/')) continue;
      const fields = readDoc(path);
      if (fields) found.push({ path, fields });
    }
    const field = query.orderBy?.field;
    if (field) {
      const key = (f: StoredDocument) => f.fields[field] as string | number;
      found.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      if (query.orderBy?.direction === 'desc') found.reverse();
    }
    return found.filter((f) => !field || f.fields[field] !== undefined).slice(0, query.limit ?? found.length);
  },
  async commit(writes: DocumentWrite[]) {
    counts.requests++;
    const sent = wire(writes.map((w) => (w.op === 'delete' ? w : { ...w, fields: toRestFields(w.fields) })));
    for (const w of sent) {
      if (w.op === 'delete') documents.delete(w.path);
      else if (w.op === 'create' && documents.has(w.path)) throw new Error(`exists: ${w.path}`);
      else if (w.op === 'merge' || w.op === 'update') {
        const before = documents.has(w.path) ? JSON.parse(documents.get(w.path) ?? '{}') : {};
        documents.set(w.path, JSON.stringify({ ...before, ...w.fields }));
      } else documents.set(w.path, JSON.stringify(w.fields));
    }
  },
};

const real = createDocumentStore(backend).competition(d.competition.id);
const scope = documentScope(backend, competitionPath(d.competition.id));
const stores: CompetitionStores = {
  ...real,
  // The intake as listed from memory; the roster snapshot, the record and the log go through the documents.
  syncLog: createSyncDocuments(scope, {
    readRoster: async () => ({ innovations: d.innovations, rejections: [] }),
    latestVersion: () => real.records.latestVersion(),
    listChanges: (limit) => real.changeLog.listScoreChanges(limit),
  }),
};

// The Sheet: one batchGet body, one juror's cell changed before each written sync.
const body = JSON.parse(d.payload) as { valueRanges: { range: string; values?: string[][] }[] };
let payload = d.payload;
const sheetCounts = { reads: 0, writes: 0 };
let meta = '{"v":1,"gen":1,"next":1000000000,"metaId":1,"live":{},"staging":{}}';
const sheet: ScoreSheet = {
  async readRanges(refs) {
    sheetCounts.reads++;
    const text = payload;
    return sheetRead(await sha256Hex(text), () => {
      const got = (JSON.parse(text) as typeof body).valueRanges;
      return {
        ranges: refs.map((ref, i) => ({
          ...ref,
          values: (got[i]?.values ?? []).map((row) => row.map((c) => String(c ?? ''))),
        })),
        publishState: meta,
      };
    });
  },
  async publish(tabs, publishState) {
    sheetCounts.writes += 2;
    // What the adapter sends: every cell of every output tab as JSON.
    JSON.stringify(tabs);
    meta = publishState;
    return { generation: 1 };
  },
  describe: async () => ({ title: 'bench' }),
  provision: async () => {
    throw new Error('not in this benchmark');
  },
  requestCount: () => ({ ...sheetCounts }),
};
function editOneCell(i: number) {
  const tab = body.valueRanges[0];
  const row = tab?.values?.[6];
  if (!row) throw new Error('no row to edit');
  row[7] = String(60 + (i % 2));
  payload = JSON.stringify(body);
}

const services = {
  competition: d.competition,
  stores,
  sheet,
  forms: undefined,
  formsWatchTopic: undefined,
  clock: { now: () => new Date() },
  secrets: {
    intakeHmac: undefined,
    adminToken: undefined,
    pubsubAudience: undefined,
    pubsubServiceAccount: undefined,
  },
  lang: 'id',
  pubsubKeys: NO_PUSH_KEYS,
  xlsx: lazyXlsxWriter,
} as unknown as Services;

async function timed(expect: string) {
  const before = { ...counts };
  const sheetBefore = { ...sheetCounts };
  const cpu = processCpuMs();
  const record = await runSync(services, { trigger: 'scheduled' });
  const spent = processCpuMs() - cpu;
  if (record.status !== expect) throw new Error(`expected ${expect}, got ${record.status}`);
  return {
    cpu: spent,
    firestore: counts.requests - before.requests,
    firestoreBytes: counts.sentBytes - before.sentBytes + counts.readBytes - before.readBytes,
    sheets: sheetCounts.reads - sheetBefore.reads + sheetCounts.writes - sheetBefore.writes,
  };
}

// The first sync logs every cell; then warm up.
await runSync(services, { trigger: 'scheduled' });
for (let i = 0; i < 3; i++) {
  editOneCell(i);
  await runSync(services, { trigger: 'scheduled' });
}
const written = [];
const unchanged = [];
for (let i = 0; i < runs; i++) {
  editOneCell(i + 1);
  written.push(await timed('written'));
  unchanged.push(await timed('unchanged'));
}
const summary = (xs: Awaited<ReturnType<typeof timed>>[]) => ({
  cpuMs: round(median(xs.map((x) => x.cpu)), 2),
  firestoreRequests: median(xs.map((x) => x.firestore)),
  firestoreKB: round(median(xs.map((x) => x.firestoreBytes)) / 1024, 0),
  sheetsRequests: median(xs.map((x) => x.sheets)),
});
process.stdout.write(
  `${JSON.stringify({ scale: scale.name, runs, written: summary(written), unchanged: summary(unchanged) })}\n`,
);
