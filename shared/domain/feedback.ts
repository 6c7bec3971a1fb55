import { readScore, type ScoreEntry } from './cells.ts';
import type { Competition } from './competition.ts';
import { isFieldStage } from './field.ts';
import { readAnswerScore } from './field-answers.ts';
import type { CompetitionResult } from './ranking.ts';

/**
 * Feedback to entrants: per stage and criterion, the mean of the counted jurors' scores for each entry
 * (on the criterion's own scale), against the stage's median. Juror ids never leave this module.
 */

/** stage id → innovation id → criterion id → mean score on the criterion's scale. */
export type CriterionMeans = Record<string, Record<string, Record<string, number>>>;

/**
 * The means of the cells that counted: only jurors whose total counted for the entry (complete, on the
 * panel, no conflict), one agreed value per cell.
 */
export function criterionMeans(
  competition: Pick<Competition, 'stages'>,
  result: CompetitionResult,
  entries: readonly ScoreEntry[],
): CriterionMeans {
  const out: CriterionMeans = {};
  // One pass over the cells, each to its stage's bucket (a national run holds ~80,000 of them).
  const byStage = new Map<string, ScoreEntry[]>(competition.stages.map((s) => [s.id, []]));
  for (const e of entries) byStage.get(e.stage)?.push(e);
  for (const stage of competition.stages) {
    const ranked = result.stages.find((s) => s.stage === stage.id)?.ranking ?? [];
    const counted = new Map(ranked.map((e) => [e.id, new Set(Object.keys(e.totals))]));
    const criteria = new Map(stage.criteria.map((c) => [c.id, c]));
    // innovation → criterion → juror → value (the last typed copy; copies that disagree never counted)
    const cells = new Map<string, Map<string, Map<string, number>>>();
    for (const e of byStage.get(stage.id) ?? []) {
      const criterion = criteria.get(e.criterion);
      if (!criterion || !counted.get(e.innovation)?.has(e.juror)) continue;
      const value = (isFieldStage(stage) ? readAnswerScore : readScore)(
        e.value,
        criterion.min,
        criterion.max,
      );
      if (typeof value !== 'number') continue;
      let byCriterion = cells.get(e.innovation);
      if (!byCriterion) {
        byCriterion = new Map<string, Map<string, number>>();
        cells.set(e.innovation, byCriterion);
      }
      let byJuror = byCriterion.get(e.criterion);
      if (!byJuror) {
        byJuror = new Map<string, number>();
        byCriterion.set(e.criterion, byJuror);
      }
      byJuror.set(e.juror, value);
    }
    const stageMeans: Record<string, Record<string, number>> = {};
    for (const [innovation, byCriterion] of cells) {
      const means: Record<string, number> = {};
      for (const [criterion, byJuror] of byCriterion) {
        const values = [...byJuror.values()].sort((a, b) => a - b);
        means[criterion] = values.reduce((s, v) => s + v, 0) / values.length;
      }
      stageMeans[innovation] = means;
    }
    out[stage.id] = stageMeans;
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface FeedbackStage {
  stage: string;
  /** The entry's stage score (0–100) and the stage's median score. */
  score: number | null;
  /** The stage score's printed digits (display-score.ts), when the result has them. */
  display?: string;
  median: number | null;
  criteria: { criterion: string; mean: number | null; median: number | null }[];
}

/** One entry's sheet: every stage it was scored in, each criterion against that stage's median. */
export function feedbackFor(
  competition: Competition,
  result: CompetitionResult,
  means: CriterionMeans,
  innovation: string,
): FeedbackStage[] {
  return competition.stages.flatMap((stage) => {
    const ranking = result.stages.find((s) => s.stage === stage.id)?.ranking ?? [];
    const entry = ranking.find((e) => e.id === innovation);
    if (!entry) return [];
    const stageMeans = Object.values(means[stage.id] ?? {});
    return [
      {
        stage: stage.id,
        score: entry.score,
        ...(entry.display === undefined ? {} : { display: entry.display }),
        median: median(ranking.flatMap((e) => (e.score === null ? [] : [e.score]))),
        criteria: stage.criteria.map((c) => ({
          criterion: c.id,
          mean: means[stage.id]?.[innovation]?.[c.id] ?? null,
          median: median(stageMeans.flatMap((m) => (m[c.id] === undefined ? [] : [m[c.id] as number]))),
        })),
      },
    ];
  });
}
