import type { CalibrationReport } from '../../shared/domain/calibration.ts';
import type { CompetitionResult } from '../../shared/domain/ranking.ts';
import { appendToTail, type ScoreChange } from '../../shared/domain/score-changes.ts';
import type { TabStates } from '../../shared/domain/tab-digests.ts';
import type { SyncInputs, SyncRecord } from '../../shared/ports.ts';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';
import { buildOutputTabs } from '../../shared/sheet/output-tabs.ts';
import type { Services } from '../compose/services.ts';
import type { SyncFairness } from './sync-fairness.ts';
import { MAX_CHANGE_ROWS } from './sync-read.ts';
import type { SyncRun } from './sync-run.ts';
import type { Scores } from './sync-scores.ts';

/** Every output tab of this result, in the sync's language. */
export function renderTabs(
  { competition, lang }: Services,
  scores: Scores,
  was: { inputs: SyncInputs; changes: ScoreChange[]; logRowsLeftOut?: boolean },
  result: CompetitionResult,
  { fairness, fairnessNote }: SyncFairness,
): OutputTab[] {
  const { parsed, selected } = scores;
  // The newest changes, this sync's included, for the "Riwayat Nilai" tab.
  const history = appendToTail(was.inputs.changes, was.changes, MAX_CHANGE_ROWS);
  return buildOutputTabs({
    competition,
    innovations: parsed.innovations,
    result,
    progress: parsed.progress,
    rejections: scores.rejections,
    lang,
    record: was.inputs.fixed,
    scoreChanges: history,
    scoreChangesAdded: was.changes.length,
    ...(was.logRowsLeftOut ? { scoreChangesShown: Math.min(history.total, MAX_CHANGE_ROWS) } : {}),
    comments: parsed.comments,
    sheetIssues: parsed.issues,
    missing: parsed.missing,
    ...(selected.record ? { selection: { verdicts: selected.record.verdicts, typed: selected.typed } } : {}),
    ...(fairness ? { fairness } : {}),
    ...(fairnessNote ? { fairnessNote } : {}),
  });
}

/** What a written sync learnt, besides its run and its scores. */
export interface Written {
  inputHash: string;
  result: CompetitionResult;
  /** The Sheet's generation after the publish. */
  generation: number;
  fairness: SyncFairness;
  calibration: CalibrationReport | null;
}

/**
 * The record of a sync that published, saved with this read's hash, the changes it saw, the inputs it
 * read and its per-tab digests. The juror tabs are not what a publish writes: the next read hashes the
 * same unless a person typed.
 */
export async function saveWritten(
  { stores, clock }: Services,
  run: SyncRun,
  scores: Scores,
  written: Written,
  saveWith: { changes: ScoreChange[]; inputs: SyncInputs; tabs: TabStates },
): Promise<SyncRecord> {
  const { parsed, selected, rowsPlaced } = scores;
  const { result, calibration } = written;
  const { fairness, fairnessOf } = written.fairness;
  const entries = selected.entries;
  const record: SyncRecord = {
    id: run.id,
    sequence: run.sequence,
    startedAt: run.startedAt,
    inputHash: written.inputHash,
    result,
    progress: parsed.progress,
    cells: entries,
    comments: parsed.comments,
    sheetIssues: parsed.issues,
    ...(rowsPlaced.length > 0 ? { rowsPlaced } : {}),
    ...(selected.record ? { selection: selected.record } : {}),
    status: 'written',
    finishedAt: clock.now().toISOString(),
    requests: run.spent(),
    // `selection`: the "Seleksi" tab is live, so the next sync reads the secretariat's decisions from it.
    sheetState: { generation: written.generation, ...(selected.record ? { selection: 1 } : {}) },
    ...(fairness ? { fairness } : {}),
    ...(fairnessOf ? { fairnessOf } : {}),
    ...(calibration ? { calibration } : {}),
  };
  const { changes, inputs, tabs } = saveWith;
  await stores.syncLog.saveSync(record, { readHash: scores.read.readHash, changes, inputs, tabs });
  return record;
}
