import { sha256Hex } from '../../shared/digest.ts';
import { canonicalJson } from '../../shared/domain/canonical-json.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import { readDigest, type TabStates, tabKey } from '../../shared/domain/tab-digests.ts';
import type { SyncHead, SyncInputs } from '../../shared/ports.ts';
import { OUTPUT_KEYS, scoreChangesVersion } from '../../shared/sheet/output-tabs.ts';
import type { Services } from '../compose/services.ts';
import { type TakenWithSelection, takeWithSelection } from './selection.ts';

/**
 * Rows of the "Riwayat Nilai" tab: the newest changes. A national run logs ~75,000 first entries; the
 * full log stays in the store (dashboard, `juri export-record`), the Sheet gets the latest.
 */
export const MAX_CHANGE_ROWS = 5000;

/** Bump when the juror tab layout or the hashed inputs change meaning, so the next sync rewrites. */
// 4: "unchanged" decided from the raw read first (SyncHead.readHash).
export const LAYOUT_VERSION = 4;

/** One read of the juror tabs (and the "Seleksi" tab), not parsed, with the hash that says "as before". */
export interface TabsRead {
  taken: TakenWithSelection;
  /** What every read digest of this sync is taken in: the config, the layout, the language, the inputs stamp. */
  context: string;
  /** The fast-path key: the read's bytes in their context (SyncHead.readHash). */
  readHash: string;
  /** The digest of each juror tab's read (by tabKey), worked out on first use and kept with the read. */
  readDigests: () => ReadonlyMap<string, string>;
}

/** Every juror tab in ONE request, hashed before anything is parsed. */
export async function readJurorTabs(
  services: Services,
  head: SyncHead | null,
  signal: AbortSignal,
): Promise<TabsRead> {
  const taken = await takeWithSelection(services, signal, head?.sheetState);
  const { lang } = services;
  const context = [await configKey(services), LAYOUT_VERSION, lang, head?.inputsStamp ?? ''].join('|');
  let digests: Map<string, string> | undefined;
  return {
    taken,
    context,
    readHash: await sha256Hex(`${context}|${taken.taken.read.digest}`),
    readDigests: () => {
      digests ??= digestsOfRead(taken, context);
      return digests;
    },
  };
}

/**
 * The common cron tick: the Sheet's bytes and the store's inputs stamp are those the head was saved
 * with, so nothing is parsed; answers that head, or null when this read must be parsed. A person's
 * sync also wants the fairness report of these scores, which only the full record says it has: it
 * always parses.
 */
export function unchangedSince(
  head: SyncHead | null,
  read: TabsRead,
  computeFairness: boolean,
): SyncHead | null {
  const same =
    !computeFairness &&
    head !== null &&
    head.status !== 'failed' &&
    head.readHash === read.readHash &&
    !read.taken.selectionTabLost;
  return same ? head : null;
}

/** What the store holds besides the head, and which juror tabs' read moved since the head's record. */
export interface StoreInputs {
  inputs: SyncInputs;
  moved: ReadonlySet<string> | undefined;
  /** The store was asked for none of the change log's rows: the Sheet's log tab is patched. */
  logRowsLeftOut: boolean;
}

/**
 * The intake as of the stamp read with the head (a snapshot kept under that stamp, or listed whole),
 * the fixed version, the last record (with the cells of the tabs whose read moved) and the change
 * log's tail: one read on Firestore.
 */
export async function readStoreInputs(
  services: Services,
  head: SyncHead | null,
  read: TabsRead,
): Promise<StoreInputs> {
  const moved = movedTabs(head, read);
  const rows = logTabShowsHead(services, head, read) ? 0 : MAX_CHANGE_ROWS;
  const inputs = await services.stores.syncLog.syncInputs(head, rows, moved);
  return { inputs, moved, logRowsLeftOut: rows === 0 };
}

/**
 * Whether the Sheet's "Riwayat Nilai" tab shows the change log as long as the head says it is: then this
 * sync's changes are put on top of it and no older change's row is needed (the store reads none).
 */
function logTabShowsHead({ lang, competition }: Services, head: SyncHead | null, read: TabsRead): boolean {
  if (head?.changes === undefined) return false;
  const shown = read.taken.taken.read.snapshot().shown?.[OUTPUT_KEYS.scoreChanges];
  return shown === scoreChangesVersion(lang, competition.timezone, head.changes);
}

/** What the record is saved with per juror tab: the digests of its read and of its typed cells. */
export function tabStates(read: TabsRead, cells: ReadonlyMap<string, string>): TabStates {
  return Object.fromEntries(
    [...read.readDigests()].map(([key, digest]) => [key, { read: digest, cells: cells.get(key) ?? '' }]),
  );
}

/**
 * The config's hash: once per config object where the composition root keeps a cache (a Worker isolate
 * keeps it across requests), else for each read.
 */
function configKey({ competition, configKeys }: Services): Promise<string> {
  return configKeys ? configKeys(competition) : configKeyOf(competition);
}

/** What the config hashes to: its canonical JSON's sha256. */
export function configKeyOf(competition: Competition): Promise<string> {
  return sha256Hex(canonicalJson(competition));
}

/**
 * The juror tabs whose read moved since the head's record was saved, or undefined when every tab's
 * cells are wanted (no per-tab state saved yet).
 */
function movedTabs(head: SyncHead | null, read: TabsRead): ReadonlySet<string> | undefined {
  const saved = head?.tabs;
  if (!saved) return undefined;
  const moved = new Set<string>();
  for (const [key, digest] of read.readDigests()) if (saved[key]?.read !== digest) moved.add(key);
  return moved;
}

/** The digest of each juror tab's read (by tabKey), under the read's context. */
function digestsOfRead(taken: TakenWithSelection, context: string): Map<string, string> {
  const values = taken.taken.read.snapshot().ranges;
  return new Map(
    taken.taken.tabs.map((tab, i) => [
      tabKey({ stage: tab.stage.id, juror: tab.juror.id }),
      readDigest(context, values[i]?.values ?? []),
    ]),
  );
}
