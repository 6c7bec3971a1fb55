import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type LocalBooks, localBooks } from './books.ts';
import { cleanParsedInPlace } from './clean-json.ts';
import { draftForRanges, draftForRequests } from './draft.ts';
import { SheetsApiError } from './errors.ts';
import { createFaultPlan, type Fault, type FaultPlan } from './faults.ts';
import { recalculate } from './formulas.ts';
import type { Book, Sheet } from './model.ts';
import { applyRequests } from './structure.ts';
import { type InputOption, type RenderOption, readRange, writeRange } from './values.ts';
import { openWorkbookFile } from './workbook-file.ts';

export interface LocalSheetsServerOptions {
  /** The .xlsx standing in for the Google Sheet; created (empty) when missing unless create is false. */
  file: string;
  /** 0 or absent: a free port. */
  port?: number;
  spreadsheetId?: string;
  host?: string;
  /**
   * Requests must carry `Authorization: Bearer <accessToken>`; absent, a random token is made (read it
   * from the server). A function accepts the tokens a stand-in token endpoint issues, in tests.
   */
  accessToken?: string | ((token: string) => boolean);
  create?: boolean;
}

export interface LogEntry {
  method: string;
  path: string;
  kind: 'read' | 'write';
  status: number;
  fault?: Fault['kind'];
  /** Time spent answering (queued behind other requests included), for the benchmark. */
  ms?: number;
}

export interface TabSnapshot {
  title: string;
  hidden: boolean;
  frozenRows: number;
  values: string[][];
}

export interface LocalSheetsServer {
  /** The rootUrl to give @googleapis/sheets. */
  url: string;
  /** The bearer token requests must carry (undefined when a function decides). */
  accessToken: string | undefined;
  spreadsheetId: string;
  file: string;
  /** Every request, in arrival order, including those a fault answered. */
  log: LogEntry[];
  faults: FaultPlan;
  /** Every tab with its formatted values, to compare whole sheets in tests (another spreadsheet's by id). */
  snapshot(spreadsheetId?: string): Promise<TabSnapshot[]>;
  /** Where a spreadsheet created through spreadsheets.create keeps its .xlsx. */
  fileOf(spreadsheetId: string): string;
  /**
   * Resolves once every .xlsx holds every write answered so far (writes reach the files in the
   * background); rejects with the 503 of a file that cannot be written (open in LibreOffice, disk full).
   */
  flush(): Promise<void>;
  /** Stops serving, then flushes; a file that cannot be written gets its writes kept in a copy beside it. */
  close(): Promise<void>;
}

export async function startLocalSheetsServer(opts: LocalSheetsServerOptions): Promise<LocalSheetsServer> {
  const spreadsheetId = opts.spreadsheetId ?? 'local-juri-sheet';
  const file = resolve(opts.file);
  const workbook = await openWorkbookFile(file, spreadsheetId, {
    create: opts.create ?? true,
    title: 'juri',
  });
  const books = localBooks({ id: spreadsheetId, file, workbook });
  const faults = createFaultPlan();
  const log: LogEntry[] = [];
  const accessToken =
    typeof opts.accessToken === 'function'
      ? undefined
      : (opts.accessToken ?? randomBytes(32).toString('hex'));
  const tokenAccepted =
    typeof opts.accessToken === 'function'
      ? opts.accessToken
      : (given: string) => sameText(given, accessToken ?? '');
  const bindHost = opts.host ?? '127.0.0.1';
  // Filled in once the port is known: the names this server answers to.
  const ownHosts = new Set<string>();
  // One request at a time touches the workbook, so re-reads and writes never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  // Google keeps an idle connection open for minutes; Node's 5 s default would drop the client's socket
  // while a national sync computes between its read and its write, turning one write into a retry.
  server.keepAliveTimeout = 120_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const entry: LogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      kind: req.method === 'GET' ? 'read' : 'write',
      status: 0,
    };
    log.push(entry);
    const body = await readBody(req);
    // Before anything else, faults included: any process on the machine can reach this port, and a web
    // page can reach it too by rebinding its own name to 127.0.0.1, so the name and the token must match.
    if (!ownHosts.has((req.headers.host ?? '').toLowerCase())) {
      const e = new SheetsApiError(
        403,
        `The local Sheets server does not answer for host "${req.headers.host ?? ''}".`,
      );
      return send(res, entry, e.code, e.body());
    }
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokenAccepted(bearer)) {
      const e = new SheetsApiError(
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
      return send(res, entry, e.code, e.body());
    }
    const fault = faults.next();
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'drop') {
      entry.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'quota') {
      const e = new SheetsApiError(
        429,
        "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user' of the Sheets API.",
        { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
      );
      return send(res, entry, e.code, e.body(), e.headers);
    }
    if (fault?.kind === 'error') {
      const e = new SheetsApiError(
        fault.status,
        fault.status === 503 ? 'The service is currently unavailable.' : 'Internal error encountered.',
      );
      return send(res, entry, e.code, e.body());
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    const started = performance.now();
    try {
      // The workbook is XML: what it cannot hold is cleaned on the way in, so memory and file agree.
      const parsed = cleanParsedInPlace(parseBody(body)) as Record<string, unknown>;
      const result = await serial(() => route(books, req.method ?? 'GET', url, parsed));
      await writtenThrough(books, req.method ?? 'GET', url);
      entry.ms = performance.now() - started;
      send(res, entry, 200, result);
    } catch (e) {
      entry.ms = performance.now() - started;
      const err =
        e instanceof SheetsApiError
          ? e
          : new SheetsApiError(500, `Internal error: ${e instanceof Error ? e.message : String(e)}`);
      send(res, entry, err.code, err.body(), err.headers);
    }
  }

  await new Promise<void>((ok) => server.listen(opts.port ?? 0, bindHost, ok));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  for (const name of new Set([bindHost, '127.0.0.1', 'localhost', '[::1]'])) ownHosts.add(`${name}:${port}`);
  return {
    url: `http://${bindHost}:${port}/`,
    accessToken,
    spreadsheetId,
    file,
    log,
    faults,
    snapshot: (id = spreadsheetId) => serial(async () => snapshotOf(await (await books.open(id)).current())),
    fileOf: books.fileOf,
    flush: () => books.flush(),
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((ok, fail) => {
          server.closeAllConnections();
          server.close((e) => (e ? fail(e) : ok()));
        });
        // Whatever was answered is in memory; it must reach the files before the process ends.
        await queue;
        await books.close();
      })();
      return closing;
    },
  };
}

const PATH = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/;

async function route(
  books: LocalBooks,
  method: string,
  url: URL,
  body: Record<string, unknown>,
): Promise<unknown> {
  if (method === 'POST' && url.pathname === '/v4/spreadsheets') return books.create(body);
  const m = PATH.exec(decodeURIComponent(url.pathname));
  if (!m) throw new SheetsApiError(404, 'Requested entity was not found.');
  const spreadsheetId = m[1] ?? '';
  const workbook = await books.open(spreadsheetId);
  const rest = m[2] ?? '';
  const render = (url.searchParams.get('valueRenderOption') ?? 'FORMATTED_VALUE') as RenderOption;
  if (method === 'GET' && rest === '') return describe(await workbook.current());
  if (method === 'GET' && rest === '/values:batchGet') {
    const book = await workbook.current();
    return {
      spreadsheetId,
      valueRanges: url.searchParams.getAll('ranges').map((r) => readRange(book, r, render)),
    };
  }
  if (method === 'GET' && rest.startsWith('/values/')) {
    return readRange(await workbook.current(), rest.slice('/values/'.length), render);
  }
  if (method === 'POST' && rest === ':batchUpdate') {
    const replies = await workbook.update((book) => {
      const next = draftForRequests(book, body.requests);
      return { next, result: applyRequests(next, body.requests) };
    });
    return { spreadsheetId, replies };
  }
  if (method === 'PUT' && rest.startsWith('/values/')) {
    const option = url.searchParams.get('valueInputOption');
    if (option !== 'RAW' && option !== 'USER_ENTERED')
      throw new SheetsApiError(400, "'valueInputOption' is required but not specified");
    const range = rest.slice('/values/'.length);
    return workbook.update((book) => {
      const next = draftForRanges(book, [range]);
      const { sheet, rows, ...response } = writeRange(next, range, body.values ?? [], option);
      recalculate(sheet, new Set(rows));
      return { next, result: response };
    });
  }
  if (method === 'POST' && rest === '/values:batchUpdate') {
    const option = body.valueInputOption;
    if (option !== 'RAW' && option !== 'USER_ENTERED')
      throw new SheetsApiError(400, "'valueInputOption' is required but not specified");
    const data = Array.isArray(body.data) ? (body.data as { range?: string; values?: unknown }[]) : [];
    const responses = await workbook.update((book) => {
      const next = draftForRanges(
        book,
        data.map((d) => String(d.range ?? '')),
      );
      const written = data.map((d) =>
        writeRange(next, String(d.range ?? ''), d.values ?? [], option as InputOption),
      );
      const touched = new Map<Sheet, Set<number>>();
      for (const w of written) {
        const rows = touched.get(w.sheet) ?? new Set<number>();
        for (const r of w.rows) rows.add(r);
        touched.set(w.sheet, rows);
      }
      for (const [sheet, rows] of touched) recalculate(sheet, rows);
      return { next, result: written.map(({ sheet: _, rows: __, ...response }) => response) };
    });
    return {
      spreadsheetId,
      totalUpdatedRows: responses.reduce((s, r) => s + r.updatedRows, 0),
      totalUpdatedColumns: Math.max(0, ...responses.map((r) => r.updatedColumns)),
      totalUpdatedCells: responses.reduce((s, r) => s + r.updatedCells, 0),
      totalUpdatedSheets: new Set(responses.map((r) => r.updatedRange.split('!')[0])).size,
      responses,
    };
  }
  throw new SheetsApiError(404, `The local Sheets server does not serve ${method} ${url.pathname}.`);
}

/**
 * A structural write (a sync's publish swaps its tabs in with one; a setup makes the tabs) is answered
 * once the file holds it, or with the 503 of a file that cannot be written: a sync must never say
 * "written" while the disk refused the workbook. The change stays in memory and is tried again, by the
 * write-behind and by the next write. Cell writes (a juror's edit) stay behind: the publish that follows
 * them is one file write either way, so only the publish waits for it, outside the request queue.
 */
async function writtenThrough(books: LocalBooks, method: string, url: URL): Promise<void> {
  const m = PATH.exec(decodeURIComponent(url.pathname));
  if (method !== 'POST' || m?.[2] !== ':batchUpdate') return;
  await (await books.open(m[1] ?? '')).flush();
}

function describe(book: Book) {
  return {
    spreadsheetId: book.spreadsheetId,
    properties: { title: book.title, locale: book.locale, timeZone: book.timeZone },
    sheets: book.sheets.map((s) => ({
      properties: s.properties,
      ...(s.protectedRanges.length > 0 ? { protectedRanges: s.protectedRanges } : {}),
    })),
  };
}

function snapshotOf(book: Book): TabSnapshot[] {
  return book.sheets.map((s) => ({
    title: s.properties.title,
    hidden: Boolean(s.properties.hidden),
    frozenRows: s.properties.gridProperties.frozenRowCount ?? 0,
    values: (
      readRange(book, `'${s.properties.title.replace(/'/g, "''")}'`, 'FORMATTED_VALUE').values ?? []
    ).map((row) => row.map(String)),
  }));
}

/** Compared as hashes, so neither the length nor the content leaks through timing. */
function sameText(a: string, b: string): boolean {
  const digest = (t: string) => createHash('sha256').update(t).digest();
  return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}

function parseBody(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new SheetsApiError(400, 'Invalid JSON payload received.');
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  entry: LogEntry,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  entry.status = status;
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}
