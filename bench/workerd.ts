import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { unstable_readConfig, unstable_startWorker } from 'wrangler';
import { expectedCells } from '../shared/domain/capacity.ts';
import { NTT_REGIONS } from '../shared/domain/regions.ts';
import { answerList } from '../tests/intake/samples.ts';
import { startFirestoreEmulator } from '../tests/setup/firestore-emulator.ts';
import { startFirestoreRestBridge } from '../tests/setup/firestore-rest-bridge.ts';
import { freePort } from '../tests/workers/helpers/free-port.ts';
import {
  makeLocalServiceAccount,
  startLocalTokenServer,
} from '../tests/workers/helpers/local-token-server.ts';
import { competitionFor, SCALES, typistFor } from './generate.ts';
import { cpuOf, descendantsNamed, threadsCpuOf } from './processes.ts';
import { editOneCell, sheetsClient, typeScores } from './sheet-typing.ts';
import { median, round } from './stats.ts';
import {
  BASE_CONFIG_PATH,
  FLOOR_WORKER_PATH,
  signBody,
  startLocalSheetsServer,
  WRANGLER_TOML_PATH,
} from './targets.ts';

/**
 * The Worker inside workerd (wrangler's unstable_startWorker, offline), at NTT scale (80 entries × 7
 * jurors × 7 criteria), against the Firestore emulator (through the REST bridge the tests use) and the
 * local Sheets server. CPU is the workerd processes' own (every thread, /proc/<pid>/task/<tid>/schedstat),
 * read before and after each request, less the median of an empty request (/healthz). Each figure is
 * also given for the Worker's main thread alone (`mainThreadAboveEmptyMs`: the isolate and its event
 * loop), without V8's platform thread beside it, which does the concurrent garbage collection and the
 * optimising compiles: at NTT scale a third of a written tick's process CPU. Which of the two Cloudflare
 * counts against the 10 ms cannot be seen offline; the process figure is the one the targets use.
 * Prints one JSON line.
 */

const scale = SCALES[(process.argv[2] ?? 'ntt') as keyof typeof SCALES] ?? SCALES.ntt;
/**
 * BENCH_WORKERD_PROFILE=<path prefix>: also V8 CPU profiles of the Worker, <prefix>-intake.cpuprofile
 * over the intake requests, <prefix>-sync.cpuprofile over the cron ticks and <prefix>-manual.cpuprofile
 * over the button's syncs, and <prefix>-subrequests.json: the last written tick's subrequests.
 */
const PROFILE = process.env.BENCH_WORKERD_PROFILE;
const PROJECT = `juri-bench-${process.pid}`;
const SECRET = 'bench-intake-secret-0123';
const ADMIN = 'bench-admin-token-0123';
const text = (value: string) => ({ type: 'plain_text' as const, value });

/** Counts the requests to `api` (Firestore's REST bridge, the Sheets stand-in) and the documents they read. */
async function countingProxy(
  target: string,
  api: string,
): Promise<{
  url: string;
  reads: () => number;
  requests: () => number;
  /** Keeps every request's and answer's body while on (the floors replay them). */
  record: (on: boolean) => Recorded[];
  server: Server;
}> {
  let documents = 0;
  let requests = 0;
  let recording: Recorded[] | undefined;
  const server = createServer((req, res) => {
    requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const upstream = await fetch(new URL(req.url ?? '/', target), {
        method: req.method ?? 'GET',
        headers: {
          'content-type': req.headers['content-type'] ?? 'application/json',
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        },
        ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
      });
      const body = await upstream.text();
      recording?.push({
        method: req.method ?? 'GET',
        what: requestKind(api, req.method ?? 'GET', req.url ?? '/'),
        body: Buffer.concat(chunks).toString(),
        answer: body,
      });
      // A create that lost and absent documents are answers; anything else (an abort too) is worth seeing.
      if (!upstream.ok && upstream.status !== 404 && (upstream.status !== 409 || body.includes('ABORTED'))) {
        process.stderr.write(
          `firestore ${req.method} ${req.url}: ${upstream.status} ${body.slice(0, 500)}\n`,
        );
      }
      if (upstream.ok) {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        try {
          const json = JSON.parse(body) as unknown;
          if (path.endsWith(':batchGet') && Array.isArray(json)) {
            documents += json.filter((r) => (r as { found?: unknown }).found).length;
          } else if (path.endsWith(':runQuery') && Array.isArray(json)) {
            documents += json.filter((r) => (r as { document?: unknown }).document).length;
          } else if (req.method === 'GET') documents += 1;
        } catch {
          // not JSON: not a read
        }
      }
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      res.end(body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    reads: () => documents,
    requests: () => requests,
    record(on) {
      const kept = recording ?? [];
      recording = on ? [] : undefined;
      return kept;
    },
    server,
  };
}

/** One subrequest as the floors replay it (bench/floor-worker.ts). */
interface Recorded {
  method: string;
  /** What the request is, for the floors of each: "POST documents:commit", "GET values:batchGet". */
  what: string;
  body: string;
  answer: string;
}

/** The API and the call a request makes ("Firestore commit", "Sheets batchGet"), without ids or a query. */
function requestKind(api: string, method: string, url: string): string {
  const path = new URL(url, 'http://x').pathname;
  const call = path.slice(path.lastIndexOf('/') + 1);
  return `${api} ${call.includes(':') ? call.slice(call.lastIndexOf(':') + 1) : method}`;
}

interface Socket {
  on(event: 'open' | 'error' | 'message', listener: (data: unknown) => void): void;
  send(data: string): void;
  close(): void;
}

/**
 * The Worker's own V8 profiler, through the inspector wrangler opens (Chrome DevTools protocol over a
 * WebSocket). wrangler's inspector wants an Origin header, which the global WebSocket cannot send, so
 * this uses the `ws` package wrangler's own dependencies bring (only when profiling).
 */
async function startProfiler(url: URL | undefined): Promise<{ stop(): Promise<unknown> }> {
  if (!url) throw new Error('no inspector');
  const targets = (await (await fetch(new URL('/json', url.href.replace(/^ws/, 'http')))).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => t.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
  if (!target) throw new Error('no inspector target');
  const ws = (await import('ws' as string)) as {
    WebSocket: new (url: string, opts: { origin: string }) => Socket;
  };
  const socket = new ws.WebSocket(target, { origin: 'http://127.0.0.1' });
  await new Promise((ok, fail) => {
    socket.on('open', ok);
    socket.on('error', fail);
  });
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((ok) => {
      id += 1;
      pending.set(id, ok);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 100 });
  await send('Profiler.start');
  return {
    async stop() {
      const result = (await send('Profiler.stop')) as { profile: unknown };
      socket.close();
      return result.profile;
    },
  };
}

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';
const base = JSON.parse(readFileSync(BASE_CONFIG_PATH, 'utf8'));
const competition = competitionFor(base, scale);
const emulator = await startFirestoreEmulator();
const bridge = await startFirestoreRestBridge({ emulatorHost: emulator.host });
const firestore = await countingProxy(bridge.url, 'Firestore');
const account = await makeLocalServiceAccount();
const tokens = await startLocalTokenServer(account);
const dir = mkdtempSync(join(tmpdir(), 'juri-bench-workerd-'));
const TYPIST_TOKEN = 'bench-typist-token';
const sheet = await startLocalSheetsServer({
  file: join(dir, 'juri.xlsx'),
  // The Worker's tokens (from the stand-in token endpoint) and the typists' own.
  accessToken: (token) => token.startsWith('local-access-') || token === TYPIST_TOKEN,
});
// The Worker's Sheets requests pass a proxy too, so that a written tick's can be replayed (the floors).
const sheets = await countingProxy(sheet.url, 'Sheets');
const config = unstable_readConfig({ config: WRANGLER_TOML_PATH });
const before = new Set(descendantsNamed(process.pid, 'workerd'));
const worker = await unstable_startWorker({
  config: WRANGLER_TOML_PATH,
  envFiles: [],
  compatibilityFlags: config.compatibility_flags,
  build: { nodejsCompatMode: 'v2' },
  bindings: {
    JURI_MODE: text('google'),
    GOOGLE_PROJECT_ID: text(PROJECT),
    GOOGLE_SERVICE_ACCOUNT_JSON: text(account.keyFileJson),
    INTAKE_HMAC_SECRET: text(SECRET),
    ADMIN_TOKEN: text(ADMIN),
    SPREADSHEET_ID: text(sheet.spreadsheetId),
    GOOGLE_TOKEN_URL: text(tokens.url),
    SHEETS_ROOT_URL: text(sheets.url),
    FIRESTORE_ROOT_URL: text(firestore.url),
    // The NTT config with this scale's 7 jurors (the bundled one has 5).
    COMPETITION_JSON: text(JSON.stringify(competition)),
  },
  dev: {
    server: { hostname: '127.0.0.1', port: 0 },
    inspector: PROFILE ? { port: await freePort() } : false,
    persist: false,
    watch: false,
    // GET /__scheduled runs the cron handler, as Cloudflare's 15-minute trigger does.
    testScheduled: true,
    logLevel: 'warn',
  },
});
await worker.ready;
// wrangler runs two workerd processes (a proxy in front, and the Worker), the second started lazily:
// they are looked up again before every request.
const ours = () => descendantsNamed(process.pid, 'workerd').filter((p) => !before.has(p));
let pids = ours();
const origin = await worker.url;

/**
 * The Worker's own process: wrangler starts its proxy first and the Worker's workerd after it, so the
 * one started last (field 22 of /proc/<pid>/stat). Cloudflare bills the Worker's CPU, not the proxy's.
 */
function workerPid(candidates: readonly number[]): number | undefined {
  const started = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    } catch {
      return -1;
    }
  };
  return [...candidates].sort((a, b) => started(b) - started(a))[0];
}

async function call(path: string, init: RequestInit = {}) {
  pids = ours();
  const own = workerPid(pids);
  const cpu = cpuOf(pids);
  const workerCpu = own === undefined ? 0 : cpuOf([own]);
  const mainCpu = own === undefined ? 0 : threadsCpuOf(own, 'workerd');
  const res = await worker.fetch(new URL(path, origin).href, init as never);
  const body = await res.text();
  // workerd finishes its bookkeeping right after the response; give it a moment before reading.
  await new Promise((r) => setTimeout(r, 5));
  return {
    status: res.status,
    body,
    cpu: cpuOf(pids) - cpu,
    worker: own === undefined ? 0 : cpuOf([own]) - workerCpu,
    main: own === undefined ? 0 : threadsCpuOf(own, 'workerd') - mainCpu,
  };
}

const admin = { authorization: `Bearer ${ADMIN}` };

// Empty requests: the per-request cost of the runtime itself (and of the proxy in front of the Worker).
for (let i = 0; i < 5; i++) await call('/healthz');
const empty: number[] = [];
const emptyWorker: number[] = [];
const emptyMain: number[] = [];
for (let i = 0; i < 30; i++) {
  const got = await call('/healthz');
  empty.push(got.cpu);
  emptyWorker.push(got.worker);
  emptyMain.push(got.main);
}
const emptyMs = median(empty);
const emptyWorkerMs = median(emptyWorker);
const emptyMainMs = median(emptyMain);

// Intake: one signed Form submission per entry (this is also how the 80 entries arrive).
const intakeProfiler = PROFILE ? await startProfiler(await worker.inspectorUrl) : undefined;
const intake: number[] = [];
const intakeWorker: number[] = [];
const intakeMain: number[] = [];
const intakeRequests: number[] = [];
for (let n = 1; n <= scale.entries; n++) {
  const body = JSON.stringify({
    responseId: `resp-bench-${n}`,
    timestamp: new Date(Date.UTC(2024, 8, 2) + n * 60_000).toISOString(),
    respondentEmail: 'operator@example.go.id',
    answers: answerList({
      'Judul Inovasi': `Inovasi Layanan Bench ${n}`,
      'Kabupaten/Kota': NTT_REGIONS[n % NTT_REGIONS.length] ?? 'Sikka',
    }),
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const requestsBefore = firestore.requests();
  const res = await call('/intake/form', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-juri-timestamp': timestamp,
      'x-juri-signature': await signBody(SECRET, timestamp, body),
    },
    body,
  });
  if (res.status !== 201) throw new Error(`intake ${n}: ${res.status} ${res.body}`);
  intake.push(res.cpu);
  intakeWorker.push(res.worker);
  intakeMain.push(res.main);
  intakeRequests.push(firestore.requests() - requestsBefore);
}

if (intakeProfiler && PROFILE)
  writeFileSync(`${PROFILE}-intake.cpuprofile`, JSON.stringify(await intakeProfiler.stop()));

// The sheet: set up, jurors type the desk stage, sync, set up the interview, jurors type it.
const client = sheetsClient(sheet.url, TYPIST_TOKEN);
const listed = JSON.parse((await call('/admin/innovations', { headers: admin })).body) as {
  innovations?: { id: string; region: string }[];
};
const type = typistFor(
  competition,
  (listed.innovations ?? []).map((i) => ({ ...i, title: '', agency: '', category: '', submittedAt: '' })),
);
const [desk, interview] = competition.stages;
const setup = await call('/admin/sheet/setup', { method: 'POST', headers: admin });
if (setup.status !== 200) throw new Error(`setup: ${setup.status} ${setup.body}`);
await typeScores(client, sheet.spreadsheetId, competition, type, desk?.id ?? 'desk');
// The isolate's first sync: its code not compiled yet (a cron tick on a fresh isolate pays this).
const firstSync = await call('/admin/sync', { method: 'POST', headers: admin });
await call('/admin/sheet/setup', { method: 'POST', headers: admin });
await typeScores(client, sheet.spreadsheetId, competition, type, interview?.id ?? 'interview');

interface SyncRun {
  cpu: number;
  /** The Worker's process alone. */
  worker: number;
  /** Its main thread alone (the isolate), without V8's background thread. */
  main: number;
  documents: number;
  firestoreRequests: number;
  requests: { reads: number; writes: number };
}
type SyncBody = { status?: string; requests?: { reads: number; writes: number } };
/** The dashboard's button (POST /admin/sync): it also computes the fairness report. */
async function sync(expect: string): Promise<SyncRun> {
  const reads = firestore.reads();
  const requests = firestore.requests();
  const res = await call('/admin/sync', { method: 'POST', headers: admin });
  const body = JSON.parse(res.body) as SyncBody;
  if (res.status !== 200 || body.status !== expect) throw new Error(`sync: ${res.status} ${res.body}`);
  return {
    cpu: res.cpu,
    worker: res.worker,
    main: res.main,
    documents: firestore.reads() - reads,
    firestoreRequests: firestore.requests() - requests,
    requests: body.requests ?? { reads: 0, writes: 0 },
  };
}
/** The 15-minute cron tick (the scheduled handler); its outcome is read back afterwards, not counted. */
async function cron(expect: string, retries = 3, keep?: (sent: Recorded[]) => void): Promise<SyncRun> {
  const reads = firestore.reads();
  const requests = firestore.requests();
  firestore.record(keep !== undefined);
  sheets.record(keep !== undefined);
  const res = await call(`/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`);
  keep?.([...firestore.record(false), ...sheets.record(false)]);
  const documents = firestore.reads() - reads;
  const firestoreRequests = firestore.requests() - requests;
  const last = JSON.parse(
    await worker
      .fetch(new URL('/admin/sync', origin).href, { headers: admin } as never)
      .then((r) => r.text()),
  ) as { sync?: SyncBody & { id?: string; failure?: { code?: string } } };
  // The emulator behind the bridge drops a request now and then on a loaded machine: the sync fails
  // whole (storage_unavailable) and the next tick does its work, as in production. Measure that tick.
  if (last.sync?.status === 'failed' && retries > 0) {
    process.stderr.write(
      `cron: ${last.sync.id ?? ''} failed (${last.sync.failure?.code ?? '?'}), the next tick measured ${JSON.stringify(last).slice(0, 1000)}\n`,
    );
    return cron(expect, retries - 1, keep);
  }
  if (res.status !== 200 || last.sync?.status !== expect)
    throw new Error(`cron: ${res.status} ${res.body} → ${JSON.stringify(last).slice(0, 1000)}`);
  return {
    cpu: res.cpu,
    worker: res.worker,
    main: res.main,
    documents,
    firestoreRequests,
    requests: last.sync.requests ?? { reads: 0, writes: 0 },
  };
}

const profiler = PROFILE ? await startProfiler(await worker.inspectorUrl) : undefined;

// A juror changes one score between syncs, as during judging. Each edit is followed by three cron
// ticks: the one that writes, the next (right after juri's own publish), and the one after.
const written: SyncRun[] = [];
const unchangedParsed: SyncRun[] = [];
const unchanged: SyncRun[] = [];
let replay: Recorded[] = [];
for (let i = 0; i < 9; i++) {
  await editOneCell(client, sheet.spreadsheetId, competition, String(61 + (i % 2)));
  // The last written tick's subrequests (Firestore, then Sheets) are what the floors replay.
  const keep = i === 8 ? (sent: Recorded[]) => (replay = sent) : undefined;
  written.push(await cron('written', 3, keep));
  unchangedParsed.push(await cron('unchanged'));
  unchanged.push(await cron('unchanged'));
}
if (profiler && PROFILE) writeFileSync(`${PROFILE}-sync.cpuprofile`, JSON.stringify(await profiler.stop()));
const manualProfiler = PROFILE ? await startProfiler(await worker.inspectorUrl) : undefined;
// The button: a written sync that also computes the fairness report.
const manual: SyncRun[] = [];
for (let i = 0; i < 5; i++) {
  await editOneCell(client, sheet.spreadsheetId, competition, String(63 + (i % 2)));
  manual.push(await sync('written'));
}

if (manualProfiler && PROFILE)
  writeFileSync(`${PROFILE}-manual.cpuprofile`, JSON.stringify(await manualProfiler.stop()));
const processes = ours().length;
await worker.dispose();
const floors = await measureFloors(replay);
if (PROFILE) writeFileSync(`${PROFILE}-subrequests.json`, JSON.stringify(replay));
await Promise.all([tokens.close(), sheet.close(), bridge.close()]);
await new Promise<void>((ok) => sheets.server.close(() => ok()));
await new Promise<void>((ok) => firestore.server.close(() => ok()));
await emulator.stop();
rmSync(dir, { recursive: true, force: true });

const summary = (runs: SyncRun[]) => ({
  cpuMs: round(median(runs.map((r) => r.cpu)), 1),
  aboveEmptyMs: round(median(runs.map((r) => r.cpu)) - emptyMs, 1),
  workerMs: round(median(runs.map((r) => r.worker)), 1),
  workerAboveEmptyMs: round(median(runs.map((r) => r.worker)) - emptyWorkerMs, 1),
  mainThreadAboveEmptyMs: round(median(runs.map((r) => r.main)) - emptyMainMs, 1),
  firestoreDocuments: median(runs.map((r) => r.documents)),
  firestoreRequests: median(runs.map((r) => r.firestoreRequests)),
  sheetsRequests: runs[0]?.requests,
  runs: runs.length,
});
process.stdout.write(
  `${JSON.stringify({
    scale: scale.name,
    cells: expectedCells(competition, scale.entries),
    processes,
    emptyMs: round(emptyMs, 2),
    emptyWorkerMs: round(emptyWorkerMs, 2),
    emptyMainThreadMs: round(emptyMainMs, 2),
    loadAverage: round(loadavg()[0] ?? 0, 1),
    intake: {
      cpuMs: round(median(intake), 1),
      aboveEmptyMs: round(median(intake) - emptyMs, 1),
      workerMs: round(median(intakeWorker), 1),
      workerAboveEmptyMs: round(median(intakeWorker) - emptyWorkerMs, 1),
      mainThreadAboveEmptyMs: round(median(intakeMain) - emptyMainMs, 1),
      firestoreRequests: median(intakeRequests),
      runs: intake.length,
    },
    cold: {
      firstIntakeMs: round(intake[0] ?? Number.NaN, 1),
      setupMs: round(setup.cpu, 1),
      firstSyncMs: round(firstSync.cpu, 1),
    },
    floors,
    written: { ...summary(written), ...ratiosTo(floors, written) },
    unchangedParsed: { ...summary(unchangedParsed), ...ratiosTo(floors, unchangedParsed) },
    unchanged: { ...summary(unchanged), ...ratiosTo(floors, unchanged) },
    manual: { ...summary(manual), ...ratiosTo(floors, manual) },
  })}\n`,
);
process.exit(0);

/**
 * Issue 22's floors, in a Worker of their own (bench/floor-worker.ts) whose process is measured as the
 * sync's is, above an empty request of its own: the JSON and sha256 of the bodies a written tick sent and
 * received, and a plain fetch() of the same subrequests (each answered with its recorded answer) plus the
 * same JSON and sha256. A sync cannot cost less than the first; the second is its subrequests' share.
 */
async function measureFloors(recorded: Recorded[]) {
  // The answers of what the floor Worker was last loaded with (all of them, then each alone).
  let loaded = recorded;
  const echo = createServer((req, res) => {
    const answer = loaded[Number((req.url ?? '/').slice(1))]?.answer ?? '';
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
  });
  await new Promise<void>((ok) => echo.listen(0, '127.0.0.1', ok));
  const known = new Set(descendantsNamed(process.pid, 'workerd'));
  const floor = await unstable_startWorker({
    entrypoint: FLOOR_WORKER_PATH,
    compatibilityDate: config.compatibility_date,
    bindings: { ECHO_URL: text(`http://127.0.0.1:${(echo.address() as AddressInfo).port}/`) },
    dev: {
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      logLevel: 'warn',
    },
  });
  await floor.ready;
  const origin = await floor.url;
  const request = (path: string, init: RequestInit = {}) =>
    floor.fetch(new URL(path, origin).href, init as never).then((r) => r.text());
  await request('/load', { method: 'POST', body: JSON.stringify(recorded) });
  const median15 = async (path: string) => {
    for (let i = 0; i < 3; i++) await request(path);
    const spent: number[] = [];
    for (let i = 0; i < 15; i++) {
      const own = workerPid(descendantsNamed(process.pid, 'workerd').filter((p) => !known.has(p)));
      const cpu = own === undefined ? 0 : cpuOf([own]);
      await request(path);
      await new Promise((r) => setTimeout(r, 5));
      spent.push(own === undefined ? 0 : cpuOf([own]) - cpu);
    }
    return median(spent);
  };
  const empty = await median15('/healthz');
  const json = await median15('/json');
  const fetched = await median15('/fetch');
  // Each subrequest's floor on its own: what a step of a split sync would at least pay for it.
  const each: { what: string; kilobytes: number; fetchJsonSha256Ms: number }[] = [];
  for (const r of recorded) {
    loaded = [r];
    await request('/load', { method: 'POST', body: JSON.stringify(loaded) });
    each.push({
      what: r.what,
      kilobytes: round((r.body.length + r.answer.length) / 1024, 0),
      fetchJsonSha256Ms: round((await median15('/fetch')) - empty, 2),
    });
  }
  await floor.dispose();
  await new Promise<void>((ok) => echo.close(() => ok()));
  return {
    subrequests: recorded.length,
    kilobytes: round(recorded.reduce((n, r) => n + r.body.length + r.answer.length, 0) / 1024, 0),
    emptyWorkerMs: round(empty, 2),
    jsonSha256Ms: round(json - empty, 2),
    fetchJsonSha256Ms: round(fetched - empty, 2),
    each,
  };
}

/** A request's Worker CPU above an empty request, as a multiple of each floor. */
function ratiosTo(floors: Awaited<ReturnType<typeof measureFloors>>, runs: SyncRun[]) {
  const above = median(runs.map((r) => r.worker)) - emptyWorkerMs;
  return {
    toJsonSha256Floor: round(above / floors.jsonSha256Ms, 1),
    toFetchFloor: round(above / floors.fetchJsonSha256Ms, 1),
  };
}
