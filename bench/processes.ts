import { readdirSync, readFileSync } from 'node:fs';
import { pidCpuMs } from './stats.ts';

/** Linux process bookkeeping for the workerd measurement: which processes, and their CPU time. */

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so cut at the last ')'.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, comm });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Every descendant of `root` whose command name starts with `comm`. */
export function descendantsNamed(root: number, comm: string): number[] {
  const all = processes();
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      if (c.comm.startsWith(comm)) found.push(c.pid);
      walk(c.pid);
    }
  };
  walk(root);
  return found;
}

function tidsOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

/** CPU time (ms) summed over the given processes and all their threads. */
export function cpuOf(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + pidCpuMs(pid, () => tidsOf(pid)), 0);
}

/**
 * CPU time (ms) of the process's threads named `comm` only: workerd runs the isolate and its event loop on
 * its main thread ("workerd"), V8's concurrent garbage collection and optimising compiler on a platform
 * thread ("V8 DefaultWorke…") beside it.
 */
export function threadsCpuOf(pid: number, comm: string): number {
  return pidCpuMs(pid, () =>
    tidsOf(pid).filter((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    }),
  );
}
