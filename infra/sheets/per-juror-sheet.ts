import { sheets } from '@googleapis/sheets';
import { sha256Hex } from '../../shared/digest.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { ProvisionOutcome, RangeRef, RangeValues, ScoreSheet, SheetPlan } from '../../shared/ports.ts';
import { statusOf } from './retry.ts';
import { createSheetsScoreSheet, type SheetsScoreSheetOptions, sheetRead } from './sheets-adapter.ts';

export interface PerJurorOptions {
  /** The secretariat's spreadsheet: juri's bookkeeping (which spreadsheet is whose) and every output. */
  main: SheetsScoreSheetOptions;
  /**
   * Gives the juror and the secretariat edit access to a new spreadsheet, and no one else: Drive
   * permissions in Google; nothing locally.
   */
  share?: (spreadsheetId: string, emails: string[]) => Promise<void>;
  /** Where a person opens a spreadsheet: its Google Sheets address, or the local .xlsx. */
  urlOf: (spreadsheetId: string) => string;
}

/**
 * Independent scoring: each juror types in a spreadsheet of their own, so no juror can read another's
 * scores. The secretariat's spreadsheet remembers which is whose (in its hidden "_juri" tab) and is the
 * only one juri publishes to. A sync reads the secretariat's bookkeeping, then every juror's spreadsheet
 * in parallel, one values.batchGet each: 1 + J reads, and the same ≤ 2 writes as the shared mode.
 */
export function createPerJurorScoreSheet(opts: PerJurorOptions): ScoreSheet {
  const main = createSheetsScoreSheet(opts.main);
  const opened = new Map<string, ScoreSheet>();
  const bookSheet = (spreadsheetId: string) => {
    const known = opened.get(spreadsheetId);
    if (known) return known;
    const sheet = createSheetsScoreSheet({ ...opts.main, spreadsheetId });
    opened.set(spreadsheetId, sheet);
    return sheet;
  };
  const extra = { reads: 0, writes: 0 };

  async function knownBooks(): Promise<{ books: Record<string, string>; publishState: string }> {
    const { publishState } = (await main.readRanges([])).snapshot();
    return { books: booksOf(publishState), publishState };
  }

  async function create(title: string, plan: SheetPlan): Promise<string> {
    const api = sheets({
      version: 'v4',
      auth: opts.main.auth,
      ...(opts.main.rootUrl ? { rootUrl: opts.main.rootUrl } : {}),
      retry: false,
      retryConfig: { retry: 0 },
    });
    // Not retried: a retry after a lost answer would make a second spreadsheet.
    extra.writes += 1;
    const made = await api.spreadsheets.create({
      requestBody: { properties: { title, locale: plan.locale, timeZone: plan.timeZone } },
    });
    const id = made.data.spreadsheetId;
    // The API answers a create with its id; without one the API broke its contract: a code, not a sentence.
    if (!id) throw new Error(`spreadsheets.create.no-id: ${title}`);
    return id;
  }

  return {
    async readRanges(refs: readonly RangeRef[], options = {}) {
      // Ranges without a book are the secretariat's own (e.g. the "Seleksi" tab): they ride along in
      // the read that also brings the bookkeeping, so the budget stays 1 + one per juror.
      const own = refs.filter((ref) => ref.book === undefined);
      const mainRead = await main.readRanges(own, options);
      const mainSnap = mainRead.snapshot();
      const books = booksOf(mainSnap.publishState);
      const values = new Map<RangeRef, RangeValues>();
      own.forEach((ref, i) => {
        values.set(ref, mainSnap.ranges[i] ?? { ...ref, values: [] });
      });
      const byBook = new Map<string, RangeRef[]>();
      for (const ref of refs) {
        if (ref.book === undefined) continue;
        const id = books[ref.book];
        if (!id) throw notSetUp(ref.book);
        byBook.set(id, [...(byBook.get(id) ?? []), ref]);
      }
      const reads = await Promise.all(
        [...byBook].map(async ([id, bookRefs]) => ({
          bookRefs,
          read: await bookSheet(id).readRanges(bookRefs, options),
        })),
      );
      const digest = await sha256Hex([mainRead, ...reads.map((r) => r.read)].map((r) => r.digest).join(' '));
      return sheetRead(digest, () => {
        for (const { bookRefs, read } of reads) {
          const snap = read.snapshot();
          bookRefs.forEach((ref, i) => {
            values.set(ref, snap.ranges[i] ?? { ...ref, values: [] });
          });
        }
        return {
          ranges: refs.map((ref) => values.get(ref) ?? { ...ref, values: [] }),
          publishState: mainSnap.publishState,
        };
      });
    },
    publish: (tabs, publishState, options = {}) => main.publish(tabs, publishState, options),
    async provision(plan) {
      const books = await knownBooks().then(
        (k) => k.books,
        (e: unknown) => {
          // A secretariat spreadsheet never set up has no "_juri" tab (Google answers 400): no juror
          // spreadsheet either. Anything else must stop setup, or it would make them a second time.
          if (statusOf((e as { cause?: unknown }).cause) === 400) return {} as Record<string, string>;
          throw e;
        },
      );
      const created = new Set<string>();
      for (const b of plan.books ?? []) {
        if (books[b.key]) continue;
        const id = await create(b.title, plan);
        books[b.key] = id;
        created.add(b.key);
        if (opts.share) {
          extra.writes += 1;
          await opts.share(id, b.editors);
        }
      }
      const outcomes: ProvisionOutcome[] = [await main.provision({ ...plan, jurorTabs: [], bookIds: books })];
      for (const b of plan.books ?? []) {
        const id = books[b.key];
        if (!id) continue;
        const jurorTabs = plan.jurorTabs.filter((t) => t.book === b.key);
        outcomes.push(await bookSheet(id).provision({ ...plan, jurorTabs, books: [] }));
      }
      return {
        tabsCreated: outcomes.flatMap((o) => o.tabsCreated),
        rowsAdded: outcomes.reduce((n, o) => n + o.rowsAdded, 0),
        tabs: plan.jurorTabs.length,
        reshaped: outcomes.flatMap((o) => o.reshaped),
        books: (plan.books ?? []).flatMap((b) => {
          const id = books[b.key];
          return id
            ? [{ key: b.key, spreadsheetId: id, url: opts.urlOf(id), created: created.has(b.key) }]
            : [];
        }),
      };
    },
    describe: () => main.describe(),
    requestCount() {
      const all = [main, ...opened.values()].map((s) => s.requestCount());
      return {
        reads: extra.reads + all.reduce((n, c) => n + c.reads, 0),
        writes: extra.writes + all.reduce((n, c) => n + c.writes, 0),
      };
    },
  };
}

/** Juror id → spreadsheet id, from the secretariat's bookkeeping cell. */
export function booksOf(publishState: string): Record<string, string> {
  try {
    const meta = JSON.parse(publishState) as { books?: Record<string, string> };
    return meta.books ?? {};
  } catch {
    return {};
  }
}

function notSetUp(juror: string): AppError {
  return new AppError('sheet_unavailable', bilingual('adapter.jurorSheetNotSetUp', { juror }));
}
