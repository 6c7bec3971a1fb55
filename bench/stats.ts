import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Medians of repeated runs: the machine is shared and noisy, the median is what the report quotes. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Sample {
  /** Median wall time of one run, ms. */
  ms: number;
  /** Median CPU time of this process (every thread: GC helpers, the crypto thread pool) during one run, ms. */
  cpuMs: number;
  runs: number;
}

/**
 * Runs `work` a few times to warm up, then repeatedly until `runs` runs or `budgetMs` have passed
 * (at least 3), and returns the median. `work` may be async.
 */
export async function measure(
  work: () => unknown,
  opts: { runs?: number; warmup?: number; budgetMs?: number } = {},
): Promise<Sample> {
  const { runs = 15, warmup = 3, budgetMs = 4000 } = opts;
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (times.length < runs && (times.length < 3 || performance.now() - start < budgetMs)) {
    const c = processCpuMs();
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
    cpu.push(processCpuMs() - c);
  }
  return { ms: median(times), cpuMs: median(cpu), runs: times.length };
}

/** CPU time of this process (user + system), ms. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU time of another process, ms, from the scheduler's own accounting (ns resolution):
 * the sum of /proc/<pid>/task/<tid>/schedstat over its live threads.
 */
export function pidCpuMs(pid: number, tids: () => number[]): number {
  let ns = 0;
  for (const tid of tids()) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0] ?? 0);
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  return ns / 1e6;
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  return {
    cpu,
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export const round = (v: number, digits = 1) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);
