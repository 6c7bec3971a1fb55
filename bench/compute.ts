import { readFileSync, writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { lazyXlsxWriter } from '../infra/export/lazy-xlsx-writer.ts';
import { assignStage } from '../shared/domain/assignment.ts';
import { canonicalJson } from '../shared/domain/canonical-json.ts';
import { withDisplay } from '../shared/domain/display-score.ts';
import type { Innovation } from '../shared/domain/innovation.ts';
import { rankCompetition } from '../shared/domain/ranking.ts';
import { rankByCurrentRules } from '../shared/domain/record.ts';
import type { CompetitionStores, ScoreSheet, SheetSnapshot, SyncHead, SyncRecord } from '../shared/ports.ts';
import { buildOutputTabs } from '../shared/sheet/output-tabs.ts';
import { type Dataset, datasetFor, SCALES, type Scale } from './generate.ts';
import { measure, round, type Sample } from './stats.ts';
import {
  BASE_CONFIG_PATH,
  cellTexts,
  NO_PUSH_KEYS,
  packJson,
  parseGoogleEnv,
  parseJurorTabs,
  readJurorTabs,
  runSync,
  type Services,
  sha256Hex,
  sheetRead,
  takeJurorTabs,
} from './targets.ts';

/**
 * One scale's compute, in its own process (`node --import tsx --expose-gc bench/compute.ts <scale> <mode>`):
 * every step of a sync on data already in memory, then the whole runSync with in-memory stand-ins for
 * the Sheet and the store (no I/O at all), each as a median and as a ratio to JSON.parse of the read.
 * Mode `heap` runs one sync pipeline only and reports memory; prints one JSON line.
 */

const [scaleName = 'ntt', mode = 'time', file] = process.argv.slice(2);
const scale: Scale = SCALES[scaleName as Scale['name']] ?? SCALES.ntt;

/** What a sync starts from: the config, the entries, and the body of its one read. */
export interface Inputs {
  competition: Dataset['competition'];
  innovations: Dataset['innovations'];
  ranges: string[];
  payload: string;
}

/** From the file bench/run.ts wrote, or generated here when run alone. */
function load(): Inputs {
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as Inputs;
  const d = datasetFor(JSON.parse(readFileSync(BASE_CONFIG_PATH, 'utf8')), scale);
  return {
    competition: d.competition,
    innovations: d.innovations,
    ranges: d.tabs.map((t) => t.range),
    payload: d.payload,
  };
}

/** The snapshot the Sheets adapter hands back, from the body the API answers (as readRanges maps it). */
function readBody(payload: string, ranges: readonly string[]): SheetSnapshot {
  const got = (JSON.parse(payload) as { valueRanges: { values?: unknown[][] }[] }).valueRanges;
  return {
    ranges: ranges.map((range, i) => ({ range, values: cellTexts(got[i]?.values) })),
    publishState: String(got[ranges.length]?.values?.[0]?.[0] ?? ''),
  };
}

/** A Sheet that answers from memory and publishes nowhere; a store that keeps the last sync in memory. */
function memoryServices(
  d: Pick<Inputs, 'competition' | 'innovations' | 'payload'>,
  read: () => SheetSnapshot,
  keep = true,
): Services {
  // The body as the Sheets adapter has it: bytes off the wire, hashed as they are (no text to encode).
  const body = new TextEncoder().encode(d.payload);
  let last: SyncRecord | null = null;
  let head: SyncHead | null = null;
  const counts = { reads: 0, writes: 0 };
  const sheet: ScoreSheet = {
    // Ranges beyond the juror tabs (the selection tab the sync asks for) read empty.
    // As the adapter: the body is hashed as it arrived, and parsed only when the sync asks.
    readRanges: async (refs) => {
      counts.reads++;
      return sheetRead(await sha256Hex(body), () => {
        const got = read();
        return {
          ranges: refs.map((ref, i) => got.ranges[i] ?? { range: ref.range, values: [] }),
          publishState: got.publishState,
        };
      });
    },
    describe: async () => ({ title: 'bench' }),
    publish: async () => {
      counts.writes += 2;
      return { generation: 1 };
    },
    provision: async () => {
      throw new Error('not in the benchmark');
    },
    requestCount: () => ({ ...counts }),
  };
  const stores = {
    innovations: { listInnovations: async () => d.innovations },
    archive: { listRejections: async () => [] },
    syncLog: {
      syncInputs: async () => ({
        roster: { innovations: d.innovations, rejections: [] },
        fixed: null,
        last,
        changes: { changes: [], total: 0 },
      }),
      lastSync: async () => last,
      syncHead: async () => head,
      saveSync: async (sync: SyncRecord, h?: { readHash: string }) => {
        if (!keep) return;
        last = sync;
        head = { ...sync, sequence: sync.sequence ?? 0, readHash: h?.readHash ?? '', inputsStamp: '' };
      },
      saveUnchanged: async (h: Omit<SyncHead, 'inputsStamp'>) => {
        if (keep) head = { ...h, inputsStamp: '' };
      },
    },
    records: { latestVersion: async () => null },
    changeLog: {
      listScoreChanges: async () => ({ changes: [], total: 0 }),
      appendScoreChanges: async () => ({ changes: [], total: 0 }),
    },
    leases: { acquireLease: async () => true, releaseLease: async () => undefined },
  } as unknown as CompetitionStores;
  return {
    competition: d.competition,
    stores,
    sheet,
    forms: undefined,
    formsWatchTopic: undefined,
    clock: { now: () => new Date('2024-11-01T00:00:00Z') },
    secrets: {
      intakeHmac: undefined,
      adminToken: undefined,
      pubsubAudience: undefined,
      pubsubServiceAccount: undefined,
    },
    lang: 'id',
    pubsubKeys: NO_PUSH_KEYS,
    xlsx: lazyXlsxWriter,
  };
}

const RAW_ENV = {
  JURI_MODE: 'google',
  JURI_LANG: 'id',
  GOOGLE_PROJECT_ID: 'bench',
  GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify({
    client_email: 'bench@bench.iam.gserviceaccount.com',
    private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
    private_key_id: 'k1',
  }),
  INTAKE_HMAC_SECRET: 'bench-intake-secret-0123',
  ADMIN_TOKEN: 'bench-admin-token-0123',
  SPREADSHEET_ID: 'bench-sheet',
};

async function timeMode() {
  const d = load();
  const { ranges } = d;
  const national = scale.entries >= 3000;
  const opts = { runs: national ? 15 : 21, warmup: national ? 2 : 3, budgetMs: national ? 3500 : 2500 };
  const results: Record<string, Sample> = {};
  const step = async (name: string, work: () => unknown) => {
    results[name] = await measure(work, opts);
  };

  await step('floor: JSON.parse of the read', () => JSON.parse(d.payload));
  const snapshot = readBody(d.payload, ranges);
  await step('read: parse + map the batchGet body', () => readBody(d.payload, ranges));
  const parsed = memoryServices(d, () => snapshot);
  // readJurorTabs takes the read (the adapter's digest of the raw body: sha256) and parses it; the parse
  // alone is measured on a read taken once.
  await step('readJurorTabs (the digest of the read, then parseJurorTabs)', () => readJurorTabs(parsed));
  const taken = await takeJurorTabs(parsed);
  await step('parseJurorTabs over every tab (of a read taken)', () => parseJurorTabs(parsed, taken));
  const tabsRead = await readJurorTabs(parsed);
  // The read's cells in columns, as the sync ranks them; and the same cells as a list of objects, as
  // `juri rank` and a record's verification give them.
  await step('rankCompetition', () => rankCompetition(d.competition, tabsRead.innovations, tabsRead.cells));
  const entries = tabsRead.entries;
  await step('rankCompetition of the cells as a list', () =>
    rankCompetition(d.competition, tabsRead.innovations, entries),
  );
  // What the live sync runs: the current rules (juri-rules/3 and on enforce the assignment, so the stage's
  // assignment is worked out inside the ranking) on the read's columns; and the same on the cells as a
  // list, as a record's verification and `juri rank` run it.
  await step("rankByCurrentRules of the read's columns (as the sync ranks)", () =>
    rankByCurrentRules(d.competition, tabsRead.innovations, tabsRead.cells),
  );
  await step('rankByCurrentRules of the cells as a list (a record, juri rank)', () =>
    rankByCurrentRules(d.competition, tabsRead.innovations, entries),
  );
  // The scores as printed (exact decimals), which the sync works out beside the ranking: on the read's
  // columns, and on the list as a record does. A copy of the result each time: withDisplay keeps its
  // answer per result object.
  const ranked = rankByCurrentRules(d.competition, tabsRead.innovations, tabsRead.cells);
  await step("withDisplay of the read's columns (as the sync shows scores)", () =>
    withDisplay(d.competition, { ...ranked }, tabsRead.cells),
  );
  await step('withDisplay of the cells as a list (a record)', () =>
    withDisplay(d.competition, { ...ranked }, entries),
  );
  const result = rankCompetition(d.competition, tabsRead.innovations, tabsRead.cells);
  const hashInput = () => ({
    layout: 1,
    lang: 'id',
    competition: d.competition,
    innovations: tabsRead.innovations,
    rejections: [],
    cells: snapshot.ranges,
  });
  await step('canonicalJson of the hash input', () => canonicalJson(hashInput()));
  const canonical = canonicalJson(hashInput());
  await step('sha256Hex of that JSON', () => sha256Hex(canonical));
  await step('sha256Hex of the raw read (proposed)', () => sha256Hex(d.payload));
  const input = {
    competition: d.competition,
    innovations: tabsRead.innovations,
    result,
    progress: tabsRead.progress,
    rejections: [],
    lang: 'id' as const,
  };
  await step('buildOutputTabs (render)', () => buildOutputTabs(input));
  const record: SyncRecord = {
    id: 'sync-000000001',
    sequence: 1,
    startedAt: '2024-11-01T00:00:00Z',
    finishedAt: '2024-11-01T00:00:00Z',
    status: 'written',
    inputHash: 'x',
    requests: { reads: 1, writes: 2 },
    result,
    progress: tabsRead.progress,
    sheetState: { generation: 1 },
  };
  await step('packSync (JSON + gzip of the record)', () => packJson(record));
  let population: Innovation[] = d.innovations;
  for (const stage of d.competition.stages) {
    const pop = population;
    await step(`assignStage ${stage.id} (${pop.length} entries)`, () =>
      assignStage(d.competition, stage, pop),
    );
    const advanced = new Set(
      result.stages
        .find((s) => s.stage === stage.id)
        ?.ranking.filter((e) => e.advances)
        .map((e) => e.id),
    );
    population = population.filter((i) => advanced.has(i.id));
  }
  await step('parseGoogleEnv (per request)', () =>
    parseGoogleEnv(RAW_ENV, { runtime: 'workers', bundledCompetition: d.competition }),
  );

  // The whole runSync on memory stand-ins: the read is parsed from the body each time, as the adapter does.
  const written = memoryServices(d, () => readBody(d.payload, ranges), false);
  await step('runSync written (in memory)', () => runSync(written, { trigger: 'cli' }));
  // The cron's written sync: the fairness report is carried, not computed (a person's sync computes it).
  await step('runSync written, scheduled (in memory)', () => runSync(written, { trigger: 'scheduled' }));
  const unchanged = memoryServices(d, () => readBody(d.payload, ranges));
  await runSync(unchanged, { trigger: 'cli' });
  await step('runSync unchanged (in memory)', async () => {
    const r = await runSync(unchanged, { trigger: 'scheduled' });
    if (r.status !== 'unchanged') throw new Error(`expected unchanged, got ${r.status}`);
  });

  // Ratios of CPU time: on a shared machine, wall time also counts waiting for a core.
  const floor = results['floor: JSON.parse of the read']?.cpuMs ?? Number.NaN;
  const steps = Object.entries(results).map(([name, s]) => ({
    name,
    ms: round(s.ms, 2),
    cpuMs: round(s.cpuMs, 2),
    ratio: round(s.cpuMs / floor, 1),
    runs: s.runs,
  }));
  return {
    scale: scale.name,
    payloadBytes: Buffer.byteLength(d.payload),
    tabs: ranges.length,
    cells: tabsRead.entries.length,
    steps,
  };
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

function status(field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field));
  return Number(line?.match(/\d+/)?.[0] ?? 0) * 1024;
}

/**
 * One sync's pipeline with everything it holds kept alive, as runSync holds it: heap sampled after each
 * step (no forced GC), the live heap at the fullest point (after a GC), and the peak RSS growth
 * (VmHWM reset through /proc/self/clear_refs before the run).
 */
async function heapMode() {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const { payload, ranges, ...slim } = load();
  gc();
  gc();
  const idle = process.memoryUsage().heapUsed;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the RSS figure is then the process's lifetime peak
  }
  const rssBefore = status('VmRSS');
  let peak = idle;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const snapshot = readBody(payload, ranges);
  sample();
  const read = await readJurorTabs(memoryServices({ ...slim, payload }, () => snapshot));
  sample();
  const result = rankCompetition(slim.competition, read.innovations, read.cells);
  sample();
  const hash = await sha256Hex(
    canonicalJson({
      layout: 1,
      lang: 'id',
      competition: slim.competition,
      innovations: read.innovations,
      rejections: [],
      cells: snapshot.ranges,
    }),
  );
  sample();
  const outputs = buildOutputTabs({
    competition: slim.competition,
    innovations: read.innovations,
    result,
    progress: read.progress,
    rejections: [],
    lang: 'id',
  });
  sample();
  const packed = await packJson({
    id: 'sync-000000001',
    startedAt: '',
    finishedAt: '',
    status: 'written',
    inputHash: hash,
    requests: { reads: 1, writes: 2 },
    result,
    progress: read.progress,
  });
  sample();
  const fullest = process.memoryUsage().heapUsed;
  gc();
  const live = process.memoryUsage().heapUsed;
  // Keep everything reachable until here.
  const kept = [snapshot, read, result, hash, outputs, packed].length;
  return {
    scale: scale.name,
    kept,
    idleHeapMB: mb(idle),
    peakHeapMB: mb(Math.max(peak, fullest)),
    growthMB: mb(Math.max(peak, fullest) - idle),
    liveAtFullestMB: mb(live),
    peakRssGrowthMB: mb(status('VmHWM') - rssBefore),
    heapLimitMB: mb(getHeapStatistics().heap_size_limit),
  };
}

const out = mode === 'heap' ? await heapMode() : await timeMode();
process.stdout.write(`${JSON.stringify(out)}\n`);
