import type { ScoreEntry } from './cells.ts';
import { readScore } from './cells.ts';
import type { Competition, Criterion, Stage } from './competition.ts';
import { MIN_JURORS_TO_TRIM } from './fairness/aggregation.ts';
import { isDefaultMethod, stageMethod } from './fairness/stage-scores.ts';
import { isFieldStage } from './field.ts';
import { readAnswerScore } from './field-answers.ts';
import { withDisplayOf } from './rank-copy.ts';
import type { CompetitionResult, RankedEntry, StageResult } from './ranking.ts';
import { CELL_EMPTY, CELL_NUMBER, entriesOf, type StageColumns, type TypedCells } from './typed-cells.ts';

/**
 * The one rule every output prints a score by: half-up (half away from zero) to 2 decimals on the
 * score's EXACT decimal value. A score is rational: a juror's total is 100·Σ wₖ(sₖ−minₖ)/(maxₖ−minₖ)/Σw
 * of typed decimals, a stage score is the mean, trimmed mean or median of those totals, the final
 * score Σ w·stage/Σw. Binary floating point cannot hold 90.445, so `toFixed` says 90.44 where the
 * exact value rounds to 90.45; here the value is carried as a BigInt fraction and rounded once.
 *
 * Fallback: a z-scored stage (a square root is not rational) and every score built on it are rounded
 * by the same rule from the double's shortest round-trip decimal (what `String(x)` prints).
 */
export const DISPLAY_RULE = { rule: 'decimal-half-up', decimals: 2 } as const;
export type DisplayRule = typeof DISPLAY_RULE;

/** n/d exactly, d > 0; not necessarily in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?(?:e([+-]?\d+))?$/i;

/** The exact value of a decimal text ("8,5", "-0.25", "1e-7"), or null when it is not one. */
export function decimalRational(text: string): Rational | null {
  const m = DECIMAL.exec(text.trim());
  const whole = m?.[2] ?? '';
  const fraction = m?.[3] ?? '';
  if (!m || whole.length + fraction.length === 0) return null;
  const magnitude = BigInt(`${whole}${fraction}` || '0');
  const n = m[1] === '-' ? -magnitude : magnitude;
  const exponent = Number(m[4] ?? 0) - fraction.length;
  return exponent >= 0 ? { n: n * 10n ** BigInt(exponent), d: 1n } : { n, d: 10n ** BigInt(-exponent) };
}

/** A finite double as the decimal it prints as: a config's weight 0.15 is exactly 15/100. */
export function numberRational(x: number): Rational {
  return decimalRational(String(x)) ?? { n: 0n, d: 1n };
}

const add = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const sub = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const mul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d });
function div(a: Rational, b: Rational): Rational {
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Lowest terms, so that sums over many entries do not grow their denominators without bound. */
function reduce(r: Rational): Rational {
  const g = gcd(r.n, r.d);
  return g > 1n ? { n: r.n / g, d: r.d / g } : r;
}

const ZERO: Rational = { n: 0n, d: 1n };

function sum(values: readonly Rational[]): Rational {
  return reduce(values.reduce(add, ZERO));
}

/** Half away from zero to `decimals` places, as plain digits with a point: 90.445 → "90.45". */
export function roundHalfUp(r: Rational, decimals: number = DISPLAY_RULE.decimals): string {
  const negative = r.n < 0n !== r.d < 0n;
  const n = r.n < 0n ? -r.n : r.n;
  const d = r.d < 0n ? -r.d : r.d;
  const scaled = (2n * n * 10n ** BigInt(decimals) + d) / (2n * d);
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const text = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return negative && scaled !== 0n ? `-${text}` : text;
}

/** The fallback: a double rounded by the rule from its shortest round-trip decimal. */
export function displayOfNumber(x: number): string {
  return roundHalfUp(numberRational(x));
}

/**
 * A stage's juror totals over one shared denominator, so that a total is one BigInt sum and no fraction
 * is reduced per cell: with every typed cell scaled to an integer at 10^E (E: the most decimals typed or
 * configured in the stage), total = factor × Σₖ coefficientₖ·(Sₖ − Mₖ), where coefficientₖ is
 * wₖ/(maxₖ − minₖ) over their common denominator L, Mₖ = minₖ·10^E and factor = 100/(L·10^E·Σw).
 */
interface StageScale {
  decimals: number;
  coefficient: bigint[];
  offset: bigint[];
  factor: Rational;
  /** The same coefficients and offsets as numbers, when they are small enough (`smallNumerator`). */
  small: { coefficient: number[]; offset: number[] } | undefined;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

function fractionDigits(text: string): number {
  // Nothing for `trim` to take at the ends of a text that starts and ends in printable ASCII (most do).
  const trimmed =
    plainEnd(text.charCodeAt(text.length - 1)) && plainEnd(text.charCodeAt(0)) ? text : text.trim();
  // The separator found in the trimmed text: a space before " 8.5" is no digit after its point.
  const at = Math.max(trimmed.indexOf('.'), trimmed.indexOf(','));
  return at < 0 ? 0 : trimmed.length - at - 1;
}

/** `text` (a decimal readScore accepted: `[+-]?digits[.,]digits`) × 10^decimals as an integer. */
function scaled(text: string, decimals: number): bigint | null {
  const small = scaledSmall(text, decimals);
  if (small !== undefined) return small === null ? null : BigInt(small);
  const { negative, digits } = scaledDigits(text, decimals) ?? { negative: false, digits: '' };
  const value = BigInt(digits || '0');
  return negative ? -value : value;
}

/** The sign and digits of `text` × 10^decimals; null when it has more decimals than that. */
function scaledDigits(text: string, decimals: number): { negative: boolean; digits: string } | null {
  const t = text.trim();
  const negative = t.startsWith('-');
  const body = negative || t.startsWith('+') ? t.slice(1) : t;
  const at = Math.max(body.indexOf('.'), body.indexOf(','));
  const whole = at < 0 ? body : body.slice(0, at);
  const fraction = at < 0 ? '' : body.slice(at + 1);
  if (fraction.length > decimals) return null;
  return { negative, digits: `${whole}${fraction.padEnd(decimals, '0')}` };
}

/** `scaled` as a number when its digits are 15 at most (exact in a double); undefined when they are not. */
function scaledSmall(text: string, decimals: number): number | null | undefined {
  const plain = scaledSmallPlain(text, decimals);
  return Number.isNaN(plain) ? scaledSmallOfParts(text, decimals) : plain;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const PLUS = 43;
const MINUS = 45;
const POINT = 46;
const COMMA = 44;

/** Printable ASCII but the space: a text that starts and ends so has nothing for `trim` to take. */
function plainEnd(code: number): boolean {
  return code > 32 && code < 127;
}

/**
 * scaledSmallOfParts read in one pass over the characters, without the pieces it cuts out (~75,000
 * cells a national sync), for the texts a typed score has: a sign, digits, at most one separator.
 * NaN when the text is anything else: then scaledSmallOfParts reads it.
 */
function scaledSmallPlain(text: string, decimals: number): number | null | undefined {
  const length = text.length;
  if (length === 0 || !plainEnd(text.charCodeAt(0)) || !plainEnd(text.charCodeAt(length - 1)))
    return Number.NaN;
  const first = text.charCodeAt(0);
  const negative = first === MINUS;
  let magnitude = 0;
  let whole = 0;
  let fraction = -1;
  for (let i = negative || first === PLUS ? 1 : 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      magnitude = magnitude * 10 + (c - DIGIT_0);
      if (fraction < 0) whole++;
      else fraction++;
    } else if ((c === POINT || c === COMMA) && fraction < 0) fraction = 0;
    else return Number.NaN;
  }
  const decimalsTyped = Math.max(fraction, 0);
  if (decimalsTyped > decimals) return null;
  if (whole + decimals > 15) return undefined;
  // Exact: fewer than 16 digits in all, and 10^k is exact in a double for k <= 22.
  const value = magnitude * 10 ** (decimals - decimalsTyped);
  return negative ? -value : value;
}

function scaledSmallOfParts(text: string, decimals: number): number | null | undefined {
  const parts = scaledDigits(text, decimals);
  if (parts === null) return null;
  const magnitude = parts.digits.length <= 15 ? smallDigits(parts.digits) : null;
  if (magnitude === null) return undefined;
  return parts.negative ? -magnitude : magnitude;
}

/**
 * Up to 15 ASCII digits as the integer they spell (exact in a double), or null when a character is not
 * a digit: BigInt of a number is cheaper than BigInt of a text, ~75,000 times a national sync.
 */
function smallDigits(digits: string): number | null {
  let n = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return n;
}

function stageScale(criteria: readonly Criterion[], decimals: number): StageScale {
  const perPoint = criteria.map((c) =>
    reduce(div(numberRational(c.weight), sub(numberRational(c.max), numberRational(c.min)))),
  );
  const common = perPoint.reduce((l, r) => lcm(l, r.d), 1n);
  const power = 10n ** BigInt(decimals);
  const weights = sum(criteria.map((c) => numberRational(c.weight)));
  const coefficient = perPoint.map((r) => r.n * (common / r.d));
  const offset = criteria.map((c) => {
    const min = numberRational(c.min);
    return (min.n * power) / min.d;
  });
  return {
    decimals,
    coefficient,
    offset,
    factor: div({ n: 100n, d: common * power }, weights),
    small: smallScale(coefficient, offset),
  };
}

/** Σₖ coefficientₖ·(Sₖ − Mₖ) of one juror's cells for one entry; null when a cell is missing. */
function totalNumerator(
  scale: StageScale,
  texts: readonly (string | undefined)[] | undefined,
): bigint | null {
  const small = smallNumerator(scale, texts);
  if (small !== undefined) return small;
  let numerator = 0n;
  for (let k = 0; k < scale.coefficient.length; k++) {
    const text = texts?.[k];
    const value = text === undefined ? null : scaled(text, scale.decimals);
    if (value === null) return null;
    numerator += (scale.coefficient[k] ?? 0n) * (value - (scale.offset[k] ?? 0n));
  }
  return numerator;
}

/** Below this a product of two integers is exact in a double, and so is a sum of up to 32 of them (< 2^53). */
const EXACT_TERM = 2 ** 48;
const MOST_EXACT_TERMS = 32;

/** A stage's coefficients and offsets as numbers, when all are small enough for `smallNumerator`. */
function smallScale(coefficient: readonly bigint[], offset: readonly bigint[]) {
  const fits = (x: bigint) => x <= BigInt(EXACT_TERM) && x >= -BigInt(EXACT_TERM);
  if (coefficient.length > MOST_EXACT_TERMS || !coefficient.every(fits) || !offset.every(fits))
    return undefined;
  return { coefficient: coefficient.map(Number), offset: offset.map(Number) };
}

/**
 * totalNumerator in doubles while every term stays below EXACT_TERM, where integer arithmetic in doubles
 * is exact: one BigInt per juror total instead of several per cell (~75,000 cells a national sync).
 * undefined when a text or a term is too large for it: then BigInt arithmetic decides.
 */
function smallNumerator(
  scale: StageScale,
  texts: readonly (string | undefined)[] | undefined,
): bigint | null | undefined {
  const small = scale.small;
  if (!small) return undefined;
  let numerator = 0;
  for (let k = 0; k < small.coefficient.length; k++) {
    const text = texts?.[k];
    if (text === undefined) return null;
    const value = scaledSmall(text, scale.decimals);
    if (value === undefined || value === null) return value;
    const coefficient = small.coefficient[k] ?? 0;
    const difference = value - (small.offset[k] ?? 0);
    if (Math.abs(coefficient) * Math.abs(difference) >= EXACT_TERM) return undefined;
    numerator += coefficient * difference;
  }
  return BigInt(numerator);
}

/** The stage score's exact value by the stage's method, from the totals' numerators; null for z-scoring. */
function exactAggregate(stage: Stage, scale: StageScale, numerators: bigint[]): Rational | null {
  const method = stageMethod(stage);
  if (method.normalization !== 'none' || numerators.length === 0) return null;
  if (method.aggregation === 'mean') return meanOf(scale, numerators);
  const sorted = [...numerators].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (method.aggregation === 'trimmed') {
    return meanOf(scale, sorted.length >= MIN_JURORS_TO_TRIM ? sorted.slice(1, -1) : sorted);
  }
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? 0n;
  return sorted.length % 2 === 1 ? meanOf(scale, [upper]) : meanOf(scale, [sorted[middle - 1] ?? 0n, upper]);
}

/**
 * The mean of totals' numerators as a score. Not a closure in exactAggregate: a bundle that keeps
 * function names names each closure as it is made, once per entry.
 */
function meanOf(scale: StageScale, xs: readonly bigint[]): Rational {
  return mul(scale.factor, { n: xs.reduce((a, b) => a + b, 0n), d: BigInt(xs.length) });
}

/** By entry, juror and criterion index: the text of the first copy of a cell that reads as a number. */
type FirstTexts = Map<string, Map<string, string[]>>;

/** The juror's row of first texts for an entry, made on first use. */
function textsOf(typed: FirstTexts, innovation: string, juror: string): string[] {
  let byJuror = typed.get(innovation);
  if (!byJuror) {
    byJuror = new Map();
    typed.set(innovation, byJuror);
  }
  let row = byJuror.get(juror);
  if (!row) {
    row = [];
    byJuror.set(juror, row);
  }
  return row;
}

/**
 * The stage's cells of a list into `typed`; returns the most decimals a counted text has (at least
 * `decimals`). Copies that count agree, so any one has the value.
 */
function firstTextsOfList(stage: Stage, cells: readonly ScoreEntry[], typed: FirstTexts, decimals: number) {
  const criteria = stage.criteria;
  const at = new Map(criteria.map((c, k) => [c.id, k]));
  // A field answer counts as its point on the 0–2 scale, a whole number.
  const field = isFieldStage(stage);
  let most = decimals;
  for (const cell of cells) {
    const k = at.get(cell.criterion);
    const scale = k === undefined ? undefined : criteria[k];
    if (cell.stage !== stage.id || !scale) continue;
    const row = textsOf(typed, cell.innovation, cell.juror);
    if (k === undefined || row[k] !== undefined) continue;
    const read = field ? readAnswerScore(cell.value) : readScore(cell.value, scale.min, scale.max);
    if (typeof read !== 'number') continue;
    row[k] = field ? String(read) : cell.value;
    most = Math.max(most, fractionDigits(cell.value));
  }
  return most;
}

/**
 * As firstTextsOfList, from the cells in columns as the juror tabs were read (what the live sync ranks):
 * a row's entry and juror looked up once, not per cell, and each cell's reading taken from its status.
 * Columns read against other criteria or scales are read again as a list.
 */
function firstTextsOf(
  stage: Stage,
  cells: readonly ScoreEntry[] | TypedCells,
  typed: FirstTexts,
  decimals: number,
) {
  if (Array.isArray(cells)) return firstTextsOfList(stage, cells as readonly ScoreEntry[], typed, decimals);
  const { stages, stray } = cells as TypedCells;
  let most = decimals;
  for (const columns of stages) {
    if (columns.stage !== stage.id) continue;
    if (!columns.readAs(stage)) {
      most = firstTextsOfList(stage, entriesOf({ stages: [columns], stray: [] }), typed, most);
      continue;
    }
    most = firstTextsOfColumns(stage, columns, typed, most);
  }
  return firstTextsOfList(stage, stray, typed, most);
}

function firstTextsOfColumns(stage: Stage, columns: StageColumns, typed: FirstTexts, decimals: number) {
  const field = isFieldStage(stage);
  const width = stage.criteria.length;
  let most = decimals;
  for (let r = 0; r < columns.length; r++) {
    let row: string[] | undefined;
    for (let k = 0; k < width; k++) {
      const status = (columns.status[k] as Uint8Array)[r];
      if (status === CELL_EMPTY) continue;
      row ??= textsOf(typed, columns.innovation[r] ?? '', columns.juror[r] ?? '');
      if (row[k] !== undefined || status !== CELL_NUMBER) continue;
      const text = columns.origin.text(r, k);
      row[k] = field ? String((columns.values[k] as Float64Array)[r]) : text;
      most = Math.max(most, fractionDigits(text));
    }
  }
  return most;
}

/** The numerators of one entry's juror totals over one scale; null when a juror's total has none. */
interface EntryNumerators {
  scale: StageScale;
  numerators: bigint[];
}

/** The juror totals' numerators of a stage, entry by entry. */
interface StageNumerators {
  /** totalNumerator of each juror's first texts for the entry, in the jurors' order. */
  of(innovation: string, jurors: readonly string[]): EntryNumerators | null;
}

/**
 * From a list's cells of the entry (a record's), or from the columns' own rows when the stage's cells are
 * one set of columns read against it (the live sync); else from first texts gathered for the whole
 * stage per entry and juror (a field verification, columns of another config).
 * `decimals`: what the configured minimums need (Mₖ = minₖ·10^E whole).
 */
function stageNumerators(
  stage: Stage,
  cells: readonly ScoreEntry[] | TypedCells,
  decimals: number,
): StageNumerators {
  if (Array.isArray(cells) && !isFieldStage(stage))
    return new ListNumerators(stage, cells as readonly ScoreEntry[], decimals);
  if (!Array.isArray(cells) && !isFieldStage(stage)) {
    const { stages, stray } = cells as TypedCells;
    const own = stages.filter((c) => c.stage === stage.id);
    const columns = own[0];
    if (own.length === 1 && columns?.readAs(stage) && !stray.some((e) => e.stage === stage.id)) {
      return new RowNumerators(stage, columns, decimals);
    }
  }
  const typed: FirstTexts = new Map();
  const scale = stageScale(stage.criteria, firstTextsOf(stage, cells, typed, decimals));
  return {
    of(innovation, jurors) {
      const numerators: bigint[] = [];
      for (const juror of jurors) {
        const numerator = totalNumerator(scale, typed.get(innovation)?.get(juror));
        if (numerator === null) return null;
        numerators.push(numerator);
      }
      return { scale, numerators };
    },
  };
}

/**
 * The juror totals' numerators of one entry at a time, from its juror's first texts (`textsOf`): they
 * are put over 10^E with E the most decimals of the entry's own texts (a scale per E, made once). Any E
 * at least that large gives the very same exact score (E scales numerators and factor alike): the whole
 * stage's texts need not be read first.
 */
abstract class EntryTexts implements StageNumerators {
  private readonly scales = new Map<number, StageScale>();

  constructor(
    protected readonly stage: Stage,
    private readonly decimals: number,
  ) {}

  /** The juror's first text of each criterion that reads as a number (undefined: none). */
  protected abstract textsOf(innovation: string, juror: string): (string | undefined)[];

  of(innovation: string, jurors: readonly string[]): EntryNumerators | null {
    const texts = new Array<(string | undefined)[]>(jurors.length);
    let decimals = this.decimals;
    for (let j = 0; j < jurors.length; j++) {
      const row = this.textsOf(innovation, jurors[j] as string);
      texts[j] = row;
      for (let k = 0; k < row.length; k++) {
        const text = row[k];
        if (text !== undefined) decimals = Math.max(decimals, fractionDigits(text));
      }
    }
    let scale = this.scales.get(decimals);
    if (!scale) {
      scale = stageScale(this.stage.criteria, decimals);
      this.scales.set(decimals, scale);
    }
    const numerators: bigint[] = [];
    for (const row of texts) {
      const numerator = totalNumerator(scale, row);
      if (numerator === null) return null;
      numerators.push(numerator);
    }
    return { scale, numerators };
  }
}

/**
 * firstTextsOfColumns for one entry at a time, from its own rows: an entry's rows are found through a
 * chain of row numbers.
 */
class RowNumerators extends EntryTexts {
  /** By innovation id, its first row; `next` links each row to the entry's next row (-1: none). */
  private readonly head = new Map<string, number>();
  private readonly next: Int32Array;

  constructor(
    stage: Stage,
    private readonly columns: StageColumns,
    decimals: number,
  ) {
    super(stage, decimals);
    this.next = new Int32Array(columns.length);
    for (let r = columns.length - 1; r >= 0; r--) {
      const id = columns.innovation[r] ?? '';
      this.next[r] = this.head.get(id) ?? -1;
      this.head.set(id, r);
    }
  }

  protected textsOf(innovation: string, juror: string): (string | undefined)[] {
    const { columns } = this;
    const width = this.stage.criteria.length;
    const texts = new Array<string | undefined>(width).fill(undefined);
    for (let s = this.head.get(innovation) ?? -1; s >= 0; s = this.next[s] ?? -1) {
      if (columns.juror[s] !== juror) continue;
      for (let k = 0; k < width; k++) {
        if (texts[k] === undefined && (columns.status[k] as Uint8Array)[s] === CELL_NUMBER)
          texts[k] = columns.origin.text(s, k);
      }
    }
    return texts;
  }
}

/**
 * firstTextsOfList for one entry at a time: the stage's cells of a list (a record's) are put by entry
 * once, in list order, and an entry's cells read only when its exact score is asked for. Not for a
 * field verification (its answers count as their points, whose decimals are not the typed text's).
 */
class ListNumerators extends EntryTexts {
  /** By innovation id, the indexes of the stage's cells of a known criterion, in list order. */
  private readonly byEntry = new Map<string, number[]>();
  private readonly at: Map<string, number>;

  constructor(
    stage: Stage,
    private readonly cells: readonly ScoreEntry[],
    decimals: number,
  ) {
    super(stage, decimals);
    this.at = new Map(stage.criteria.map((c, k) => [c.id, k]));
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as ScoreEntry;
      if (cell.stage !== stage.id || !this.at.has(cell.criterion)) continue;
      const own = this.byEntry.get(cell.innovation);
      if (own) own.push(i);
      else this.byEntry.set(cell.innovation, [i]);
    }
  }

  protected textsOf(innovation: string, juror: string): (string | undefined)[] {
    const criteria = this.stage.criteria;
    const texts = new Array<string | undefined>(criteria.length).fill(undefined);
    for (const i of this.byEntry.get(innovation) ?? []) {
      const cell = this.cells[i] as ScoreEntry;
      const k = this.at.get(cell.criterion) as number;
      const scale = criteria[k] as Criterion;
      if (cell.juror !== juror || texts[k] !== undefined) continue;
      if (typeof readScore(cell.value, scale.min, scale.max) === 'number') texts[k] = cell.value;
    }
    return texts;
  }
}

/**
 * How close to a rounding boundary (in hundredths of a point) a score's double may come and still be
 * printed from the double alone; and the largest score (in hundredths) printed so.
 */
const CLEAR_OF_HALF = 1e-4;
const MOST_HUNDREDTHS = 1e9;

/**
 * The score half-up to 2 decimals from its double, when the double is clear of a rounding boundary
 * (x.xx5) by CLEAR_OF_HALF; undefined when it is not. Within that margin of a double that is its exact
 * value to better than 1e-6 hundredths (`closeStage`), the exact value rounds the same way, and so does
 * the double's shortest decimal (displayOfNumber): every digit printed is the one the rule prints.
 */
export function clearDisplay(score: number): string | undefined {
  const x = Math.abs(score) * 100;
  if (!(x < MOST_HUNDREDTHS)) return undefined;
  const whole = Math.floor(x);
  const rest = x - whole;
  if (Math.abs(rest - 0.5) < CLEAR_OF_HALF) return undefined;
  const q = rest > 0.5 ? whole + 1 : whole;
  const cents = q % 100;
  const text = `${(q - cents) / 100}${cents < 10 ? '.0' : '.'}${cents}`;
  return score < 0 && q !== 0 ? `-${text}` : text;
}

/** A weight the error bound of `closeStage` holds for: none, or within these bounds. */
const LEAST_WEIGHT = 1e-9;
const MOST_WEIGHT = 1e9;
/** How far from zero a criterion's scale may lie, in widths of the scale (|min|, |max| ≤ this × (max − min)). */
const MOST_OFFSET = 1e4;

function boundedWeight(w: number): boolean {
  return w === 0 || (w >= LEAST_WEIGHT && w <= MOST_WEIGHT);
}

/**
 * Whether the ranking's double score of each entry of the stage is its exact value to within ~1e-9:
 * the plain mean of juror totals (no trimming, median or z-scoring, which a record of older rules may
 * rank otherwise than its config says), of criteria whose weights are bounded and whose scales lie
 * within MOST_OFFSET widths of zero. Each counted cell lies on its scale, so a normalized cell is off by
 * a few rounding errors times 100·MOST_OFFSET (~1e-10), and a weighted mean or a mean of such values
 * no more than the worst of them plus a few more.
 */
function closeStage(stage: Stage): boolean {
  if (isFieldStage(stage) || !isDefaultMethod(stageMethod(stage))) return false;
  let weights = 0;
  for (const c of stage.criteria) {
    const width = c.max - c.min;
    if (!boundedWeight(c.weight) || !(width > 0) || !Number.isFinite(width)) return false;
    if (Math.max(Math.abs(c.min), Math.abs(c.max)) > MOST_OFFSET * width) return false;
    weights += c.weight;
  }
  return weights > 0;
}

/**
 * One stage's exact scores, worked out only for the entries that need them: an entry whose double is
 * clear of a rounding boundary prints from the double when the stage is `close` (a national desk stage:
 * ~5 entries in 6). Each exact score is worked out at most once.
 */
class StageExact {
  readonly close: boolean;
  private numerators: StageNumerators | undefined;
  private byId: Map<string, RankedEntry> | undefined;
  private readonly known = new Map<RankedEntry, Rational | null>();

  constructor(
    private readonly stage: Stage,
    private readonly result: StageResult,
    private readonly cells: readonly ScoreEntry[] | TypedCells,
    fromDouble: boolean,
  ) {
    this.close = fromDouble && closeStage(stage);
  }

  /** The display of a scored entry of this stage. */
  display(e: RankedEntry & { score: number }): string {
    const clear = this.close ? clearDisplay(e.score) : undefined;
    if (clear !== undefined) return clear;
    const value = this.of(e);
    return value ? roundHalfUp(value) : displayOfNumber(e.score);
  }

  /** The exact score of the stage's entry of this id (the last of an id, as a Map of them keeps it). */
  ofId(id: string): Rational | null {
    this.byId ??= new Map(this.result.ranking.map((e) => [e.id, e]));
    const e = this.byId.get(id);
    return e ? this.of(e) : null;
  }

  private of(e: RankedEntry): Rational | null {
    let value = this.known.get(e);
    if (value === undefined) {
      value = this.exactOf(e);
      this.known.set(e, value);
    }
    return value;
  }

  private exactOf(e: RankedEntry): Rational | null {
    if (e.score === null) return null;
    const criteria = this.stage.criteria;
    if (!this.numerators) {
      // Mₖ = minₖ·10^E must be whole: a configured minimum's decimals count too (its denominator is 10^d).
      let decimals = 0;
      for (const c of criteria) decimals = Math.max(decimals, numberRational(c.min).d.toString().length - 1);
      this.numerators = stageNumerators(this.stage, this.cells, decimals);
    }
    const totals = this.numerators.of(e.id, Object.keys(e.totals));
    return totals ? exactAggregate(this.stage, totals.scale, totals.numerators) : null;
  }
}

function withDisplays(
  result: StageResult,
  display: (e: RankedEntry & { score: number }) => string,
): StageResult {
  const ranking = result.ranking.map((e): RankedEntry => {
    if (e.score === null) return e;
    return withDisplayOf(e, display(e as RankedEntry & { score: number }));
  });
  return { ...result, ranking };
}

/** Results already given their displays: a page that shows one record in several places computes once. */
const shown = new WeakMap<CompetitionResult, CompetitionResult>();

/**
 * The result with every scored entry's `display`: its score as every output prints it (see
 * DISPLAY_RULE), computed once per result object from the competition and cells it was ranked from.
 */
export function withDisplay(
  competition: Pick<Competition, 'stages' | 'final'>,
  result: CompetitionResult,
  cells: readonly ScoreEntry[] | TypedCells,
): CompetitionResult {
  const known = shown.get(result);
  if (known) return known;
  const computed = computeDisplay(competition, result, cells, true);
  shown.set(result, computed);
  shown.set(computed, computed);
  return computed;
}

/** `fromDouble`: whether an entry clear of a rounding boundary may print from its double (see StageExact). */
function computeDisplay(
  competition: Pick<Competition, 'stages' | 'final'>,
  result: CompetitionResult,
  cells: readonly ScoreEntry[] | TypedCells,
  fromDouble: boolean,
): CompetitionResult {
  const exactByStage = new Map<string, StageExact>();
  const stages = result.stages.map((s) => {
    const stage = competition.stages.find((x) => x.id === s.stage);
    if (!stage) return withDisplays(s, (e) => displayOfNumber(e.score));
    const exact = new StageExact(stage, s, cells, fromDouble);
    exactByStage.set(s.stage, exact);
    return withDisplays(s, (e) => exact.display(e));
  });
  const weighted = Object.entries(competition.final.weights).filter(([, w]) => w > 0);
  const weights = weighted.map(([stage, w]) => ({ stage, w: numberRational(w) }));
  const totalWeight = sum(weights.map((x) => x.w));
  // The final score is a weighted mean of its stages' scores: as close to its exact value as they are.
  const close =
    fromDouble && weighted.every(([stage, w]) => boundedWeight(w) && exactByStage.get(stage)?.close === true);
  const final = withDisplays(result.final, (e) => {
    const clear = close ? clearDisplay(e.score) : undefined;
    if (clear !== undefined) return clear;
    const parts: Rational[] = [];
    for (const { stage, w } of weights) {
      const value = exactByStage.get(stage)?.ofId(e.id);
      if (value) parts.push(mul(w, value));
    }
    return parts.length === weights.length
      ? roundHalfUp(div(sum(parts), totalWeight))
      : displayOfNumber(e.score);
  });
  return { ...result, stages, final };
}

/**
 * Every scored entry's display worked out from its exact value, none from its double: what `withDisplay`
 * prints, for the tests that check the two agree.
 */
export function exactDisplay(
  competition: Pick<Competition, 'stages' | 'final'>,
  result: CompetitionResult,
  cells: readonly ScoreEntry[] | TypedCells,
): CompetitionResult {
  return computeDisplay(competition, result, cells, false);
}
