/**
 * `npm run soak` (not part of `npm test`): load on the Node server in local mode, on loopback only,
 * bounded in count and time, stopping by itself.
 *
 * 1. Burst: SOAK_SUBMISSIONS (2,000) signed Form submissions within SOAK_SECONDS (60), 32 at a time;
 *    a 503 is retried as Code.gs would. Then: every submission stored exactly once, numbered without a gap,
 *    and archived once.
 * 2. Mixed traffic for SOAK_MINUTES (10): edits, replays, invalid payloads, the public page, the dashboard,
 *    the admin API, a sync every two minutes, and new submissions until the data has grown by a tenth (a
 *    stationary load, so that growth means a leak, not more data). The server's heap is read after a full
 *    GC every 15 s. Memory is stable when the last two minutes' median heap is within 25 % (or 25 MB) of
 *    the first two minutes'.
 *
 * Prints the figures docs/security.md quotes; exits 1 when anything was lost or duplicated, or memory grew.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signBody } from '../functions/intake/signature.ts';
import { openSqliteStore } from '../infra/local/sqlite-store.ts';
import { seededRandom } from '../shared/seeded-random.ts';
import { answerList } from '../tests/intake/samples.ts';

const SUBMISSIONS = Number(process.env.SOAK_SUBMISSIONS ?? 2000);
const BURST_SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const MIXED_MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CONCURRENCY = 32;
const MIXED_WORKERS = 8;
const CID = 'koin-yanlik-ntt-2024';

interface Ready {
  kind: 'ready';
  url: string;
  secrets: { adminToken: string; intakeHmac: string };
  database: string;
}

const dir = mkdtempSync(join(tmpdir(), 'juri-soak-'));
const child: ChildProcess = fork(new URL('./soak-server.ts', import.meta.url).pathname, [dir], {
  execArgv: ['--import', 'tsx', '--expose-gc'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ready = await new Promise<Ready>((resolve, reject) => {
  child.once('message', (m) => resolve(m as Ready));
  child.once('exit', (code) => reject(new Error(`soak server exited ${code}`)));
});
const { url } = ready;
const admin = { authorization: `Bearer ${ready.secrets.adminToken}` };

const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const random = seededRandom(20241220);

function body(responseId: string, at: Date, title = `Inovasi ${responseId}`): string {
  return JSON.stringify({
    formId: 'soak',
    responseId,
    timestamp: at.toISOString(),
    respondentEmail: '',
    answers: answerList({ 'Judul Inovasi': title }),
  });
}

async function post(text: string): Promise<number> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${url}/intake/form`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-Juri-Timestamp': timestamp,
      'X-Juri-Signature': await signBody(ready.secrets.intakeHmac, timestamp, text),
    },
    body: text,
  });
  await res.arrayBuffer();
  return res.status;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function memory(): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as { usage: NodeJS.MemoryUsage }).usage));
    child.send({ kind: 'memory' });
  });
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
let failed = false;

try {
  // ---- 1. The burst ---------------------------------------------------------------------------------
  say(`juri soak — ${url} — ${SUBMISSIONS} submissions within ${BURST_SECONDS} s`);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let retries = 0;
  const start = Date.now();
  const interval = (BURST_SECONDS * 900) / SUBMISSIONS;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < SUBMISSIONS; i = next++) {
        const due = start + i * interval;
        if (due > Date.now()) await sleep(due - Date.now());
        const text = body(`soak-${String(i).padStart(5, '0')}`, new Date(start));
        for (let attempt = 1; ; attempt++) {
          const t = performance.now();
          const status = await post(text);
          latencies.push(performance.now() - t);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status !== 503 || attempt === 10) break;
          retries += 1;
          await sleep(200 * attempt);
        }
      }
    }),
  );
  const burstSeconds = (Date.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const listed = (await (await fetch(`${url}/admin/innovations`, { headers: admin })).json()) as {
    innovations: { id: string; responseId: string }[];
  };
  const ids = listed.innovations.map((i) => i.responseId);
  const unique = new Set(ids).size;
  const numbers = listed.innovations.map((i) => Number(i.id.split('-').at(-1)));
  const gapFree = numbers.every((n, k) => n === k + 1);
  const archive = openSqliteStore(ready.database);
  const archived = (await archive.competition(CID).archive.listRaw()).filter((r) =>
    r.responseId?.startsWith('soak-'),
  );
  archive.close();
  const lost = SUBMISSIONS - unique;
  const duplicated = ids.length - unique;
  say(
    `  sent in ${burstSeconds.toFixed(1)} s (${(SUBMISSIONS / burstSeconds).toFixed(1)}/s); answers ${JSON.stringify([...statuses].sort())}; 503 retried ${retries}`,
  );
  say(
    `  latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${(latencies.at(-1) ?? 0).toFixed(1)}`,
  );
  say(
    `  stored ${ids.length}, lost ${lost}, duplicated ${duplicated}, numbers gap-free ${gapFree}, archived payloads ${archived.length}`,
  );
  if (
    lost !== 0 ||
    duplicated !== 0 ||
    !gapFree ||
    archived.length !== SUBMISSIONS ||
    burstSeconds > BURST_SECONDS
  ) {
    failed = true;
  }

  // ---- 2. Mixed traffic -----------------------------------------------------------------------------
  say(`mixed traffic for ${MIXED_MINUTES} min`);
  const setup = await fetch(`${url}/admin/sheet/setup`, { method: 'POST', headers: admin });
  await setup.arrayBuffer();
  const login = await fetch(`${url}/sekretariat/masuk`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: new URLSearchParams({ token: ready.secrets.adminToken }).toString(),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const counts = new Map<string, number>();
  const serverErrors: string[] = [];
  const samples: { at: number; heap: number; rss: number }[] = [];
  const end = Date.now() + MIXED_MINUTES * 60_000;
  let fresh = SUBMISSIONS;
  const sent: string[] = [];
  const count = (what: string, status: number) => {
    const key = `${what} ${status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (status >= 500 && status !== 503) serverErrors.push(`${what} ${status}`);
  };
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, { headers, redirect: 'manual' });
    await res.arrayBuffer();
    return res.status;
  };
  const edit = async () => {
    const n = Math.floor(random() * SUBMISSIONS);
    const text = body(`soak-${String(n).padStart(5, '0')}`, new Date(), `Revisi ${Date.now()}`);
    count('edit', await post(text));
  };
  const operations: [number, () => Promise<void>][] = [
    [
      10,
      async () => {
        // A stationary load: the data may grow by a tenth, then new entries turn into edits.
        if (fresh >= SUBMISSIONS * 1.1) return edit();
        const text = body(`soak-${String(fresh++).padStart(5, '0')}`, new Date());
        sent.push(text);
        count('new submission', await post(text));
      },
    ],
    [
      10,
      async () =>
        count('replay', await post(sent[Math.floor(random() * sent.length)] ?? body('soak-x', new Date()))),
    ],
    [20, edit],
    [
      10,
      async () =>
        count(
          'invalid',
          await post(random() < 0.5 ? '{"responseId":' : JSON.stringify({ responseId: `bad-${random()}` })),
        ),
    ],
    [20, async () => count('public page', await get(`/pengumuman/${CID}`))],
    [10, async () => count('dashboard', await get('/sekretariat', { cookie }))],
    [5, async () => count('admin API', await get('/admin/rankings/final', admin))],
  ];
  const total = operations.reduce((s, [w]) => s + w, 0);
  const pick = () => {
    let r = random() * total;
    for (const [w, op] of operations) {
      r -= w;
      if (r < 0) return op;
    }
    return operations[0]?.[1] ?? (async () => undefined);
  };
  const sampler = (async () => {
    while (Date.now() < end) {
      const usage = await memory();
      samples.push({ at: Date.now(), heap: usage.heapUsed, rss: usage.rss });
      await sleep(15_000);
    }
  })();
  const syncer = (async () => {
    while (Date.now() < end) {
      await sleep(Math.min(120_000, Math.max(0, end - Date.now())));
      if (Date.now() >= end) break;
      const res = await fetch(`${url}/admin/sync`, { method: 'POST', headers: admin });
      await res.arrayBuffer();
      count('sync', res.status);
    }
  })();
  await Promise.all([
    ...Array.from({ length: MIXED_WORKERS }, async () => {
      while (Date.now() < end) {
        await pick()();
        await sleep(100);
      }
    }),
    sampler,
    syncer,
  ]);
  const window = Math.min(2 * 60_000, (MIXED_MINUTES * 60_000) / 3);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const first = median(samples.filter((s) => s.at - (samples[0]?.at ?? 0) <= window).map((s) => s.heap));
  const last = median(samples.filter((s) => (samples.at(-1)?.at ?? 0) - s.at <= window).map((s) => s.heap));
  const growth = last - first;
  const stable = growth <= Math.max(0.25 * first, 25 * 1024 * 1024);
  say(`  requests ${JSON.stringify([...counts].sort())}; 5xx other than 503: ${serverErrors.length}`);
  say(
    `  heap after GC (MB): first ${window / 60_000} min median ${mb(first)}, last ${window / 60_000} min median ${mb(last)}, max ${mb(Math.max(...samples.map((s) => s.heap)))}; rss max ${mb(Math.max(...samples.map((s) => s.rss)))}; ${samples.length} samples`,
  );
  say(`  memory ${stable ? 'stable' : 'GREW'} (${growth >= 0 ? '+' : ''}${mb(growth)} MB)`);
  if (!stable || serverErrors.length > 0) failed = true;
} finally {
  child.send({ kind: 'stop' });
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
say(failed ? 'soak: FAILED' : 'soak: ok');
process.exit(failed ? 1 : 0);
