import type { ScoreEntry } from './cells.ts';

/**
 * What a sync keeps per juror tab so that the next one works on the tabs that changed only (issue 22):
 * a digest of the tab's read (known before anything is parsed, so the store can be asked for the cells
 * of those tabs alone) and a digest of its typed cells (what the change log compares).
 */
export interface TabState {
  read: string;
  cells: string;
}

/** Per juror tab, by tabKey. */
export type TabStates = Record<string, TabState>;

/** The tab a typed cell was read from: one juror's tab of one stage. */
export function tabKey(cell: { stage: string; juror: string }): string {
  return `${cell.stage}|${cell.juror}`;
}

/**
 * A 106-bit digest of a sequence of strings (two 53-bit lanes, cyrb53's mixing), for telling whether a
 * tab changed: not for security, where sha256 is used. A separator no cell holds goes between the parts,
 * so ["ab", "c"] and ["a", "bc"] differ.
 */
export class TextDigest {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;
  private g1 = 0x2545f491;
  private g2 = 0x9e3779b9;

  add(text: string): this {
    return this.addFrom(text, 0);
  }

  /** Adds `text` from index `start` on, as add() adds that part of it. */
  addFrom(text: string, start: number): this {
    let { h1, h2, g1, g2 } = this;
    for (let i = start; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0x1f;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
      g1 = Math.imul(g1 ^ c, 2246822507);
      g2 = Math.imul(g2 ^ c, 3266489909);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.g1 = g1;
    this.g2 = g2;
    return this;
  }

  hex(): string {
    return lane(this.h1, this.h2) + lane(this.g1, this.g2);
  }
}

function lane(a: number, b: number): string {
  let h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  let h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  h1 >>>= 0;
  h2 >>>= 0;
  return ((2097151 & h2) * 4294967296 + h1).toString(16).padStart(14, '0');
}

/**
 * The digest of each tab's typed cells, in the order read (a tab without any is absent). A cell's address
 * is its tab's part ("'Juri 1 – …'!", the same for every cell of a run) and its own ("G6"): the tab's
 * part is digested where it changes, flagged, so the rest of a run hashes a few characters a cell, not
 * thirty (this was the largest part of a written sync's own work at NTT scale). `known`: the digests of
 * tabs whose cells cannot have changed since they were taken (their read did not move), given back
 * without hashing those cells again.
 */
export function cellDigests(
  cells: readonly ScoreEntry[],
  known: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const tabs = new Map<string, { digest: TextDigest; sheet: string } | string>();
  let tab: { digest: TextDigest; sheet: string } | string | undefined;
  let stage = '';
  let juror = '';
  for (const cell of cells) {
    if (tab === undefined || cell.stage !== stage || cell.juror !== juror) {
      ({ stage, juror } = cell);
      const key = tabKey(cell);
      tab = tabs.get(key) ?? known.get(key);
      if (tab === undefined) tab = { digest: new TextDigest(), sheet: '' };
      tabs.set(key, tab);
    }
    // A tab whose digest is known already: its cells are not hashed again.
    if (typeof tab === 'string') continue;
    const { digest, sheet } = tab;
    digest.add(cell.innovation).add(cell.criterion).add(cell.value);
    const at = cell.cell ?? '';
    if (sheet !== '' && at.startsWith(sheet)) digest.add(SAME_SHEET).addFrom(at, sheet.length);
    else {
      tab.sheet = at.slice(0, at.lastIndexOf('!') + 1);
      digest.add(NEW_SHEET).add(tab.sheet).addFrom(at, tab.sheet.length);
    }
  }
  return new Map([...tabs].map(([key, t]) => [key, typeof t === 'string' ? t : t.digest.hex()]));
}

/** Whether a cell's address names its tab's part again (NEW_SHEET, then that part) or as before. */
const SAME_SHEET = '0';
const NEW_SHEET = '1';

/** The digest of one tab's read values under `context` (what else its typed cells depend on). */
export function readDigest(context: string, values: readonly (readonly string[])[]): string {
  const digest = new TextDigest().add(context);
  for (const row of values) {
    digest.add(String(row.length));
    for (const cell of row) digest.add(cell);
  }
  return digest.hex();
}

/**
 * The tabs whose typed cells differ from the last saved state: their digests moved, or the tab is
 * new, or it had cells and has none now. Null when there is no saved state to compare with.
 */
export function changedTabs(
  saved: TabStates | undefined,
  now: ReadonlyMap<string, string>,
): Set<string> | null {
  if (!saved) return null;
  const changed = new Set<string>();
  for (const [key, digest] of now) if (saved[key]?.cells !== digest) changed.add(key);
  for (const [key, state] of Object.entries(saved)) if (!now.has(key) && state.cells !== '') changed.add(key);
  return changed;
}

/** The cells of the given tabs, in their order. */
export function cellsOfTabs(cells: readonly ScoreEntry[], tabs: ReadonlySet<string>): ScoreEntry[] {
  return cells.filter((cell) => tabs.has(tabKey(cell)));
}
