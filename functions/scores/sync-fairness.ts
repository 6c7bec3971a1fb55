import { FAIRNESS_REPORT_VERSION, fairnessReport } from '../../shared/domain/fairness/report.ts';
import type { CompetitionResult } from '../../shared/domain/ranking.ts';
import { staleFairnessNote } from '../../shared/messages/fairness-report.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import type { SyncRun } from './sync-run.ts';

/** The fairness report a sync publishes, which sync's result it describes, and the note when not this one's. */
export interface SyncFairness {
  fairness: SyncRecord['fairness'];
  fairnessOf: SyncRecord['fairnessOf'];
  fairnessNote: string | null;
}

/**
 * The cron keeps the tabs current and light: it carries the last record's report (flagged as an
 * earlier sync's when the scores moved since); a person's sync computes it for this result.
 */
export function fairnessOfSync(
  { competition, lang }: Services,
  run: SyncRun,
  now: { result: CompetitionResult; inputHash: string; last: SyncRecord | null },
  computeFairness: boolean,
): SyncFairness {
  const { last, inputHash } = now;
  const carried = !computeFairness && last?.fairness?.version === FAIRNESS_REPORT_VERSION;
  const fairness = carried
    ? last?.fairness
    : computeFairness
      ? fairnessReport(competition, now.result)
      : undefined;
  const fairnessOf =
    carried && last
      ? fairnessSource(last)
      : fairness
        ? { sync: run.id, at: run.startedAt, inputHash }
        : undefined;
  const fairnessNote = staleFairnessNote(fairnessOf, inputHash, competition.timezone, lang);
  return { fairness, fairnessOf, fairnessNote };
}

/** The sync whose result a carried fairness report describes (records before `fairnessOf`: their own). */
export function fairnessSource(last: SyncRecord): NonNullable<SyncRecord['fairnessOf']> {
  return last.fairnessOf ?? { sync: last.id, at: last.finishedAt, inputHash: last.inputHash };
}
