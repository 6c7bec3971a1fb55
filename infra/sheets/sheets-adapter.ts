import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { sha256Hex } from '../../shared/digest.ts';
import { cleanDeep } from '../../shared/domain/text.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { ScoreSheet, SheetRead, SheetSnapshot } from '../../shared/ports.ts';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';
import { provisionBook } from './provision-plan.ts';
import { shownVersions } from './publish-meta.ts';
import { patchable } from './publish-patch.ts';
import { META_RANGE, type PublishMeta, parseMeta, publishRequests, writeMeta } from './publish-plan.ts';
import { comparedWith, contentSums } from './publish-sums.ts';
import { abortableWait, type SheetsRetryOptions, statusOf, withRetry } from './retry.ts';
import type { SheetsCalls } from './sheets-calls.ts';
import { readValues, withoutBookkeeping } from './values-read.ts';

const utf8 = new TextDecoder();

/** Whatever @googleapis/sheets accepts as `auth`: an OAuth2Client, GoogleAuth, an API key… */
export type SheetsAuth = NonNullable<sheets_v4.Options['auth']>;

export interface SheetsScoreSheetOptions {
  spreadsheetId: string;
  auth: SheetsAuth;
  /** Another Sheets endpoint, e.g. the local Sheets server's url. */
  rootUrl?: string;
  retry?: SheetsRetryOptions;
}

/**
 * The ScoreSheet on @googleapis/sheets. Nothing here needs Node: it runs the same in workerd.
 * Every call goes through one retry layer (p-retry); gaxios' own retry is switched off.
 */
export function createSheetsScoreSheet(opts: SheetsScoreSheetOptions): ScoreSheet {
  const api = sheets({
    version: 'v4',
    auth: opts.auth,
    ...(opts.rootUrl ? { rootUrl: opts.rootUrl } : {}),
    retry: false,
    retryConfig: { retry: 0 },
  });
  const spreadsheetId = opts.spreadsheetId;
  const counts = { reads: 0, writes: 0 };

  /** The calls of one operation, all ended by its signal (a request in flight included). */
  function callsFor(signal: AbortSignal | undefined): SheetsCalls & { call: typeof call } {
    const request = signal ? { signal } : {};
    function call<T>(kind: 'reads' | 'writes', run: () => Promise<{ data: T }>): Promise<T> {
      return withRetry(
        async () => {
          counts[kind] += 1;
          return (await run()).data;
        },
        opts.retry ?? {},
        abortableWait,
        signal,
      );
    }
    /**
     * The body as it arrived, as bytes, so a sync can hash it before (or instead of) decoding and
     * parsing it: a cron tick that finds nothing new never turns ~90 KB into a string.
     */
    function batchGetBytes(ranges: string[]): Promise<Uint8Array<ArrayBuffer>> {
      return call('reads', async () => ({ data: await readValues(opts, ranges, signal) }));
    }
    return {
      call,
      spreadsheetId,
      get: () =>
        call('reads', () =>
          api.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties,protectedRanges)' }, request),
        ),
      batchGet: async (ranges) => parseBatchGet(utf8.decode(await batchGetBytes(ranges))),
      batchGetBytes,
      writeValues: async (data) => {
        // RAW: text is stored as typed, so "=IMPORTXML(…)" from a submission stays text. Cleaned again
        // here, whatever the caller did: this is the one way juri's text reaches a sheet.
        const clean = cleanDeep(data) as sheets_v4.Schema$ValueRange[];
        const body = asJsonBody({ valueInputOption: 'RAW', data: clean });
        await call('writes', () =>
          api.spreadsheets.values.batchUpdate(
            { spreadsheetId, requestBody: body.requestBody },
            {
              ...request,
              headers: body.headers,
            },
          ),
        );
      },
      batchUpdate: async (requests) => {
        const clean = Array.isArray(requests)
          ? (cleanDeep(requests) as sheets_v4.Schema$Request[])
          : requests.prepared;
        const body = asJsonBody({ requests: clean });
        const done = await call('writes', () =>
          api.spreadsheets.batchUpdate(
            { spreadsheetId, requestBody: body.requestBody },
            {
              ...request,
              headers: body.headers,
            },
          ),
        );
        return done.replies ?? [];
      },
    };
  }

  async function publishOnce(
    calls: SheetsCalls,
    tabs: OutputTab[],
    start: PublishMeta,
  ): Promise<PublishMeta> {
    await refuseSparse(calls, start, tabs);
    // One atomic write: the new values into hidden staging tabs, and the swap that shows them and
    // removes the old tabs; no staging tab stays in the workbook.
    const sums = await contentSums(tabs);
    const publish = publishRequests(comparedWith(start), tabs, sums);
    await calls.batchUpdate({ prepared: publish.requests });
    return publish.meta;
  }

  /** After a structural 400 (a tab deleted by hand, or a swap whose answer was lost): re-read and rebuild. */
  async function reconcile(calls: SheetsCalls): Promise<PublishMeta> {
    const [info, [metaCell]] = await Promise.all([calls.get(), calls.batchGet([META_RANGE])]);
    const meta = parseMeta(String(metaCell?.values?.[0]?.[0] ?? ''));
    const ids = new Set((info.sheets ?? []).map((s) => s.properties?.sheetId));
    const live = Object.fromEntries(Object.entries(meta.live).filter(([, id]) => ids.has(id)));
    const staging = Object.fromEntries(Object.entries(meta.staging).filter(([, s]) => ids.has(s.id)));
    const maxId = Math.max(meta.next, ...[...ids].map((id) => (id ?? 0) + 1));
    // What the live tabs show is no longer known for sure: every tab is written whole.
    return { ...meta, live, staging, next: maxId, shown: {}, sums: {} };
  }

  return {
    async readRanges(refs, options = {}) {
      const body = await callsFor(options.signal).batchGetBytes([...refs.map((r) => r.range), META_RANGE]);
      return sheetRead(await sha256Hex(withoutBookkeeping(body)), () => {
        const got = parseBatchGet(utf8.decode(body));
        const meta = got[refs.length];
        const publishState = String(meta?.values?.[0]?.[0] ?? '');
        const shown = shownVersions(publishState);
        return {
          ranges: refs.map((ref, i) => ({ ...ref, values: cellTexts(got[i]?.values) })),
          publishState,
          ...(shown ? { shown } : {}),
        };
      });
    },
    async publish(tabs, publishState, options = {}) {
      const calls = callsFor(options.signal);
      const meta = parseMeta(publishState);
      try {
        return { generation: (await publishOnce(calls, tabs, meta)).gen };
      } catch (e) {
        const cause = (e as { cause?: unknown }).cause;
        if (statusOf(cause) !== 400) throw e;
        return { generation: (await publishOnce(calls, tabs, await reconcile(calls))).gen };
      }
    },
    provision: (plan, options = {}) => provisionBook(callsFor(options.signal), plan),
    async describe(options = {}) {
      const { call } = callsFor(options.signal);
      const request = options.signal ? { signal: options.signal } : {};
      const info = await call('reads', () =>
        api.spreadsheets.get({ spreadsheetId, fields: 'properties.title' }, request),
      );
      return { title: info.properties?.title ?? spreadsheetId };
    },
    requestCount: () => ({ ...counts }),
  };
}

/**
 * A sparse tab (the log tab without the rows a patch keeps) that can no longer be patched (its live tab
 * went, or a failed swap was repaired): the bookkeeping forgets its version, so the next sync asks for
 * every row and writes it whole, and this publish stops before writing anything else.
 */
async function refuseSparse(calls: SheetsCalls, meta: PublishMeta, tabs: OutputTab[]): Promise<void> {
  const blind = tabs.filter((tab) => tab.grown?.sparse && !patchable(meta, tab)).map((tab) => tab.key);
  if (blind.length === 0) return;
  const shown = Object.fromEntries(Object.entries(meta.shown ?? {}).filter(([key]) => !blind.includes(key)));
  await calls.batchUpdate({ prepared: [writeMeta({ ...meta, shown })] });
  throw new AppError('sheet_unavailable', bilingual('error.logTabChanged'));
}

/**
 * A request body already serialised: the Google client deep-copies an object body at least twice (its
 * option merges) before stringifying it, which for a publish's thousands of cells costs more CPU than
 * the rest of the request. A string is passed through as it is, with its content type said.
 */
function asJsonBody<T>(body: T): { requestBody: T; headers: Record<string, string> } {
  return {
    requestBody: JSON.stringify(body) as unknown as T,
    headers: { 'content-type': 'application/json' },
  };
}

/** A read whose snapshot is parsed once, on first use. */
export function sheetRead(digest: string, parse: () => SheetSnapshot): SheetRead {
  let parsed: SheetSnapshot | undefined;
  return {
    digest,
    snapshot: () => {
      parsed ??= parse();
      return parsed;
    },
  };
}

function parseBatchGet(body: string): sheets_v4.Schema$ValueRange[] {
  const parsed = (body ? JSON.parse(body) : {}) as sheets_v4.Schema$BatchGetValuesResponse;
  return parsed.valueRanges ?? [];
}

/**
 * Unformatted cells as text: a number as its shortest exact decimal ("8.5"), text as typed. In place:
 * the rows are the parsed body's own, and most cells are text already (a national read copied ~12,000
 * rows of ~80,000 strings to change a few).
 */
export function cellTexts(values: unknown[][] | null | undefined): string[][] {
  const rows = values ?? [];
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (typeof cell !== 'string') row[i] = cell == null ? '' : String(cell);
    }
  }
  return rows as string[][];
}
