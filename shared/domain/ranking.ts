import { type CellReading, readCell, type ScoreEntry } from './cells.ts';
import { type Competition, finalTop, type Stage } from './competition.ts';
import { withStageScores } from './fairness/stage-scores.ts';
import type { Innovation } from './innovation.ts';
import { cmp, compareProblems, type Problem, type ProblemCode } from './problems.ts';
import { hasConflict, jurorTotal, normalized, panelOf, stableMean, toFourDecimals } from './scoring.ts';

export type RankStatus = 'complete' | 'incomplete';

export interface RankedEntry {
  /** Overall rank; shared on an unresolved tie (1, 2, 2, 4); null while incomplete. */
  rank: number | null;
  id: string;
  /** Full precision. For an incomplete entry, the mean of the totals counted so far, if any. */
  score: number | null;
  status: RankStatus;
  /** How many juror totals counted. */
  jurors: number;
  /** Shares its rank with another entry: the panel decides. */
  tie: boolean;
  advances: boolean;
  category: string;
  /** Rank within the category, by the same rules. */
  categoryRank: number | null;
  /** The tie-break criteria's means, 0–100, in tie-break order (for the audit trail). */
  tieBreak: number[];
  /** Counted juror totals, 0–100, by juror id (for the audit trail). */
  totals: Record<string, number>;
}

export interface StageResult {
  stage: string;
  ranking: RankedEntry[];
  problems: Problem[];
}

export interface CompetitionResult {
  stages: StageResult[];
  final: StageResult;
  /** Every problem, including those of rows that name no known stage. */
  problems: Problem[];
}

type Candidate = Omit<RankedEntry, 'rank' | 'tie' | 'advances' | 'categoryRank'>;

type TypedCell = { entry: ScoreEntry; reading: CellReading };

/** The one value typed in a cell; when a cell was typed more than once, only if every copy agrees. */
function agreedValue(cells: readonly TypedCell[]): number | null | 'disagree' {
  const [first, ...rest] = cells;
  const value = first?.reading.kind === 'number' ? first.reading.value : null;
  for (const other of rest) {
    const v = other.reading.kind === 'number' ? other.reading.value : null;
    if (v !== value) return 'disagree';
  }
  return value;
}

/** Ranks every stage in order, then the final weighted ranking, by the published rules. */
export function rankCompetition(
  competition: Competition,
  innovations: readonly Innovation[],
  scores: readonly ScoreEntry[],
): CompetitionResult {
  const known = new Map(innovations.map((i) => [i.id, i]));
  const stages: StageResult[] = [];
  let population: Innovation[] = [...innovations];
  for (const stage of competition.stages) {
    const result = rankStage(competition, stage, population, known, scores);
    stages.push(result);
    const advanced = new Set(result.ranking.filter((e) => e.advances).map((e) => e.id));
    population = population.filter((i) => advanced.has(i.id));
  }
  const stageIds = new Set(competition.stages.map((s) => s.id));
  const stray = scores
    .filter((s) => !stageIds.has(s.stage) && s.value.trim() !== '')
    .map((s) => problem(s, 'unknown-stage'));
  const problems = [...stages.flatMap((s) => s.problems), ...stray].sort(compareProblems);
  const final = rankFinal(competition, stages, innovations);
  return { stages, final: { ...final, problems }, problems };
}

function rankStage(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
  known: ReadonlyMap<string, Innovation>,
  scores: readonly ScoreEntry[],
): StageResult {
  const problems: Problem[] = [];
  const inStage = new Set(population.map((i) => i.id));
  const panel = new Map(panelOf(competition, stage).map((j) => [j.id, j]));
  const allJurors = new Set(competition.jurors.map((j) => j.id));
  const criteria = new Map(stage.criteria.map((c) => [c.id, c]));

  // innovation → juror → criterion → every non-empty value typed there, read once
  const typed = new Map<string, Map<string, Map<string, TypedCell[]>>>();
  for (const entry of scores) {
    if (entry.stage !== stage.id || entry.value.trim() === '') continue;
    const innovation = known.get(entry.innovation);
    const criterion = criteria.get(entry.criterion);
    const juror = panel.get(entry.juror);
    const blocker: ProblemCode | null = !innovation
      ? 'unknown-innovation'
      : !inStage.has(innovation.id)
        ? 'not-in-stage'
        : !allJurors.has(entry.juror)
          ? 'unknown-juror'
          : !juror
            ? 'not-on-panel'
            : !criterion
              ? 'unknown-criterion'
              : null;
    if (blocker || !innovation || !juror || !criterion) {
      problems.push(problem(entry, blocker ?? 'unknown-criterion'));
      continue;
    }
    const reading = readCell(entry.value, criterion.min, criterion.max);
    if (reading.kind === 'invalid') {
      problems.push(problem(entry, reading.reason, { min: criterion.min, max: criterion.max }));
    }
    if (hasConflict(juror, innovation)) problems.push(problem(entry, 'conflict'));
    const byJuror = typed.get(innovation.id) ?? new Map<string, Map<string, TypedCell[]>>();
    typed.set(innovation.id, byJuror);
    const byCriterion = byJuror.get(juror.id) ?? new Map<string, TypedCell[]>();
    byJuror.set(juror.id, byCriterion);
    const cells = byCriterion.get(criterion.id) ?? [];
    cells.push({ entry, reading });
    byCriterion.set(criterion.id, cells);
  }

  const candidates: Candidate[] = population.map((innovation) => {
    const totals: Record<string, number> = {};
    const criterionMeans = new Map<string, number[]>();
    const byJuror = [...(typed.get(innovation.id) ?? [])].sort(([a], [b]) => cmp(a, b));
    for (const [jurorId, byCriterion] of byJuror) {
      const juror = panel.get(jurorId);
      if (!juror || hasConflict(juror, innovation)) continue;
      const valid = new Map<string, number>();
      for (const [criterionId, cells] of byCriterion) {
        const value = agreedValue(cells);
        if (value === 'disagree') {
          for (const c of cells) problems.push(problem(c.entry, 'duplicate'));
        } else if (value !== null) {
          valid.set(criterionId, value);
        }
      }
      const total = jurorTotal(stage, valid);
      if (total === null) continue;
      totals[jurorId] = total;
      for (const [criterionId, value] of valid) {
        const criterion = criteria.get(criterionId);
        if (!criterion) continue;
        const means = criterionMeans.get(criterionId);
        if (means) means.push(normalized(criterion, value));
        else criterionMeans.set(criterionId, [normalized(criterion, value)]);
      }
    }
    const counted = Object.values(totals);
    return {
      id: innovation.id,
      category: innovation.category,
      score: stableMean(counted),
      status: counted.length >= stage.minJurors ? 'complete' : 'incomplete',
      jurors: counted.length,
      tieBreak: stage.tieBreak.map((c) => stableMean(criterionMeans.get(c) ?? []) ?? 0),
      totals,
    };
  });

  return {
    stage: stage.id,
    ranking: order(withStageScores(stage, candidates), stage.advance),
    problems: problems.sort(compareProblems),
  };
}

function rankFinal(
  competition: Competition,
  stages: readonly StageResult[],
  innovations: readonly Innovation[],
): Omit<StageResult, 'problems'> {
  const last = stages.at(-1);
  const weights = Object.entries(competition.final.weights).filter(([, w]) => w > 0);
  const byStage = new Map(stages.map((s) => [s.stage, new Map(s.ranking.map((e) => [e.id, e]))]));
  const categories = new Map(innovations.map((i) => [i.id, i.category]));
  const candidates: Candidate[] = (last?.ranking ?? []).map((lastEntry) => {
    const parts = weights.map(([sid, w]) => ({ w, entry: byStage.get(sid)?.get(lastEntry.id) }));
    const complete = parts.every((p) => p.entry?.status === 'complete' && p.entry.score !== null);
    const sumW = parts.reduce((s, p) => s + p.w, 0);
    const score = complete ? parts.reduce((s, p) => s + p.w * (p.entry?.score ?? 0), 0) / sumW : null;
    return {
      id: lastEntry.id,
      category: categories.get(lastEntry.id) ?? lastEntry.category,
      score,
      status: complete ? 'complete' : 'incomplete',
      jurors: lastEntry.jurors,
      tieBreak: lastEntry.tieBreak,
      totals: lastEntry.totals,
    };
  });
  return { stage: 'final', ranking: order(candidates, { top: finalTop(competition), per: 'overall' }) };
}

/** Higher score first, then the tie-break means; equal means agree to 4 decimals. */
export function compareCandidates(
  a: Pick<Candidate, 'score' | 'tieBreak'>,
  b: Pick<Candidate, 'score' | 'tieBreak'>,
) {
  const byScore = toFourDecimals(b.score ?? 0) - toFourDecimals(a.score ?? 0);
  if (byScore !== 0) return byScore;
  for (let i = 0; i < Math.max(a.tieBreak.length, b.tieBreak.length); i++) {
    const d = toFourDecimals(b.tieBreak[i] ?? 0) - toFourDecimals(a.tieBreak[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function order(candidates: readonly Candidate[], advance: Stage['advance']): RankedEntry[] {
  const complete = candidates
    .filter((c) => c.status === 'complete')
    .sort((a, b) => compareCandidates(a, b) || cmp(a.id, b.id));
  const incomplete = candidates
    .filter((c) => c.status !== 'complete')
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || cmp(a.id, b.id));
  const ranks = competitionRanks(complete);
  const categoryRanks = rankWithinCategories(complete);
  const ranked: RankedEntry[] = complete.map((c, i) => {
    const rank = ranks[i] ?? i + 1;
    const categoryRank = categoryRanks.get(c.id) ?? rank;
    const cut = advance?.per === 'category' ? categoryRank : rank;
    return {
      ...c,
      rank,
      // Sorted, so an entry sharing its rank stands next to one with the same rank: O(1), not a scan.
      tie: ranks[i - 1] === rank || ranks[i + 1] === rank,
      advances: advance ? cut <= advance.top : false,
      categoryRank,
    };
  });
  const pending: RankedEntry[] = incomplete.map((c) => ({
    ...c,
    rank: null,
    tie: false,
    advances: false,
    categoryRank: null,
  }));
  return [...ranked, ...pending];
}

/** The same competition ranks, counted within each category. Expects entries already sorted. */
function rankWithinCategories(sorted: readonly Candidate[]): Map<string, number> {
  const groups = new Map<string, Candidate[]>();
  for (const c of sorted) {
    const group = groups.get(c.category) ?? [];
    group.push(c);
    groups.set(c.category, group);
  }
  const out = new Map<string, number>();
  for (const group of groups.values()) {
    const ranks = competitionRanks(group);
    group.forEach((c, i) => {
      out.set(c.id, ranks[i] ?? i + 1);
    });
  }
  return out;
}

/** 1, 2, 2, 4: equal entries share the better rank. Expects entries already sorted. */
function competitionRanks(sorted: readonly Candidate[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((c, i) => {
    const prev = sorted[i - 1];
    const prevRank = ranks[i - 1];
    ranks.push(prev && prevRank !== undefined && compareCandidates(prev, c) === 0 ? prevRank : i + 1);
  });
  return ranks;
}

function problem(entry: ScoreEntry, code: ProblemCode, params?: Problem['params']): Problem {
  return {
    stage: entry.stage,
    innovation: entry.innovation,
    juror: entry.juror,
    criterion: entry.criterion,
    value: entry.value,
    code,
    ...(code === 'out-of-range' && params ? { params } : {}),
    ...(entry.cell ? { cell: entry.cell } : {}),
  };
}

export function resultFor(result: CompetitionResult, stageId: string): StageResult | undefined {
  return stageId === 'final' ? result.final : result.stages.find((s) => s.stage === stageId);
}
