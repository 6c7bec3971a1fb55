import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Inputs } from './compute.ts';
import { datasetFor, SCALES, type Scale, SEED } from './generate.ts';
import { LOCAL_MODE, renderReport } from './report.ts';
import { machine, median, round } from './stats.ts';
import { BASE_CONFIG_PATH, CLI_PATH } from './targets.ts';

/**
 * `npm run bench`: every measurement in a child process of its own, one after the other (the machine
 * has two cores; nothing runs beside a measurement but what it measures), then docs/benchmarks.md and
 * docs/benchmarks.json. BENCH_BEFORE=<an earlier benchmarks.json> adds its figures as a "before" column
 * (BENCH_BEFORE_LABEL says what it was, e.g. "commit 1685103").
 * BENCH_ONLY=compute,heap,sync,workerd,cli runs a subset (the report then lacks the others).
 */

const started = performance.now();
const only = new Set((process.env.BENCH_ONLY ?? 'compute,heap,sync,workerd,cli').split(','));
const dir = mkdtempSync(join(tmpdir(), 'juri-bench-run-'));
const log = (line: string) =>
  process.stderr.write(`[bench ${round((performance.now() - started) / 1000, 0)} s] ${line}\n`);

function run(args: string[], timeoutMs: number, node: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, '--import', 'tsx', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, METADATA_SERVER_DETECTION: 'none' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(line);
      else reject(new Error(`${args.join(' ')}: exit ${code ?? signal}\n${err.slice(-2000)}`));
    });
  });
}

async function json<T>(args: string[], timeoutMs: number, node: string[] = []): Promise<T> {
  return JSON.parse(await run(args, timeoutMs, node)) as T;
}

const base = JSON.parse(readFileSync(BASE_CONFIG_PATH, 'utf8'));
const files = new Map<Scale['name'], string>();
function inputsFile(name: Scale['name']): string {
  const known = files.get(name);
  if (known) return known;
  const d = datasetFor(base, SCALES[name]);
  const inputs: Inputs = {
    competition: d.competition,
    innovations: d.innovations,
    ranges: d.tabs.map((t) => t.range),
    payload: d.payload,
  };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(inputs));
  files.set(name, file);
  return file;
}

const notMeasured: { what: string; why: string }[] = [
  {
    what: 'rankJurorTabs (parse and rank in one pass)',
    why: 'it no longer exists: it read the old positional juror tab, and the tab is now read by its column names (parseJurorTab then rankCompetition, measured above).',
  },
  {
    what: 'local mode: a juror’s one-cell edit saved to the .xlsx, to the sync’s output seen, at national scale',
    why: LOCAL_MODE,
  },
  {
    what: 'whole sync in Node at provincial-plus and national scale',
    why: 'the local Sheets server now writes the 5-row header block, link, total-formula and remarks columns and checks data validation; at NTT scale a setup already takes about 15 s and a written sync about 3.5 s of wall (mostly the server rewriting its .xlsx), so the larger scales through it do not fit the 5-minute budget of `npm run bench` on this machine. Their compute is measured in memory above.',
  },
];
const results: Record<string, unknown> = { machine: machine(), seed: SEED, scales: SCALES, notMeasured };
/** A section that fails is left out of the report and listed with its error, not the whole run lost. */
async function section(what: string, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    const why = String((error as Error).message ?? error)
      .split('\n')
      .slice(0, 2)
      .join(' ');
    log(`${what} failed: ${why}`);
    notMeasured.push({ what, why: `failed in this run: ${why.slice(0, 300)}` });
    return undefined;
  }
}
const scales: Scale['name'][] = ['ntt', 'provincial', 'national'];

try {
  if (only.has('compute')) {
    results.compute = [];
    for (const name of scales) {
      log(`compute ${name}`);
      (results.compute as unknown[]).push(
        await json(['bench/compute.ts', name, 'time', inputsFile(name)], 120_000),
      );
    }
  }
  if (only.has('heap')) {
    results.heap = [];
    for (const name of [...scales, 'national-7000'] as const) {
      log(`heap ${name}`);
      (results.heap as unknown[]).push(
        await json(['bench/compute.ts', name, 'heap', inputsFile(name)], 120_000, ['--expose-gc']),
      );
    }
    // Does it fit? The smallest hard V8 heap limit (old + young generation, `--max-heap-size`, 8 MB
    // steps) under which the same pipeline completes; the figures of that run come along.
    results.limits = [];
    for (const [name, low, high] of [
      ['national', 40, 96],
      ['national-7000', 64, 160],
    ] as const) {
      log(`heap limit ${name}`);
      const tryLimit = (limit: number) =>
        json<Record<string, unknown>>(['bench/compute.ts', name, 'heap', inputsFile(name)], 120_000, [
          '--expose-gc',
          `--max-heap-size=${limit}`,
        ]).catch(() => null);
      let lo: number = low; // fails (or assumed to)
      let hi: number = high;
      let best = await tryLimit(hi);
      if (best) {
        while (hi - lo > 8) {
          const mid = lo + Math.floor((hi - lo) / 16) * 8;
          const got = await tryLimit(mid);
          if (got) {
            hi = mid;
            best = got;
          } else lo = mid;
        }
      }
      (results.limits as unknown[]).push({ scale: name, limitMB: best ? hi : null, at: best });
    }
  }
  if (only.has('sync')) {
    results.sync = [];
    for (const [name, runs] of [['ntt', 3]] as const) {
      log(`sync ${name}`);
      const got = await section(`whole sync in Node at ${name} scale`, () =>
        json(['bench/sync-node.ts', name, String(runs)], 100_000),
      );
      if (got) (results.sync as unknown[]).push(got);
    }
  }
  if (only.has('workerd')) {
    log('workerd');
    const got = await section('inside workerd (NTT scale)', () => json(['bench/workerd.ts'], 150_000));
    if (got) results.workerd = got;
    log('workerd small');
    // A second size, so what a written sync costs is known at two points inside workerd itself.
    const small = await section('inside workerd (small scale)', () =>
      json(['bench/workerd.ts', 'small'], 150_000),
    );
    if (small) results.workerdSmall = small;
  }
  if (only.has('cli')) {
    log('cli');
    const got = await section('CLI start-up', cliRank);
    if (got) results.cli = got;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * CLI start-up: `juri --help`, and `juri rank` on the national CSV files, wall time of the built
 * bin/juri.js (`npm run build` first), against `node -e 0` measured in the same loop.
 */
async function cliRank() {
  const d = datasetFor(base, SCALES.national);
  const config = join(dir, 'config.json');
  const innovations = join(dir, 'innovations.csv');
  const scores = join(dir, 'scores.csv');
  const csv = (rows: string[][]) =>
    `${rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n')}\n`;
  writeFileSync(config, JSON.stringify(d.competition));
  writeFileSync(
    innovations,
    csv([
      ['id', 'title', 'agency', 'region', 'category', 'submitted_at'],
      ...d.innovations.map((i) => [i.id, i.title, i.agency, i.region, i.category, i.submittedAt]),
    ]),
  );
  writeFileSync(
    scores,
    csv([
      ['stage', 'innovation', 'juror', 'criterion', 'value'],
      ...d.entries.map((e) => [e.stage, e.innovation, e.juror, e.criterion, e.value]),
    ]),
  );
  // Wall and CPU: on this shared machine a child's wall includes waiting for a core, its CPU does not.
  const wall = (args: string[], into: { wall: number[]; cpu: number[] }) =>
    new Promise<void>((resolve, reject) => {
      const t = performance.now();
      const cpu = childrenCpuMs();
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
      });
      child.on('exit', (code) => {
        if (code !== 0) return reject(new Error(err));
        into.wall.push(performance.now() - t);
        into.cpu.push(childrenCpuMs() - cpu);
        resolve();
      });
    });
  const rank = [CLI_PATH, 'rank', '--config', config, '--innovations', innovations, '--scores', scores];
  const empty = { wall: [] as number[], cpu: [] as number[] };
  const help = { wall: [] as number[], cpu: [] as number[] };
  const cli = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < 5; i++) {
    await wall(['-e', '0'], empty);
    await wall([CLI_PATH, '--help'], help);
    await wall([...rank, '--stage', 'final'], cli);
  }
  return {
    nodeEmptyMs: round(median(empty.wall), 0),
    nodeEmptyCpuMs: round(median(empty.cpu), 0),
    helpMs: round(median(help.wall), 0),
    helpCpuMs: round(median(help.cpu), 0),
    helpAboveEmptyMs: round(median(help.wall) - median(empty.wall), 0),
    rankMs: round(median(cli.wall), 0),
    rankCpuMs: round(median(cli.cpu), 0),
    aboveEmptyMs: round(median(cli.wall) - median(empty.wall), 0),
    rows: d.entries.length,
  };
}

/**
 * CPU time (user + system, every thread) of this process's ended children, ms: cutime + cstime of
 * /proc/self/stat, in clock ticks of 10 ms (Linux's USER_HZ). A child counts once Node has reaped it,
 * which is before its 'exit' event.
 */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after "pid (comm) " start at field 3; cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

results.totalS = round((performance.now() - started) / 1000, 0);
const before = process.env.BENCH_BEFORE
  ? JSON.parse(readFileSync(process.env.BENCH_BEFORE, 'utf8'))
  : undefined;
writeFileSync('docs/benchmarks.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('docs/benchmarks.md', renderReport(results, before, process.env.BENCH_BEFORE_LABEL));
log(`done: docs/benchmarks.md (${results.totalS} s)`);
