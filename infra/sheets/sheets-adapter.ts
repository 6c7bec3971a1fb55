import { sheets, type sheets_v4 } from '@googleapis/sheets';
import type { ScoreSheet } from '../../shared/ports.ts';
import { quoteTitle } from '../../shared/sheet/layout.ts';
import type { OutputTab } from '../../shared/sheet/output-tabs.ts';
import { provisionBook } from './provision-plan.ts';
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
  const spreadsheetId = opts.spreadsheetId;
  const counts = { reads: 0, writes: 0 };
  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const call = <T>(kind: 'reads' | 'writes', run: () => Promise<{ data: T }>): Promise<T> =>
    withRetry(
      async () => {
        counts[kind] += 1;
        return (await run()).data;
      },
      opts.retry ?? {},
      wait,
    );

  const calls: SheetsCalls = {
    spreadsheetId,
    get: () =>
      call('reads', () =>
        api.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties,protectedRanges)' }),
      ),
    batchGet: async (ranges) =>
      (
        await call('reads', () =>
          api.spreadsheets.values.batchGet({
            spreadsheetId,
            ranges,
            // A score formatted to show fewer decimals would be read rounded as FORMATTED_VALUE.
            valueRenderOption: 'UNFORMATTED_VALUE',
            majorDimension: 'ROWS',
          }),
        )
      ).valueRanges ?? [],
    writeValues: async (data) => {
      // RAW: text is stored as typed, so "=IMPORTXML(…)" from a submission stays text.
      await call('writes', () =>
        api.spreadsheets.values.batchUpdate({
          spreadsheetId,
          requestBody: { valueInputOption: 'RAW', data },
        }),
      );
    },
    batchUpdate: async (requests) =>
      (await call('writes', () => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } })))
        .replies ?? [],
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
    async readRanges(refs) {
      const got = await calls.batchGet([...refs.map((r) => r.range), META_RANGE]);
      const meta = got[refs.length];
      return {
        ranges: refs.map((ref, i) => ({ ...ref, values: cellTexts(got[i]?.values) })),
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
    provision: (plan) => provisionBook(calls, plan),
    async describe() {
      const info = await call('reads', () =>
        api.spreadsheets.get({ spreadsheetId, fields: 'properties.title' }),
      );
      return { title: info.properties?.title ?? spreadsheetId };
    },
    requestCount: () => ({ ...counts }),
  };
}

/** Unformatted cells as text: a number as its shortest exact decimal ("8.5"), text as typed. */
export function cellTexts(values: unknown[][] | null | undefined): string[][] {
  return (values ?? []).map((row) => row.map((cell) => (cell == null ? '' : String(cell))));
}
