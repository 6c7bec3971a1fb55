import { readScore, type ScoreEntry } from './cells.ts';
import { type Competition, type Criterion, finalTop, type Juror, type Stage } from './competition.ts';
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

/**
 * What one panel juror typed for one innovation, by criterion position: the value read (null when the
 * text is not a score), the entry it came from, and — only for a cell typed more than once — every copy.
 */
interface JurorCells {
  juror: number;
  values: (number | null | undefined)[];
  entries: (ScoreEntry | undefined)[];
  copies: Map<number, { entry: ScoreEntry; value: number | null }[]> | undefined;
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
  const stray: Problem[] = [];
  for (let n = 0; n < scores.length; n++) {
    const entry = scores[n] as ScoreEntry;
    if (!stageIds.has(entry.stage) && !isBlank(entry.value))
      stray.push(problem(entry, 'unknown-stage', lang));
  }
  const problems = [...stages.flatMap((s) => s.problems), ...stray].sort(compareProblems);
  const final = rankFinal(competition, stages, innovations);
  return { stages, final: { ...final, problems }, problems };
}

/** `value.trim() === ''` without making the trimmed copy. */
function isBlank(value: string): boolean {
  if (value === '') return true;
  const first = value.charCodeAt(0);
  // A cell that starts with a digit, a sign or a letter is not blank: the common case costs one test.
  if (first > 32 && first < 127) return false;
  return value.trim() === '';
}

/** Past this many jurors on one innovation, their cells are found through a map instead of a scan. */
const SCAN_LIMIT = 16;

/**
 * One stage. The cells are gathered by position — innovation, panel juror, criterion — with no object
 * per cell: each innovation keeps a short list of its jurors' cells (a map takes over past SCAN_LIMIT
 * jurors), and the cells of one juror's row, which arrive together, skip the lookup. Then each
 * innovation reads its jurors in id order. O(cells + Σ jurors·log jurors over the innovations).
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

  const jurorsOf: (JurorCells[] | undefined)[] = new Array(population.length);
  let crowded: Map<number, JurorCells> | undefined;
  const sheetOf = (at: number, j: number): JurorCells => {
    const list = jurorsOf[at];
    if (list && list.length <= SCAN_LIMIT) {
      for (let k = 0; k < list.length; k++)
        if ((list[k] as JurorCells).juror === j) return list[k] as JurorCells;
    } else if (list) {
      const found = crowded?.get(at * jurorCount + j);
      if (found) return found;
    }
    const sheet: JurorCells = {
      juror: j,
      values: new Array(criteria.length),
      entries: [],
      copies: undefined,
    };
    if (!list) jurorsOf[at] = [sheet];
    else {
      list.push(sheet);
      if (list.length === SCAN_LIMIT + 1) {
        crowded ??= new Map();
        for (const s of list) crowded.set(at * jurorCount + s.juror, s);
      } else if (list.length > SCAN_LIMIT) crowded?.set(at * jurorCount + j, sheet);
    }
    return sheet;
  };
  // The cells of one row (one juror, one innovation) arrive together: what depends only on the row is
  // looked up once per row.
  let rowInnovation: string | undefined;
  let rowJuror: string | undefined;
  let innovation: Innovation | undefined;
  let juror: Juror | undefined;
  let at: number | undefined;
  let listed = false;
  let conflict = false;
  let sheet: JurorCells | undefined;
  for (let n = 0; n < scores.length; n++) {
    const entry = scores[n] as ScoreEntry;
    if (entry.stage !== stage.id || isBlank(entry.value)) continue;
    if (entry.innovation !== rowInnovation || entry.juror !== rowJuror) {
      rowInnovation = entry.innovation;
      rowJuror = entry.juror;
      innovation = known.get(entry.innovation);
      juror = panelById.get(entry.juror);
      at = innovation ? position.get(innovation.id) : undefined;
      listed = allJurors.has(entry.juror);
      conflict = innovation && juror ? hasConflict(juror, innovation) : false;
      sheet = innovation && juror && at !== undefined ? sheetOf(at, jurorSlot.get(juror.id) ?? 0) : undefined;
    }
    const slot = criterionSlot.get(entry.criterion);
    const criterion = slot === undefined ? undefined : criteria[slot];
    const blocker: ProblemCode | null = !innovation
      ? 'unknown-innovation'
      : at === undefined
        ? 'not-in-stage'
        : !listed
          ? 'unknown-juror'
          : !juror
            ? 'not-on-panel'
            : !criterion
              ? 'unknown-criterion'
              : null;
    if (blocker || !sheet || !criterion || slot === undefined) {
      problems.push(problem(entry, blocker ?? 'unknown-criterion', lang));
      continue;
    }
    const read = readScore(entry.value, criterion.min, criterion.max);
    if (read === 'not-a-number' || read === 'out-of-range') {
      problems.push(problem(entry, read, lang, { min: criterion.min, max: criterion.max }));
    }
    const value = typeof read === 'number' ? read : null;
    if (conflict) problems.push(problem(entry, 'conflict', lang));
    const first = sheet.entries[slot];
    if (first === undefined) {
      sheet.values[slot] = value;
      sheet.entries[slot] = entry;
    } else {
      // The same cell typed again (two rows for one innovation): keep every copy, in input order.
      sheet.copies ??= new Map();
      const copies = sheet.copies.get(slot);
      if (copies) copies.push({ entry, value });
      else
        sheet.copies.set(slot, [
          { entry: first, value: sheet.values[slot] ?? null },
          { entry, value },
        ]);
    }
  }

  const valid = new Array<number | undefined>(criteria.length);
  // Scratch space reused for every innovation: the counted totals, the jurors counted, one tie-break's values.
  const counted: number[] = [];
  const countedSheets: JurorCells[] = [];
  const scratch: number[] = [];
  const candidates: Candidate[] = population.map((innovation) => {
    const totals: Record<string, number> = {};
    let jurors = 0;
    const at = position.get(innovation.id);
    const mine = at === undefined ? undefined : jurorsOf[at];
    if (mine) sortSheets(mine, jurorOrder);
    for (let m = 0; mine && m < mine.length; m++) {
      const sheet = mine[m] as JurorCells;
      const juror = panel[sheet.juror];
      if (!juror || hasConflict(juror, innovation)) continue;
      for (let k = 0; k < criteria.length; k++) {
        const copies = sheet.copies?.get(k);
        const value = copies ? agreedValue(copies) : sheet.values[k];
        if (value === 'disagree') {
          for (const c of copies ?? []) problems.push(problem(c.entry, 'duplicate', lang));
          valid[k] = undefined;
        } else {
          valid[k] = value ?? undefined;
        }
      }
      const total = jurorTotal(criteria, totalSlots, valid);
      if (total === null) continue;
      totals[juror.id] = total;
      counted[jurors] = total;
      countedSheets[jurors] = sheet;
      jurors++;
    }
    const score = sortedMean(counted, jurors);
    // A counted juror has every criterion, each copy agreeing: the first copy's value is the value.
    const tieBreak = tieBreakSlots.map((k) => {
      const criterion = k === undefined ? undefined : criteria[k];
      if (k === undefined || !criterion) return 0;
      for (let m = 0; m < jurors; m++) {
        scratch[m] = normalized(criterion, (countedSheets[m] as JurorCells).values[k] ?? 0);
      }
      return sortedMean(scratch, jurors) ?? 0;
    });
    return {
      id: innovation.id,
      category: innovation.category,
      score,
      status: jurors >= stage.minJurors ? 'complete' : 'incomplete',
      jurors,
      tieBreak,
      totals,
    };
  });

  return {
    stage: stage.id,
    ranking: order(candidates, stage.advance),
    problems: problems.sort(compareProblems),
  };
}

/** An innovation's jurors in id order: an insertion sort while the list is short. */
function sortSheets(list: JurorCells[], order: readonly number[]): void {
  if (list.length > SCAN_LIMIT) {
    list.sort((a, b) => (order[a.juror] ?? 0) - (order[b.juror] ?? 0));
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const s = list[i] as JurorCells;
    const key = order[s.juror] ?? 0;
    let j = i - 1;
    while (j >= 0 && (order[(list[j] as JurorCells).juror] ?? 0) > key) {
      list[j + 1] = list[j] as JurorCells;
      j--;
    }
    list[j + 1] = s;
  }
}

/** The one value typed in a cell typed more than once, only if every copy agrees. */
function agreedValue(copies: readonly { value: number | null }[]): number | null | 'disagree' {
  const value = copies[0]?.value ?? null;
  for (const other of copies) if (other.value !== value) return 'disagree';
  return value;
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

/**
 * stableMean (scoring.ts) of the first `n` values of a scratch array this module owns: sorted in place
 * (ascending, then summed in that order, so the same bits) instead of copied.
 */
function sortedMean(values: number[], n: number): number | null {
  if (n === 0) return null;
  if (n > 16) {
    const sorted = values.slice(0, n).sort((a, b) => a - b);
    for (let i = 0; i < n; i++) values[i] = sorted[i] as number;
  } else {
    // Insertion sort: the few totals of one entry, without a comparator call each.
    for (let i = 1; i < n; i++) {
      const v = values[i] as number;
      let j = i - 1;
      while (j >= 0 && (values[j] as number) > v) {
        values[j + 1] = values[j] as number;
        j--;
      }
      values[j + 1] = v;
    }
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return sum / n;
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
    // Spelled out rather than spread (same properties, same order): a spread is the slowest way to copy.
    return {
      id: c.id,
      category: c.category,
      score: c.score,
      status: c.status,
      jurors: c.jurors,
      tieBreak: c.tieBreak,
      totals: c.totals,
      rank,
      // Equal ranks are adjacent: a rank is shared only by consecutive equal entries.
      tie: ranks[i - 1] === rank || ranks[i + 1] === rank,
      advances: advance ? cut <= advance.top : false,
      categoryRank,
    };
  });
  const pending: RankedEntry[] = incomplete.map((c) => ({
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
