import { sheets, type sheets_v4 } from '@googleapis/sheets';
import type { ScoreSheet, SheetSnapshot } from '../../shared/ports.ts';
import { quoteTitle } from '../../shared/sheet/layout.ts';
import type { OutputTab } from '../../shared/sheet/output-tabs.ts';
import { provisionSheet } from './provision-plan.ts';
import {
  META_RANGE,
  type PublishMeta,
  parseMeta,
  prepareStaging,
  stagingTitle,
  swapRequests,
  tabValues,
} from './publish-plan.ts';
import { type SheetsRetryOptions, statusOf, withRetry } from './retry.ts';

/** Whatever @googleapis/sheets accepts as `auth`: an OAuth2Client, GoogleAuth, an API key… */
export type SheetsAuth = NonNullable<sheets_v4.Options['auth']>;

export interface SheetsScoreSheetOptions {
  spreadsheetId: string;
  auth: SheetsAuth;
  /** Another Sheets endpoint, e.g. the local Sheets server's url. */
  rootUrl?: string;
  retry?: SheetsRetryOptions;
}

/** The Sheets calls the adapter makes, each retried and counted. */
export interface SheetsCalls {
  spreadsheetId: string;
  get(): Promise<sheets_v4.Schema$Spreadsheet>;
  batchGet(ranges: string[]): Promise<sheets_v4.Schema$ValueRange[]>;
  writeValues(data: sheets_v4.Schema$ValueRange[]): Promise<void>;
  batchUpdate(requests: sheets_v4.Schema$Request[]): Promise<sheets_v4.Schema$Response[]>;
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
  return scoreSheetOn(api, opts, { reads: 0, writes: 0 }, undefined);
}

/** The adapter over one client; `deadline` (epoch ms) bounds every call, retries and waits included. */
function scoreSheetOn(
  api: sheets_v4.Sheets,
  opts: SheetsScoreSheetOptions,
  counts: { reads: number; writes: number },
  deadline: number | undefined,
): ScoreSheet {
  const spreadsheetId = opts.spreadsheetId;
  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const retry = deadline === undefined ? (opts.retry ?? {}) : { ...opts.retry, deadline };
  /** A request that hangs must not outlive the deadline either. */
  const timeout = () => (deadline === undefined ? {} : { timeout: Math.max(1, deadline - Date.now()) });
  const call = <T>(kind: 'reads' | 'writes', run: () => Promise<{ data: T }>): Promise<T> =>
    withRetry(
      async () => {
        counts[kind] += 1;
        return (await run()).data;
      },
      retry,
      wait,
    );

  const calls: SheetsCalls = {
    spreadsheetId,
    get: () =>
      call('reads', () =>
        api.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties,protectedRanges)' }, timeout()),
      ),
    batchGet: async (ranges) =>
      (
        await call('reads', () =>
          api.spreadsheets.values.batchGet(
            {
              spreadsheetId,
              ranges,
              valueRenderOption: 'FORMATTED_VALUE',
              majorDimension: 'ROWS',
            },
            timeout(),
          ),
        )
      ).valueRanges ?? [],
    writeValues: async (data) => {
      // RAW: text is stored as typed, so "=IMPORTXML(…)" from a submission stays text.
      await call('writes', () =>
        api.spreadsheets.values.batchUpdate(
          { spreadsheetId, requestBody: { valueInputOption: 'RAW', data } },
          timeout(),
        ),
      );
    },
    batchUpdate: async (requests) =>
      (
        await call('writes', () =>
          api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }, timeout()),
        )
      ).replies ?? [],
  };

  async function publishOnce(tabs: OutputTab[], start: PublishMeta): Promise<PublishMeta> {
    const prepared = prepareStaging(start, tabs);
    if (prepared.requests.length > 0) await calls.batchUpdate(prepared.requests);
    const meta = prepared.meta;
    await calls.writeValues(
      tabs.map((tab) => {
        const staging = meta.staging[tab.key];
        return { range: `${quoteTitle(stagingTitle(staging?.id ?? 0))}!A1`, values: tabValues(tab) };
      }),
    );
    const swap = swapRequests(meta, tabs);
    await calls.batchUpdate(swap.requests);
    return swap.meta;
  }

  /** After a structural 400 (a tab deleted by hand, or a swap whose answer was lost): re-read and rebuild. */
  async function reconcile(): Promise<PublishMeta> {
    const [info, [metaCell]] = await Promise.all([calls.get(), calls.batchGet([META_RANGE])]);
    const meta = parseMeta(String(metaCell?.values?.[0]?.[0] ?? ''));
    const ids = new Set((info.sheets ?? []).map((s) => s.properties?.sheetId));
    const live = Object.fromEntries(Object.entries(meta.live).filter(([, id]) => ids.has(id)));
    const staging = Object.fromEntries(Object.entries(meta.staging).filter(([, s]) => ids.has(s.id)));
    const maxId = Math.max(meta.next, ...[...ids].map((id) => (id ?? 0) + 1));
    return { ...meta, live, staging, next: maxId };
  }

  return {
    async readRanges(ranges: string[]): Promise<SheetSnapshot> {
      const got = await calls.batchGet([...ranges, META_RANGE]);
      const meta = got[ranges.length];
      return {
        ranges: ranges.map((range, i) => ({
          range,
          values: (got[i]?.values ?? []).map((row) => row.map((cell) => String(cell ?? ''))),
        })),
        publishState: String(meta?.values?.[0]?.[0] ?? ''),
      };
    },
    async publish(tabs, publishState) {
      const meta = parseMeta(publishState);
      try {
        return { generation: (await publishOnce(tabs, meta)).gen };
      } catch (e) {
        const cause = (e as { cause?: unknown }).cause;
        if (statusOf(cause) !== 400) throw e;
        return { generation: (await publishOnce(tabs, await reconcile())).gen };
      }
    },
    provision: (plan) => provisionSheet(calls, plan),
    async describe() {
      const info = await call('reads', () =>
        api.spreadsheets.get({ spreadsheetId, fields: 'properties.title' }, timeout()),
      );
      return { title: info.properties?.title ?? spreadsheetId };
    },
    requestCount: () => ({ ...counts }),
    within: (ms) => scoreSheetOn(api, opts, counts, Date.now() + ms),
  };
}
