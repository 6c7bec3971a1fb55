import { calibrationReport } from '../../shared/domain/calibration.ts';
import { isAppError } from '../../shared/errors.ts';
import type { ScoreSheet, SyncRecord } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import { parseWithSelection } from './selection.ts';
import { sheetOf, withSheetLease } from './sheet-needed.ts';
import { compareWithLast } from './sync-changes.ts';
import { saveFailed } from './sync-failure.ts';
import { fairnessOfSync } from './sync-fairness.ts';
import { renderTabs, saveWritten } from './sync-publish.ts';
import { readJurorTabs, readStoreInputs, unchangedSince } from './sync-read.ts';
import { beginRun, nothingLearnt, type SyncRun, type SyncSoFar, saveUnchanged } from './sync-run.ts';
import { inputHashOf, rankJudged, resultAsBefore, selectWithNewRows } from './sync-scores.ts';

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
  const underLease = async (signal: AbortSignal, confirm: () => Promise<void>): Promise<SyncRecord> => {
    const run = await beginRun(services, sheet);
    const soFar = nothingLearnt();
    try {
      return await syncSteps(services, { run, soFar, sheet, signal, computeFairness, confirm });
    } catch (e) {
      // A deferred take that another sync overtook: nothing of this one may be saved.
      await confirm().catch((c: unknown) => {
        throw isAppError(c) && c.code === 'busy' ? c : e;
      });
      await saveFailed(services, run, soFar, e);
      throw e;
    }
  };
  // The cron's take is written with its save: a tick that finds nothing new makes one commit, not two.
  const deferred = opts.trigger === 'scheduled';
  return withSheetLease(services, opts.trigger, underLease, opts.budgetMs, { deferred });
}

interface SyncContext {
  run: SyncRun;
  /** Filled in step by step, for the record of a sync that fails midway. */
  soFar: SyncSoFar;
  sheet: ScoreSheet;
  signal: AbortSignal;
  computeFairness: boolean;
  /** Writes a deferred lease take: before anything but the unchanged save is written. */
  confirm: () => Promise<void>;
}

/** The steps of one sync, each its own function: read → take apart → compare → rank → render → publish → record. */
async function syncSteps(services: Services, ctx: SyncContext): Promise<SyncRecord> {
  const { run, soFar, signal, computeFairness } = ctx;
  const read = await readJurorTabs(services, run.head, signal);
  const standing = unchangedSince(run.head, read, computeFairness);
  if (standing) return saveUnchanged(services, run, standing.inputHash, read.readHash);
  const [store] = await Promise.all([readStoreInputs(services, run.head, read), ctx.confirm()]);
  const { inputs } = store;
  Object.assign(soFar, { inputs, cellsPartial: store.moved !== undefined });
  const parsed = await parseWithSelection(services, read.taken, inputs.roster.innovations);
  soFar.last = inputs.last;
  const scores = await selectWithNewRows(services, run, { read, parsed }, inputs, signal);
  const { tabs, changes } = await compareWithLast(services, run, scores, store, soFar);
  const inputHash = await inputHashOf(services, scores, inputs.fixed);
  soFar.inputHash = inputHash;
  if (resultAsBefore(inputs.last, inputHash, scores, computeFairness))
    return saveUnchanged(services, run, inputHash, scores.read.readHash);
  const result = rankJudged(services, scores);
  const fairness = fairnessOfSync(services, run, { result, inputHash, last: inputs.last }, computeFairness);
  const calibration = calibrationReport(services.competition, scores.parsed.calibration);
  const was = { inputs, changes, logRowsLeftOut: store.logRowsLeftOut };
  const outputs = renderTabs(services, scores, was, result, fairness);
  const { generation } = await ctx.sheet.publish(outputs, scores.parsed.snapshot.publishState, { signal });
  const written = { inputHash, result, generation, fairness, calibration };
  return saveWritten(services, run, scores, written, { changes, inputs, tabs });
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
