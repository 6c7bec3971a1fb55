import { compareIds } from '../../shared/domain/assignment.ts';
import { canonicalJson } from '../../shared/domain/canonical-json.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { FAIRNESS_REPORT_VERSION, fairnessReport } from '../../shared/domain/fairness/report.ts';
import { criterionMeans } from '../../shared/domain/feedback.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { diffCells, type ScoreChange } from '../../shared/domain/score-changes.ts';
import { isAppError } from '../../shared/errors.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import { buildOutputTabs } from '../../shared/sheet/output-tabs.ts';
import type { Services } from '../compose/services.ts';
import { sha256Hex } from '../http/crypto.ts';
import { applySelection, readWithSelection } from './selection.ts';
import { sheetOf, withSheetLease } from './sheet-needed.ts';

/** Bump when the juror tab layout or the hashed inputs change meaning, so the next sync rewrites. */
// 3: the "Uji Metode" and "Stabilitas Peringkat" tabs.
const LAYOUT_VERSION = 3;

export type SyncTrigger = 'manual' | 'scheduled' | 'cli';

/**
 * One sync: read every juror tab in ONE request, rank, and — unless the inputs hash the same as
 * last time — publish every output tab with one values write and one atomic structural write.
 * Runs under the 'sync' lease; a second sync meanwhile gets AppError('busy').
 * The record is saved in the store either way (status 'failed' with the message when it fails,
 * and the error is thrown on).
 */
export async function runSync(
  services: Services,
  opts: { trigger: SyncTrigger; budgetMs?: number },
): Promise<SyncRecord> {
  const sheet = sheetOf(services);
  const work = async (signal: AbortSignal): Promise<SyncRecord> => {
    const { store, competition, clock, lang } = services;
    const last = await store.lastSync(competition.id);
    const sequence = (last?.sequence ?? 0) + 1;
    const id = `sync-${String(sequence).padStart(9, '0')}`;
    const startedAt = clock.now().toISOString();
    const before = sheet.requestCount();
    const spent = () => {
      const now = sheet.requestCount();
      return { reads: now.reads - before.reads, writes: now.writes - before.writes };
    };
    let inputHash = '';
    let readCells: ScoreEntry[] | undefined;
    try {
      const [read, rejectionList, fixed] = await Promise.all([
        readWithSelection(services, signal, last),
        store.listRejections(competition.id),
        store.latestVersion(competition.id),
      ]);
      const { innovations, snapshot, progress, comments, issues, missing } = read;
      const rejections = [...rejectionList].sort((a, b) => compareIds(a.responseId, b.responseId));
      const selected = applySelection(competition, read, last?.selection, { at: startedAt, sync: id });
      // Only the entries that passed selection are judged: the ranking, the record and its cells.
      const entries = selected.entries;
      const result = rankCompetition(competition, selected.admitted, entries);
      await logScoreChanges(services, last, entries, {
        at: startedAt,
        syncId: id,
        afterVersion: fixed?.version ?? null,
      });
      readCells = entries;
      inputHash = await sha256Hex(
        canonicalJson({
          layout: LAYOUT_VERSION,
          lang,
          competition,
          innovations,
          rejections,
          cells: snapshot.ranges.slice(0, read.jurorRanges),
          fixed: fixed?.hash ?? null,
          ...(selected.record ? { selection: [...selected.typed] } : {}),
        }),
      );
      const base = {
        id,
        sequence,
        startedAt,
        inputHash,
        result,
        progress,
        cells: entries,
        comments,
        sheetIssues: issues,
        ...(selected.record ? { selection: selected.record } : {}),
        ...(competition.feedback ? { criterionMeans: criterionMeans(competition, result, entries) } : {}),
      };
      if (last && last.status !== 'failed' && last.inputHash === inputHash && !read.selectionTabLost) {
        // Same inputs, same seed: the last report still holds, and the bootstrap is not run again.
        const fairness =
          last.fairness?.version === FAIRNESS_REPORT_VERSION
            ? last.fairness
            : fairnessReport(competition, result);
        const record: SyncRecord = {
          ...base,
          status: 'unchanged',
          finishedAt: clock.now().toISOString(),
          requests: spent(),
          fairness,
          ...(last.sheetState ? { sheetState: last.sheetState } : {}),
        };
        await store.saveSync(competition.id, record);
        return record;
      }
      const history = await store.listScoreChanges(competition.id, MAX_CHANGE_ROWS);
      const fairness = fairnessReport(competition, result);
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
        fairness,
      });
      const { generation } = await sheet.publish(outputs, snapshot.publishState, { signal });
      const record: SyncRecord = {
        ...base,
        status: 'written',
        finishedAt: clock.now().toISOString(),
        requests: spent(),
        // `selection`: the "Seleksi" tab is live, so the next sync reads the secretariat's decisions from it.
        sheetState: { generation, ...(selected.record ? { selection: 1 } : {}) },
        fairness,
      };
      await store.saveSync(competition.id, record);
      return record;
    } catch (e) {
      // The pages, the admin API and the next setup read the last record: a failed sync must not
      // take the published rankings away, so it carries the previous result forward.
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
        ...(last?.sheetState ? { sheetState: last.sheetState } : {}),
        // The change log already holds what this read saw: it is the baseline for the next sync.
        ...(readCells ? { cells: readCells } : last?.cells ? { cells: last.cells } : {}),
      };
      await store.saveSync(competition.id, failed).catch(() => undefined);
      throw e;
    }
  };
  return withSheetLease(services, opts.trigger, work, opts.budgetMs);
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
 * Compares this read with the previous sync's and appends what changed to the score change log.
 * The very first sync logs every typed cell as a first entry; a previous record from before the log
 * existed (no cells) is taken as the baseline instead, so an upgrade does not log everything at once.
 */
async function logScoreChanges(
  services: Services,
  last: SyncRecord | null,
  entries: ScoreEntry[],
  seen: { at: string; syncId: string; afterVersion: number | null },
): Promise<ScoreChange[]> {
  const before = last ? last.cells : [];
  if (!before) return [];
  const changes = diffCells(before, entries, seen);
  await services.store.appendScoreChanges(services.competition.id, seen.syncId, changes);
  return changes;
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
