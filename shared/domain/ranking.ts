import type { ScoreEntry } from './cells.ts';
import {
  type Competition,
  type Criterion,
  finalTop,
  type Juror,
  lastScoringStage,
  type Stage,
} from './competition.ts';
import { standardizeMinimum } from './fairness/normalization.ts';
import { withStageScores } from './fairness/stage-scores.ts';
import { failedGates, gated, isFieldExtra, isFieldStage } from './field.ts';
import type { Innovation } from './innovation.ts';
import { cmp, compareProblems, type Problem, type ProblemCode } from './problems.ts';
import { AssignedPairs } from './rank-assigned.ts';
import {
  hasConflict,
  jurorTotalOf,
  normalized,
  panelOf,
  stableMeanOfFirst,
  toFourDecimals,
} from './scoring.ts';
import { StageCells } from './stage-cells.ts';
import {
  CELL_EMPTY,
  CELL_NOT_A_NUMBER,
  CELL_OUT_OF_RANGE,
  entriesOf,
  type StageColumns,
  type TypedCells,
  typedCellsOf,
} from './typed-cells.ts';

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

/**
 * An entry before its place is known: born in a RankedEntry's shape (place fields null and false, last,
 * so a record's JSON keeps its key order) and given its place by `order`, in place: a copy per entry
 * cost more than the ranking's own work.
 */
type Candidate = RankedEntry;

/** The place fields a candidate is born with, until `order` sets them. */
function unplaced(c: Omit<RankedEntry, 'rank' | 'tie' | 'advances' | 'categoryRank' | 'display'>): Candidate {
  return {
    id: c.id,
    category: c.category,
    score: c.score,
    status: c.status,
    jurors: c.jurors,
    tieBreak: c.tieBreak,
    totals: c.totals,
    rank: null,
    tie: false,
    advances: false,
    categoryRank: null,
  };
}

/**
 * The first `n` slots sorted by juror id (`cmp`) in place, by insertion: a few per entry. No closure in
 * here: a bundle that keeps function names names each one as it is made, once per entry.
 */
function byJuror(cells: StageCells, slots: number[], n: number): number {
  for (let i = 1; i < n; i++) {
    const s = slots[i] ?? 0;
    const id = cells.juror(s)?.id ?? '';
    let j = i;
    while (j > 0 && cmp(cells.juror(slots[j - 1] ?? 0)?.id ?? '', id) > 0) {
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

/**
 * Ranks every stage in order, then the final weighted ranking, by the published rules. The cells come
 * as a list (a file's, a record's) or already in columns (a read of the juror tabs).
 */
export function rankCompetition(
  competition: Competition,
  innovations: readonly Innovation[],
  scores: readonly ScoreEntry[] | TypedCells,
  options: RankOptions = {},
): CompetitionResult {
  const cells = inColumns(competition, scores);
  const known = new Map(innovations.map((i) => [i.id, i]));
  const stages: StageResult[] = [];
  let population: Innovation[] = [...innovations];
  for (const stage of competition.stages) {
    const minEntries = options.configuredZscoreMinimum ? standardizeMinimum(stage) : undefined;
    const typed: StageTyped = {
      columns: cells.stages.find((c) => c.stage === stage.id),
      stray: cells.stray.filter((s) => s.stage === stage.id),
    };
    const enforce = options.enforceAssignment === true && stage.jurorsPerInnovation !== undefined;
    const ranked = rankStage(competition, stage, population, known, typed, enforce, minEntries);
    // A field verification runs beside the stages after it: every entry goes on to them, and its gate
    // (`advances` false for an entry that failed) acts on the final ranking.
    if (isFieldStage(stage)) {
      stages.push(gated(stage, ranked));
      continue;
    }
    stages.push(ranked);
    const advanced = new Set(ranked.ranking.filter((e) => e.advances).map((e) => e.id));
    population = population.filter((i) => advanced.has(i.id));
  }
  const stageIds = new Set(competition.stages.map((s) => s.id));
  const stray = cells.stray.filter((s) => !stageIds.has(s.stage)).map((s) => problem(s, 'unknown-stage'));
  const problems = [...stages.flatMap((s) => s.problems), ...stray].sort(compareProblems);
  const final = rankFinal(competition, stages, innovations);
  return { stages, final: { ...final, problems }, problems };
}

/**
 * The cells in columns read against this config's stages: a list is put in columns; columns read
 * against other criteria or scales (another config) are read again from their text.
 */
function inColumns(competition: Competition, scores: readonly ScoreEntry[] | TypedCells): TypedCells {
  if (isCellList(scores)) return typedCellsOf(competition, scores);
  const fits = scores.stages.every((columns) => competition.stages.some((stage) => columns.readAs(stage)));
  return fits ? scores : typedCellsOf(competition, entriesOf(scores));
}

function isCellList(scores: readonly ScoreEntry[] | TypedCells): scores is readonly ScoreEntry[] {
  return Array.isArray(scores);
}

/** One stage's typed cells: its columns, and its cells of a criterion the stage does not have. */
interface StageTyped {
  columns: StageColumns | undefined;
  stray: readonly ScoreEntry[];
}

function rankStage(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
  known: ReadonlyMap<string, Innovation>,
  typed: StageTyped,
  /** Whether the stage's assignment is enforced (it has `jurorsPerInnovation` and the rules say so). */
  enforce: boolean,
  minEntries: number | undefined,
): StageResult {
  const problems: Problem[] = [];
  const inStage = new Map<string, number>();
  for (const i of population) if (!inStage.has(i.id)) inStage.set(i.id, inStage.size);
  // A slot per row at most: sized once, never grown.
  const cells = new StageCells(inStage.size, stage.criteria.length, typed.columns?.length);
  const rows = new RowLookup(competition, stage, known, inStage);
  const assigned = enforce ? new AssignedPairs(competition, stage, population, inStage) : null;
  if (typed.columns) placeTyped(stage, typed.columns, { rows, assigned, cells, problems });
  reportStray(stage, typed.stray, rows, problems);
  const candidates = candidatesOf(stage, population, inStage, { cells, columns: typed.columns, problems });
  return {
    stage: stage.id,
    ranking: order(withStageScores(stage, candidates, minEntries), stage.advance),
    problems: problems.sort(compareProblems),
  };
}

/** The entry and juror of a row (or of a stray cell), looked up again only when they change. */
class RowLookup {
  innovation: Innovation | undefined;
  /** The entry's index in the stage, when it is in the stage. */
  entryAt: number | undefined;
  /** The juror, when on the stage's panel. */
  juror: Juror | undefined;
  private jurorKnown = false;
  private lastInnovation: string | undefined;
  private lastJuror: string | undefined;
  private readonly panel: ReadonlyMap<string, Juror>;
  private readonly allJurors: ReadonlySet<string>;

  constructor(
    competition: Competition,
    stage: Stage,
    private readonly known: ReadonlyMap<string, Innovation>,
    private readonly inStage: ReadonlyMap<string, number>,
  ) {
    this.panel = new Map(panelOf(competition, stage).map((j) => [j.id, j]));
    this.allJurors = new Set(competition.jurors.map((j) => j.id));
  }

  at(innovationId: string, jurorId: string): void {
    if (innovationId !== this.lastInnovation) {
      this.lastInnovation = innovationId;
      this.innovation = this.known.get(innovationId);
      this.entryAt = this.innovation ? this.inStage.get(this.innovation.id) : undefined;
    }
    if (jurorId !== this.lastJuror) {
      this.lastJuror = jurorId;
      this.juror = this.panel.get(jurorId);
      this.jurorKnown = this.allJurors.has(jurorId);
    }
  }

  /** Why no cell of this entry and juror counts, before its criterion is looked at; or null. */
  blocker(): ProblemCode | null {
    return !this.innovation
      ? 'unknown-innovation'
      : this.entryAt === undefined
        ? 'not-in-stage'
        : !this.jurorKnown
          ? 'unknown-juror'
          : !this.juror
            ? 'not-on-panel'
            : null;
  }
}

/**
 * Each typed cell into its entry's and juror's slot, or reported with why it does not count; a cell
 * that is not a number, out of range or typed despite a conflict is reported, and still kept.
 */
function placeTyped(
  stage: Stage,
  columns: StageColumns,
  into: { rows: RowLookup; assigned: AssignedPairs | null; cells: StageCells; problems: Problem[] },
) {
  const { rows, assigned, cells, problems } = into;
  const criteria = stage.criteria;
  const width = criteria.length;
  for (let row = 0; row < columns.length; row++) {
    const innovationId = columns.innovation[row] ?? '';
    const jurorId = columns.juror[row] ?? '';
    rows.at(innovationId, jurorId);
    const { innovation, entryAt, juror } = rows;
    const blocker =
      rows.blocker() ?? (assigned !== null && !assigned.has(entryAt ?? -1, jurorId) ? 'not-assigned' : null);
    const conflict = innovation && juror ? hasConflict(juror, innovation) : false;
    let slot = -1;
    for (let k = 0; k < width; k++) {
      const status = (columns.status[k] as Uint8Array)[row];
      if (status === CELL_EMPTY) continue;
      if (blocker || entryAt === undefined || !juror) {
        problems.push(problemAt(columns, row, k, blocker ?? 'unknown-criterion'));
        continue;
      }
      if (status === CELL_NOT_A_NUMBER) problems.push(problemAt(columns, row, k, 'not-a-number'));
      else if (status === CELL_OUT_OF_RANGE) {
        const scale = criteria[k] as Criterion;
        problems.push(problemAt(columns, row, k, 'out-of-range', { min: scale.min, max: scale.max }));
      }
      if (conflict) problems.push(problemAt(columns, row, k, 'conflict'));
      if (slot < 0) slot = cells.slot(entryAt, juror);
      cells.add(slot, k, (columns.values[k] as Float64Array)[row] ?? Number.NaN, row * width + k);
    }
  }
}

/** A criterion the stage does not have: never counted, reported with the first reason that applies. */
function reportStray(stage: Stage, stray: readonly ScoreEntry[], rows: RowLookup, problems: Problem[]) {
  for (const entry of stray) {
    // A field verification's note and photo links: kept as cells, never scored, never a problem.
    if (isFieldExtra(stage, entry.criterion)) continue;
    rows.at(entry.innovation, entry.juror);
    problems.push(problem(entry, rows.blocker() ?? 'unknown-criterion'));
  }
}

/**
 * Each entry of the stage as a candidate: its counted juror totals (a conflicted juror's and an
 * incomplete total left out), their mean, its status and its tie-break means. Copies of a cell that
 * disagree are reported.
 */
function candidatesOf(
  stage: Stage,
  population: readonly Innovation[],
  inStage: ReadonlyMap<string, number>,
  { cells, columns, problems }: { cells: StageCells; columns: StageColumns | undefined; problems: Problem[] },
): Candidate[] {
  const tieBreakAt = stage.tieBreak.map((id) => stage.criteria.findIndex((c) => c.id === id));
  // Scratch reused for every entry: fresh little arrays per entry were most of the garbage left.
  const slots: number[] = [];
  const counted: number[] = [];
  const means: number[] = [];
  // One reader of the current slot's scores for every juror total, not a closure per slot.
  let current = 0;
  const scoreOfCurrent = (_: Criterion, k: number) => cells.value(current, k);
  return population.map((innovation) => {
    const totals: Record<string, number> = {};
    const at = inStage.get(innovation.id);
    const n = byJuror(cells, slots, at === undefined ? 0 : cells.slotsOf(at, slots));
    let jurors = 0;
    for (let i = 0; i < n; i++) {
      const s = slots[i] ?? 0;
      const juror = cells.juror(s);
      if (!juror || hasConflict(juror, innovation)) continue;
      if (columns && cells.anyDisagreeing) reportDisagreeing(stage, { cells, s, columns }, problems);
      current = s;
      const total = jurorTotalOf(stage, scoreOfCurrent);
      if (total === null) continue;
      totals[juror.id] = total;
      // The counted slots move to the front (j <= i: slot i has been read).
      counted[jurors] = total;
      slots[jurors] = s;
      jurors++;
    }
    return unplaced({
      id: innovation.id,
      category: innovation.category,
      score: stableMeanOfFirst(counted, jurors),
      status: jurors >= stage.minJurors ? 'complete' : 'incomplete',
      jurors,
      tieBreak: tieBreakMeans(stage, tieBreakAt, cells, slots, jurors, means),
      totals,
    });
  });
}

/** A slot's cells typed more than once with different values: each copy is reported. */
function reportDisagreeing(
  stage: Stage,
  { cells, s, columns }: { cells: StageCells; s: number; columns: StageColumns },
  problems: Problem[],
) {
  const width = stage.criteria.length;
  for (let k = 0; k < width; k++) {
    const copies = cells.disagreeing(s, k);
    for (let c = 0; c < copies.length; c++) {
      const copy = copies[c] ?? 0;
      problems.push(problemAt(columns, Math.floor(copy / width), copy % width, 'duplicate'));
    }
  }
}

/**
 * The tie-break criteria's means (0–100) over the first `jurors` (counted) slots; `means` is scratch.
 * Arguments in a row, not in an object: this runs once per entry.
 */
function tieBreakMeans(
  stage: Stage,
  tieBreakAt: readonly number[],
  cells: StageCells,
  slots: readonly number[],
  jurors: number,
  means: number[],
): number[] {
  // Made at its size (an array grown by push starts with room for 17), by a loop: Array#map and its
  // closure, once per entry, were a third of what making the candidates allocated.
  const out = new Array<number>(tieBreakAt.length);
  for (let t = 0; t < tieBreakAt.length; t++) {
    const k = tieBreakAt[t] as number;
    const criterion = stage.criteria[k];
    let m = 0;
    for (let j = 0; criterion && j < jurors; j++) {
      const value = cells.value(slots[j] ?? 0, k);
      if (value !== undefined) means[m++] = normalized(criterion, value);
    }
    out[t] = stableMeanOfFirst(means, m) ?? 0;
  }
  return out;
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
  const entries = (last?.ranking ?? []).filter((e) => !failed.has(e.id) && (reached?.has(e.id) ?? true));
  // Looked up for the final's entries only (a few hundred), not kept for every entry a stage ranked.
  const inFinal = new Set(entries.map((e) => e.id));
  const byStage = new Map(stages.map((s) => [s.stage, byIdAmong(s.ranking, inFinal, (e) => e)]));
  const categories = byIdAmong(innovations, inFinal, (i) => i.category);
  const candidates: Candidate[] = entries.map((lastEntry) => {
    const parts = weights.map(([sid, w]) => ({ w, entry: byStage.get(sid)?.get(lastEntry.id) }));
    const verified = gates.every((g) => byStage.get(g)?.get(lastEntry.id)?.status === 'complete');
    const complete = verified && parts.every((p) => p.entry?.status === 'complete' && p.entry.score !== null);
    const sumW = parts.reduce((s, p) => s + p.w, 0);
    const score = complete ? parts.reduce((s, p) => s + p.w * (p.entry?.score ?? 0), 0) / sumW : null;
    return unplaced({
      id: lastEntry.id,
      category: categories.get(lastEntry.id) ?? lastEntry.category,
      score,
      status: complete ? 'complete' : 'incomplete',
      jurors: lastEntry.jurors,
      tieBreak: lastEntry.tieBreak,
      totals: lastEntry.totals,
    });
  });
  return { stage: 'final', ranking: order(candidates, { top: finalTop(competition), per: 'overall' }) };
}

/** `pick` of each item whose id is in `ids`, by id (the last of an id winning, as a Map of all would). */
function byIdAmong<T extends { id: string }, V>(
  items: readonly T[],
  ids: ReadonlySet<string>,
  pick: (item: T) => V,
): Map<string, V> {
  const out = new Map<string, V>();
  for (const item of items) if (ids.has(item.id)) out.set(item.id, pick(item));
  return out;
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
  const complete: Candidate[] = [];
  const incomplete: Candidate[] = [];
  for (const c of candidates) (c.status === 'complete' ? complete : incomplete).push(c);
  // Each complete candidate's key, the score and tie-break means as compareCandidates rounds them,
  // once per candidate in one flat array; past its own tie-break means a candidate reads 0 (`?? 0`).
  const width = 1 + candidates.reduce((w, c) => Math.max(w, c.tieBreak.length), 0);
  const keys = new Float64Array(complete.length * width);
  complete.forEach((c, i) => {
    keys[i * width] = toFourDecimals(c.score ?? 0);
    for (let t = 1; t < width; t++) keys[i * width + t] = toFourDecimals(c.tieBreak[t - 1] ?? 0);
  });
  /** compareCandidates of complete[a] and complete[b], on their keys. */
  const byKey = (a: number, b: number): number => {
    for (let t = 0; t < width; t++) {
      const d = (keys[b * width + t] ?? 0) - (keys[a * width + t] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  const idOf = (i: number) => (complete[i] as Candidate).id;
  const sorted = complete.map((_, i) => i).sort((a, b) => byKey(a, b) || cmp(idOf(a), idOf(b)));
  incomplete.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || cmp(a.id, b.id));
  // Competition ranks (1, 2, 2, 4: equal entries share the better rank), overall and within each
  // category, in one pass over the sorted order.
  const ranks = new Int32Array(sorted.length);
  const categoryRanks = new Map<string, number>();
  const categories = new Map<string, { count: number; rank: number; last: number }>();
  sorted.forEach((at, i) => {
    const prev = sorted[i - 1];
    ranks[i] = prev !== undefined && byKey(prev, at) === 0 ? (ranks[i - 1] ?? 0) : i + 1;
    const c = complete[at] as Candidate;
    let group = categories.get(c.category);
    if (!group) {
      group = { count: 0, rank: 0, last: -1 };
      categories.set(c.category, group);
    }
    group.count++;
    group.rank = group.last >= 0 && byKey(group.last, at) === 0 ? group.rank : group.count;
    group.last = at;
    categoryRanks.set(c.id, group.rank);
  });
  const out: RankedEntry[] = [];
  sorted.forEach((at, i) => {
    const c = complete[at] as Candidate;
    const rank = ranks[i] ?? i + 1;
    const categoryRank = categoryRanks.get(c.id) ?? rank;
    const cut = advance?.per === 'category' ? categoryRank : rank;
    // Sorted, so an entry sharing its rank stands next to one with the same rank: O(1), not a scan.
    const tie = ranks[i - 1] === rank || ranks[i + 1] === rank;
    c.rank = rank;
    c.tie = tie;
    c.advances = advance ? cut <= advance.top : false;
    c.categoryRank = categoryRank;
    out.push(c);
  });
  for (const c of incomplete) out.push(placeless(c));
  return out;
}

/** An incomplete entry: no place, never a tie, never advancing (as it was born, said again). */
function placeless(c: Candidate): RankedEntry {
  c.rank = null;
  c.tie = false;
  c.advances = false;
  c.categoryRank = null;
  return c;
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

function problemAt(
  columns: StageColumns,
  row: number,
  k: number,
  code: ProblemCode,
  params?: Problem['params'],
): Problem {
  return problem(columns.entry(row, k), code, params);
}

export function resultFor(result: CompetitionResult, stageId: string): StageResult | undefined {
  return stageId === 'final' ? result.final : result.stages.find((s) => s.stage === stageId);
}
