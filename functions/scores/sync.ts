import { isAnnounced, judgingIsComplete } from '../../shared/domain/announcement.ts';
import { compareIds } from '../../shared/domain/assignment.ts';
import { canonicalJson } from '../../shared/domain/canonical-json.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { isAppError } from '../../shared/errors.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import { buildOutputTabs } from '../../shared/sheet/output-tabs.ts';
import type { Services } from '../compose/services.ts';
import { sha256Hex } from '../http/crypto.ts';
import { readJurorTabs } from './read-scores.ts';
import { sheetOf, withSheetLease } from './sheet-needed.ts';

/** Bump when the juror tab layout or the hashed inputs change meaning, so the next sync rewrites. */
const LAYOUT_VERSION = 2;

export type SyncTrigger = 'manual' | 'scheduled' | 'cli';

/**
 * One sync: read every juror tab in ONE request, rank, and — unless the inputs hash the same as
 * last time — publish every output tab with one values write and one atomic structural write.
 * Runs under the 'sync' lease; a second sync meanwhile gets AppError('busy').
 * The record is saved in the store either way (status 'failed' with the message when it fails,
 * and the error is thrown on).
 */
export async function runSync(services: Services, opts: { trigger: SyncTrigger }): Promise<SyncRecord> {
  const sheet = sheetOf(services);
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
      const [{ innovations, snapshot, entries, progress, comments, issues, missing }, rejectionList] =
        await Promise.all([readJurorTabs(services), store.listRejections(competition.id)]);
      const rejections = [...rejectionList].sort((a, b) => compareIds(a.responseId, b.responseId));
      const result = rankCompetition(competition, innovations, entries);
      inputHash = await sha256Hex(
        canonicalJson({
          layout: LAYOUT_VERSION,
          lang,
          competition,
          innovations,
          rejections,
          cells: snapshot.ranges,
        }),
      );
      const base = { id, sequence, startedAt, inputHash, result, progress, comments, sheetIssues: issues };
      if (last && last.status !== 'failed' && last.inputHash === inputHash) {
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
        comments,
        sheetIssues: issues,
        missing,
      });
      const { generation } = await sheet.publish(outputs, snapshot.publishState);
      const record: SyncRecord = {
        ...base,
        status: 'written',
        finishedAt: clock.now().toISOString(),
        requests: spent(),
        sheetState: { generation },
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
        ...(last?.result ? { result: last.result } : {}),
        ...(last?.progress ? { progress: last.progress } : {}),
        ...(last?.sheetState ? { sheetState: last.sheetState } : {}),
      };
      await store.saveSync(competition.id, failed).catch(() => undefined);
      throw e;
    }
  });
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
