import { access, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SheetsApiError } from './errors.ts';
import { type Book, emptyBook } from './model.ts';
import { readBook, toXlsx, writeBookAtomically } from './xlsx.ts';
import { type Unreadable, UnreadableWorkbook } from './xlsx-package.ts';

/**
 * The .xlsx behind the local server: re-read when a person saved it, written atomically,
 * and never written while LibreOffice or Excel has it open (their next save would undo ours).
 */
export interface WorkbookFile {
  /** The current workbook, re-read first if the file changed on disk. */
  current(): Promise<Book>;
  /** Persists `next` (temp file + rename) and makes it current. */
  commit(next: Book): Promise<void>;
}

export async function openWorkbookFile(
  file: string,
  spreadsheetId: string,
  opts: { create: boolean; title: string },
): Promise<WorkbookFile> {
  let book: Book | null = null;
  let seen: { mtimeMs: number; size: number } | null = null;

  if (opts.create && !(await exists(file))) {
    // Owner only, like every file juri writes: the workbook names the entrants.
    await writeFile(file, new Uint8Array(await toXlsx(emptyBook(spreadsheetId, opts.title))), {
      mode: 0o600,
    });
  }

  async function current(): Promise<Book> {
    const info = await stat(file).catch(() => null);
    if (!info) throw unavailable('WORKBOOK_MISSING', file, MESSAGES.missing(file));
    if (book && seen && info.mtimeMs === seen.mtimeMs && info.size === seen.size) return book;
    try {
      book = await readBook(await readFile(file), spreadsheetId, opts.title);
      seen = { mtimeMs: info.mtimeMs, size: info.size };
      return book;
    } catch (e) {
      // The person reading the message can act on the kind of damage; a parser's own words they cannot.
      console.warn(`juri: ${file} could not be read`, e);
      const kind = e instanceof UnreadableWorkbook ? e.kind : 'damaged';
      throw unavailable('WORKBOOK_UNREADABLE', file, MESSAGES.unreadable(file, kind), { why: kind });
    }
  }

  async function commit(next: Book): Promise<void> {
    const lock = await lockFile(file);
    if (lock) throw unavailable('WORKBOOK_LOCKED', file, MESSAGES.locked(file, lock), { lockFile: lock });
    try {
      await writeBookAtomically(next, file);
    } catch (e) {
      const code = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
      throw unavailable('WORKBOOK_UNWRITABLE', file, MESSAGES.unwritable(file, code), { why: code });
    }
    const info = await stat(file);
    seen = { mtimeMs: info.mtimeMs, size: info.size };
    book = next;
  }

  return { current, commit };
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
  return new SheetsApiError(503, message, {}, { reason, metadata: { file, ...more } });
}

export type WorkbookReason =
  | 'WORKBOOK_MISSING'
  | 'WORKBOOK_UNREADABLE'
  | 'WORKBOOK_LOCKED'
  | 'WORKBOOK_UNWRITABLE';

const MESSAGES = {
  missing: (f: string) =>
    `Buku kerja ${f} tidak ditemukan; periksa apakah file dipindahkan atau dihapus. / ` +
    `The workbook ${f} was not found; check whether it was moved or deleted.`,
  unreadable: (f: string, kind: Unreadable) =>
    `Buku kerja ${f} tidak dapat dibaca: ${WHY[kind].id}. Buka file itu di LibreOffice atau Excel lalu simpan ` +
    `lagi sebagai .xlsx, atau kembalikan salinan sebelumnya. / The workbook ${f} cannot be read: ` +
    `${WHY[kind].en}. Open it in LibreOffice or Excel and save it again as .xlsx, or restore an earlier copy.`,
  locked: (f: string, lock: string) =>
    `Buku kerja ${f} sedang dibuka di LibreOffice/Excel (file kunci ${lock}); simpan dan tutup dulu, lalu coba lagi. / ` +
    `The workbook ${f} is open in LibreOffice/Excel (lock file ${lock}); save and close it, then try again.`,
  unwritable: (f: string, code: string) =>
    `Buku kerja ${f} tidak dapat ditulis (${code}); periksa izin file dan ruang disk. / ` +
    `The workbook ${f} cannot be written (${code}); check the file permissions and disk space.`,
};

const WHY: Record<Unreadable, { id: string; en: string }> = {
  'not-a-package': {
    id: 'isinya bukan arsip .xlsx yang utuh (mungkin terpotong saat disalin, atau bukan file .xlsx sama sekali)',
    en: 'it is not a complete .xlsx archive (perhaps cut short while copying, or not an .xlsx file at all)',
  },
  'no-workbook': {
    id: 'arsip itu tidak berisi buku kerja (bagian xl/workbook.xml tidak ada)',
    en: 'the archive holds no workbook (its xl/workbook.xml part is missing)',
  },
  damaged: {
    id: 'isi buku kerjanya rusak sehingga tidak dapat diurai',
    en: 'its contents are damaged and cannot be parsed',
  },
};
