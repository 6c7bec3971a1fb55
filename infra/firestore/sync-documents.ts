import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { ResultRecord } from '../../shared/domain/record.ts';
import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import { cellsOfTabs } from '../../shared/domain/tab-digests.ts';
import type {
  SyncHead,
  SyncInputs,
  SyncLog,
  SyncRecord,
  SyncRoster,
  SyncStatus,
} from '../../shared/ports.ts';
import { emptyHead, type HeadOfSync, headOfRecord, overlayHead, syncOrder } from '../sync-head.ts';
import {
  type CellTab,
  cellTabFields,
  cellTabsOf,
  joinCellTabs,
  planCellTabs,
  tabStatesOf,
  wantedTabs,
} from './cell-tab-documents.ts';
import { type ChangeTail, createChangeTail, rewriteDue, rowsComplete, TAIL } from './change-tail.ts';
import {
  commitChunked,
  deletesOf,
  joinChunks,
  planTextChunks,
  readChunkGroups,
  readChunks,
  strings,
} from './chunks.ts';
import {
  AlreadyExists,
  type DocumentWrite,
  docId,
  type Fields,
  type FieldValue,
} from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';
import { joinBody, splitRecord, withoutBody } from './record-body.ts';
import { createRosterDocuments } from './roster-documents.ts';
import type { SyncLeaseLink } from './sync-lease-link.ts';

/** What syncInputs read, for the saveSync of the same sync (issue 22: a written sync saves without reads). */
interface ReadForSync {
  head: Fields | null;
  tail: ChangeTail;
  /** No fixed version was found and the head did not say so yet: the save says it. */
  noFixed: boolean;
}

/**
 * The sync log on Firestore. `heads/sync` is the one document a sync reads first: the last sync's head,
 * and the names of every other thing a sync reads: the last full record's chunks (`recordChunks`), the
 * roster snapshot's (`roster`), the change log's tail (`changeTail`) and the newest fixed version's
 * (`fixed`), so a sync reads them all in ONE batch read and writes them back in ONE commit. `inputsStamp`
 * is changed by the intake and result writes in their own commits. Every writer names only its own fields
 * (a field-mask merge), so none overwrites another's.
 */
export function createSyncDocuments(
  { backend, at }: DocumentScope,
  deps: {
    readRoster: () => Promise<SyncRoster>;
    latestVersion: () => Promise<ResultRecord | null>;
    listChanges: (limit: number) => Promise<{ changes: ScoreChange[]; total: number }>;
    /** The sync lease of the same store: its take read the head, and the last save releases it. */
    lease?: SyncLeaseLink;
  },
): SyncLog {
  const headPath = () => at('heads', 'sync');
  const tails = createChangeTail(backend, at);
  const rosters = createRosterDocuments(backend, at, deps.readRoster);
  /** The head document read with each SyncHead answered, and what each syncInputs read. */
  const headsRead = new WeakMap<SyncHead, Fields | null>();
  const inputsRead = new WeakMap<SyncInputs, ReadForSync>();

  /** The records saved before the head existed: the newest sync document, found by a query. */
  async function newestSyncDoc(field: 'order' | 'finishedAt') {
    const [last] = await backend.query({
      collection: at('syncs'),
      orderBy: { field, direction: 'desc' },
      limit: 1,
    });
    return last;
  }

  function headWrite(head: HeadOfSync, also: Fields = {}): DocumentWrite {
    return {
      op: 'merge',
      path: headPath(),
      fields: {
        id: head.id,
        sequence: head.sequence,
        status: head.status,
        startedAt: head.startedAt,
        finishedAt: head.finishedAt,
        readHash: head.readHash,
        inputHash: head.inputHash,
        sheetState: head.sheetState ?? null,
        requests: head.requests ?? null,
        order: syncOrder(head),
        ...also,
      },
    };
  }

  /** The record chunks of the newest record saved before the head named them (a query or two). */
  async function legacyRecordChunks(): Promise<{ chunks: string[]; body: string[] }> {
    // Records saved before `order` existed are only found by finishedAt (a query skips documents
    // without the field); every later record has it and a higher sequence.
    const last = (await newestSyncDoc('order')) ?? (await newestSyncDoc('finishedAt'));
    return { chunks: strings(last?.fields.chunks), body: strings(last?.fields.bodyChunks) };
  }

  /** The record the newest sync document names, without a head (its body only when `whole`). */
  async function legacyRecord(named: { chunks: string[]; body: string[] }, whole: boolean) {
    const carried = await readChunks<Record<string, unknown>>(backend, named.chunks, 'sync');
    if (!carried) return null;
    const body =
      whole && named.body.length > 0
        ? await readChunks<Record<string, unknown>>(backend, named.body, 'sync')
        : null;
    return joinBody(carried, body);
  }

  /**
   * The last full record as lastSync answers it, from the head it was found by: its cells are those of
   * `tabs` (the head's cell tabs read) unless the record holds its own (saved before them), then only
   * those of `wanted`.
   */
  function lastSyncFrom(
    head: Fields | null,
    record: SyncRecord | null,
    cells: { tabs: ScoreEntry[] | null; wanted: ReadonlySet<string> | undefined },
  ): SyncRecord | null {
    if (!record) return null;
    const own = record.cells;
    const withCells: SyncRecord = own
      ? { ...record, cells: cells.wanted ? cellsOfTabs(own, cells.wanted) : own }
      : cells.tabs
        ? { ...record, cells: cells.tabs }
        : record;
    return overlayHead(withCells, head && typeof head.order === 'string' ? toHead(head) : null);
  }

  /** The head's cell tabs, when they hold the cells of the record the head names. */
  function namedCellTabs(head: Fields | null): CellTab[] | null {
    return strings(head?.recordChunks).length > 0 ? cellTabsOf(head) : null;
  }

  async function syncInputs(syncHead: SyncHead | null, tail: number, wanted?: ReadonlySet<string>) {
    const head = (syncHead && headsRead.get(syncHead)) ?? (await backend.get(headPath()));
    const stamp = syncHead?.inputsStamp ?? '';
    const recordChunks = strings(head?.recordChunks);
    const rosterChunks = rosters.chunksFor(head, stamp);
    const tailNamed = tails.pointerOf(head);
    const fixedNamed = isMap(head?.fixed) ? head.fixed : undefined;
    const cellTabs = wantedTabs(namedCellTabs(head) ?? [], wanted);
    // Everything the head names in one read; what it does not name yet (a store from before issue 22,
    // or no snapshot for this stamp) the slower way, meanwhile.
    const [[recordDocs = [], rosterDocs = [], tailDocs = [], fixedDocs = [], ...cellDocs], ...found] =
      await Promise.all([
        readChunkGroups(backend, [
          recordChunks,
          rosterChunks,
          // No rows wanted (the Sheet's log tab is patched): the tail's documents are not read.
          tailNamed && tail > 0 ? tails.pathsOf(tailNamed) : [],
          strings(fixedNamed?.chunks),
          ...cellTabs.map((t) => t.chunks),
        ]),
        recordChunks.length > 0 ? null : legacyRecordChunks(),
        rosterChunks.length > 0 ? null : rosters.refresh(stamp, head),
        tailNamed ? null : tails.readTail(null),
        fixedNamed || head?.fixedTracked === true ? null : deps.latestVersion(),
      ] as const);
    const [legacyChunks, freshRoster, legacyTail, queriedFixed] = found;
    // The record without its body (the result and criterion means): the sync does not need them.
    const record =
      recordChunks.length > 0
        ? withoutBody(await joinChunks<Record<string, unknown>>(recordDocs, 'sync'))
        : await legacyRecord(legacyChunks ?? { chunks: [], body: [] }, false);
    const fixed = fixedNamed ? await joinChunks<ResultRecord>(fixedDocs, 'record') : queriedFixed;
    const changeTail: ChangeTail = tailNamed
      ? tail > 0
        ? await tails.tailFrom(tailNamed, tailDocs)
        : { ...tailNamed, changes: [] }
      : (legacyTail ?? { ...(await deps.listChanges(TAIL)), chunks: [], recent: [] });
    const inputs: SyncInputs = {
      roster: freshRoster ?? (await joinChunks<SyncRoster>(rosterDocs, 'roster')),
      fixed: fixed ?? null,
      last: lastSyncFrom(head, record, {
        tabs: namedCellTabs(head) ? await joinCellTabs(cellDocs) : null,
        wanted,
      }),
      changes: { changes: changeTail.changes.slice(0, Math.max(0, tail)), total: changeTail.total },
    };
    inputsRead.set(inputs, { head, tail: changeTail, noFixed: !fixedNamed && !fixed });
    return inputs;
  }

  return {
    async syncHead() {
      // Read with the sync lease just taken (one batch read for both), or now.
      const fields = (deps.lease?.takeHead() ?? { fields: await backend.get(headPath()) }).fields;
      const inputsStamp = typeof fields?.inputsStamp === 'string' ? fields.inputsStamp : '';
      let head: SyncHead | null;
      if (fields && typeof fields.order === 'string') head = { ...toHead(fields), inputsStamp };
      else {
        const legacy = await newestSyncDoc('order');
        head = legacy
          ? { ...legacyHead(legacy.fields), inputsStamp }
          : fields
            ? emptyHead(inputsStamp)
            : null;
      }
      if (head) headsRead.set(head, fields);
      return head;
    },
    syncInputs,
    async saveSync(sync, options) {
      const syncPath = at('syncs', docId(sync.id));
      const read = options?.inputs ? inputsRead.get(options.inputs) : undefined;
      const head = read ? read.head : await backend.get(headPath());
      const headOrder = typeof head?.order === 'string' ? head.order : '';
      const order = syncOrder(sync);
      const moves = order >= headOrder;
      // The head names the chunks of the record it points to; any other earlier save of this id is
      // rare (a redo of an older sync, or data from before the head) and is looked up.
      const saved = moves && headOrder !== '' ? null : await backend.get(syncPath);
      const stale =
        moves && head?.recordId === sync.id
          ? [...strings(head.recordChunks), ...strings(head?.recordBodyChunks)]
          : moves && headOrder !== ''
            ? []
            : [...strings(saved?.chunks), ...strings(saved?.bodyChunks)];
      const changes = options?.changes ?? [];
      // A tail read without its rows is enough to append to, unless this append rewrites it (1 in 16).
      const before =
        read && (rowsComplete(read.tail) || !rewriteDue(read.tail, changes.length)) ? read.tail : undefined;
      const log =
        changes.length > 0
          ? tails.planAppend(
              sync.id,
              changes,
              before ??
                (await tails.readTail(head)) ?? {
                  ...(await deps.listChanges(TAIL)),
                  chunks: [],
                  recent: [],
                },
            )
          : undefined;
      // The head's record keeps its cells per tab, only the moved tabs' written again.
      const cellTabs =
        moves && sync.cells ? planCellTabs(at, sync.cells, options?.tabs, cellTabsOf(head) ?? []) : null;
      const { cells: _cells, ...withoutCells } = sync;
      // The record's chunks, the record, the appended changes and the head in one commit (chunks first
      // when they need several).
      const parts = splitRecord(cellTabs ? withoutCells : sync);
      const chunks = planTextChunks(syncPath, parts.carried);
      const body = parts.body ? planTextChunks(syncPath, parts.body) : null;
      const record: DocumentWrite = {
        op: 'set',
        path: syncPath,
        fields: {
          id: sync.id,
          startedAt: sync.startedAt,
          finishedAt: sync.finishedAt,
          status: sync.status,
          inputHash: sync.inputHash,
          order,
          chunks: chunks.paths,
          bodyChunks: body?.paths ?? [],
        },
      };
      const save = (withLog: typeof log) => {
        const named: Fields = {
          ...(moves
            ? {
                recordId: sync.id,
                recordChunks: chunks.paths,
                recordBodyChunks: body?.paths ?? [],
                cellTabs: cellTabs ? cellTabFields(cellTabs.tabs) : null,
              }
            : {}),
          ...(read?.noFixed ? { fixedTracked: true } : {}),
          ...withLog?.head,
        };
        const headWrites = moves
          ? [headWrite(headOfRecord(sync, options?.readHash ?? ''), named)]
          : Object.keys(named).length > 0
            ? [{ op: 'merge' as const, path: headPath(), fields: named }]
            : [];
        const planned = [
          chunks,
          ...(body ? [body] : []),
          ...(cellTabs?.planned ?? []),
          ...(withLog?.planned ?? []),
        ];
        return commitChunked(backend, planned, [
          ...(withLog ? [withLog.create] : []),
          record,
          ...headWrites,
          ...deletesOf([...stale, ...(cellTabs?.stale ?? [])]),
          ...(withLog?.rest ?? []),
          ...(release?.writes ?? []),
        ]);
      };
      // A sync saves last: the sync lease this store holds ends in the record's (last) commit.
      const release = deps.lease?.release();
      try {
        await save(log);
      } catch (error) {
        if (!log || !(error instanceof AlreadyExists)) throw error;
        // This sync's changes were appended before: save it without them (and without chunks written
        // ahead of the create, when the commit was too large for one).
        await backend.commit(deletesOf(log.planned.flatMap((p) => p.paths)));
        await save(undefined);
      }
      release?.done();
    },
    async saveUnchanged(head) {
      // A sync saves last: the sync lease this store holds ends in the same commit.
      const release = deps.lease?.release();
      await backend.commit([headWrite(head), ...(release?.writes ?? [])]);
      release?.done();
    },
    async lastSync() {
      const head = await backend.get(headPath());
      const named = strings(head?.recordChunks);
      const cellTabs = namedCellTabs(head);
      if (named.length === 0) {
        const record = await legacyRecord(await legacyRecordChunks(), true);
        return lastSyncFrom(head, record, { tabs: null, wanted: undefined });
      }
      const bodyNamed = strings(head?.recordBodyChunks);
      const [recordDocs = [], bodyDocs = [], ...cellDocs] = await readChunkGroups(backend, [
        named,
        bodyNamed,
        ...wantedTabs(cellTabs ?? [], undefined).map((t) => t.chunks),
      ]);
      const record = joinBody(
        await joinChunks<Record<string, unknown>>(recordDocs, 'sync'),
        bodyNamed.length > 0 ? await joinChunks<Record<string, unknown>>(bodyDocs, 'sync') : null,
      );
      return lastSyncFrom(head, record, {
        tabs: cellTabs ? await joinCellTabs(cellDocs) : null,
        wanted: undefined,
      });
    },
  };
}

function toHead(fields: Fields): HeadOfSync {
  const sheetState = fields.sheetState;
  const cellTabs = cellTabsOf(fields);
  const requests = fields.requests;
  return {
    id: String(fields.id ?? ''),
    sequence: Number(fields.sequence ?? 0),
    status: String(fields.status ?? 'unchanged') as SyncStatus,
    startedAt: String(fields.startedAt ?? ''),
    finishedAt: String(fields.finishedAt ?? ''),
    readHash: String(fields.readHash ?? ''),
    inputHash: String(fields.inputHash ?? ''),
    ...(isMap(sheetState) ? { sheetState: sheetState as Record<string, number> } : {}),
    ...(isMap(requests) ? { requests: requests as unknown as SyncRecord['requests'] } : {}),
    ...(cellTabs ? { tabs: tabStatesOf(cellTabs) } : {}),
    ...changesOf(fields),
  };
}

/** The change log's length as the tail the head names says it. */
function changesOf(fields: Fields): { changes?: number } {
  const tail = fields.changeTail;
  return isMap(tail) && typeof tail.total === 'number' ? { changes: tail.total } : {};
}

/** A head made from a sync document saved before heads existed: no fast-path key, so it never matches. */
function legacyHead(fields: Fields): Omit<SyncHead, 'inputsStamp'> {
  const order = typeof fields.order === 'string' ? fields.order : '';
  return {
    id: String(fields.id ?? ''),
    sequence: Number(order.split('|')[0] ?? 0) || 0,
    status: String(fields.status ?? 'unchanged') as SyncStatus,
    startedAt: String(fields.startedAt ?? ''),
    finishedAt: String(fields.finishedAt ?? ''),
    readHash: '',
    inputHash: String(fields.inputHash ?? ''),
  };
}

function isMap(value: FieldValue | undefined): value is { [key: string]: FieldValue } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
