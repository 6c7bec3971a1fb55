import { sha256Hex } from '../../shared/digest.ts';
import { compareIds } from '../../shared/domain/assignment.ts';
import { canonicalJson } from '../../shared/domain/canonical-json.ts';
import { withDisplay } from '../../shared/domain/display-score.ts';
import { FAIRNESS_REPORT_VERSION } from '../../shared/domain/fairness/report.ts';
import { rankByCurrentRules } from '../../shared/domain/record.ts';
import type { Rejection, SyncInputs, SyncRecord } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import { placeNewRows } from './roster-rows.ts';
import { applySelection, parseWithSelection, type ReadWithSelection, type Selected } from './selection.ts';
import { fairnessSource } from './sync-fairness.ts';
import { LAYOUT_VERSION, readJurorTabs, type TabsRead } from './sync-read.ts';
import type { SyncRun } from './sync-run.ts';

/** The read taken apart: what it says, what passed selection, and the juror rows this sync placed. */
export interface Scores {
  read: TabsRead;
  parsed: ReadWithSelection;
  /** Only the entries that passed selection are judged: the ranking, the record and its cells. */
  selected: Selected;
  rejections: Rejection[];
  rowsPlaced: Awaited<ReturnType<typeof placeNewRows>>;
}

/**
 * The selection applied to the parsed read, and the roster step: entries new to the first stage get
 * their juror rows now, and this sync reads them again so that progress counts them.
 */
export async function selectWithNewRows(
  services: Services,
  run: SyncRun,
  first: { read: TabsRead; parsed: ReadWithSelection },
  inputs: SyncInputs,
  signal: AbortSignal,
): Promise<Scores> {
  const { competition } = services;
  const { roster, last } = inputs;
  const stamp = { at: run.startedAt, sync: run.id };
  const selected = applySelection(competition, first.parsed, last?.selection, stamp);
  const rowsPlaced = await placeNewRows(services, first.parsed, selected.admitted, signal);
  const rejections = [...roster.rejections].sort((a, b) => compareIds(a.responseId, b.responseId));
  if (rowsPlaced.length === 0) return { ...first, selected, rejections, rowsPlaced };
  const read = await readJurorTabs(services, run.head, signal);
  const parsed = await parseWithSelection(services, read.taken, roster.innovations);
  return {
    read,
    parsed,
    selected: applySelection(competition, parsed, last?.selection, stamp),
    rejections,
    rowsPlaced,
  };
}

/** Everything the result depends on, hashed: what says whether this sync has anything new to publish. */
export function inputHashOf({ competition, lang }: Services, scores: Scores, fixed: SyncInputs['fixed']) {
  const { parsed, selected } = scores;
  return sha256Hex(
    canonicalJson({
      layout: LAYOUT_VERSION,
      fairness: FAIRNESS_REPORT_VERSION,
      lang,
      competition,
      innovations: parsed.innovations,
      rejections: scores.rejections,
      cells: parsed.snapshot.ranges.slice(0, parsed.jurorRanges),
      fixed: fixed?.hash ?? null,
      ...(selected.record ? { selection: [...selected.typed] } : {}),
    }),
  );
}

/**
 * The bytes differ (a tab this sync publishes and reads, e.g. "Seleksi") but not what they say, and the
 * last record's fairness report, when this sync wants one, describes these inputs.
 */
export function resultAsBefore(
  last: SyncRecord | null,
  inputHash: string,
  scores: Scores,
  computeFairness: boolean,
): boolean {
  const fairnessCurrent =
    !computeFairness || (last?.fairness && fairnessSource(last).inputHash === inputHash);
  return Boolean(
    last &&
      last.status !== 'failed' &&
      last.inputHash === inputHash &&
      !scores.parsed.selectionTabLost &&
      fairnessCurrent,
  );
}

/** The judged entries ranked by the config's rules, with the scores as displayed: both on the cells in columns, as read. */
export function rankJudged({ competition }: Services, { selected }: Scores) {
  const { admitted, cells } = selected;
  return withDisplay(competition, rankByCurrentRules(competition, admitted, cells), cells);
}
