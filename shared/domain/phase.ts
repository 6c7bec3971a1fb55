import { isAnnounced, judgingIsComplete } from './announcement.ts';
import type { Competition } from './competition.ts';
import type { CompetitionResult } from './ranking.ts';
import type { SelectionVerdict } from './selection.ts';

/**
 * Where the competition stands, for the secretariat's status line: capture, selection, assessment,
 * award. Codes and values only; the pages say them.
 */
export type Phase =
  | { code: 'intakeOpen' }
  | { code: 'intakeClosed' }
  | { code: 'selection'; toCheck: number }
  | { code: 'judging'; stage: string; scored: number; assigned: number }
  | { code: 'judgingDone' }
  | { code: 'fixed' }
  | { code: 'announced' };

export interface PhaseInput {
  competition: Competition;
  now: Date;
  result: CompetitionResult | undefined;
  /** Cells scored vs assigned per stage and juror, from the last sync. */
  progress: readonly { stage: string; assigned: number; scored: number }[];
  selection: readonly SelectionVerdict[] | undefined;
  /** When intake closes, once the config says so; open until then. */
  intakeClosesAt?: Date;
  /** The result has been fixed as the official version (the official record sets this). */
  fixed?: boolean;
}

export function competitionPhase(input: PhaseInput): Phase {
  const { competition, now, result, progress } = input;
  const complete = result !== undefined && judgingIsComplete(result);
  if (complete && isAnnounced(competition, now)) return { code: 'announced' };
  if (input.fixed) return { code: 'fixed' };
  if (complete) return { code: 'judgingDone' };
  // The stage being judged is the latest one whose juror tabs hold rows.
  const judged = [...competition.stages]
    .reverse()
    .find((s) => progress.some((p) => p.stage === s.id && p.assigned > 0));
  if (judged) {
    const rows = progress.filter((p) => p.stage === judged.id);
    return {
      code: 'judging',
      stage: judged.id,
      scored: rows.reduce((n, p) => n + p.scored, 0),
      assigned: rows.reduce((n, p) => n + p.assigned, 0),
    };
  }
  const closes = input.intakeClosesAt;
  if (closes && now.getTime() < closes.getTime()) return { code: 'intakeOpen' };
  if (input.selection && input.selection.length > 0) {
    return { code: 'selection', toCheck: input.selection.filter((v) => v.outcome === 'check').length };
  }
  return { code: closes ? 'intakeClosed' : 'intakeOpen' };
}
