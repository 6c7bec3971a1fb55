import type { Stats } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Lang } from '../../shared/domain/i18n.ts';
import { type MessageKey, t } from '../../shared/messages/catalogue/t.ts';
import { replaceFile } from './atomic-file.ts';
import { SheetsApiError } from './errors.ts';
import { type Book, emptyBook } from './model.ts';
import { toXlsx } from './xlsx.ts';
import { type Unreadable, UnreadableWorkbook } from './xlsx-package.ts';
import { workbookReader } from './xlsx-parts.ts';
import type { XlsxMemory } from './xlsx-writer.ts';

/**
 * A write: from the current workbook, a new one (a draft, see draft.ts: the current one is never
 * mutated) and the answer to give. Kept until the file holds it, so that it can be made again on top of
 * what a person saved meanwhile.
 */
export type Change<T> = (current: Book) => { next: Book; result: T };

/**
 * The .xlsx behind the local server. Writes take effect in memory at once and reach the file in the
 * background (write-behind): rewriting a national workbook takes seconds, and a juror's one-cell edit
 * must not wait for it. A burst of writes becomes one file write. The file is re-read when a person
 * saved it, always replaced whole (temp file + fsync + rename), and never written while LibreOffice or
 * Excel has it open (their next save would undo ours).
 */
export interface WorkbookFile {
  /** The current workbook: every write so far, and a person's save re-read (writes not yet on disk made again on top). */
  current(): Promise<Book>;
  /** Applies `change` now (reads see it at once) and persists it in the background. */
  update<T>(change: Change<T>): Promise<T>;
  /** Resolves once the file holds every write made so far; rejects (503) when it cannot be written. */
  flush(): Promise<void>;
  /** flush, for shutdown: when the file stays locked or unwritable, the writes go to a copy beside it. */
  close(): Promise<void>;
}

/**
 * A write starts once no request came for QUIET_MS (it holds the thread for seconds at national scale:
 * a sync's requests and the reads after it go first, and a burst is written once), and at the latest
 * MAX_WAIT_MS after the first write it carries, so the file is never far behind.
 */
const QUIET_MS = 300;
const MAX_WAIT_MS = 5000;
/** How soon a write that was refused (file open, disk full) is tried again. */
const RETRY_MS = 2000;

interface Seen {
  mtimeMs: number;
  size: number;
  ino: number;
}

export async function openWorkbookFile(
  file: string,
  spreadsheetId: string,
  opts: { create: boolean; title: string },
): Promise<WorkbookFile> {
  let book: Book | null = null;
  let seen: Seen | null = null;
  // Writes in memory that the file does not hold yet, oldest first.
  let pending: Change<unknown>[] = [];
  // Bumped whenever the workbook is re-read, so a write serialised before it is not put on disk.
  let epoch = 0;
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let dirtySince: number | undefined;
  let failure: unknown;
  // Re-reads and file replacements, one at a time.
  let disk: Promise<unknown> = Promise.resolve();
  // Knows which tabs the file last held, so that a person's save is read by its changed tabs only.
  const reader = workbookReader(spreadsheetId, opts.title);
  // What the last write made: the next write makes again only the parts of tabs that changed.
  let lastParts: XlsxMemory | undefined;
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = disk.then(work, work);
    disk = run.catch(() => undefined);
    return run;
  };

  if (opts.create && !(await exists(file))) {
    await replaceFile(file, (await toXlsx(emptyBook(spreadsheetId, opts.title))).bytes);
  }

  async function current(): Promise<Book> {
    // Every request asks for the workbook: a waiting write waits for quiet again.
    if (timer && !writing && failure === undefined) schedule();
    const info = await stat(file).catch(() => null);
    if (book && seen && info && same(info, seen)) return book;
    return exclusive(async () => {
      const again = await stat(file).catch(() => null);
      if (!again) {
        // Our own writes are kept in memory; without the file there is nothing a person typed to read.
        if (book && pending.length > 0) return book;
        throw unavailable('WORKBOOK_MISSING', file, MESSAGES.missing(file));
      }
      if (book && seen && same(again, seen)) return book;
      return reload(again);
    });
  }

  /** Reads what a person saved, then makes again on top of it every write the file did not hold. */
  async function reload(info: Stats): Promise<Book> {
    let fresh: Book;
    try {
      fresh = await reader.read(await readFile(file));
    } catch (e) {
      // The person reading the message can act on the kind of damage; a parser's own words they cannot.
      console.warn(MESSAGES.readFailed(file), e);
      const kind = e instanceof UnreadableWorkbook ? e.kind : 'damaged';
      throw unavailable('WORKBOOK_UNREADABLE', file, MESSAGES.unreadable(file, kind), { why: kind });
    }
    const kept: Change<unknown>[] = [];
    for (const change of pending) {
      try {
        fresh = change(fresh).next;
        kept.push(change);
      } catch (e) {
        // The person's save removed what the write was about (a tab deleted by hand): theirs stands.
        console.warn(MESSAGES.noLongerApplies(file), e);
      }
    }
    pending = kept;
    book = fresh;
    seen = seenOf(info);
    epoch += 1;
    if (pending.length > 0) schedule();
    return fresh;
  }

  async function update<T>(change: Change<T>): Promise<T> {
    await current();
    const lock = await lockFile(file);
    if (lock) throw unavailable('WORKBOOK_LOCKED', file, MESSAGES.locked(file, lock), { lockFile: lock });
    // A write the disk refused is reported to the next writer, not swallowed.
    if (failure !== undefined) await flush();
    // Taken after the awaits: a re-read may have come in between.
    const base = book ?? (await current());
    const { next, result } = change(base);
    book = next;
    pending.push(change as Change<unknown>);
    schedule();
    return result;
  }

  function schedule(delay = QUIET_MS): void {
    dirtySince ??= Date.now();
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(delay, dirtySince + MAX_WAIT_MS - Date.now()));
    timer = setTimeout(() => {
      persist().catch(() => undefined);
    }, wait);
  }

  /** Writes until the file holds every write; one writer at a time. */
  function persist(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (writing) return writing;
    // Cleared when this run settles, and only then: a run with nothing to write settles at once, and
    // clearing it from inside (before it was even assigned) left a settled promise here for good, on
    // which flush() then spun without ever yielding.
    const run = writeAll();
    writing = run;
    const done = () => {
      if (writing === run) writing = undefined;
    };
    run.then(done, done);
    return run;
  }

  async function writeAll(): Promise<void> {
    try {
      while (pending.length > 0 && book) {
        const count = pending.length;
        const snapshot = book;
        const at = epoch;
        dirtySince = undefined;
        // Serialised outside the lock: reads go on meanwhile (the snapshot is never mutated).
        const { bytes, parts } = await toXlsx(snapshot, lastParts);
        const written = await exclusive(async () => {
          if (at !== epoch) return false;
          const info = await stat(file).catch(() => null);
          if (info && seen && !same(info, seen)) {
            // A person saved since: theirs first, ours again on top, then write that.
            await reload(info);
            return false;
          }
          const lock = await lockFile(file);
          if (lock)
            throw unavailable('WORKBOOK_LOCKED', file, MESSAGES.locked(file, lock), { lockFile: lock });
          // A rename would replace a file its owner made read-only (the folder is writable): a person's
          // "do not touch this" is respected, and said, instead.
          if (info && (info.mode & 0o200) === 0)
            throw unavailable('WORKBOOK_READ_ONLY', file, MESSAGES.readOnly(file));
          try {
            await replaceFile(file, bytes);
            reader.wrote(bytes, snapshot);
            lastParts = parts;
          } catch (e) {
            const code = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
            throw unavailable('WORKBOOK_UNWRITABLE', file, MESSAGES.unwritable(file, code), { why: code });
          }
          seen = seenOf(await stat(file));
          return true;
        });
        if (written) pending.splice(0, count);
      }
      failure = undefined;
    } catch (e) {
      if (failure === undefined) console.warn(MESSAGES.retrying(file), e);
      failure = e;
      clearTimeout(timer);
      timer = setTimeout(() => {
        persist().catch(() => undefined);
      }, RETRY_MS);
      throw e;
    }
  }

  async function flush(): Promise<void> {
    // Without a workbook read there is nothing to write, and a loop here would never yield.
    while ((pending.length > 0 && book) || writing) await (writing ?? persist());
  }

  async function close(): Promise<void> {
    try {
      await flush();
    } catch (e) {
      if (book && pending.length > 0) {
        const copy = join(dirname(file), `${basename(file, '.xlsx')}.belum-tersimpan-${Date.now()}.xlsx`);
        // A folder that refuses the file refuses the copy too: say what is lost instead of failing the stop.
        await replaceFile(copy, (await toXlsx(book)).bytes).then(
          () => console.warn(MESSAGES.keptAside(file, copy), e),
          (again: unknown) => console.warn(MESSAGES.lost(file), e, again),
        );
      }
    } finally {
      clearTimeout(timer);
      timer = undefined;
    }
  }

  return { current, update, flush, close };
}

function seenOf(info: Stats): Seen {
  return { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino };
}

/** A save by LibreOffice, Excel or juri itself gives the file a new time, size or inode (a rename). */
function same(info: Stats, seen: Seen): boolean {
  return info.mtimeMs === seen.mtimeMs && info.size === seen.size && info.ino === seen.ino;
}

/** LibreOffice keeps ".~lock.<name>#", Excel "~$<name>" beside a workbook it has open. */
async function lockFile(file: string): Promise<string | null> {
  const dir = dirname(file);
  const name = basename(file);
  for (const candidate of [join(dir, `.~lock.${name}#`), join(dir, `~$${name}`)]) {
    if (await exists(candidate)) return candidate;
  }
  return null;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * 503 as Google answers an unavailable backend, with a reason a client can act on at once: none of
 * these mends itself within a retry's backoff, so clients should not wait for it (see infra/sheets/retry.ts).
 */
function unavailable(
  reason: WorkbookReason,
  file: string,
  message: string,
  more: Record<string, string> = {},
): SheetsApiError {
  return new SheetsApiError(503, message, {}, { reason, metadata: { file, folder: dirname(file), ...more } });
}

export type WorkbookReason =
  | 'WORKBOOK_MISSING'
  | 'WORKBOOK_UNREADABLE'
  | 'WORKBOOK_LOCKED'
  | 'WORKBOOK_READ_ONLY'
  | 'WORKBOOK_UNWRITABLE';

/**
 * The local server's words for the person whose workbook it is, in both languages at once ("id / en"):
 * they travel as the API error's message (the dashboard's details line) or go to the terminal, where
 * the reader's language is not known.
 */
const bothLanguages = (say: (lang: Lang) => string) => `${say('id')} / ${say('en')}`;

const MESSAGES = {
  missing: (file: string) => bothLanguages((l) => t(l, 'adapter.localWorkbookMissing', { file })),
  unreadable: (file: string, kind: Unreadable) =>
    bothLanguages((l) => t(l, 'adapter.localWorkbookUnreadable', { file, why: t(l, WHY[kind]) })),
  locked: (file: string, lock: string) =>
    bothLanguages((l) => t(l, 'adapter.localWorkbookLocked', { file, lock })),
  keptAside: (file: string, copy: string) =>
    bothLanguages((l) => t(l, 'adapter.changesKeptAside', { file, copy })),
  lost: (file: string) => bothLanguages((l) => t(l, 'adapter.changesLost', { file })),
  readOnly: (file: string) => bothLanguages((l) => t(l, 'adapter.localWorkbookReadOnly', { file })),
  unwritable: (file: string, code: string) =>
    bothLanguages((l) => t(l, 'adapter.localWorkbookUnwritable', { file, code })),
  readFailed: (file: string) => bothLanguages((l) => t(l, 'adapter.workbookReadFailed', { file })),
  noLongerApplies: (file: string) => bothLanguages((l) => t(l, 'adapter.writeNoLongerApplies', { file })),
  retrying: (file: string) => bothLanguages((l) => t(l, 'adapter.writeRetrying', { file })),
};

const WHY = {
  'not-a-package': 'adapter.unreadableNotAPackage',
  'no-workbook': 'adapter.unreadableNoWorkbook',
  damaged: 'adapter.unreadableDamaged',
} as const satisfies Record<Unreadable, MessageKey>;
