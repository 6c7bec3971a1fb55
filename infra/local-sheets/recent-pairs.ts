/**
 * The last few pairs met, compared by identity: a ring of a handful, no Map and no growth. The local
 * server's checks over a workbook's cells use it to skip a cell format (one object per style) they have
 * just looked at: a row's cells take turns among a few styles, and a workbook whose every cell has a format
 * of its own pays one comparison a pair, no memory.
 */
export class RecentPairs<A, B> {
  private readonly firsts: A[] = [];
  private readonly seconds: B[] = [];
  private next = 0;

  constructor(private readonly size = 8) {}

  /** Whether a kept pair satisfies `match`. */
  some(match: (first: A, second: B) => boolean): boolean {
    for (let i = 0; i < this.firsts.length; i++)
      if (match(this.firsts[i] as A, this.seconds[i] as B)) return true;
    return false;
  }

  /** Keeps a pair, in place of the oldest once full. */
  add(first: A, second: B): void {
    this.firsts[this.next] = first;
    this.seconds[this.next] = second;
    this.next = (this.next + 1) % this.size;
  }
}
