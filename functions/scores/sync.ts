import { isAnnounced, judgingIsComplete } from '../../shared/domain/announcement.ts';
import { compareIds } from '../../shared/domain/assignment.ts';
import { canonicalJson } from '../../shared/domain/canonical-json.ts';
import { criterionMeans } from '../../shared/domain/feedback.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { isAppError } from '../../shared/errors.ts';
import type { ScoreSheet, SyncRecord } from '../../shared/ports.ts';
import { buildOutputTabs } from '../../shared/sheet/output-tabs.ts';
import type { Services } from '../compose/services.ts';
import { sha256Hex } from '../http/crypto.ts';
import { applySelection, readWithSelection } from './selection.ts';
import { sheetOf, withSheetLease } from './sheet-needed.ts';

/** Bump when the juror tab layout or the hashed inputs change meaning, so the next sync rewrites. */
const LAYOUT_VERSION = 1;

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
  opts: {
    trigger: SyncTrigger /** Give up on the sheet after this long (a person is waiting). */;
    budgetMs?: number;
  },
): Promise<SyncRecord> {
  const base = sheetOf(services);
  const sheet: ScoreSheet = opts.budgetMs !== undefined && base.within ? base.within(opts.budgetMs) : base;
  return withSheetLease(services, opts.trigger, async () => {
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
    try {
      const [read, rejectionList] = await Promise.all([
        readWithSelection(services, sheet, last),
        store.listRejections(competition.id),
      ]);
      const { innovations, snapshot, progress } = read;
      const rejections = [...rejectionList].sort((a, b) => compareIds(a.responseId, b.responseId));
      const selected = applySelection(competition, read, last?.selection, { at: startedAt, sync: id });
      const result = rankCompetition(competition, selected.admitted, selected.entries);
      inputHash = await sha256Hex(
        canonicalJson({
          layout: LAYOUT_VERSION,
          lang,
          competition,
          innovations,
          rejections,
          cells: snapshot.ranges.slice(0, read.jurorRanges),
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
        ...(selected.record ? { selection: selected.record } : {}),
        ...(competition.feedback
          ? { criterionMeans: criterionMeans(competition, result, selected.entries) }
          : {}),
      };
      if (last && last.status !== 'failed' && last.inputHash === inputHash && !read.selectionTabLost) {
        const record: SyncRecord = {
          ...base,
          status: 'unchanged',
          finishedAt: clock.now().toISOString(),
          requests: spent(),
          ...(last.sheetState ? { sheetState: last.sheetState } : {}),
        };
        await store.saveSync(competition.id, record);
        return record;
      }
      const outputs = buildOutputTabs({
        competition,
        innovations,
        result,
        progress,
        rejections,
        lang,
        ...(selected.record
          ? { selection: { verdicts: selected.record.verdicts, typed: selected.typed } }
          : {}),
      });
      const { generation } = await sheet.publish(outputs, snapshot.publishState);
      const record: SyncRecord = {
        ...base,
        status: 'written',
        finishedAt: clock.now().toISOString(),
        requests: spent(),
        // `selection`: the "Seleksi" tab is live, so the next sync reads the secretariat's decisions from it.
        sheetState: { generation, ...(selected.record ? { selection: 1 } : {}) },
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
        ...(last?.sheetState ? { sheetState: last.sheetState } : {}),
      };
      await store.saveSync(competition.id, failed).catch(() => undefined);
      throw e;
    }
  });
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
 * For the cron handlers: a sync already running is not an error, it just means this tick is skipped;
 * after the announcement the cron stops and the published result stays as it was announced.
 */
export async function scheduledSync(services: Services): Promise<SyncRecord | null> {
  const { competition, store, clock } = services;
  const last = await store.lastSync(competition.id);
  // Once the winners are public, only a person may change what the page shows (a manual sync):
  // a late edit in the Sheet must not quietly rewrite the announced Top 10.
  if (isAnnounced(competition, clock.now()) && last?.result && judgingIsComplete(last.result)) return null;
  try {
    return await runSync(services, { trigger: 'scheduled' });
  } catch (e) {
    if (isAppError(e) && e.code === 'busy') return null;
    throw e;
  }
}
