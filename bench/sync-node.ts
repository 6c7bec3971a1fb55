import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeAdapter } from '../infra/store-adapter.ts';
import type { SyncLog, SyncRecord } from '../shared/ports.ts';
import { jurorReadRange } from '../shared/sheet/juror-read.ts';
import { jurorTabs } from '../shared/sheet/juror-tab.ts';
import { competitionFor, innovationsFor, SCALES, type Scale, typistFor } from './generate.ts';
import { judgeBothStages, localServices } from './judged-sheet.ts';
import { editOneCell, sheetsClient, startSheetsHost } from './sheet-typing.ts';
import { median, processCpuMs, round } from './stats.ts';
import { BASE_CONFIG_PATH, openSqliteStore, runSync, sha256Hex } from './targets.ts';

/**
 * One scale's whole sync in Node (`node --import tsx bench/sync-node.ts <scale> <runs>`): the real
 * Sheets adapter against the local Sheets server (in a process of its own) and the SQLite store.
 * Written syncs are forced by handing runSync a last record whose hash no longer matches (nothing is
 * typed between them, so the server's own write time does not grow the loop); unchanged ones are real.
 * CPU is this process's: juri, the Google client library and SQLite, not the stand-in server. The floor
 * is JSON.parse of the same read body, CPU time in this process.
 */
const [scaleName = 'ntt', runsArg = '5'] = process.argv.slice(2);
const scale: Scale = SCALES[scaleName as Scale['name']] ?? SCALES.ntt;
const runs = Number(runsArg);
const TOKEN = 'bench-access-token';

const dir = mkdtempSync(join(tmpdir(), 'juri-bench-'));
const host = await startSheetsHost(join(dir, 'juri.xlsx'), TOKEN);
const base = JSON.parse(readFileSync(BASE_CONFIG_PATH, 'utf8'));
const competition = competitionFor(base, scale);
const innovations = innovationsFor(scale);
const type = typistFor(competition, innovations);
const client = sheetsClient(host.url, TOKEN);
const sqlite = openSqliteStore(':memory:');

let force = false;
// A store whose last record looks stale while `force` is on, so the next sync writes.
const store = storeAdapter((id) => {
  const real = sqlite.competition(id);
  const syncLog: SyncLog = {
    ...real.syncLog,
    async syncInputs(head, tail) {
      const inputs = await real.syncLog.syncInputs(head, tail);
      return force && inputs.last ? { ...inputs, last: { ...inputs.last, inputHash: 'stale' } } : inputs;
    },
  };
  return { ...real, syncLog };
});

const services = localServices(competition, store, host, TOKEN);

const setupStart = performance.now();
await judgeBothStages(services, innovations, { client, spreadsheetId: host.spreadsheetId, type });
const setupMs = performance.now() - setupStart;

async function timedSync(expect: SyncRecord['status']) {
  const cpu = processCpuMs();
  const t = performance.now();
  const record = await runSync(services, { trigger: 'cli' });
  const wall = performance.now() - t;
  const spent = processCpuMs() - cpu;
  if (record.status !== expect) throw new Error(`expected ${expect}, got ${record.status}`);
  return { wall, cpu: spent, requests: record.requests };
}

const written = [];
force = true;
for (let i = 0; i < runs; i++) written.push(await timedSync('written'));
force = false;
await runSync(services, { trigger: 'cli' });
const unchanged = [];
for (let i = 0; i < Math.max(runs, 5); i++) unchanged.push(await timedSync('unchanged'));

// The floor: the same read as the adapter makes it, its body parsed by JSON.parse in this process.
const ranges = [...jurorTabs(competition).map(jurorReadRange), "'_juri'!A1"];
const query = new URLSearchParams([
  ...ranges.map((r) => ['ranges', r]),
  ['valueRenderOption', 'FORMATTED_VALUE'],
  ['majorDimension', 'ROWS'],
]);
const readUrl = `${host.url}v4/spreadsheets/${host.spreadsheetId}/values:batchGet?${query}`;
const readRaw = async () => (await fetch(readUrl, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
const body = await readRaw();
const floors: number[] = [];
const hashes: number[] = [];
for (let i = 0; i < 25; i++) {
  let c = processCpuMs();
  JSON.parse(body);
  floors.push(processCpuMs() - c);
  c = processCpuMs();
  await sha256Hex(body);
  hashes.push(processCpuMs() - c);
}
// What an unchanged sync would cost once it decides from the raw read: the read as text (plain fetch,
// not parsed) and its sha256; the store's one small head document is left out.
const rawUnchanged: number[] = [];
for (let i = 0; i < 9; i++) {
  const c = processCpuMs();
  await sha256Hex(await readRaw());
  rawUnchanged.push(processCpuMs() - c);
}

// Local mode: one juror types one cell through the API (answered from memory; the .xlsx follows behind).
const edits: number[] = [];
for (let i = 0; i < (scale.entries > 1000 ? 1 : 3); i++) {
  const t = performance.now();
  await editOneCell(client, host.spreadsheetId, competition, String(60 + i));
  edits.push(performance.now() - t);
}

await host.close();
sqlite.close();
rmSync(dir, { recursive: true, force: true });

const floor = median(floors);
const summary = (xs: { wall: number; cpu: number }[]) => ({
  wallMs: round(median(xs.map((x) => x.wall)), 1),
  cpuMs: round(median(xs.map((x) => x.cpu)), 1),
  cpuRatio: round(median(xs.map((x) => x.cpu)) / floor, 1),
  runs: xs.length,
});
process.stdout.write(
  `${JSON.stringify({
    scale: scale.name,
    setupS: round(setupMs / 1000, 1),
    bodyBytes: Buffer.byteLength(body),
    floorMs: round(floor, 2),
    rawHashMs: round(median(hashes), 2),
    rawUnchanged: { cpuMs: round(median(rawUnchanged), 2), cpuRatio: round(median(rawUnchanged) / floor, 1) },
    written: { ...summary(written), requests: written[0]?.requests },
    unchanged: { ...summary(unchanged), requests: unchanged[0]?.requests },
    oneCellEditMs: round(median(edits), 0),
  })}\n`,
);
