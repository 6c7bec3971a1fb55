import type { CalibrationSample } from './calibration-config.ts';
import { readScore, type ScoreEntry } from './cells.ts';
import type { CompetitionFacts, Stage } from './competition.ts';
import { aggregate } from './fairness/aggregation.ts';
import { DEFAULT_LENIENCY_THRESHOLD } from './fairness/interpretation.ts';
import { isFieldStage } from './field.ts';
import type { Innovation } from './innovation.ts';
import { jurorTotalOf, normalized, panelOf, stableMean } from './scoring.ts';

/**
 * The calibration round's summaries (docs/calibration.md): for each juror, how their totals on the
 * shared sample proposals sit against the panel's median. Pure; computed in every sync from the cells
 * typed on the sample rows, which the read takes apart before anything is ranked.
 */

/** The stage the samples are scored in: the configured one, else the first scoring (not field) stage. */
export function calibrationStage(
  competition: Pick<CompetitionFacts, 'calibration' | 'stages'>,
): Stage | undefined {
  const id = competition.calibration?.stage;
  return id === undefined
    ? competition.stages.find((s) => !isFieldStage(s))
    : competition.stages.find((s) => s.id === id && !isFieldStage(s));
}

/** The sample ids, to take the sample rows apart from the read; empty without a calibration round. */
export function calibrationIds(competition: Pick<CompetitionFacts, 'calibration'>): ReadonlySet<string> {
  return new Set(competition.calibration?.entries.map((e) => e.id) ?? []);
}

/** A sample as a juror tab row shows it: id, title, agency, region and its links, like an innovation's. */
export function sampleRow(sample: CalibrationSample): Innovation {
  const details: Record<string, string> = {};
  if (sample.proposalUrl) details.proposalUrl = sample.proposalUrl;
  if (sample.videoUrl) details.videoUrl = sample.videoUrl;
  return {
    id: sample.id,
    title: sample.title,
    agency: sample.agency ?? '',
    region: sample.region ?? '',
    category: '',
    submittedAt: '',
    details,
  };
}

export interface CalibrationSampleLine {
  id: string;
  /** The juror's total (0–100), null until every criterion holds a valid score. */
  total: number | null;
  /** The median of the totals of every panel juror who scored the sample completely; null if none. */
  median: number | null;
  /** How many jurors the median is taken over. */
  jurors: number;
}

export interface CalibrationSummary {
  juror: string;
  /** Samples the juror scored completely, of how many. */
  scored: number;
  of: number;
  samples: CalibrationSampleLine[];
  /**
   * Mean over the scored samples of (own total − panel median), in points of 100: positive is lenient,
   * negative harsh. Null until a sample has a total and a median from at least two jurors.
   */
  leniency: number | null;
  /** The band of `leniency` against the fairness report's threshold (5 points). */
  band: 'lenient' | 'typical' | 'harsh' | null;
  /** Highest minus lowest own total across the samples (needs two); and the panel's median of that range. */
  spread: number | null;
  panelSpread: number | null;
  /**
   * The criteria where the juror differs most from the panel: mean over samples of (own score − panel
   * median score), both on the criterion's scale mapped to 0–100; largest first, at most three, none
   * below half a point.
   */
  criteria: { criterion: string; difference: number }[];
}

export interface CalibrationReport {
  stage: string;
  samples: string[];
  /** One per panel juror of the stage, in config order. */
  jurors: CalibrationSummary[];
}

const MAX_CRITERIA = 3;
const MIN_CRITERION_DIFFERENCE = 0.5;

/** Every panel juror's summary from the cells typed on the sample rows; null without a calibration round. */
export function calibrationReport(
  competition: Pick<CompetitionFacts, 'calibration' | 'stages' | 'jurors'>,
  cells: readonly ScoreEntry[],
): CalibrationReport | null {
  const stage = calibrationStage(competition);
  const samples = competition.calibration?.entries.map((e) => e.id) ?? [];
  if (!stage || samples.length === 0) return null;
  const panel = panelOf(competition, stage).map((j) => j.id);
  const scores = scoreTable(stage, cells);
  const totalOf = (juror: string, sample: string) => {
    const typed = scores.get(`${juror}|${sample}`);
    return typed ? jurorTotalOf(stage, (c) => typed.get(c.id)) : null;
  };
  const totals = new Map(
    samples.map((s) => [s, panel.map((j) => totalOf(j, s)).filter((t): t is number => t !== null)]),
  );
  const medians = new Map(samples.map((s) => [s, median(totals.get(s) ?? [])]));
  const spreads = panel.map((j) => rangeOf(samples.map((s) => totalOf(j, s))));
  const panelSpread = median(spreads.filter((r): r is number => r !== null));
  const criterionMedians = new Map(
    stage.criteria.flatMap((c) =>
      samples.map((s) => {
        const typed = panel.flatMap((j) => {
          const v = scores.get(`${j}|${s}`)?.get(c.id);
          return v === undefined ? [] : [normalized(c, v)];
        });
        return [`${c.id}|${s}`, median(typed)] as const;
      }),
    ),
  );
  const jurors = panel.map((juror, p): CalibrationSummary => {
    const lines = samples.map((id) => {
      const shared = totals.get(id)?.length ?? 0;
      return { id, total: totalOf(juror, id), median: medians.get(id) ?? null, jurors: shared };
    });
    const gaps = lines.flatMap((l) =>
      l.total !== null && l.median !== null && l.jurors >= 2 ? [l.total - l.median] : [],
    );
    const leniency = mean(gaps);
    return {
      juror,
      scored: lines.filter((l) => l.total !== null).length,
      of: samples.length,
      samples: lines,
      leniency,
      band: leniency === null ? null : bandOf(leniency),
      spread: spreads[p] ?? null,
      panelSpread: spreads[p] === null ? null : panelSpread,
      criteria: criteriaApart(
        stage,
        samples,
        (c, s) => scores.get(`${juror}|${s}`)?.get(c),
        criterionMedians,
      ),
    };
  });
  return { stage: stage.id, samples, jurors };
}

/** juror|sample → criterion → the score typed, when it is a number within the criterion's scale. */
function scoreTable(stage: Stage, cells: readonly ScoreEntry[]): Map<string, Map<string, number>> {
  const criteria = new Map(stage.criteria.map((c) => [c.id, c]));
  const table = new Map<string, Map<string, number>>();
  for (const cell of cells) {
    const criterion = criteria.get(cell.criterion);
    if (cell.stage !== stage.id || !criterion) continue;
    const value = readScore(cell.value, criterion.min, criterion.max);
    if (typeof value !== 'number') continue;
    const key = `${cell.juror}|${cell.innovation}`;
    const row = table.get(key) ?? new Map<string, number>();
    row.set(criterion.id, value);
    table.set(key, row);
  }
  return table;
}

function criteriaApart(
  stage: Stage,
  samples: readonly string[],
  own: (criterion: string, sample: string) => number | undefined,
  medians: ReadonlyMap<string, number | null>,
): CalibrationSummary['criteria'] {
  return stage.criteria
    .flatMap((c) => {
      const gaps = samples.flatMap((s) => {
        const mine = own(c.id, s);
        const middle = medians.get(`${c.id}|${s}`);
        return mine === undefined || middle == null ? [] : [normalized(c, mine) - middle];
      });
      const difference = mean(gaps);
      return difference === null || Math.abs(difference) < MIN_CRITERION_DIFFERENCE
        ? []
        : [{ criterion: c.id, difference }];
    })
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference))
    .slice(0, MAX_CRITERIA);
}

function bandOf(leniency: number): CalibrationSummary['band'] {
  if (leniency > DEFAULT_LENIENCY_THRESHOLD) return 'lenient';
  if (leniency < -DEFAULT_LENIENCY_THRESHOLD) return 'harsh';
  return 'typical';
}

const median = (values: readonly number[]) => aggregate(values, 'median');
const mean = stableMean;

function rangeOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length < 2 ? null : Math.max(...present) - Math.min(...present);
}
