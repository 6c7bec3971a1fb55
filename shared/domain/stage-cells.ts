import type { Juror } from './competition.ts';

/** A cell typed once, or every copy agreeing. */
const AGREED = 1;
/** Copies of one cell that disagree: none of them counts. */
const DISAGREE = 2;
const NONE: readonly number[] = Object.freeze([]);

/**
 * One stage's typed cells by entry, juror and criterion, in flat typed arrays: a national sync holds
 * ~75,000 cells, and a Map per entry and juror, an array per cell, made a third of the ranking's time
 * garbage collection. A slot is one juror's row for one entry; a non-number is held as NaN (readScore
 * never returns NaN), so it agrees with another non-number and with nothing else, as `!==` on null did.
 */
export class StageCells {
  /** First slot of each entry (-1: none), and each slot's next slot of the same entry. */
  private readonly head: Int32Array;
  private next = new Int32Array(64);
  private jurors: Juror[] = [];
  private state = new Uint8Array(0);
  private values = new Float64Array(0);
  /** Index (into the caller's cells) of each criterion's first copy; later copies only when there are some. */
  private first = new Int32Array(0);
  private readonly copies = new Map<number, number[]>();
  private slots = 0;
  private disagreed = false;

  /** `capacity`: the slots to make room for at once (more are made as needed). */
  constructor(
    entries: number,
    private readonly criteria: number,
    capacity = 64,
  ) {
    this.head = new Int32Array(entries).fill(-1);
    this.grow(Math.max(1, capacity));
  }

  /** The slot of this entry and juror, made on first use. */
  slot(entry: number, juror: Juror): number {
    for (let s = this.head[entry] ?? -1; s >= 0; s = this.next[s] ?? -1)
      if (this.jurors[s] === juror) return s;
    const s = this.slots++;
    if (s >= this.next.length) this.grow(this.next.length * 2);
    this.next[s] = this.head[entry] ?? -1;
    this.head[entry] = s;
    this.jurors[s] = juror;
    return s;
  }

  /** One typed copy of a cell: `value` a number, or NaN for text that is not a score. */
  add(slot: number, criterion: number, value: number, cell: number): void {
    const k = slot * this.criteria + criterion;
    const state = this.state[k];
    if (!state) {
      this.state[k] = AGREED;
      this.values[k] = value;
      this.first[k] = cell;
      return;
    }
    const seen = this.values[k] ?? Number.NaN;
    if (value !== seen && !(Number.isNaN(value) && Number.isNaN(seen))) {
      this.state[k] = DISAGREE;
      this.disagreed = true;
    }
    const copies = this.copies.get(k);
    if (copies) copies.push(cell);
    else this.copies.set(k, [this.first[k] ?? cell, cell]);
  }

  /** Writes the entry's slots, newest first, to the front of `into`; returns how many. */
  slotsOf(entry: number, into: number[]): number {
    let n = 0;
    for (let s = this.head[entry] ?? -1; s >= 0; s = this.next[s] ?? -1) into[n++] = s;
    return n;
  }

  juror(slot: number): Juror | undefined {
    return this.jurors[slot];
  }

  /** The agreed number, or undefined when none (never typed, not a number, or copies disagree). */
  value(slot: number, criterion: number): number | undefined {
    const k = slot * this.criteria + criterion;
    const v = this.values[k] ?? Number.NaN;
    return this.state[k] === AGREED && !Number.isNaN(v) ? v : undefined;
  }

  /** Whether any cell's copies disagree: most reads have none, and then no slot need be asked. */
  get anyDisagreeing(): boolean {
    return this.disagreed;
  }

  /** Every copy (indexes into the caller's cells, in the order added) when copies disagree; else none. */
  disagreeing(slot: number, criterion: number): readonly number[] {
    const k = slot * this.criteria + criterion;
    return this.state[k] === DISAGREE ? (this.copies.get(k) ?? NONE) : NONE;
  }

  private grow(slots: number): void {
    const next = new Int32Array(slots);
    next.set(this.next.subarray(0, Math.min(this.next.length, slots)));
    this.next = next;
    const n = slots * this.criteria;
    const state = new Uint8Array(n);
    state.set(this.state);
    this.state = state;
    const values = new Float64Array(n);
    values.set(this.values);
    this.values = values;
    const first = new Int32Array(n);
    first.set(this.first);
    this.first = first;
  }
}
