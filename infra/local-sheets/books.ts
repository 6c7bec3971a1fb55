import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { invalid, SheetsApiError } from './errors.ts';
import { applyRequests } from './structure.ts';
import { openWorkbookFile, type WorkbookFile } from './workbook-file.ts';

/**
 * The spreadsheets one local server holds: its main workbook, and those created through
 * spreadsheets.create, each an .xlsx named after its id in the main workbook's folder (so a restart
 * finds them again). Ids are letters, digits, "-" and "_" only: they become file names.
 */
export interface LocalBooks {
  mainId: string;
  /** The workbook of a spreadsheet id, or a 404 like Google's. */
  open(spreadsheetId: string): Promise<WorkbookFile>;
  /** spreadsheets.create: a new workbook with the requested properties; answers like Google. */
  create(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Where a created spreadsheet's .xlsx lives. */
  fileOf(spreadsheetId: string): string;
  /** Every open workbook's writes on disk (see WorkbookFile.flush). */
  flush(): Promise<void>;
  /** Every open workbook closed (see WorkbookFile.close). */
  close(): Promise<void>;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,120}$/;

export function localBooks(main: { id: string; file: string; workbook: WorkbookFile }): LocalBooks {
  const open = new Map<string, WorkbookFile>([[main.id, main.workbook]]);
  const dir = dirname(main.file);
  const fileOf = (id: string) => join(dir, `${id}.xlsx`);
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );

  async function openBook(id: string): Promise<WorkbookFile> {
    const known = open.get(id);
    if (known) return known;
    if (!SAFE_ID.test(id) || !(await exists(fileOf(id))))
      throw new SheetsApiError(404, 'Requested entity was not found.');
    const workbook = await openWorkbookFile(fileOf(id), id, { create: false, title: id });
    open.set(id, workbook);
    return workbook;
  }

  async function create(body: Record<string, unknown>) {
    if (body.sheets !== undefined)
      throw invalid('The local Sheets server creates spreadsheets without "sheets".');
    const properties = (
      typeof body.properties === 'object' && body.properties !== null ? body.properties : {}
    ) as {
      title?: unknown;
    };
    const title =
      typeof properties.title === 'string' && properties.title.trim() !== ''
        ? properties.title
        : 'Untitled spreadsheet';
    // Google picks a random id; the local server a readable one, from the title (up to its first " – ").
    const base = `juri-${slugOf(title.split(' – ')[0] ?? title)}`;
    let id = base;
    for (let n = 2; open.has(id) || (await exists(fileOf(id))); n++) id = `${base}-${n}`;
    const workbook = await openWorkbookFile(fileOf(id), id, { create: true, title });
    const rest = Object.fromEntries(
      Object.entries(properties).filter(([k]) => k === 'locale' || k === 'timeZone'),
    );
    const book = await workbook.update((current) => {
      const next = structuredClone(current);
      next.title = title;
      if (Object.keys(rest).length > 0) {
        applyRequests(next, [
          { updateSpreadsheetProperties: { properties: rest, fields: Object.keys(rest).join(',') } },
        ]);
      }
      return { next, result: next };
    });
    open.set(id, workbook);
    return {
      spreadsheetId: id,
      properties: { title: book.title, locale: book.locale, timeZone: book.timeZone },
      sheets: book.sheets.map((s) => ({ properties: s.properties })),
      spreadsheetUrl: `file://${fileOf(id)}`,
    };
  }

  async function each(work: (w: WorkbookFile) => Promise<void>): Promise<void> {
    const failed = (await Promise.allSettled([...open.values()].map(work))).find(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    if (failed) throw failed.reason;
  }

  return {
    mainId: main.id,
    open: openBook,
    create,
    fileOf,
    flush: () => each((w) => w.flush()),
    close: () => each((w) => w.close()),
  };
}

function slugOf(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'spreadsheet'
  );
}
