import { assignStage } from './assignment.ts';
import type { Competition } from './competition.ts';
import type { Innovation } from './innovation.ts';
import type { CompetitionResult } from './ranking.ts';
import { hasConflict, panelOf } from './scoring.ts';

/** A panel juror who typed no score at all in a stage where they had entries to score. */
export interface AbsentJuror {
  stage: string;
  juror: string;
}

/**
 * The jurors absent from each stage: on the stage's panel, with at least one entry of the stage's
 * population to score (assigned, when the stage has `jurorsPerInnovation`, and without a conflict), and
 * not one non-empty cell typed in the stage. In stage order, then panel (config) order.
 */
export function absentJurors(
  competition: Competition,
  result: Pick<CompetitionResult, 'stages'>,
  innovations: readonly Innovation[],
  cells: readonly { stage: string; juror: string; value: string }[],
): AbsentJuror[] {
  const byId = new Map(innovations.map((i) => [i.id, i]));
  const typed = new Set(cells.filter((c) => c.value.trim() !== '').map((c) => `${c.stage}|${c.juror}`));
  const out: AbsentJuror[] = [];
  for (const stage of competition.stages) {
    const ranked = result.stages.find((s) => s.stage === stage.id)?.ranking ?? [];
    const population = ranked.flatMap((e) => byId.get(e.id) ?? []);
    if (population.length === 0) continue;
    const assignment = assignStage(competition, stage, population);
    for (const juror of panelOf(competition, stage)) {
      if (typed.has(`${stage.id}|${juror.id}`)) continue;
      const rows = assignment.get(juror.id) ?? [];
      if (rows.some((r) => !hasConflict(juror, r.innovation))) out.push({ stage: stage.id, juror: juror.id });
    }
  }
  return out;
}
