import { compareIds } from '../../shared/domain/assignment.ts';
import { calibrationIds } from '../../shared/domain/calibration.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Juror } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { entriesOf, type TypedCells } from '../../shared/domain/typed-cells.ts';
import type { SheetRead, SheetSnapshot } from '../../shared/ports.ts';
import { takeSampleRows } from '../../shared/sheet/calibration-read.ts';
import {
  headerKeys,
  type JurorComment,
  jurorReadRange,
  type MissingEntry,
  parseJurorTab,
  SheetColumns,
  type SheetIssue,
} from '../../shared/sheet/juror-read.ts';
import { type JurorTab, jurorColumns, jurorTabs } from '../../shared/sheet/juror-tab.ts';
import type { JurorProgress } from '../../shared/sheet/layout.ts';
import type { Services } from '../compose/services.ts';
import { sheetOf } from './sheet-needed.ts';

export interface JurorTabsRead {
  /** The innovations the cells were parsed against, in id order. */
  innovations: Innovation[];
  snapshot: SheetSnapshot;
  /** The typed cells in columns, as the ranking takes them. */
  cells: TypedCells;
  /** The same cells as objects (made on first use, once): for the record, which stores them so. */
  readonly entries: ScoreEntry[];
  progress: JurorProgress[];
  comments: JurorComment[];
  /** Tabs whose shape a person changed: reported, and never misread. */
  issues: SheetIssue[];
  /** Per stage and juror (`stage|juror`): the entries and criteria still without a score. */
  missing: Map<string, MissingEntry[]>;
  /** Per stage and juror (`stage|juror`): the innovation ids the tab's rows hold, for each tab that could be read. */
  rowIds: Map<string, ReadonlySet<string>>;
  /** The values of the `extra` ranges (the secretariat's spreadsheet), in order. */
  extra: string[][][];
  /** The cells typed on the calibration samples' rows: taken apart, never in `entries`. */
  calibration: ScoreEntry[];
}

/** The juror tabs (and any `extra` ranges) as read, not parsed yet. */
export interface TakenRead {
  read: SheetRead;
  tabs: JurorTab[];
  extra: readonly string[];
}

/**
 * Every juror tab of every stage in ONE read (per spreadsheet); `extra` ranges of the secretariat's
 * spreadsheet (e.g. the "Seleksi" tab) ride along. Nothing is parsed: the digest alone may settle a sync.
 */
export async function takeJurorTabs(
  services: Services,
  opts: { signal?: AbortSignal | undefined; extra?: readonly string[] } = {},
): Promise<TakenRead> {
  const tabs = (services.jurorTabs ?? jurorTabs)(services.competition);
  const extra = opts.extra ?? [];
  const read = await sheetOf(services).readRanges(
    [
      ...tabs.map((tab) => ({ range: jurorReadRange(tab), book: tab.juror.id })),
      ...extra.map((range) => ({ range })),
    ],
    opts.signal ? { signal: opts.signal } : {},
  );
  return { read, tabs, extra };
}

/**
 * Parses a taken read into typed score cells and progress, against the innovations (the stored ones,
 * listed here, unless the caller has them already).
 */
export async function parseJurorTabs(
  services: Services,
  taken: TakenRead,
  known?: readonly Innovation[],
): Promise<JurorTabsRead> {
  const { competition } = services;
  const { tabs, extra } = taken;
  const snapshot = taken.read.snapshot();
  const listed = known ?? (await services.stores.innovations.listInnovations());
  const innovations = [...listed].sort((a, b) => compareIds(a.id, b.id));
  const conflictsOf = conflictLookup(innovations);
  const comments: JurorComment[] = [];
  const issues: SheetIssue[] = [];
  const missing = new Map<string, MissingEntry[]>();
  const rowIds = new Map<string, ReadonlySet<string>>();
  const layouts = new Map(competition.stages.map((s) => [s.id, jurorColumns(competition, s)]));
  const valuesOf = (i: number) => snapshot.ranges[i]?.values ?? [];
  // Each stage's columns, with room for every row of its tabs.
  const rowsOf = new Map<string, number>();
  tabs.forEach((tab, i) => {
    rowsOf.set(tab.stage.id, (rowsOf.get(tab.stage.id) ?? 0) + valuesOf(i).length);
  });
  const columns = new Map<string, SheetColumns>();
  const columnsOf = (tab: JurorTab) => {
    let into = columns.get(tab.stage.id);
    if (!into) {
      into = new SheetColumns(tab.stage, rowsOf.get(tab.stage.id) ?? 0);
      columns.set(tab.stage.id, into);
    }
    return into;
  };
  const samples = calibrationIds(competition);
  const calibration: ScoreEntry[] = [];
  const key = headerKeys();
  const progress = tabs.map((tab, i) => {
    const conflicted = conflictsOf(tab.juror);
    // The calibration samples' rows are taken out at this edge: nothing past it ranks or counts them.
    const taken = takeSampleRows(tab, valuesOf(i), samples);
    for (let k = 0; k < taken.cells.length; k++) calibration.push(taken.cells[k] as ScoreEntry);
    const parsed = parseJurorTab(
      tab,
      taken.values,
      conflicted,
      layouts.get(tab.stage.id) ?? [],
      columnsOf(tab),
      key,
    );
    // One at a time: a spread passes a whole tab's cells as arguments.
    for (let k = 0; k < parsed.comments.length; k++) comments.push(parsed.comments[k] as JurorComment);
    for (let k = 0; k < parsed.issues.length; k++) issues.push(parsed.issues[k] as SheetIssue);
    missing.set(`${tab.stage.id}|${tab.juror.id}`, parsed.missing);
    if (parsed.ids) rowIds.set(`${tab.stage.id}|${tab.juror.id}`, parsed.ids);
    return parsed.progress;
  });
  const extraValues = extra.map((_, i) => snapshot.ranges[tabs.length + i]?.values ?? []);
  const cells: TypedCells = { stages: [...columns.values()].map((c) => c.columns), stray: [] };
  let entries: ScoreEntry[] | undefined;
  return {
    innovations,
    snapshot,
    cells,
    get entries() {
      entries ??= entriesOf(cells);
      return entries;
    },
    progress,
    comments,
    issues,
    missing,
    rowIds,
    extra: extraValues,
    calibration,
  };
}

/**
 * `hasConflict` of a juror and the innovation a row names (false for an id no innovation has), asked
 * once per row of every tab: the innovations are grouped by region once, so a row asks the small set of
 * its juror's region instead of looking the innovation up among them all.
 */
function conflictLookup(
  innovations: readonly Innovation[],
): (juror: Pick<Juror, 'region' | 'conflicts'>) => (id: string) => boolean {
  // The last innovation of an id is the one a lookup by id finds, as a Map built from the list keeps it.
  const known = new Map(innovations.map((i) => [i.id, i]));
  const byRegion = new Map<string, Set<string>>();
  for (const i of known.values()) {
    let ids = byRegion.get(i.region);
    if (!ids) {
      ids = new Set();
      byRegion.set(i.region, ids);
    }
    ids.add(i.id);
  }
  const none = new Set<string>();
  return (juror) => {
    const sameRegion = (juror.region === undefined ? undefined : byRegion.get(juror.region)) ?? none;
    const declared = juror.conflicts;
    if (declared.length === 0) return (id) => sameRegion.has(id);
    return (id) => sameRegion.has(id) || (declared.includes(id) && known.has(id));
  };
}

/** Reads and parses every juror tab (see takeJurorTabs). */
export async function readJurorTabs(
  services: Services,
  opts: { signal?: AbortSignal | undefined; extra?: readonly string[] } = {},
): Promise<JurorTabsRead> {
  return parseJurorTabs(services, await takeJurorTabs(services, opts));
}

/** Every typed score cell, as `juri demo` exports them for `juri rank`. */
export async function readTypedScores(services: Services): Promise<ScoreEntry[]> {
  return (await readJurorTabs(services)).entries;
}
