import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { type Competition, competitionYear } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import {
  admitted,
  decideSelection,
  overrideChanges,
  overridesOf,
  type SelectionRecord,
  type SelectionVerdict,
} from '../../shared/domain/selection.ts';
import { cellsWhere, type TypedCells } from '../../shared/domain/typed-cells.ts';
import { isAppError } from '../../shared/errors.ts';
import { TYPED_DECISION } from '../../shared/messages/decision-words.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import {
  parseSelectionTab,
  SELECTION_READ_RANGE,
  type TypedDecision,
} from '../../shared/sheet/selection-tab.ts';
import type { Services } from '../compose/services.ts';
import { type JurorTabsRead, parseJurorTabs, type TakenRead, takeJurorTabs } from './read-scores.ts';

export interface ReadWithSelection extends JurorTabsRead {
  /** How many of `snapshot.ranges` are juror tabs (the "Seleksi" range may follow). */
  jurorRanges: number;
  /** The "Seleksi" tab's rows, when it was read. */
  selectionValues: string[][] | null;
  /** A sync had published the "Seleksi" tab, but it is gone (deleted by hand): it must be written again. */
  selectionTabLost: boolean;
}

export interface TakenWithSelection {
  taken: TakenRead;
  /** A sync had published the "Seleksi" tab, but it is gone (deleted by hand): it must be written again. */
  selectionTabLost: boolean;
}

/**
 * The juror tabs, plus the "Seleksi" tab in the same request once a sync has published it (`sheetState`
 * of the last sync says so). If that tab was deleted by hand, the read is repeated without it (the
 * decisions typed there are gone with it). Nothing is parsed yet.
 */
export async function takeWithSelection(
  services: Services,
  signal: AbortSignal | undefined,
  sheetState: SyncRecord['sheetState'] | undefined,
): Promise<TakenWithSelection> {
  const wanted = services.competition.selection !== undefined && sheetState?.selection === 1;
  if (wanted) {
    try {
      const taken = await takeJurorTabs(services, { signal, extra: [SELECTION_READ_RANGE] });
      return { taken, selectionTabLost: false };
    } catch (e) {
      if (!(isAppError(e) && /parse range/i.test(e.detail ?? ''))) throw e;
    }
  }
  return { taken: await takeJurorTabs(services, { signal }), selectionTabLost: wanted };
}

/** Parses what takeWithSelection read. */
export async function parseWithSelection(
  services: Services,
  { taken, selectionTabLost }: TakenWithSelection,
  innovations?: readonly Innovation[],
): Promise<ReadWithSelection> {
  const read = await parseJurorTabs(services, taken, innovations);
  const withTab = taken.extra.length > 0;
  // Assigned, not spread: a spread would make the read's cells into objects (`entries`) here.
  return Object.assign(read, {
    jurorRanges: read.snapshot.ranges.length - taken.extra.length,
    selectionValues: withTab ? (read.extra[0] ?? []) : null,
    selectionTabLost,
  });
}

export interface Selected {
  /** The innovations that go to the first stage. */
  admitted: Innovation[];
  /** Score cells, without those typed for an entry that did not pass selection. */
  entries: ScoreEntry[];
  /** The same cells in columns, as the juror tabs were read: what the ranking takes. */
  cells: TypedCells;
  /** What the secretariat typed, to write back as typed. */
  typed: Map<string, TypedDecision>;
  record: SelectionRecord | undefined;
}

/**
 * Applies the administrative selection before ranking (the engine ranks whatever it is given): only
 * passing entries are ranked, and cells typed for the others are left out rather than reported as
 * unknown innovations. Without a `selection` section nothing changes.
 */
export function applySelection(
  competition: Competition,
  read: Pick<ReadWithSelection, 'innovations' | 'entries' | 'cells' | 'selectionValues'>,
  previous: SelectionRecord | undefined,
  stamp: { at: string; sync: string },
): Selected {
  const rules = competition.selection;
  if (!rules)
    return {
      admitted: read.innovations,
      entries: read.entries,
      cells: read.cells,
      typed: new Map(),
      record: undefined,
    };
  // Before the tab exists (first sync), the decisions are the ones the last record carried.
  const tab = read.selectionValues ? parseSelectionTab(read.selectionValues) : null;
  const overrides = tab ? tab.overrides : overridesOf(previous);
  const typed = tab ? tab.typed : typedFrom(previous?.verdicts ?? []);
  const verdicts = decideSelection(rules, competitionYear(competition), read.innovations, overrides);
  const passing = admitted(read.innovations, verdicts);
  const known = new Set(read.innovations.map((i) => i.id));
  const passed = new Set(passing.map((i) => i.id));
  const judged = (innovation: string) => passed.has(innovation) || !known.has(innovation);
  const entries = read.entries.filter((e) => judged(e.innovation));
  const cells = cellsWhere(read.cells, judged);
  const log = [
    ...(previous?.log ?? []),
    ...overrideChanges(previous?.verdicts ?? [], verdicts, stamp.at, stamp.sync),
  ];
  return { admitted: passing, entries, cells, typed, record: { verdicts, log } };
}

function typedFrom(verdicts: readonly SelectionVerdict[]): Map<string, TypedDecision> {
  return new Map(
    verdicts.flatMap((v) =>
      v.override
        ? [[v.id, [TYPED_DECISION[v.override.decision], v.override.by, v.override.note] as TypedDecision]]
        : [],
    ),
  );
}

/** The entries that go to the first stage now: the rules as configured, the decisions the last sync read. */
export function firstStagePopulation(
  competition: Competition,
  innovations: readonly Innovation[],
  last: SyncRecord | null,
): Innovation[] {
  const rules = competition.selection;
  if (!rules) return [...innovations];
  const verdicts = decideSelection(
    rules,
    competitionYear(competition),
    innovations,
    overridesOf(last?.selection),
  );
  return admitted(innovations, verdicts);
}
