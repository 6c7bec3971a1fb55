import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who holds a local lease, precisely enough to tell later whether that process is still running. A pid
 * alone is not enough: after a crash the number is handed to some other process sooner or later. On Linux
 * the kernel's start time of the process (/proc/<pid>/stat, field 22) and the boot's id pin down one
 * process for good; elsewhere only "no process has that pid any more" is certain.
 */
export interface ProcessIdentity {
  host: string;
  pid: number;
  /** /proc/sys/kernel/random/boot_id; null where there is no /proc. */
  boot: string | null;
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot); null where there is no /proc. */
  start: string | null;
}

export function ownProcess(): ProcessIdentity {
  return { host: hostname(), pid: process.pid, boot: bootId(), start: startTicks(process.pid) };
}

/**
 * True only when `holder` has certainly ended: it ran on this machine and its pid is free, now names a
 * process that started at another time, or the machine has rebooted since. Anything unsure (another
 * machine sharing the folder, a pid reused where there is no /proc) is false: the lease then waits for
 * its expiry, as before.
 */
export function hasEnded(holder: ProcessIdentity): boolean {
  if (holder.host !== hostname()) return false;
  const boot = bootId();
  if (holder.boot !== null && boot !== null && holder.boot !== boot) return true;
  if (holder.start !== null) {
    const start = startTicks(holder.pid);
    return start === null || start !== holder.start;
  }
  return !pidExists(holder.pid);
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command, is in parentheses and may hold spaces or ")": count from after the last one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // What follows starts at field 3, so field 22 is the 20th.
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: a process with that pid exists, it only belongs to someone else.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
