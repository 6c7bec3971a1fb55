import { readScore, type ScoreEntry } from './cells.ts';
import { type Competition, type Criterion, finalTop, type Juror, type Stage } from './competition.ts';
import type { Lang } from './i18n.ts';
import type { Innovation } from './innovation.ts';
import { cmp, compareProblems, type Problem, type ProblemCode, problemReason } from './problems.ts';
import { hasConflict, normalized, panelOf, toFourDecimals } from './scoring.ts';
import {
  a1Cell,
  JUROR_HEADER_ROWS,
  JUROR_INFO_COLUMNS,
  type JurorTab,
  parseJurorTab,
  type TabProgress,
} from './sheet-layout.ts';

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

/** A juror tab's rows as read (below the header), with the tab they came from. */
export interface TabValues {
  tab: JurorTab;
  values: readonly (readonly string[])[];
}

/** Ranks every stage in order, then the final weighted ranking, by the published rules. */
export function rankCompetition(
  competition: Competition,
  innovations: readonly Innovation[],
  scores: readonly ScoreEntry[],
  lang: Lang = 'id',
): CompetitionResult {
  const stageIds = new Set(competition.stages.map((s) => s.id));
  const stray: Problem[] = [];
  for (let n = 0; n < scores.length; n++) {
    const entry = scores[n] as ScoreEntry;
    if (!stageIds.has(entry.stage) && !isBlank(entry.value))
      stray.push(problem(entry, 'unknown-stage', lang));
  }
  return rankStages(competition, innovations, lang, stray, (frame, cells) => {
    gatherEntries(frame, cells, scores);
    return (ref) => scores[ref] as ScoreEntry;
  });
}

/**
 * rankCompetition on the juror tabs as read, without a ScoreEntry per typed cell: the same result as
 * rankCompetition(competition, innovations, every tab's parseJurorTab entries), plus each tab's progress
 * as parseJurorTab counts it (a row is the juror's when the innovation is known and no conflict).
 * Entries are made only for the cells that become problems.
 */
export function rankJurorTabs(
  competition: Competition,
  innovations: readonly Innovation[],
  tabs: readonly TabValues[],
  lang: Lang = 'id',
): { result: CompetitionResult; progress: TabProgress[] } {
  // Cells are kept by criterion position; a stage that lists one criterion id twice goes the long way.
  if (competition.stages.some((s) => new Set(s.criteria.map((c) => c.id)).size !== s.criteria.length)) {
    const known = new Map(innovations.map((i) => [i.id, i]));
    const entries = tabs.flatMap(({ tab, values }) => parseJurorTab(tab, values, () => false).entries);
    return {
      result: rankCompetition(competition, innovations, entries, lang),
      progress: tabs.map(({ tab, values }) => tabProgress(tab, values, known)),
    };
  }
  const progress: (TabProgress | undefined)[] = new Array(tabs.length);
  const result = rankStages(competition, innovations, lang, [], (frame, cells) => {
    gatherTabs(frame, cells, tabs, progress);
    return (ref, slot) => tabEntry(tabs, ref, slot);
  });
  // A tab of no stage of the competition is counted on its own.
  const known = new Map(innovations.map((i) => [i.id, i]));
  return {
    result,
    progress: tabs.map(({ tab, values }, t) => progress[t] ?? tabProgress(tab, values, known)),
  };
}

/** `value.trim() === ''` without making the trimmed copy. */
function isBlank(value: string): boolean {
  if (value === '') return true;
  const first = value.charCodeAt(0);
  // A cell that starts with a digit, a sign or a letter is not blank: the common case costs one test.
  if (first > 32 && first < 127) return false;
  return value.trim() === '';
}

/** Where a typed cell came from, as a number; turned back into its ScoreEntry only for a problem. */
type EntryOf = (ref: number, slot: number) => ScoreEntry;

/** Fills `cells` with one stage's typed cells (and `frame.problems`), and says how to find their entries. */
type Gather = (frame: StageFrame, cells: StageCells) => EntryOf;

function rankStages(
  competition: Competition,
  innovations: readonly Innovation[],
  lang: Lang,
  stray: Problem[],
  gather: Gather,
): CompetitionResult {
  const known = new Map(innovations.map((i) => [i.id, i]));
  const allJurors = new Set(competition.jurors.map((j) => j.id));
  const stages: StageResult[] = [];
  let population: Innovation[] = [...innovations];
  for (const stage of competition.stages) {
    const frame = frameOf(competition, stage, population, known, allJurors, lang);
    const cells = new StageCells(population.length, stage.criteria.length, frame.panel.length);
    const entryOf = gather(frame, cells);
    const candidates = candidatesOf(frame, cells, entryOf);
    const result: StageResult = {
      stage: stage.id,
      ranking: order(candidates, stage.advance),
      problems: frame.problems.sort(compareProblems),
    };
    stages.push(result);
    const advanced = new Set(result.ranking.filter((e) => e.advances).map((e) => e.id));
    population = population.filter((i) => advanced.has(i.id));
  }
  const problems = [...stages.flatMap((s) => s.problems), ...stray].sort(compareProblems);
  const final = rankFinal(competition, stages, innovations);
  return { stages, final: { ...final, problems }, problems };
}

/** What one stage's cells are read against, by position. */
interface StageFrame {
  stage: Stage;
  criteria: readonly Criterion[];
  /** The panel, one juror per id (a later duplicate wins, as a Map built from the list keeps it). */
  panel: Juror[];
  panelById: ReadonlyMap<string, Juror>;
  jurorSlot: ReadonlyMap<string, number>;
  /** Each panel juror's place in id order. */
  jurorOrder: readonly number[];
  allJurors: ReadonlySet<string>;
  criterionSlot: ReadonlyMap<string, number>;
  /** For jurorTotal: where the value of each listed criterion is kept. */
  totalSlots: readonly number[];
  tieBreakSlots: readonly (number | undefined)[];
  population: readonly Innovation[];
  position: ReadonlyMap<string, number>;
  known: ReadonlyMap<string, Innovation>;
  lang: Lang;
  problems: Problem[];
}

function frameOf(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
  known: ReadonlyMap<string, Innovation>,
  allJurors: ReadonlySet<string>,
  lang: Lang,
): StageFrame {
  const position = new Map<string, number>();
  population.forEach((i, k) => {
    position.set(i.id, k);
  });
  const panelById = new Map(panelOf(competition, stage).map((j) => [j.id, j]));
  const panel = [...panelById.values()];
  const jurorOrder = new Array<number>(panel.length);
  panel
    .map((j, k) => ({ id: j.id, k }))
    .sort((a, b) => cmp(a.id, b.id))
    .forEach((x, r) => {
      jurorOrder[x.k] = r;
    });
  const criterionSlot = new Map<string, number>();
  stage.criteria.forEach((c, k) => {
    criterionSlot.set(c.id, k);
  });
  return {
    stage,
    criteria: stage.criteria,
    panel,
    panelById,
    jurorSlot: new Map(panel.map((j, k) => [j.id, k])),
    jurorOrder,
    allJurors,
    criterionSlot,
    totalSlots: stage.criteria.map((c) => criterionSlot.get(c.id) ?? 0),
    tieBreakSlots: stage.tieBreak.map((id) => criterionSlot.get(id)),
    population,
    position,
    known,
    lang,
    problems: [],
  };
}

/** Past this many jurors on one innovation, their cells are found through a map instead of a scan. */
const SCAN_LIMIT = 16;

/**
 * One stage's typed cells by position, with no object per cell. A pair is one juror's row for one
 * innovation; its cells sit at pair × criteria + criterion position in flat arrays: the value read
 * (null when the text is not a score, undefined when nothing was typed) and where the first copy came
 * from. A cell typed more than once also keeps every copy.
 */
class StageCells {
  /** Innovation position → its first pair, or -1; then pair → the next pair of that innovation. */
  private readonly head: Int32Array;
  private readonly next: number[] = [];
  private readonly count: Int32Array;
  private crowded: Map<number, number> | undefined;
  /** Pair → juror slot. */
  readonly juror: number[] = [];
  values: (number | null | undefined)[];
  refs: number[];
  copies: Map<number, { ref: number; value: number | null }[]> | undefined;
  /** Pairs the arrays have room for; past it they grow. */
  private room: number;

  constructor(
    innovations: number,
    readonly width: number,
    private readonly jurors: number,
    pairs = 0,
  ) {
    this.head = new Int32Array(innovations).fill(-1);
    this.count = new Int32Array(innovations);
    this.room = pairs;
    this.values = new Array(pairs * width).fill(undefined);
    this.refs = new Array<number>(pairs * width).fill(-1);
  }

  /** Room for `pairs` more pairs (at least double the room when it grows), in one allocation each. */
  reserve(pairs: number): void {
    const need = this.juror.length + pairs;
    if (need <= this.room) return;
    this.room = this.juror.length === 0 ? need : Math.max(need, 2 * this.room);
    this.values = grown(this.values, this.room * this.width, undefined);
    this.refs = grown(this.refs, this.room * this.width, -1);
  }

  /** The pair of innovation `at` and juror slot `j`, made when new. */
  pair(at: number, j: number): number {
    const n = this.count[at] ?? 0;
    if (n > SCAN_LIMIT) {
      const found = this.crowded?.get(at * this.jurors + j);
      if (found !== undefined) return found;
    } else {
      for (let p = this.head[at] ?? -1; p >= 0; p = this.next[p] ?? -1) if (this.juror[p] === j) return p;
    }
    const p = this.juror.length;
    this.juror.push(j);
    this.next.push(this.head[at] ?? -1);
    this.head[at] = p;
    this.count[at] = n + 1;
    if (p >= this.room) this.reserve(Math.max(1, this.room));
    if (n + 1 > SCAN_LIMIT) {
      this.crowded ??= new Map();
      if (n === SCAN_LIMIT) {
        for (let q = this.head[at] ?? -1; q >= 0; q = this.next[q] ?? -1) {
          this.crowded.set(at * this.jurors + (this.juror[q] ?? 0), q);
        }
      } else this.crowded.set(at * this.jurors + j, p);
    }
    return p;
  }

  /** Keeps a typed cell; a second copy of the same cell keeps every copy, in input order. */
  put(pair: number, slot: number, value: number | null, ref: number): void {
    const key = pair * this.width + slot;
    const first = this.refs[key] ?? -1;
    if (first < 0) {
      this.values[key] = value;
      this.refs[key] = ref;
      return;
    }
    this.copies ??= new Map();
    const copies = this.copies.get(key);
    if (copies) copies.push({ ref, value });
    else
      this.copies.set(key, [
        { ref: first, value: this.values[key] ?? null },
        { ref, value },
      ]);
  }

  /** Writes innovation `at`'s pairs into `out`; returns how many. */
  pairsOf(at: number, out: number[]): number {
    let n = 0;
    for (let p = this.head[at] ?? -1; p >= 0; p = this.next[p] ?? -1) out[n++] = p;
    return n;
  }
}

/** A copy of `a` with room for `n` items, the new ones `fill`. */
function grown<T>(a: readonly T[], n: number, fill: T): T[] {
  const b = new Array<T>(n);
  for (let i = 0; i < a.length; i++) b[i] = a[i] as T;
  return b.fill(fill, a.length);
}

/**
 * Entries in input order. The cells of one row (one juror, one innovation) usually arrive together:
 * what depends only on the row is looked up once per row.
 */
function gatherEntries(frame: StageFrame, cells: StageCells, scores: readonly ScoreEntry[]): void {
  const { stage, criteria, criterionSlot, panelById, jurorSlot, position, known, allJurors, problems, lang } =
    frame;
  let rowInnovation: string | undefined;
  let rowJuror: string | undefined;
  let innovation: Innovation | undefined;
  let juror: Juror | undefined;
  let at: number | undefined;
  let listed = false;
  let conflict = false;
  let pair = -1;
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
      pair = juror && at !== undefined ? cells.pair(at, jurorSlot.get(juror.id) ?? 0) : -1;
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
    if (blocker || pair < 0 || !criterion || slot === undefined) {
      problems.push(problem(entry, blocker ?? 'unknown-criterion', lang));
      continue;
    }
    const read = readScore(entry.value, criterion.min, criterion.max);
    if (read === 'not-a-number' || read === 'out-of-range') {
      problems.push(problem(entry, read, lang, { min: criterion.min, max: criterion.max }));
    }
    if (conflict) problems.push(problem(entry, 'conflict', lang));
    cells.put(pair, slot, typeof read === 'number' ? read : null, n);
  }
}

/** Rows per tab in a cell reference: tab × ROWS + row. */
const ROWS = 1 << 20;

/**
 * The juror tabs of this stage, row by row, in the order parseJurorTab would list their entries; a
 * cell's entry is made only when it becomes a problem. Criteria are columns, so the criterion's position
 * is the column's.
 */
function gatherTabs(
  frame: StageFrame,
  cells: StageCells,
  tabs: readonly TabValues[],
  progress: (TabProgress | undefined)[],
): void {
  const { stage, criteria, panelById, jurorSlot, position, known, allJurors, problems, lang } = frame;
  // At most one pair per row: room for them all at once.
  cells.reserve(tabs.reduce((n, { tab, values }) => (tab.stage.id === stage.id ? n + values.length : n), 0));
  tabs.forEach(({ tab, values }, t) => {
    if (tab.stage.id !== stage.id) return;
    const juror = panelById.get(tab.juror.id);
    const listed = allJurors.has(tab.juror.id);
    const j = juror ? (jurorSlot.get(juror.id) ?? 0) : -1;
    // parseJurorTab's progress, counted on the way: a row is the tab juror's unless in conflict.
    let assigned = 0;
    let scored = 0;
    for (let i = 0; i < values.length && i < ROWS; i++) {
      const row = values[i] as readonly string[];
      const id = (row[0] ?? '').trim();
      if (id === '') continue;
      const innovation = known.get(id);
      const at = innovation ? position.get(innovation.id) : undefined;
      const conflict = innovation && juror ? hasConflict(juror, innovation) : false;
      let complete = true;
      let pair = -1;
      for (let c = 0; c < criteria.length; c++) {
        const value = row[JUROR_INFO_COLUMNS + c] ?? '';
        if (isBlank(value)) {
          complete = false;
          continue;
        }
        const criterion = criteria[c] as Criterion;
        const read = readScore(value, criterion.min, criterion.max);
        if (typeof read !== 'number') complete = false;
        const blocker: ProblemCode | null = !innovation
          ? 'unknown-innovation'
          : at === undefined
            ? 'not-in-stage'
            : !listed
              ? 'unknown-juror'
              : !juror
                ? 'not-on-panel'
                : null;
        if (blocker || at === undefined) {
          problems.push(problem(tabEntry(tabs, t * ROWS + i, c), blocker ?? 'not-in-stage', lang));
          continue;
        }
        if (read === 'not-a-number' || read === 'out-of-range') {
          problems.push(
            problem(tabEntry(tabs, t * ROWS + i, c), read, lang, { min: criterion.min, max: criterion.max }),
          );
        }
        if (conflict) problems.push(problem(tabEntry(tabs, t * ROWS + i, c), 'conflict', lang));
        if (pair < 0) pair = cells.pair(at, j);
        cells.put(pair, c, typeof read === 'number' ? read : null, t * ROWS + i);
      }
      if (innovation && hasConflict(tab.juror, innovation)) continue;
      assigned += 1;
      if (complete) scored += 1;
    }
    progress[t] = { stage: tab.stage.id, juror: tab.juror.id, assigned, scored };
  });
}

/** The entry parseJurorTab makes for one cell of a tab. */
function tabEntry(tabs: readonly TabValues[], ref: number, column: number): ScoreEntry {
  const t = Math.floor(ref / ROWS);
  const i = ref % ROWS;
  const { tab, values } = tabs[t] as TabValues;
  const row = values[i] ?? [];
  return {
    stage: tab.stage.id,
    innovation: (row[0] ?? '').trim(),
    juror: tab.juror.id,
    criterion: tab.stage.criteria[column]?.id ?? '',
    value: row[JUROR_INFO_COLUMNS + column] ?? '',
    cell: a1Cell(tab.title, JUROR_INFO_COLUMNS + column, JUROR_HEADER_ROWS + i),
  };
}

/** parseJurorTab's progress count for one tab, without its entries. */
function tabProgress(
  tab: JurorTab,
  values: readonly (readonly string[])[],
  known: ReadonlyMap<string, Innovation>,
): TabProgress {
  let assigned = 0;
  let scored = 0;
  const criteria = tab.stage.criteria;
  for (const row of values) {
    const id = (row[0] ?? '').trim();
    if (id === '') continue;
    const innovation = known.get(id);
    if (innovation && hasConflict(tab.juror, innovation)) continue;
    assigned += 1;
    let complete = true;
    for (let c = 0; c < criteria.length && complete; c++) {
      const criterion = criteria[c] as Criterion;
      complete =
        typeof readScore(row[JUROR_INFO_COLUMNS + c] ?? '', criterion.min, criterion.max) === 'number';
    }
    if (complete) scored += 1;
  }
  return { stage: tab.stage.id, juror: tab.juror.id, assigned, scored };
}

/** Each innovation's candidate: its jurors in id order, each counted when every criterion has a score. */
function candidatesOf(frame: StageFrame, cells: StageCells, entryOf: EntryOf): Candidate[] {
  const { stage, criteria, panel, jurorOrder, totalSlots, tieBreakSlots, position, problems, lang } = frame;
  const width = cells.width;
  const valid = new Array<number | undefined>(criteria.length);
  // Scratch space reused for every innovation.
  const pairs: number[] = [];
  const counted: number[] = [];
  const countedPairs: number[] = [];
  const scratch: number[] = [];
  return frame.population.map((innovation) => {
    const totals: Record<string, number> = {};
    let jurors = 0;
    const at = position.get(innovation.id);
    const n = at === undefined ? 0 : cells.pairsOf(at, pairs);
    sortPairs(pairs, n, cells.juror, jurorOrder);
    for (let m = 0; m < n; m++) {
      const p = pairs[m] as number;
      const juror = panel[cells.juror[p] ?? -1];
      if (!juror || hasConflict(juror, innovation)) continue;
      for (let k = 0; k < criteria.length; k++) {
        const key = p * width + k;
        const copies = cells.copies?.get(key);
        const value = copies ? agreedValue(copies) : cells.values[key];
        if (value === 'disagree') {
          for (const c of copies ?? []) problems.push(problem(entryOf(c.ref, k), 'duplicate', lang));
          valid[k] = undefined;
        } else {
          valid[k] = value ?? undefined;
        }
      }
      const total = jurorTotal(criteria, totalSlots, valid);
      if (total === null) continue;
      totals[juror.id] = total;
      counted[jurors] = total;
      countedPairs[jurors] = p;
      jurors++;
    }
    const score = sortedMean(counted, jurors);
    // A counted juror has every criterion, each copy agreeing: the first copy's value is the value.
    const tieBreak = tieBreakSlots.map((k) => {
      const criterion = k === undefined ? undefined : criteria[k];
      if (k === undefined || !criterion) return 0;
      for (let m = 0; m < jurors; m++) {
        scratch[m] = normalized(criterion, cells.values[(countedPairs[m] ?? 0) * width + k] ?? 0);
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
}

/** The first `n` pairs in their jurors' id order: an insertion sort while the list is short. */
function sortPairs(pairs: number[], n: number, jurorOf: readonly number[], order: readonly number[]): void {
  const key = (p: number) => order[jurorOf[p] ?? 0] ?? 0;
  if (n > SCAN_LIMIT) {
    const sorted = pairs.slice(0, n).sort((a, b) => key(a) - key(b));
    for (let i = 0; i < n; i++) pairs[i] = sorted[i] as number;
    return;
  }
  for (let i = 1; i < n; i++) {
    const p = pairs[i] as number;
    const k = key(p);
    let j = i - 1;
    while (j >= 0 && key(pairs[j] as number) > k) {
      pairs[j + 1] = pairs[j] as number;
      j--;
    }
    pairs[j + 1] = p;
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
