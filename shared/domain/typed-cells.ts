import { readScore, type ScoreEntry } from './cells.ts';
import type { Competition, Criterion, Stage } from './competition.ts';
import { isFieldStage } from './field.ts';
import { readAnswerScore } from './field-answers.ts';

/** What `readScore` made of a typed cell. */
export const CELL_EMPTY = 0;
export const CELL_NUMBER = 1;
export const CELL_NOT_A_NUMBER = 2;
export const CELL_OUT_OF_RANGE = 3;
/** A cell kept as typed and never scored (a field verification's note and photo links). */
export const CELL_TEXT = 4;
export type CellStatus =
  | typeof CELL_EMPTY
  | typeof CELL_NUMBER
  | typeof CELL_NOT_A_NUMBER
  | typeof CELL_OUT_OF_RANGE
  | typeof CELL_TEXT;

/** Where row `row`'s cell of criterion `k` came from: its text exactly as typed, and its address. */
export interface CellOrigin {
  text(row: number, k: number): string;
  cell(row: number, k: number): string | undefined;
}

/**
 * One stage's typed cells in columns: a row per juror's row for an entry, and per criterion one
 * Float64Array of the scores (NaN where the cell holds none) and one Uint8Array of what each cell held.
 * A national read holds ~79,000 cells: an object per cell made half of parsing and ranking garbage
 * collection. The text and address of a cell are looked up only when something needs them (a problem,
 * the record's cells).
 */
export class StageColumns {
  /** Rows filled so far. */
  length = 0;
  readonly innovation: string[] = [];
  readonly juror: string[] = [];
  /** By criterion, by row: the score within its scale, or NaN. */
  readonly values: Float64Array[];
  /** By criterion, then by extra, by row: a CellStatus. */
  readonly status: Uint8Array[];
  readonly stage: string;
  /** The stage's criterion ids as read: column k. */
  readonly criteria: readonly string[];
  /** The scales the cells were read against, in the stage's order. */
  private readonly scales: readonly Pick<Criterion, 'id' | 'min' | 'max'>[];
  /** A field verification's answers are words (field-answers.ts), every other stage's numbers. */
  private readonly field: boolean;
  private readonly readCell: typeof readScore;

  constructor(
    stage: Pick<Stage, 'id' | 'kind'> & { criteria: readonly Pick<Criterion, 'id' | 'min' | 'max'>[] },
    /** Rows to make room for at once (more are made as needed). */
    capacity: number,
    readonly origin: CellOrigin,
    /** Ids of cells kept beside the criteria as typed, never scored: columns criteria.length + e. */
    readonly extras: readonly string[] = [],
  ) {
    this.stage = stage.id;
    this.scales = stage.criteria;
    this.criteria = stage.criteria.map((c) => c.id);
    this.field = isFieldStage(stage);
    this.readCell = this.field ? readAnswerScore : readScore;
    this.values = stage.criteria.map(() => new Float64Array(capacity));
    this.status = [...stage.criteria, ...extras].map(() => new Uint8Array(capacity));
  }

  /** Starts a row (its cells all empty); returns its index. */
  addRow(innovation: string, juror: string): number {
    const row = this.length++;
    if (row >= (this.status[0]?.length ?? 0)) this.grow(Math.max(16, 2 * row));
    this.innovation[row] = innovation;
    this.juror[row] = juror;
    return row;
  }

  /** Room for `rows` rows, the cells kept. */
  private grow(rows: number): void {
    this.values.forEach((old, k) => {
      this.values[k] = new Float64Array(rows);
      (this.values[k] as Float64Array).set(old);
    });
    this.status.forEach((old, k) => {
      this.status[k] = new Uint8Array(rows);
      (this.status[k] as Uint8Array).set(old);
    });
  }

  /** Reads `text` into row `row`, criterion `k`, by the criterion's scale; returns what it held. */
  read(row: number, k: number, text: string): CellStatus {
    const scale = this.scales[k] as Pick<Criterion, 'min' | 'max'>;
    const read = this.readCell(text, scale.min, scale.max);
    const status =
      typeof read === 'number'
        ? CELL_NUMBER
        : read === 'empty'
          ? CELL_EMPTY
          : read === 'not-a-number'
            ? CELL_NOT_A_NUMBER
            : CELL_OUT_OF_RANGE;
    (this.values[k] as Float64Array)[row] = typeof read === 'number' ? read : Number.NaN;
    (this.status[k] as Uint8Array)[row] = status;
    return status;
  }

  /** Marks extra `e` of row `row` as typed (its text is the origin's). */
  keepText(row: number, e: number): void {
    (this.status[this.criteria.length + e] as Uint8Array)[row] = CELL_TEXT;
  }

  /** Whether the cells were read against this stage's criteria, in its order and on its scales. */
  readAs(stage: Stage): boolean {
    return (
      stage.id === this.stage &&
      isFieldStage(stage) === this.field &&
      stage.criteria.length === this.scales.length &&
      stage.criteria.every((c, k) => {
        const s = this.scales[k];
        return s !== undefined && s.id === c.id && s.min === c.min && s.max === c.max;
      })
    );
  }

  /**
   * The rows `keep` says yes to, in order, as columns of their own: the same scales and extras, each
   * cell's text and address found again through this one's rows.
   */
  rowsWhere(keep: (row: number) => boolean): StageColumns {
    const kept: number[] = [];
    for (let row = 0; row < this.length; row++) if (keep(row)) kept.push(row);
    const from = Int32Array.from(kept);
    const origin: CellOrigin = {
      text: (row, k) => this.origin.text(from[row] ?? 0, k),
      cell: (row, k) => this.origin.cell(from[row] ?? 0, k),
    };
    const stage = {
      id: this.stage,
      kind: this.field ? ('field' as const) : undefined,
      criteria: this.scales,
    };
    const out = new StageColumns(stage, from.length, origin, this.extras);
    for (let row = 0; row < from.length; row++) {
      const at = from[row] ?? 0;
      out.addRow(this.innovation[at] ?? '', this.juror[at] ?? '');
      this.values.forEach((v, k) => {
        (out.values[k] as Float64Array)[row] = v[at] ?? Number.NaN;
      });
      this.status.forEach((v, k) => {
        (out.status[k] as Uint8Array)[row] = v[at] ?? CELL_EMPTY;
      });
    }
    return out;
  }

  /** Row `row`'s cell of criterion `k` (or of extra k − criteria.length) as a ScoreEntry. */
  entry(row: number, k: number): ScoreEntry {
    const cell = this.origin.cell(row, k);
    return {
      stage: this.stage,
      innovation: this.innovation[row] ?? '',
      juror: this.juror[row] ?? '',
      criterion: this.criteria[k] ?? this.extras[k - this.criteria.length] ?? '',
      value: this.origin.text(row, k),
      ...(cell === undefined ? {} : { cell }),
    };
  }
}

/** Every typed cell of a read (or of a list of cells), by stage. */
export interface TypedCells {
  /** In the order the cells came. */
  readonly stages: readonly StageColumns[];
  /** Typed cells no column holds (their stage or criterion is not in the config): only from a list. */
  readonly stray: readonly ScoreEntry[];
}

/** The cells as ScoreEntry objects, in the order they were read, empty cells left out: for the record. */
export function entriesOf(cells: TypedCells): ScoreEntry[] {
  const out: ScoreEntry[] = [];
  for (const columns of cells.stages) {
    for (let row = 0; row < columns.length; row++) {
      for (let k = 0; k < columns.status.length; k++) {
        if ((columns.status[k] as Uint8Array)[row] !== CELL_EMPTY) out.push(columns.entry(row, k));
      }
    }
  }
  for (const entry of cells.stray) out.push(entry);
  return out;
}

/**
 * Only the rows of the entries `keep` says yes to (by innovation id), as `entriesOf(cells)` filtered by
 * innovation would give them; the same object when every row is kept.
 */
export function cellsWhere(cells: TypedCells, keep: (innovation: string) => boolean): TypedCells {
  const all = cells.stages.every((c) => c.innovation.every((id, row) => row >= c.length || keep(id)));
  if (all && cells.stray.every((e) => keep(e.innovation))) return cells;
  return {
    stages: cells.stages.map((c) => c.rowsWhere((row) => keep(c.innovation[row] ?? ''))),
    stray: cells.stray.filter((e) => keep(e.innovation)),
  };
}

/** One stage's columns being filled from a list, with what a cell needs to find its column. */
interface Filling {
  columns: StageColumns;
  /** Criterion id to column, as a Map of the stage's criteria gives it (the last of an id winning). */
  at: Map<string, number>;
  /** By position in the stage: the criterion id, and the column `at` gives that id. */
  ids: readonly string[];
  columnOf: readonly number[];
  /** Each cell's index in the list, by row * criteria + column (a typed array: it holds a slot per cell). */
  source: Int32Array;
}

function filling(stage: Stage, cells: number, entries: readonly ScoreEntry[]): Filling {
  const k = stage.criteria.length;
  // A row holds up to k cells: room for the rows if every row is full; more are made if needed.
  const capacity = Math.ceil(cells / Math.max(1, k));
  const origin: CellOrigin = {
    text: (row, c) => entries[f.source[row * k + c] ?? 0]?.value ?? '',
    cell: (row, c) => entries[f.source[row * k + c] ?? 0]?.cell,
  };
  const at = new Map(stage.criteria.map((c, i) => [c.id, i]));
  const ids = stage.criteria.map((c) => c.id);
  const f: Filling = {
    columns: new StageColumns(stage, capacity, origin),
    at,
    ids,
    columnOf: ids.map((id) => at.get(id) ?? -1),
    source: new Int32Array(capacity * k),
  };
  return f;
}

/** Records that the cell at `index` (row * criteria + column) is the list's cell `n`. */
function setSource(f: Filling, index: number, n: number): void {
  if (index >= f.source.length) {
    const grown = new Int32Array(Math.max(16, 2 * f.source.length, index + 1));
    grown.set(f.source);
    f.source = grown;
  }
  f.source[index] = n;
}

/** How many cells of each stage id the list holds, counted by runs (a list comes stage by stage). */
function cellsPerStage(entries: readonly ScoreEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  let n = 0;
  while (n < entries.length) {
    const stage = (entries[n] as ScoreEntry).stage;
    let end = n + 1;
    while (end < entries.length && (entries[end] as ScoreEntry).stage === stage) end++;
    counts.set(stage, (counts.get(stage) ?? 0) + end - n);
    n = end;
  }
  return counts;
}

/**
 * A list of cells (a record's, a file's) in columns against the config: consecutive cells of one
 * juror and entry share a row until a criterion comes twice. Cells with blank text are left out (they
 * count for nothing and are never a problem); those of an unknown stage or criterion go to `stray`.
 * A list comes stage by stage and row by row, criteria in order: the stage is looked up once per run
 * of it, and a cell's criterion is first guessed to be the one after the last (~79,000 cells nationally).
 */
export function typedCellsOf(
  competition: Pick<Competition, 'stages'>,
  entries: readonly ScoreEntry[],
): TypedCells {
  const stages = new Map(competition.stages.map((s) => [s.id, s]));
  const counts = cellsPerStage(entries);
  const built = new Map<string, Filling>();
  const stray: ScoreEntry[] = [];
  let lastStage: string | undefined;
  let b: Filling | undefined;
  let next = 0;
  for (let n = 0; n < entries.length; n++) {
    const e = entries[n] as ScoreEntry;
    if (e.value.trim() === '') continue;
    if (e.stage !== lastStage) {
      lastStage = e.stage;
      const stage = stages.get(e.stage);
      b = stage ? built.get(stage.id) : undefined;
      if (stage && !b) {
        b = filling(stage, counts.get(stage.id) ?? 0, entries);
        built.set(stage.id, b);
      }
    }
    const k = b && b.ids[next] === e.criterion ? b.columnOf[next] : b?.at.get(e.criterion);
    if (!b || k === undefined) {
      stray.push(e);
      continue;
    }
    next = k + 1;
    const { columns } = b;
    let row = columns.length - 1;
    if (
      row < 0 ||
      columns.innovation[row] !== e.innovation ||
      columns.juror[row] !== e.juror ||
      (columns.status[k] as Uint8Array)[row] !== CELL_EMPTY
    )
      row = columns.addRow(e.innovation, e.juror);
    setSource(b, row * columns.criteria.length + k, n);
    columns.read(row, k, e.value);
  }
  const order = competition.stages.flatMap((s) => {
    const f = built.get(s.id);
    return f ? [f.columns] : [];
  });
  return { stages: order, stray };
}
