import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readBook } from '../infra/local-sheets/xlsx.ts';
import { competitionFor, innovationsFor, SCALES, type Scale, typistFor } from './generate.ts';
import { judgeBothStages, localServices } from './judged-sheet.ts';
import { editOneCell, oneCellAddress, sheetsClient } from './sheet-typing.ts';
import { median, round } from './stats.ts';
import { BASE_CONFIG_PATH, openSqliteStore, runSync, startLocalSheetsServer } from './targets.ts';

/**
 * Local mode at one scale (`node --import tsx bench/local-edit.ts <scale> <runs>`): the local Sheets
 * server in this process, as `juri serve --local` runs it, and the SQLite store.
 * - api edit: one cell typed through the API (response time), then until the .xlsx on disk has it;
 * - saved edit: a juror's one-cell edit saved to the .xlsx (as LibreOffice saves: a whole new file),
 *   then the server re-reading it, the sync (its compute and its requests), and a read that sees the
 *   sync's output; server time is the time the server spent answering the sync's requests, CPU time
 *   the process's over the whole of it (on a loaded machine the wall time stretches, the CPU time less).
 * - unchanged: a sync with nothing new, and whether it made the server write the file.
 * The baseline, in the same process after each saved edit: the whole saved .xlsx read through exceljs
 * (the server's full read, which a save cost before it read changed tabs only).
 * BENCH_LOCAL_PROFILE=/tmp/p writes /tmp/p-saved-edit-<run>.cpuprofile, of each saved edit's timed part only
 * (the juror's copy made before the clock starts is left out); read it with bench/profile-summary.ts.
 */
const [scaleName = 'national', runsArg = '3'] = process.argv.slice(2);
const scale: Scale = SCALES[scaleName as Scale['name']] ?? SCALES.national;
const runs = Number(runsArg);
const TOKEN = 'bench-access-token';
const log = (line: string) => process.stderr.write(`[local-edit ${scale.name}] ${line}\n`);

const dir = mkdtempSync(join(tmpdir(), 'juri-bench-local-'));
const file = join(dir, 'juri.xlsx');
const server = await startLocalSheetsServer({ file, accessToken: TOKEN });
// The server before write-behind had no flush: there the file is on disk when the response comes.
const flush = async () => (server as { flush?: () => Promise<void> }).flush?.();
const base = JSON.parse(readFileSync(BASE_CONFIG_PATH, 'utf8'));
const competition = competitionFor(base, scale);
const innovations = innovationsFor(scale);
const type = typistFor(competition, innovations);
const client = sheetsClient(server.url, TOKEN);
const store = openSqliteStore(':memory:');
const services = localServices(competition, store, server, TOKEN);

const setupStart = performance.now();
await judgeBothStages(services, innovations, { client, spreadsheetId: server.spreadsheetId, type });
await flush();
const setupMs = performance.now() - setupStart;
log(`setup ${round(setupMs / 1000, 1)} s, ${round(statSync(file).size / 1e6, 1)} MB`);

const address = await oneCellAddress(client, server.spreadsheetId, competition);
if (!address) throw new Error('no cell to edit');
const readMeta = async () =>
  JSON.stringify(
    (await client.spreadsheets.values.get({ spreadsheetId: server.spreadsheetId, range: "'_juri'!A1" })).data
      .values,
  );
/** Milliseconds the server spent answering requests logged from `from` on. */
const serverMs = (from: number) =>
  server.log.slice(from).reduce((sum, e) => sum + ((e as { ms?: number }).ms ?? 0), 0);

const apiEdits: { responseMs: number; flushMs: number }[] = [];
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  await editOneCell(client, server.spreadsheetId, competition, String(60 + i));
  const responseMs = performance.now() - t;
  t = performance.now();
  await flush();
  apiEdits.push({ responseMs, flushMs: performance.now() - t });
  log(`api edit ${round(responseMs, 0)} ms, flush ${round(performance.now() - t, 0)} ms`);
}

const profileTo = process.env.BENCH_LOCAL_PROFILE;
const profiler = profileTo ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
}

const profiles: object[] = [];
const savedEdits: {
  baselineMs: number;
  rereadMs: number;
  syncMs: number;
  syncServerMs: number;
  visibleMs: number;
  totalMs: number;
  /** The process's CPU time over totalMs (server and sync together): what the load on the machine does not stretch. */
  cpuMs: number;
  flushMs: number;
}[] = [];
for (let i = 0; i < runs; i++) {
  // The juror's copy, made before the clock starts: LibreOffice writes the whole file when it saves.
  await flush();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet(address.title);
  if (!ws) throw new Error(`no tab ${address.title}`);
  ws.getCell(address.row + 1, address.column + 1).value = 40 + i;
  const saved = join(dir, `saved-${i}.xlsx`);
  await writeFile(saved, new Uint8Array(await book.xlsx.writeBuffer()));
  const before = await readMeta();

  if (profiler) await profiler.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await rename(saved, file);
  await readMeta();
  const t1 = performance.now();
  const from = server.log.length;
  const record = await runSync(services, { trigger: 'cli' });
  const t2 = performance.now();
  if (record.status !== 'written') throw new Error(`expected a written sync, got ${record.status}`);
  const after = await readMeta();
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  if (after === before) throw new Error('the sync output is not visible');
  await flush();
  const t4 = performance.now();
  if (profiler) profiles.push((await profiler.post('Profiler.stop')).profile);
  const copy = await readFile(file);
  const t5 = performance.now();
  await readBook(copy, server.spreadsheetId, 'juri');
  savedEdits.push({
    baselineMs: performance.now() - t5,
    rereadMs: t1 - t0,
    syncMs: t2 - t1,
    syncServerMs: serverMs(from),
    visibleMs: t3 - t2,
    totalMs: t3 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    flushMs: t4 - t3,
  });
  log(
    `saved edit: ${JSON.stringify(savedEdits.at(-1), (_, v) => (typeof v === 'number' ? round(v, 0) : v))}`,
  );
}

for (const [i, profile] of profiles.entries()) {
  await writeFile(`${profileTo}-saved-edit-${i + 1}.cpuprofile`, JSON.stringify(profile));
  log(`profile: ${profileTo}-saved-edit-${i + 1}.cpuprofile`);
}
profiler?.disconnect();

const mtime = statSync(file).mtimeMs;
const t = performance.now();
const unchanged = await runSync(services, { trigger: 'cli' });
const unchangedMs = performance.now() - t;
await flush();
const rewrote = statSync(file).mtimeMs !== mtime;

await server.close();
store.close();
rmSync(dir, { recursive: true, force: true });

const med = <T>(xs: T[], pick: (x: T) => number) => round(median(xs.map(pick)), 0);
process.stdout.write(
  `${JSON.stringify({
    scale: scale.name,
    setupS: round(setupMs / 1000, 1),
    apiEdit: {
      responseMs: med(apiEdits, (x) => x.responseMs),
      flushMs: med(apiEdits, (x) => x.flushMs),
      runs: apiEdits.length,
    },
    savedEdit: {
      baselineMs: med(savedEdits, (x) => x.baselineMs),
      rereadMs: med(savedEdits, (x) => x.rereadMs),
      syncMs: med(savedEdits, (x) => x.syncMs),
      syncServerMs: med(savedEdits, (x) => x.syncServerMs),
      visibleMs: med(savedEdits, (x) => x.visibleMs),
      totalMs: med(savedEdits, (x) => x.totalMs),
      cpuMs: med(savedEdits, (x) => x.cpuMs),
      flushMs: med(savedEdits, (x) => x.flushMs),
      // Each run against its own baseline, then the median: the load on the machine cancels out.
      totalToBaseline: round(median(savedEdits.map((x) => x.totalMs / x.baselineMs)), 2),
      runs: savedEdits.length,
    },
    unchanged: { status: unchanged.status, ms: round(unchangedMs, 0), rewroteFile: rewrote },
  })}\n`,
);
