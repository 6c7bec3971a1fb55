import { assignStage } from './assignment.ts';
import { readScore, type ScoreEntry } from './cells.ts';
import { type Competition, finalTop, type Juror, lastScoringStage, type Stage } from './competition.ts';
import { standardizeMinimum } from './fairness/normalization.ts';
import { withStageScores } from './fairness/stage-scores.ts';
import { failedGates, gated, isFieldExtra, isFieldStage } from './field.ts';
import { readAnswerScore } from './field-answers.ts';
import type { Innovation } from './innovation.ts';
import { cmp, compareProblems, type Problem, type ProblemCode } from './problems.ts';
import {
  hasConflict,
  jurorTotalOf,
  normalized,
  panelOf,
  stableMeanOfFirst,
  toFourDecimals,
} from './scoring.ts';
import { StageCells } from './stage-cells.ts';

export type RankStatus = 'complete' | 'incomplete';

export interface RankedEntry {
  /** Overall rank; shared on an unresolved tie (1, 2, 2, 4); null while incomplete. */
  rank: number | null;
  id: string;
  /** Full precision. For an incomplete entry, the mean of the totals counted so far, if any. */
  score: number | null;
  /**
   * The score as every output prints it, e.g. "90.45" (display-score.ts: half-up on the exact value),
   * set by `withDisplay` once per result; absent on results ranked before the rule existed.
   */
  display?: string;
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

/** The first `n` slots sorted by juror id (`cmp`) in place, by insertion: a few per entry. */
function byJuror(cells: StageCells, slots: number[], n: number): number {
  const id = (s: number) => cells.juror(s)?.id ?? '';
  for (let i = 1; i < n; i++) {
    const s = slots[i] ?? 0;
    let j = i;
    while (j > 0 && cmp(id(slots[j - 1] ?? 0), id(s)) > 0) {
      slots[j] = slots[j - 1] ?? 0;
      j--;
    }
    slots[j] = s;
  }
  return n;
}

/** Rules that not every rules version applies (shared/domain/record.ts `RULES` says which do). */
export interface RankOptions {
  /**
   * A stage with `jurorsPerInnovation` counts a juror's cells only for the entries assigned to them
   * (`assignStage` over the stage's population); the others are reported as `not-assigned`.
   */
  enforceAssignment?: boolean;
  /**
   * z-scoring standardizes a juror only from the stage's `aggregation.minEntries` scored entries
   * (default 8, `standardizeMinimum`); without it, from 3 (juri-rules/1–3).
   */
  configuredZscoreMinimum?: boolean;
}

/** Ranks every stage in order, then the final weighted ranking, by the published rules. */
export function rankCompetition(
  competition: Competition,
  innovations: readonly Innovation[],
  scores: readonly ScoreEntry[],
  options: RankOptions = {},
): CompetitionResult {
  const known = new Map(innovations.map((i) => [i.id, i]));
  const stages: StageResult[] = [];
  let population: Innovation[] = [...innovations];
  for (const stage of competition.stages) {
    const assigned = options.enforceAssignment ? assignedPairs(competition, stage, population) : null;
    const minEntries = options.configuredZscoreMinimum ? standardizeMinimum(stage) : undefined;
    const ranked = rankStage(competition, stage, population, known, scores, assigned, minEntries);
    // A field verification passes its entries on, but for those its gate turned away.
    const result = isFieldStage(stage) ? gated(stage, ranked) : ranked;
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
  assigned: ReadonlySet<string> | null,
  minEntries: number | undefined,
): StageResult {
  const problems: Problem[] = [];
  const inStage = new Map<string, number>();
  for (const i of population) if (!inStage.has(i.id)) inStage.set(i.id, inStage.size);
  const panel = new Map(panelOf(competition, stage).map((j) => [j.id, j]));
  const allJurors = new Set(competition.jurors.map((j) => j.id));
  const criteria = stage.criteria;
  const criterionAt = new Map(criteria.map((c, k) => [c.id, k]));
  const cells = new StageCells(inStage.size, criteria.length);
  // A field verification's cells are answers (ya / sebagian / tidak) on a 0–2 scale.
  const readCellScore = isFieldStage(stage) ? readAnswerScore : readScore;

  // A tab's cells come row by row: the entry and juror of the last cell are looked up once per row.
  let lastInnovation: string | undefined;
  let lastJuror: string | undefined;
  let innovation: Innovation | undefined;
  let entryAt: number | undefined;
  let juror: Juror | undefined;
  let jurorKnown = false;
  let slot = -1;
  let conflict = false;
  let unassigned = false;
  for (let n = 0; n < scores.length; n++) {
    const entry = scores[n] as ScoreEntry;
    if (entry.stage !== stage.id || entry.value.trim() === '') continue;
    if (entry.innovation !== lastInnovation || entry.juror !== lastJuror) {
      if (entry.innovation !== lastInnovation) {
        lastInnovation = entry.innovation;
        innovation = known.get(entry.innovation);
        entryAt = innovation ? inStage.get(innovation.id) : undefined;
      }
      if (entry.juror !== lastJuror) {
        lastJuror = entry.juror;
        juror = panel.get(entry.juror);
        jurorKnown = allJurors.has(entry.juror);
      }
      slot = -1;
      conflict = innovation && juror ? hasConflict(juror, innovation) : false;
      unassigned = assigned !== null && !assigned.has(pairKey(entry.juror, entry.innovation));
    }
    const criterion = criterionAt.get(entry.criterion);
    if (criterion === undefined && isFieldExtra(stage, entry.criterion)) continue;
    const blocker: ProblemCode | null = !innovation
      ? 'unknown-innovation'
      : entryAt === undefined
        ? 'not-in-stage'
        : !jurorKnown
          ? 'unknown-juror'
          : !juror
            ? 'not-on-panel'
            : criterion === undefined
              ? 'unknown-criterion'
              : unassigned
                ? 'not-assigned'
                : null;
    const scale = criterion === undefined ? undefined : criteria[criterion];
    if (blocker || !innovation || entryAt === undefined || !juror || criterion === undefined || !scale) {
      problems.push(problem(entry, blocker ?? 'unknown-criterion'));
      continue;
    }
    const read = readCellScore(entry.value, scale.min, scale.max);
    if (typeof read !== 'number' && read !== 'empty') {
      problems.push(problem(entry, read, { min: scale.min, max: scale.max }));
    }
    if (conflict) problems.push(problem(entry, 'conflict'));
    if (slot < 0) slot = cells.slot(entryAt, juror);
    cells.add(slot, criterion, typeof read === 'number' ? read : Number.NaN, n);
  }

  const tieBreakAt = stage.tieBreak.map((id) => criterionAt.get(id) ?? -1);
  // Scratch reused for every entry: fresh little arrays per entry were most of the garbage left.
  const slots: number[] = [];
  const counted: number[] = [];
  const means: number[] = [];
  const candidates: Candidate[] = population.map((innovation) => {
    const totals: Record<string, number> = {};
    const at = inStage.get(innovation.id);
    const n = byJuror(cells, slots, at === undefined ? 0 : cells.slotsOf(at, slots));
    let jurors = 0;
    for (let i = 0; i < n; i++) {
      const s = slots[i] ?? 0;
      const juror = cells.juror(s);
      if (!juror || hasConflict(juror, innovation)) continue;
      for (let k = 0; k < criteria.length; k++) {
        const copies = cells.disagreeing(s, k);
        for (let c = 0; c < copies.length; c++) {
          problems.push(problem(scores[copies[c] ?? 0] as ScoreEntry, 'duplicate'));
        }
      }
      const total = jurorTotalOf(stage, (_, k) => cells.value(s, k));
      if (total === null) continue;
      totals[juror.id] = total;
      // The counted slots move to the front (j <= i: slot i has been read).
      counted[jurors] = total;
      slots[jurors] = s;
      jurors++;
    }
    const tieBreak = tieBreakAt.map((k) => {
      const criterion = criteria[k];
      let m = 0;
      for (let j = 0; criterion && j < jurors; j++) {
        const value = cells.value(slots[j] ?? 0, k);
        if (value !== undefined) means[m++] = normalized(criterion, value);
      }
      return stableMeanOfFirst(means, m) ?? 0;
    });
    return {
      id: innovation.id,
      category: innovation.category,
      score: stableMeanOfFirst(counted, jurors),
      status: jurors >= stage.minJurors ? 'complete' : 'incomplete',
      jurors,
      tieBreak,
      totals,
    };
  });

  return {
    stage: stage.id,
    ranking: order(withStageScores(stage, candidates, minEntries), stage.advance),
    problems: problems.sort(compareProblems),
  };
}

/**
 * `juror|innovation` of every row the stage's assignment gives, or null when every panel juror scores
 * every entry (no `jurorsPerInnovation`): then there is nothing to enforce.
 */
function assignedPairs(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
): Set<string> | null {
  if (stage.jurorsPerInnovation === undefined) return null;
  const pairs = new Set<string>();
  for (const [juror, rows] of assignStage(competition, stage, population)) {
    for (const row of rows) pairs.add(pairKey(juror, row.innovation.id));
  }
  return pairs;
}

function pairKey(juror: string, innovation: string): string {
  return `${juror}|${innovation}`;
}

function rankFinal(
  competition: Competition,
  stages: readonly StageResult[],
  innovations: readonly Innovation[],
): Omit<StageResult, 'problems'> {
  // The last stage jurors score names the final's entries (those that reached a field verification
  // after it); a field gate may still turn one away, and until every gate has verified an entry, the
  // entry is not complete.
  const lastStage = lastScoringStage(competition);
  const last = stages.find((s) => s.stage === lastStage?.id);
  const reached = last === stages.at(-1) ? null : new Set(stages.at(-1)?.ranking.map((e) => e.id));
  const gates = competition.stages.filter((s) => s.gate).map((s) => s.id);
  const failed = failedGates(competition.stages, stages);
  const weights = Object.entries(competition.final.weights).filter(([, w]) => w > 0);
  const byStage = new Map(stages.map((s) => [s.stage, new Map(s.ranking.map((e) => [e.id, e]))]));
  const categories = new Map(innovations.map((i) => [i.id, i.category]));
  const entries = (last?.ranking ?? []).filter((e) => !failed.has(e.id) && (reached?.has(e.id) ?? true));
  const candidates: Candidate[] = entries.map((lastEntry) => {
    const parts = weights.map(([sid, w]) => ({ w, entry: byStage.get(sid)?.get(lastEntry.id) }));
    const verified = gates.every((g) => byStage.get(g)?.get(lastEntry.id)?.status === 'complete');
    const complete = verified && parts.every((p) => p.entry?.status === 'complete' && p.entry.score !== null);
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

/** A candidate with its comparison key: the score and tie-break means as compareCandidates rounds them. */
interface Keyed {
  c: Candidate;
  key: number[];
}

/** compareCandidates on keys rounded once per candidate rather than once per comparison. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function order(candidates: readonly Candidate[], advance: Stage['advance']): RankedEntry[] {
  // Past its own tie-break means a candidate reads 0 (compareCandidates' `?? 0`): keys share one width.
  const width = candidates.reduce((w, c) => Math.max(w, c.tieBreak.length), 0);
  const complete: Keyed[] = [];
  const incomplete: Candidate[] = [];
  for (const c of candidates) {
    if (c.status !== 'complete') {
      incomplete.push(c);
      continue;
    }
    const key = [toFourDecimals(c.score ?? 0)];
    for (let i = 0; i < width; i++) key.push(toFourDecimals(c.tieBreak[i] ?? 0));
    complete.push({ c, key });
  }
  complete.sort((a, b) => compareKeys(a.key, b.key) || cmp(a.c.id, b.c.id));
  incomplete.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || cmp(a.id, b.id));
  const ranks = competitionRanks(complete);
  const categoryRanks = rankWithinCategories(complete);
  const out: RankedEntry[] = [];
  complete.forEach(({ c }, i) => {
    const rank = ranks[i] ?? i + 1;
    const categoryRank = categoryRanks.get(c.id) ?? rank;
    const cut = advance?.per === 'category' ? categoryRank : rank;
    // Sorted, so an entry sharing its rank stands next to one with the same rank: O(1), not a scan.
    const tie = ranks[i - 1] === rank || ranks[i + 1] === rank;
    out.push(ranked(c, rank, tie, advance ? cut <= advance.top : false, categoryRank));
  });
  for (const c of incomplete) out.push(ranked(c, null, false, false, null));
  return out;
}

/** Built field by field (in the order a spread gave), not spread: a spread copy costs more than the ranking. */
function ranked(
  c: Candidate,
  rank: number | null,
  tie: boolean,
  advances: boolean,
  categoryRank: number | null,
): RankedEntry {
  return {
    id: c.id,
    category: c.category,
    score: c.score,
    status: c.status,
    jurors: c.jurors,
    tieBreak: c.tieBreak,
    totals: c.totals,
    rank,
    tie,
    advances,
    categoryRank,
  };
}

/** The same competition ranks, counted within each category. Expects entries already sorted. */
function rankWithinCategories(sorted: readonly Keyed[]): Map<string, number> {
  const groups = new Map<string, Keyed[]>();
  for (const k of sorted) {
    const group = groups.get(k.c.category);
    if (group) group.push(k);
    else groups.set(k.c.category, [k]);
  }
  const out = new Map<string, number>();
  for (const group of groups.values()) {
    const ranks = competitionRanks(group);
    group.forEach((k, i) => {
      out.set(k.c.id, ranks[i] ?? i + 1);
    });
  }
  return out;
}

/** 1, 2, 2, 4: equal entries share the better rank. Expects entries already sorted. */
function competitionRanks(sorted: readonly Keyed[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((k, i) => {
    const prev = sorted[i - 1];
    const prevRank = ranks[i - 1];
    ranks.push(prev && prevRank !== undefined && compareKeys(prev.key, k.key) === 0 ? prevRank : i + 1);
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
