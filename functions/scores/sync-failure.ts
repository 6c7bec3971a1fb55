import type { Lang } from '../../shared/domain/i18n.ts';
import { isAppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import { fairnessSource } from './sync-fairness.ts';
import type { SyncRun, SyncSoFar } from './sync-run.ts';

/**
 * The record of a sync that failed with `e`. The pages, the admin API and the next setup read the last
 * record: a failed sync must not take the published rankings away, so it carries the previous result
 * forward. A store that cannot save it does not hide `e`, which the caller throws on.
 */
export async function saveFailed(services: Services, run: SyncRun, soFar: SyncSoFar, e: unknown) {
  const { stores, clock, lang } = services;
  const { readCells, changes, inputs, tabs } = soFar;
  let last = soFar.last;
  // The record syncInputs answered may hold only the moved tabs' cells, and no result (a store may keep
  // it apart, see SyncInputs.last): the whole one is read again.
  if (last === undefined || (soFar.cellsPartial && !readCells) || (last !== null && !last.result))
    last = await stores.syncLog.lastSync().catch(() => null);
  const failed: SyncRecord = {
    id: run.id,
    sequence: run.sequence,
    startedAt: run.startedAt,
    finishedAt: clock.now().toISOString(),
    status: 'failed',
    inputHash: soFar.inputHash,
    requests: run.spent(),
    message: failureMessage(e, lang),
    failure: failureOf(e),
    ...(last?.result ? { result: last.result } : {}),
    ...(last?.selection ? { selection: last.selection } : {}),
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
}

/** The failure in both languages, so the dashboard can say it in its reader's. */
function failureOf(e: unknown): NonNullable<SyncRecord['failure']> {
  if (isAppError(e)) return { code: e.code, text: e.text, ...(e.detail ? { detail: e.detail } : {}) };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'internal', text: bilingual('sync.failedUnexpectedly'), detail };
}

/** What the dashboard shows for a failed sync: ours in the reader's language, anything else with its detail. */
function failureMessage(e: unknown, lang: Lang): string {
  if (isAppError(e)) return e.messageIn(lang);
  const detail = e instanceof Error ? e.message : String(e);
  return t(lang, 'sync.failedUnexpectedlyWith', { detail });
}
