import { type CellReading, readCell, type ScoreEntry } from './cells.ts';
import { type Competition, type Criterion, finalTop, type Stage } from './competition.ts';
import type { Lang } from './i18n.ts';
import type { Innovation } from './innovation.ts';
import { cmp, compareProblems, type Problem, type ProblemCode, problemReason } from './problems.ts';
import { hasConflict, normalized, panelOf, toFourDecimals } from './scoring.ts';

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

/** One non-empty typed cell with how it reads. */
type TypedCell = { entry: ScoreEntry; reading: CellReading };

/** What one panel juror typed for one innovation: per criterion position, the cell (or every copy of it). */
interface JurorCells {
  juror: number;
  cells: (TypedCell | TypedCell[] | undefined)[];
}

/** The one value typed in a cell; when a cell was typed more than once, only if every copy agrees. */
function agreedValue(cells: TypedCell | TypedCell[]): number | null | 'disagree' {
  if (!Array.isArray(cells)) return cells.reading.kind === 'number' ? cells.reading.value : null;
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
  lang: Lang = 'id',
): CompetitionResult {
  const known = new Map(innovations.map((i) => [i.id, i]));
  const stages: StageResult[] = [];
  let population: Innovation[] = [...innovations];
  for (const stage of competition.stages) {
    const result = rankStage(competition, stage, population, known, scores, lang);
    stages.push(result);
    const advanced = new Set(result.ranking.filter((e) => e.advances).map((e) => e.id));
    population = population.filter((i) => advanced.has(i.id));
  }
  const stageIds = new Set(competition.stages.map((s) => s.id));
  const stray = scores
    .filter((s) => !stageIds.has(s.stage) && s.value.trim() !== '')
    .map((s) => problem(s, 'unknown-stage', lang));
  const problems = [...stages.flatMap((s) => s.problems), ...stray].sort(compareProblems);
  const final = rankFinal(competition, stages, innovations);
  return { stages, final: { ...final, problems }, problems };
}

/**
 * One stage. The typed cells are gathered by position — innovation, panel juror, criterion — into one
 * flat map keyed by a number, then each innovation reads its jurors in id order: O(cells + entries·log).
 */
function rankStage(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
  known: ReadonlyMap<string, Innovation>,
  scores: readonly ScoreEntry[],
  lang: Lang,
): StageResult {
  const problems: Problem[] = [];
  // Positions: a later duplicate id wins, as a Map built from the list would keep it.
  const position = new Map<string, number>();
  population.forEach((i, k) => {
    position.set(i.id, k);
  });
  const panelById = new Map(panelOf(competition, stage).map((j) => [j.id, j]));
  const panel = [...panelById.values()];
  const jurorSlot = new Map(panel.map((j, k) => [j.id, k]));
  // Each juror's place in id order, so an innovation's jurors sort as small integers.
  const jurorOrder = new Array<number>(panel.length);
  panel
    .map((j, k) => ({ id: j.id, k }))
    .sort((a, b) => cmp(a.id, b.id))
    .forEach((x, r) => {
      jurorOrder[x.k] = r;
    });
  const allJurors = new Set(competition.jurors.map((j) => j.id));
  const criteria = stage.criteria;
  const criterionSlot = new Map<string, number>();
  criteria.forEach((c, k) => {
    criterionSlot.set(c.id, k);
  });
  // For jurorTotal: each listed criterion reads the value kept under its id.
  const totalSlots = criteria.map((c) => criterionSlot.get(c.id) ?? 0);
  const tieBreakSlots = stage.tieBreak.map((id) => criterionSlot.get(id));
  const jurorCount = panel.length;

  // (innovation position × panel size + juror slot) → that juror's cells; and per innovation, its jurors.
  const sheets = new Map<number, JurorCells>();
  const jurorsOf: (JurorCells[] | undefined)[] = new Array(population.length);
  for (const entry of scores) {
    if (entry.stage !== stage.id || entry.value.trim() === '') continue;
    const innovation = known.get(entry.innovation);
    const slot = criterionSlot.get(entry.criterion);
    const criterion = slot === undefined ? undefined : criteria[slot];
    const juror = panelById.get(entry.juror);
    const at = innovation ? position.get(innovation.id) : undefined;
    const blocker: ProblemCode | null = !innovation
      ? 'unknown-innovation'
      : at === undefined
        ? 'not-in-stage'
        : !allJurors.has(entry.juror)
          ? 'unknown-juror'
          : !juror
            ? 'not-on-panel'
            : !criterion
              ? 'unknown-criterion'
              : null;
    if (blocker || !innovation || !juror || !criterion || at === undefined || slot === undefined) {
      problems.push(problem(entry, blocker ?? 'unknown-criterion', lang));
      continue;
    }
    const reading = readCell(entry.value, criterion.min, criterion.max);
    if (reading.kind === 'invalid') {
      problems.push(problem(entry, reading.reason, lang, { min: criterion.min, max: criterion.max }));
    }
    if (hasConflict(juror, innovation)) problems.push(problem(entry, 'conflict', lang));
    const j = jurorSlot.get(juror.id) ?? 0;
    const key = at * jurorCount + j;
    let sheet = sheets.get(key);
    if (!sheet) {
      sheet = { juror: j, cells: new Array(criteria.length) };
      sheets.set(key, sheet);
      const list = jurorsOf[at];
      if (list) list.push(sheet);
      else jurorsOf[at] = [sheet];
    }
    const typed: TypedCell = { entry, reading };
    const held = sheet.cells[slot];
    if (held === undefined) sheet.cells[slot] = typed;
    else if (Array.isArray(held)) held.push(typed);
    else sheet.cells[slot] = [held, typed];
  }

  const valid = new Array<number | undefined>(criteria.length);
  const candidates: Candidate[] = population.map((innovation) => {
    const totals: Record<string, number> = {};
    const counted: number[] = [];
    const tieValues: number[][] = tieBreakSlots.map(() => []);
    const at = position.get(innovation.id);
    const mine = at === undefined ? [] : (jurorsOf[at] ?? []);
    if (mine.length > 1) mine.sort((a, b) => (jurorOrder[a.juror] ?? 0) - (jurorOrder[b.juror] ?? 0));
    for (const { juror: j, cells } of mine) {
      const juror = panel[j];
      if (!juror || hasConflict(juror, innovation)) continue;
      valid.fill(undefined);
      for (let k = 0; k < cells.length; k++) {
        const held = cells[k];
        if (held === undefined) continue;
        const value = agreedValue(held);
        if (value === 'disagree') {
          for (const c of held as TypedCell[]) problems.push(problem(c.entry, 'duplicate', lang));
        } else if (value !== null) {
          valid[k] = value;
        }
      }
      const total = jurorTotal(criteria, totalSlots, valid);
      if (total === null) continue;
      totals[juror.id] = total;
      counted.push(total);
      tieBreakSlots.forEach((k, t) => {
        const value = k === undefined ? undefined : valid[k];
        const criterion = k === undefined ? undefined : criteria[k];
        if (value !== undefined && criterion) tieValues[t]?.push(normalized(criterion, value));
      });
    }
    return {
      id: innovation.id,
      category: innovation.category,
      score: sortedMean(counted),
      status: counted.length >= stage.minJurors ? 'complete' : 'incomplete',
      jurors: counted.length,
      tieBreak: tieValues.map((values) => sortedMean(values) ?? 0),
      totals,
    };
  });

  return {
    stage: stage.id,
    ranking: order(candidates, stage.advance),
    problems: problems.sort(compareProblems),
  };
}

/**
 * jurorTotal (scoring.ts) over values kept by criterion position: the same sums in the same order,
 * so the same bits. `slots[k]` is where the value of the k-th listed criterion is kept.
 */
function jurorTotal(
  criteria: readonly Criterion[],
  slots: readonly number[],
  values: readonly (number | undefined)[],
): number | null {
  let weighted = 0;
  let weights = 0;
  for (let k = 0; k < criteria.length; k++) {
    const criterion = criteria[k] as Criterion;
    const score = values[slots[k] ?? k];
    if (score === undefined) return null;
    weighted += criterion.weight * normalized(criterion, score);
    weights += criterion.weight;
  }
  return weighted / weights;
}

/** stableMean (scoring.ts) on an array this module owns: sorted in place instead of copied. */
function sortedMean(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
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

/** A candidate with its score and tie-break means rounded once, for sorting and tie detection. */
interface Keyed {
  c: Candidate;
  score: number;
  tieBreak: number[];
}

function keyed(c: Candidate): Keyed {
  return { c, score: toFourDecimals(c.score ?? 0), tieBreak: c.tieBreak.map(toFourDecimals) };
}

/** compareCandidates on rounded keys. */
function compareKeyed(a: Keyed, b: Keyed): number {
  const byScore = b.score - a.score;
  if (byScore !== 0) return byScore;
  const n = Math.max(a.tieBreak.length, b.tieBreak.length);
  for (let i = 0; i < n; i++) {
    const d = (b.tieBreak[i] ?? 0) - (a.tieBreak[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** O(n log n): one sort on precomputed keys; ties are neighbours in that order. */
function order(candidates: readonly Candidate[], advance: Stage['advance']): RankedEntry[] {
  const complete = candidates
    .filter((c) => c.status === 'complete')
    .map(keyed)
    .sort((a, b) => compareKeyed(a, b) || cmp(a.c.id, b.c.id));
  const incomplete = candidates
    .filter((c) => c.status !== 'complete')
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || cmp(a.id, b.id));
  const ranks = competitionRanks(complete);
  const categoryRanks = rankWithinCategories(complete);
  const ranked: RankedEntry[] = complete.map(({ c }, i) => {
    const rank = ranks[i] ?? i + 1;
    const categoryRank = categoryRanks.get(c.id) ?? rank;
    const cut = advance?.per === 'category' ? categoryRank : rank;
    return {
      ...c,
      rank,
      // Equal ranks are adjacent: a rank is shared only by consecutive equal entries.
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
    ranks.push(prev && prevRank !== undefined && compareKeyed(prev, k) === 0 ? prevRank : i + 1);
  });
  return ranks;
}

function problem(
  entry: ScoreEntry,
  code: ProblemCode,
  lang: Lang,
  args: Record<string, string | number> = {},
): Problem {
  return {
    stage: entry.stage,
    innovation: entry.innovation,
    juror: entry.juror,
    criterion: entry.criterion,
    value: entry.value,
    code,
    reason: problemReason(code, lang, args),
    ...(entry.cell ? { cell: entry.cell } : {}),
  };
}

export function resultFor(result: CompetitionResult, stageId: string): StageResult | undefined {
  return stageId === 'final' ? result.final : result.stages.find((s) => s.stage === stageId);
}
