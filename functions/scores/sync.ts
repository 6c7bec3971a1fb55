import { sha256Hex } from '../../shared/digest.ts';
import { compareIds } from '../../shared/domain/assignment.ts';
import { calibrationReport } from '../../shared/domain/calibration.ts';
import { canonicalJson } from '../../shared/domain/canonical-json.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import { withDisplay } from '../../shared/domain/display-score.ts';
import { FAIRNESS_REPORT_VERSION, fairnessReport } from '../../shared/domain/fairness/report.ts';
import { criterionMeans } from '../../shared/domain/feedback.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { rankByCurrentRules } from '../../shared/domain/record.ts';
import { appendToTail, diffCells, type ScoreChange } from '../../shared/domain/score-changes.ts';
import {
  cellDigests,
  cellsOfTabs,
  changedTabs,
  readDigest,
  type TabStates,
  tabKey,
} from '../../shared/domain/tab-digests.ts';
import { isAppError } from '../../shared/errors.ts';
import { staleFairnessNote } from '../../shared/messages/fairness-report.ts';
import type { SyncHead, SyncInputs, SyncRecord } from '../../shared/ports.ts';
import { buildOutputTabs } from '../../shared/sheet/output-tabs.ts';
import type { Services } from '../compose/services.ts';
import { placeNewRows } from './roster-rows.ts';
import {
  applySelection,
  parseWithSelection,
  type TakenWithSelection,
  takeWithSelection,
} from './selection.ts';
import { sheetOf, withSheetLease } from './sheet-needed.ts';

/** Bump when the juror tab layout or the hashed inputs change meaning, so the next sync rewrites. */
// 4: "unchanged" decided from the raw read first (SyncHead.readHash).
const LAYOUT_VERSION = 4;

export type SyncTrigger = 'manual' | 'scheduled' | 'cli';

/**
 * One sync: read every juror tab in ONE request and, unless the inputs are the same as last time,
 * rank and publish every output tab with one values write and one atomic structural write.
 * "The same" is settled first from the store's small head document and a hash of the read's bytes,
 * before anything is parsed (the common cron tick: two documents and one hash); only when those differ
 * is the read parsed, the store's innovations listed and the result ranked, and even then a result
 * whose inputs hash as before is recorded as unchanged, not written again.
 * Runs under the 'sync' lease; a second sync meanwhile gets AppError('busy').
 * The record is saved in the store either way (status 'failed' with the message when it fails,
 * and the error is thrown on).
 */
export async function runSync(
  services: Services,
  opts: { trigger: SyncTrigger; budgetMs?: number; fairness?: boolean },
): Promise<SyncRecord> {
  // The cron keeps the tabs current and light; a person (button, CLI) also gets the fairness report.
  const computeFairness = opts.fairness ?? opts.trigger !== 'scheduled';
  const sheet = sheetOf(services);
  const work = async (signal: AbortSignal): Promise<SyncRecord> => {
    const { stores, competition, clock, lang } = services;
    const head = await stores.syncLog.syncHead();
    const sequence = (head?.sequence ?? 0) + 1;
    const id = `sync-${String(sequence).padStart(9, '0')}`;
    const startedAt = clock.now().toISOString();
    const before = sheet.requestCount();
    const spent = () => {
      const now = sheet.requestCount();
      return { reads: now.reads - before.reads, writes: now.writes - before.writes };
    };
    let inputHash = '';
    let readCells: ScoreEntry[] | undefined;
    let last: SyncRecord | null | undefined;
    let inputs: SyncInputs | undefined;
    /** What this read changed since the last record: appended to the log with the record that saw it. */
    let changes: ScoreChange[] = [];
    /** The digests of each juror tab's read and cells, saved with the record. */
    let tabs: TabStates | undefined;
    /** `last` holds the cells of the moved tabs only. */
    let cellsPartial = false;
    try {
      let taken = await takeWithSelection(services, signal, head?.sheetState);
      const readHashOf = async (t: typeof taken) =>
        sha256Hex(
          [
            await configKey(competition),
            LAYOUT_VERSION,
            lang,
            head?.inputsStamp ?? '',
            t.taken.read.digest,
          ].join('|'),
        );
      let readHash = await readHashOf(taken);
      const unchanged = async (hash: string): Promise<SyncRecord> => {
        // Only the head moves: the last full record, with its result, stays the one the pages read.
        const record = {
          id,
          sequence,
          status: 'unchanged' as const,
          startedAt,
          finishedAt: clock.now().toISOString(),
          inputHash: hash,
          requests: spent(),
        };
        await stores.syncLog.saveUnchanged({
          ...record,
          readHash,
          ...(head?.sheetState ? { sheetState: head.sheetState } : {}),
          ...(head?.tabs ? { tabs: head.tabs } : {}),
        });
        return record;
      };
      // A person's sync also wants the fairness report of these scores, which only the full record says
      // it has: it always parses.
      if (
        !computeFairness &&
        head &&
        head.status !== 'failed' &&
        head.readHash === readHash &&
        !taken.selectionTabLost
      ) {
        return await unchanged(head.inputHash);
      }
      // The intake as of the stamp read with the head (a snapshot kept under that stamp, or listed whole),
      // the fixed version, the last record (with the cells of the tabs whose read moved) and the change
      // log's tail: one read on Firestore.
      const readContext = [await configKey(competition), LAYOUT_VERSION, lang, head?.inputsStamp ?? ''].join(
        '|',
      );
      const moved = movedTabs(head, taken, readContext);
      inputs = await stores.syncLog.syncInputs(head, MAX_CHANGE_ROWS, moved);
      cellsPartial = moved !== undefined;
      const { roster, fixed, last: previous } = inputs;
      let read = await parseWithSelection(services, taken, roster.innovations);
      const rejectionList = roster.rejections;
      last = previous;
      const stamp = { at: startedAt, sync: id };
      let selected = applySelection(competition, read, last?.selection, stamp);
      // The roster step: entries new to the first stage get their juror rows now, and this sync reads
      // them again so that progress counts them.
      const rowsPlaced = await placeNewRows(services, read, selected.admitted, signal);
      if (rowsPlaced.length > 0) {
        taken = await takeWithSelection(services, signal, head?.sheetState);
        readHash = await readHashOf(taken);
        read = await parseWithSelection(services, taken, roster.innovations);
        selected = applySelection(competition, read, last?.selection, stamp);
      }
      const { innovations, snapshot, progress, comments, issues, missing } = read;
      const rejections = [...rejectionList].sort((a, b) => compareIds(a.responseId, b.responseId));
      // Only the entries that passed selection are judged: the ranking, the record and its cells.
      const entries = selected.entries;
      readCells = entries;
      const digests = cellDigests(entries);
      tabs = tabStates(readDigests(taken, readContext), digests);
      changes = await changesSince(
        services,
        { last, tabs: head?.tabs, moved },
        { entries, digests },
        {
          at: startedAt,
          syncId: id,
          afterVersion: fixed?.version ?? null,
        },
      );
      inputHash = await sha256Hex(
        canonicalJson({
          layout: LAYOUT_VERSION,
          fairness: FAIRNESS_REPORT_VERSION,
          lang,
          competition,
          innovations,
          rejections,
          cells: snapshot.ranges.slice(0, read.jurorRanges),
          fixed: fixed?.hash ?? null,
          ...(selected.record ? { selection: [...selected.typed] } : {}),
        }),
      );
      const fairnessCurrent =
        !computeFairness || (last?.fairness && fairnessSource(last).inputHash === inputHash);
      if (
        last &&
        last.status !== 'failed' &&
        last.inputHash === inputHash &&
        !read.selectionTabLost &&
        fairnessCurrent
      ) {
        // The bytes differ (a tab this sync publishes and reads, e.g. "Seleksi") but not what they say.
        return await unchanged(inputHash);
      }
      const result = withDisplay(
        competition,
        rankByCurrentRules(competition, selected.admitted, entries),
        entries,
      );
      // The newest changes, this sync's included, for the "Riwayat Nilai" tab.
      const history = appendToTail(inputs.changes, changes, MAX_CHANGE_ROWS);
      const carried = !computeFairness && last?.fairness?.version === FAIRNESS_REPORT_VERSION;
      const fairness = carried
        ? last?.fairness
        : computeFairness
          ? fairnessReport(competition, result)
          : undefined;
      const fairnessOf =
        carried && last
          ? fairnessSource(last)
          : fairness
            ? { sync: id, at: startedAt, inputHash }
            : undefined;
      const fairnessNote = staleFairnessNote(fairnessOf, inputHash, competition.timezone, lang);
      const calibration = calibrationReport(competition, read.calibration);
      const outputs = buildOutputTabs({
        competition,
        innovations,
        result,
        progress,
        rejections,
        lang,
        record: fixed,
        scoreChanges: history,
        comments,
        sheetIssues: issues,
        missing,
        ...(selected.record
          ? { selection: { verdicts: selected.record.verdicts, typed: selected.typed } }
          : {}),
        ...(fairness ? { fairness } : {}),
        ...(fairnessNote ? { fairnessNote } : {}),
      });
      const { generation } = await sheet.publish(outputs, snapshot.publishState, { signal });
      const record: SyncRecord = {
        id,
        sequence,
        startedAt,
        inputHash,
        result,
        progress,
        cells: entries,
        comments,
        sheetIssues: issues,
        ...(rowsPlaced.length > 0 ? { rowsPlaced } : {}),
        ...(selected.record ? { selection: selected.record } : {}),
        ...(competition.feedback ? { criterionMeans: criterionMeans(competition, result, entries) } : {}),
        status: 'written',
        finishedAt: clock.now().toISOString(),
        requests: spent(),
        // `selection`: the "Seleksi" tab is live, so the next sync reads the secretariat's decisions from it.
        sheetState: { generation, ...(selected.record ? { selection: 1 } : {}) },
        ...(fairness ? { fairness } : {}),
        ...(fairnessOf ? { fairnessOf } : {}),
        ...(calibration ? { calibration } : {}),
      };
      // The juror tabs are not what a publish writes: the next read hashes the same unless a person typed.
      await stores.syncLog.saveSync(record, { readHash, changes, inputs, ...(tabs ? { tabs } : {}) });
      return record;
    } catch (e) {
      // The pages, the admin API and the next setup read the last record: a failed sync must not
      // take the published rankings away, so it carries the previous result forward.
      // The record syncInputs answered holds only the moved tabs' cells: the whole one is read again.
      if (last === undefined || (cellsPartial && !readCells))
        last = await stores.syncLog.lastSync().catch(() => null);
      const failed: SyncRecord = {
        id,
        sequence,
        startedAt,
        finishedAt: clock.now().toISOString(),
        status: 'failed',
        inputHash,
        requests: spent(),
        message: failureMessage(e, lang),
        failure: failureOf(e),
        ...(last?.result ? { result: last.result } : {}),
        ...(last?.selection ? { selection: last.selection } : {}),
        ...(last?.criterionMeans ? { criterionMeans: last.criterionMeans } : {}),
        ...(last?.progress ? { progress: last.progress } : {}),
        ...(last?.fairness ? { fairness: last.fairness } : {}),
        ...(last?.fairness ? { fairnessOf: fairnessSource(last) } : {}),
        ...(last?.calibration ? { calibration: last.calibration } : {}),
        ...(last?.sheetState ? { sheetState: last.sheetState } : {}),
        // The change log already holds what this read saw: it is the baseline for the next sync.
        ...(readCells ? { cells: readCells } : last?.cells ? { cells: last.cells } : {}),
      };
      await stores.syncLog
        .saveSync(failed, { readHash: '', changes, ...(inputs ? { inputs } : {}), ...(tabs ? { tabs } : {}) })
        .catch(() => undefined);
      throw e;
    }
  };
  return withSheetLease(services, opts.trigger, work, opts.budgetMs);
}

/** The sync whose result a carried fairness report describes (records before `fairnessOf`: their own). */
function fairnessSource(last: SyncRecord): NonNullable<SyncRecord['fairnessOf']> {
  return last.fairnessOf ?? { sync: last.id, at: last.finishedAt, inputHash: last.inputHash };
}

/** The config's hash, once per config object (a Worker isolate keeps it across requests). */
const configKeys = new WeakMap<Competition, Promise<string>>();
function configKey(competition: Competition): Promise<string> {
  let key = configKeys.get(competition);
  if (!key) {
    key = sha256Hex(canonicalJson(competition));
    configKeys.set(competition, key);
  }
  return key;
}

/** The failure in both languages, so the dashboard can say it in its reader's. */
function failureOf(e: unknown): NonNullable<SyncRecord['failure']> {
  if (isAppError(e)) return { code: e.code, text: e.text, ...(e.detail ? { detail: e.detail } : {}) };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    text: {
      id: 'Sinkronisasi gagal karena kesalahan tak terduga. Peringkat sebelumnya tetap tampil; coba lagi atau jalankan juri doctor.',
      en: 'The sync failed unexpectedly. The previous rankings stay published; try again or run juri doctor.',
    },
    detail,
  };
}

/** What the dashboard shows for a failed sync: ours in the reader's language, anything else with its detail. */
function failureMessage(e: unknown, lang: Lang): string {
  if (isAppError(e)) return e.messageIn(lang);
  const detail = e instanceof Error ? e.message : String(e);
  return lang === 'en'
    ? `The sync failed unexpectedly (${detail}). The previous rankings stay published; try again or run juri doctor.`
    : `Sinkronisasi gagal karena kesalahan tak terduga (${detail}). Peringkat sebelumnya tetap tampil; coba lagi atau jalankan juri doctor.`;
}

/**
 * Rows of the "Riwayat Nilai" tab: the newest changes. A national run logs ~75,000 first entries; the
 * full log stays in the store (dashboard, `juri export-record`), the Sheet gets the latest.
 */
export const MAX_CHANGE_ROWS = 5000;

/**
 * The cells this read changed since the previous sync's, for the score change log. The very first sync
 * logs every typed cell as a first entry; a previous record from before the log existed (no cells) is
 * taken as the baseline instead, so an upgrade does not log everything at once. Only the tabs whose
 * cells digest moved are compared; `last` holds the cells of the `moved` tabs (all when undefined), and
 * when a tab's cells changed although its read did not (the intake or the selection changed what it
 * holds), the whole last record is read again.
 */
async function changesSince(
  services: Services,
  was: { last: SyncRecord | null; tabs: TabStates | undefined; moved: ReadonlySet<string> | undefined },
  { entries, digests }: { entries: ScoreEntry[]; digests: ReadonlyMap<string, string> },
  seen: { at: string; syncId: string; afterVersion: number | null },
): Promise<ScoreChange[]> {
  const { last, moved } = was;
  if (!last) return diffCells([], entries, seen);
  const changed = last.cells && was.tabs ? changedTabs(was.tabs, digests) : null;
  if (!changed) {
    const before = moved ? (await services.stores.syncLog.lastSync())?.cells : last.cells;
    return before ? diffCells(before, entries, seen) : [];
  }
  const complete = !moved || [...changed].every((tab) => moved.has(tab));
  const before = complete ? last.cells : (await services.stores.syncLog.lastSync())?.cells;
  return diffCells(cellsOfTabs(before ?? [], changed), cellsOfTabs(entries, changed), seen);
}

/** The digest of each juror tab's read (by tabKey), once per read. */
const readDigestsOf = new WeakMap<TakenWithSelection, Map<string, string>>();
function readDigests(read: TakenWithSelection, context: string): Map<string, string> {
  let digests = readDigestsOf.get(read);
  if (!digests) {
    const values = read.taken.read.snapshot().ranges;
    digests = new Map(
      read.taken.tabs.map((tab, i) => [
        tabKey({ stage: tab.stage.id, juror: tab.juror.id }),
        readDigest(context, values[i]?.values ?? []),
      ]),
    );
    readDigestsOf.set(read, digests);
  }
  return digests;
}

/**
 * The juror tabs whose read moved since the head's record was saved, or undefined when every tab's
 * cells are wanted (no per-tab state saved yet).
 */
function movedTabs(
  head: SyncHead | null,
  read: TakenWithSelection,
  context: string,
): ReadonlySet<string> | undefined {
  const saved = head?.tabs;
  if (!saved) return undefined;
  const moved = new Set<string>();
  for (const [key, digest] of readDigests(read, context)) if (saved[key]?.read !== digest) moved.add(key);
  return moved;
}

/** What the record is saved with per juror tab: the digests of its read and of its typed cells. */
function tabStates(reads: ReadonlyMap<string, string>, cells: ReadonlyMap<string, string>): TabStates {
  return Object.fromEntries([...reads].map(([key, read]) => [key, { read, cells: cells.get(key) ?? '' }]));
}

/**
 * For the cron handlers: a sync already running is not an error, it just means this tick is skipped.
 * The cron keeps running after the announcement: the public page shows only the fixed result version
 * (never a live ranking), so late edits update the secretariat's tabs and land in the change log,
 * flagged, while the published result changes only by a correction with a reason.
 */
export async function scheduledSync(services: Services): Promise<SyncRecord | null> {
  try {
    return await runSync(services, { trigger: 'scheduled' });
  } catch (e) {
    if (isAppError(e) && e.code === 'busy') return null;
    throw e;
  }
}
