import type { CalibrationReport } from './domain/calibration.ts';
import type { ScoreEntry } from './domain/cells.ts';
import type { FairnessReport } from './domain/fairness/report.ts';
import type { Bilingual } from './domain/i18n.ts';
import type { Innovation } from './domain/innovation.ts';
import type { Issue } from './domain/issues.ts';
import type { LifecycleTransition } from './domain/lifecycle.ts';
import type { CompetitionResult } from './domain/ranking.ts';
import type { ResultRecord, ResultVersionSummary } from './domain/record.ts';
import type { ScoreChange } from './domain/score-changes.ts';
import type { SelectionRecord } from './domain/selection.ts';
import type { FormSubmission, InnovationDraft } from './domain/submission.ts';
import type { TabStates } from './domain/tab-digests.ts';
import type { JurorComment, SheetIssue } from './sheet/juror-read.ts';
import type { JurorProgress } from './sheet/layout.ts';
import type { OutputTab } from './sheet/output-tab.ts';

/** Time comes from outside so that runs are reproducible. */
export interface Clock {
  now(): Date;
}

export type IntakeSource = 'apps-script' | 'forms-api' | 'local';

/** A payload exactly as it arrived, archived before anything reads it. */
export interface RawSubmission {
  /**
   * Named by its content (`sha256-<hex of the body's bytes>`): the same bytes delivered again are the
   * same payload, so a replay adds to a count instead of another copy.
   */
  id: string;
  receivedAt: string;
  source: IntakeSource;
  /** The Form response id, when it could be read from the payload. */
  responseId?: string;
  /** The body as received: UTF-8 text, or base64 of the bytes when they were not valid UTF-8. */
  body: string;
  encoding?: 'base64';
}

/** One archived payload: the first delivery, and how many times it arrived. */
export interface ArchivedPayload extends RawSubmission {
  deliveries: number;
  lastReceivedAt: string;
}

/** A validated submission ready to become (or update) an innovation. */
export interface AcceptedSubmission {
  responseId: string;
  /** The Form's lastSubmittedTime; a newer one is an edit. ISO 8601. */
  submittedAt: string;
  source: IntakeSource;
  rawId: string;
  innovation: InnovationDraft;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface Rejection {
  responseId: string;
  receivedAt: string;
  source: IntakeSource;
  rawId: string;
  /** Codes with their values; shared/messages says them in the reader's language. */
  reasons: Issue[];
  /** What the respondent typed, keyed by question title, for the secretariat to follow up. */
  answers: Record<string, string>;
  /**
   * Kept only when the submission was valid but arrived outside the intake window, so that the
   * secretariat can accept it by an explicit override without asking the sender again.
   */
  submission?: FormSubmission;
}

/** A sync that finds another running is refused (AppError 'busy') and records nothing. */
export type SyncStatus = 'written' | 'unchanged' | 'failed';

/** What one sync did; the pages read the last one and never call Google themselves. */
export interface SyncRecord {
  /**
   * `sync-<sequence, zero-padded>`: syncs run one at a time under a lease, so ids sort in the order the
   * syncs ran, even when two finish within the same clock tick.
   */
  id: string;
  /** 1 for the first sync of a competition, then +1. */
  sequence?: number;
  startedAt: string;
  finishedAt: string;
  status: SyncStatus;
  /** Hash of the config, the innovations and the typed scores that produced the result. */
  inputHash: string;
  /** Sheets API requests this sync made. */
  requests: { reads: number; writes: number };
  message?: string;
  /**
   * Why a failed sync failed: the error code, the sentence in both languages (each reader gets theirs)
   * and, apart, the technical detail.
   */
  failure?: { code: string; text: Bilingual; detail?: string };
  /** The administrative selection this sync applied (when the config has a `selection` section). */
  selection?: SelectionRecord;
  /** The rankings as computed, for the pages and the audit trail. */
  result?: CompetitionResult;
  /** Progress per stage and juror: cells scored vs assigned. */
  progress?: JurorProgress[];
  /** What the jurors typed in their remarks column, for the secretariat. */
  comments?: JurorComment[];
  /** Juror tabs whose shape a person changed (inserted columns, moved header…): reported, never misread. */
  sheetIssues?: SheetIssue[];
  /**
   * Entries new to the first stage (passed the selection, or accepted late) whose juror rows this sync
   * added, and the jurors whose tabs got them: the dashboard says where each went.
   */
  rowsPlaced?: { stage: string; innovation: string; jurors: string[] }[];
  /**
   * Sheet bookkeeping for the audit trail: `{ generation }`, the number of the output tabs' version
   * this sync published (the adapter keeps its real state inside the sheet, so a lost record is harmless).
   */
  sheetState?: Record<string, number>;
  /** Every non-empty score cell as typed, for the next sync's change log and for fixing a result. */
  cells?: ScoreEntry[];
  /** Reliability, what-if and rank stability (docs/fairness.md), for the dashboard. */
  fairness?: FairnessReport;
  /**
   * The calibration round's summaries (docs/calibration.md), from the samples' cells, which are in no
   * other field: each juror's private page and the Keadilan page read them.
   */
  calibration?: CalibrationReport;
  /**
   * The sync whose result `fairness` describes. A scheduled sync does not compute the report (its
   * bootstrap alone costs many times a sync) and carries the last one forward: when its `inputHash`
   * is not the record's, it describes an earlier read, and the pages and tabs say so.
   */
  fairnessOf?: { sync: string; at: string; inputHash: string };
}

/** Innovations, keyed by Form response id, each numbered once. Scoped to one competition. */
export interface InnovationStore {
  /**
   * Creates the innovation for a response id exactly once, or updates it when `submittedAt` is newer
   * (keeping the earlier version in its history). A new innovation gets the next number, gap-free.
   * Redeliveries and concurrent duplicates return 'unchanged' or the same innovation. A created or
   * updated innovation clears the response's standing rejection in the same write (as clearRejection;
   * on Firestore one commit less per submission); 'unchanged' touches nothing.
   * `raw`: the payload the submission came in, archived as archiveRaw would, in the same atomic write as
   * a created or updated innovation (on Firestore one commit for both, a subrequest less per submission);
   * alone when the outcome is 'unchanged'. No innovation is ever stored without its payload archived; a
   * call that fails may have archived the payload, never the innovation alone.
   */
  upsertInnovation(
    submission: AcceptedSubmission,
    numberToId: (n: number) => string,
    raw?: RawSubmission,
  ): Promise<{ outcome: UpsertOutcome; innovation: Innovation }>;
  listInnovations(): Promise<Innovation[]>;
  /** Earlier versions of one innovation, oldest first: what an edit of the Form response replaced. */
  innovationHistory(responseId: string): Promise<Innovation[]>;
}

/** Every payload as it arrived, and the ones that could not be accepted. */
export interface SubmissionArchive {
  /**
   * Archives a payload before validation. Must succeed before anything else is done with it. The first
   * delivery of an id is kept; later ones only count (and move lastReceivedAt), concurrency included.
   */
  archiveRaw(raw: RawSubmission): Promise<void>;
  /** Every archived payload, first received first: for the audit trail and the tests. */
  listRaw(): Promise<ArchivedPayload[]>;
  /** Keeps a rejected submission with its reasons; a later rejection of the same response replaces it. */
  recordRejection(rejection: Rejection): Promise<void>;
  listRejections(): Promise<Rejection[]>;
  /** Clears a rejection once the same response is accepted. */
  clearRejection(responseId: string): Promise<void>;
}

/**
 * The one small document a sync reads first: enough to decide "unchanged" without reading more.
 * `sequence` 0 (and `id` '', `readHash` '') means no sync was saved yet, only an input was stored:
 * the head then carries just the stamp, and its empty readHash never matches.
 */
export interface SyncHead {
  /** The last sync's id, sequence, status and times (any status, unchanged ones included). */
  id: string;
  sequence: number;
  status: SyncRecord['status'];
  startedAt: string;
  finishedAt: string;
  /** The last sync's fast-path key (sha256 of the raw Sheet read + inputsStamp + config), '' when none. */
  readHash: string;
  /** The last sync's full input hash (SyncRecord.inputHash of the last written/unchanged-after-parse one). */
  inputHash: string;
  sheetState?: SyncRecord['sheetState'];
  requests?: SyncRecord['requests'];
  /**
   * Per juror tab (`stage|juror`), the digests of its read and of its typed cells that the last full
   * record was saved with (saveSync's `tabs`); absent when it was saved without them.
   */
  tabs?: TabStates;
  /**
   * How many score changes the log holds, when the head says it (Firestore's names the change tail);
   * absent otherwise. A sync that needs none of the newest changes' rows asks syncInputs for 0 of them.
   */
  changes?: number;
  /**
   * Changes (a new random value) whenever an innovation, a rejection or a fixed result version is stored or
   * cleared: a sync's other inputs. '' before anything was stored. Hash the value syncHead returned
   * BEFORE reading those inputs: a write landing meanwhile then changes the stamp the next sync sees.
   */
  inputsStamp: string;
}

/** What each sync did; the pages read the last one. */
export interface SyncLog {
  /**
   * Null while nothing was stored for the competition (no sync, no input). One document read on
   * Firestore; a store written before the head existed costs one query more until its next saveSync.
   * Right after this store took the sync lease afresh, Firestore answers the head it read with the lease
   * (one batch read for both), once.
   */
  syncHead(): Promise<SyncHead | null>;
  /**
   * Saves a full record and, unless a sync that ran later is already recorded, moves the head to it
   * (`readHash` '' when absent) without touching `inputsStamp`. `changes` are appended to the score
   * change log under the sync's id in the same atomic write, as appendScoreChanges would (a sync
   * appended before appends nothing again). `inputs`: what syncInputs answered this sync; the store may
   * take the head and the change tail it read then instead of reading them again (Firestore: the save
   * is then one commit and no read). `tabs`: the digests of each juror tab's read and cells, which the
   * head then carries; a tab whose cells digest is the head's keeps its stored cells (Firestore writes
   * the cells of the other tabs only). A sync's last write: on Firestore its last commit also ends the
   * sync lease this store holds, so nothing may be done under the lease after it.
   */
  saveSync(
    sync: SyncRecord,
    options?: { readHash: string; changes?: ScoreChange[]; inputs?: SyncInputs; tabs?: TabStates },
  ): Promise<void>;
  /**
   * A fast-path unchanged sync: moves the head only (one write, no read, no record copied). Like
   * saveSync, a sync's last write: on Firestore it also ends the sync lease this store holds (one commit
   * for both; the releaseLease after it makes no request), so nothing may be done under the lease after it.
   */
  saveUnchanged(head: Omit<SyncHead, 'inputsStamp'>): Promise<void>;
  /**
   * The last saved full record (the highest sequence, a record without one counting as 0; among equal
   * sequences the latest finishedAt, then the greatest id), with `id`, `sequence`, `status`, `startedAt`,
   * `finishedAt` and `requests` taken from the head when saveUnchanged moved it past that record (its
   * `message` and `failure` then dropped: they were that record's).
   */
  lastSync(): Promise<SyncRecord | null>;
  /**
   * Everything a sync that parses reads after its head, at once (Firestore: one batch read of the
   * documents the head names). `head` is what syncHead answered BEFORE this call (the store may reuse
   * what it read with it); `tail` how many of the newest changes to answer. `tabs`: the juror tabs whose
   * cells the sync needs (by tabKey); `last.cells` then holds only theirs, in their order (Firestore
   * reads no other tab's cells). Call it under the sync lease.
   */
  syncInputs(head: SyncHead | null, tail: number, tabs?: ReadonlySet<string>): Promise<SyncInputs>;
}

/** What a sync reads besides its head and the Sheet (SyncLog.syncInputs). */
export interface SyncInputs {
  /**
   * The innovations and rejections, as listInnovations and listRejections give them, as of the head's
   * `inputsStamp`. When a snapshot kept under that same stamp exists, only it is read (Firestore: a
   * constant number of documents, whatever the number of entries); otherwise both lists are read whole
   * and kept as the snapshot for that stamp.
   */
  roster: SyncRoster;
  /** The newest fixed result version, as latestVersion answers. */
  fixed: ResultRecord | null;
  /**
   * The last saved full record, as lastSync answers, except that a store may leave out its `result`,
   * which the next sync does not need (Firestore keeps it in documents of its own and reads them for
   * lastSync only): a caller that needs it reads lastSync.
   */
  last: SyncRecord | null;
  /** The newest `tail` changes of the score change log and their total, as listScoreChanges answers. */
  changes: { changes: ScoreChange[]; total: number };
}

/** A sync's view of the intake: every innovation, and every rejection still standing. */
export interface SyncRoster {
  innovations: Innovation[];
  rejections: Rejection[];
}

/**
 * The lease a sync and a sheet setup run under. A store may treat it apart (Firestore reads the sync head
 * with its take and releases it inside a sync's last save), so the name is the port's, not a caller's.
 */
export const SYNC_LEASE = 'sync';

/** Mutual exclusion across instances (a cron and a button press), with expiry so a crash frees it. */
export interface Leases {
  /**
   * Takes the named lease until `until` unless someone else holds an unexpired one. `deferred`: a store
   * may answer from its read alone and write the take with the holder's first save through it (Firestore:
   * a cron tick that finds nothing new then makes one commit, not two) or in confirmLease; a taker that
   * comes in between wins, and that save or confirmLease fails with AppError('busy'). Nothing outside the
   * store (the Sheet) may be written before confirmLease.
   */
  acquireLease(
    name: string,
    holder: string,
    now: Date,
    until: Date,
    options?: { deferred?: boolean },
  ): Promise<boolean>;
  /** Writes a deferred take now (no request when the take is written already, or was not deferred). */
  confirmLease?(name: string, holder: string): Promise<void>;
  releaseLease(name: string, holder: string): Promise<void>;
}

/** Named positions in an outside feed, e.g. the Forms API's last listed response. */
export interface Cursors {
  getCursor(name: string): Promise<string | null>;
  setCursor(name: string, value: string): Promise<void>;
}

/** Fixed result versions (penetapan, ralat): each number is written once and never overwritten. */
export interface ResultRecords {
  /**
   * Stores `record` under its version number unless that number exists already (a create-only
   * precondition): true when written, false when another version took the number first.
   */
  saveVersion(record: ResultRecord): Promise<boolean>;
  /**
   * Every version's summary, oldest first, derived from each stored (hashed) record on read: no adapter
   * keeps a summary beside the record, so none can be edited apart from it (issue 20, 10b).
   */
  listVersions(): Promise<ResultVersionSummary[]>;
  getVersion(version: number): Promise<ResultRecord | null>;
  latestVersion(): Promise<ResultRecord | null>;
}

/** The score change log (Riwayat Nilai): appended by each sync, never edited. */
export interface ScoreChangeLog {
  /**
   * Appends one sync's changes (the sync id groups them; appending the same sync again is harmless) and
   * answers what listScoreChanges(limit) answers after it (no change when `limit` is
   * absent, and the total): the sync publishes that tail, and Firestore has it at hand, so the tail is
   * read once per sync, not twice.
   */
  appendScoreChanges(
    syncId: string,
    changes: ScoreChange[],
    limit?: number,
  ): Promise<{ changes: ScoreChange[]; total: number }>;
  /** Newest first, at most `limit` (all when absent), plus how many there are in all. */
  listScoreChanges(limit?: number): Promise<{ changes: ScoreChange[]; total: number }>;
}

/** What the public sent during a public test (uji publik); only the secretariat reads it. */
export interface PublicResponse {
  id: string;
  receivedAt: string;
  /** The provisional version the response is about. */
  version: number;
  name: string;
  contact: string;
  message: string;
}

export interface PublicResponses {
  savePublicResponse(response: PublicResponse): Promise<void>;
  /** Oldest first. */
  listPublicResponses(): Promise<PublicResponse[]>;
}

/** Secretariat sessions: a cookie names one, and the store can end it (sign-out) before it expires. */
export interface Sessions {
  createSession(id: string, expiresAt: Date): Promise<void>;
  /** True while the session exists, is not revoked, and `now` is before its expiry. */
  sessionActive(id: string, now: Date): Promise<boolean>;
  revokeSession(id: string): Promise<void>;
}

/**
 * Sign-in attempts per client (an IP address), kept in the store so that every instance and every
 * runtime (Workers have no shared memory) sees the same count. Recorded before the secret is checked,
 * cleared by a success, so what remains are failures.
 */
export interface SignInAttempts {
  /** `id` is random: with `at` it orders attempts made in the same millisecond. */
  addAttempt(client: string, attempt: Attempt): Promise<void>;
  /** The client's attempts at or after `since`, newest first (then greatest id), at most `limit`. */
  recentAttempts(client: string, since: Date, limit: number): Promise<Attempt[]>;
  clearAttempts(client: string): Promise<void>;
}

export interface Attempt {
  id: string;
  at: Date;
}

/**
 * The competition's lifecycle log (shared/domain/lifecycle.ts): the current phase is the last entry's
 * target. Append-only; an entry is never edited or removed.
 */
export interface LifecycleLog {
  /**
   * Appends `transition` under its `seq` unless that number is taken already (a create-only
   * precondition): true when written, false when another transition took the number first (the caller
   * reads the log again and decides anew).
   */
  appendTransition(transition: LifecycleTransition): Promise<boolean>;
  /** Every transition, oldest (seq 1) first; empty while the competition never moved. */
  listTransitions(): Promise<LifecycleTransition[]>;
}

/**
 * One competition's data, port by port: the competition id is bound once, inside the adapter, so no
 * method takes it and no caller can mix two competitions' data.
 */
export interface CompetitionStores {
  innovations: InnovationStore;
  archive: SubmissionArchive;
  syncLog: SyncLog;
  leases: Leases;
  cursors: Cursors;
  records: ResultRecords;
  changeLog: ScoreChangeLog;
  publicResponses: PublicResponses;
  sessions: Sessions;
  signIn: SignInAttempts;
  lifecycle: LifecycleLog;
}

/** What one store adapter (SQLite, Firestore over gRPC or REST) provides: every port, per competition. */
export interface StoreAdapter {
  /** The same object for the same id, for as long as the adapter lives. */
  competition(id: string): CompetitionStores;
}

/** One A1 range to read; `book` names the juror whose own spreadsheet holds it (perJuror mode). */
export interface RangeRef {
  range: string;
  book?: string;
}

/**
 * Values of one A1 range, rows of cells; trailing blanks may be missing. Numbers are read unformatted
 * (full precision, "8.5"), so a cell formatted to show fewer decimals is never read rounded; text is
 * exactly as typed.
 */
export interface RangeValues {
  range: string;
  book?: string;
  values: string[][];
}

/** A read of the juror tabs plus the adapter's own bookkeeping, taken in one request. */
export interface SheetSnapshot {
  ranges: RangeValues[];
  /** Opaque to callers: hand it back to publish(). */
  publishState: string;
  /**
   * Per output tab key, the content version (OutputTab.grown) its live tab shows, as the bookkeeping
   * read with the ranges says; absent where the sheet does not keep versions.
   */
  shown?: Readonly<Record<string, string>>;
}

/**
 * A read as it arrived. Its digest is known before anything is parsed, so a sync can tell "nothing
 * changed" at the cost of hashing the bytes; the cells are parsed only when asked for.
 */
export interface SheetRead {
  /**
   * SHA-256 (hex) of the response bodies exactly as received, in request order: the ranges asked for,
   * not the adapter's own bookkeeping (which a publish moves).
   */
  digest: string;
  /** The parsed ranges and bookkeeping (parsed on the first call, then kept). */
  snapshot(): SheetSnapshot;
}

/** One row of a juror tab as provisioning wants it. */
export interface JurorRowSpec {
  /** The innovation id, written in column A and used to find the row again. */
  key: string;
  /** Text cells from column A on (ID, title, agency, region); always written as text. */
  cells: string[];
  /** Formula cells (the links), by column: written as formulas, never parsed out of text. */
  formulas: { column: number; formula: string }[];
  /** Conflict of interest: greyed out, locked to the secretariat. */
  locked: boolean;
  /** Written in the note column when the row is added: a conflict's reason, a calibration sample's mark; '' for none. */
  note: string;
}

export interface JurorTabSpec {
  /** The juror whose own spreadsheet holds the tab (perJuror mode); the shared spreadsheet when absent. */
  book?: string;
  title: string;
  /** Every header row; the entries start below. */
  header: string[][];
  /** The header row holding the column names, and what each column's name may read (any language). */
  namesRow: number;
  columnNames: string[][];
  /** Notes on header cells: a criterion's description on its name. */
  headerNotes: { row: number; column: number; note: string }[];
  rows: JurorRowSpec[];
  /**
   * 0-based score columns with their scale and the message shown on typing, for strict validation;
   * `choices`: the words a field verification's answer may be (a list, not a number range).
   */
  scoreColumns: { index: number; min: number; max: number; message: string; choices?: string[] }[];
  /** The columns the juror types in (scores, remarks): shaded. */
  inputColumns: number[];
  /** Columns only the secretariat may edit besides the header: the keys and links, the juror's total. */
  lockedColumns: number[];
  /** A formula on every entry row, `{row}` standing for the row's 1-based number. */
  rowFormulas: { column: number; template: string; numberFormat: string }[];
  /** 0-based column of the note. */
  noteColumn: number;
  /** Who may edit the tab besides the secretariat: the juror's email. */
  editors: string[];
  widths: number[];
  frozenColumns: number;
}

/** A tab juri rewrites whole at every setup (the "Petunjuk" tab). */
export interface GuideSpec {
  book?: string;
  title: string;
  rows: string[][];
  widths: number[];
}

export interface SheetPlan {
  jurorTabs: JurorTabSpec[];
  /** After the juror tabs, in every spreadsheet setup prepares. */
  guide?: GuideSpec;
  /** The spreadsheet's locale (id_ID: "8,5" typed is the number 8.5) and time zone. */
  locale: string;
  timeZone: string;
  /**
   * perJuror mode: a spreadsheet of their own per juror (`key`: the juror id the tabs' `book` names),
   * created by setup with this title and shared with `editors` only.
   */
  books?: { key: string; title: string; editors: string[] }[];
  /** perJuror mode: the jurors' spreadsheet ids, for the secretariat's spreadsheet to remember. */
  bookIds?: Record<string, string>;
  /** Secretariat emails: editors of every protected range. */
  secretariat: string[];
}

export interface ProvisionOutcome {
  tabsCreated: string[];
  rowsAdded: number;
  tabs: number;
  /** Juror tabs whose shape a person changed: setup left them as they are (their scores stay readable). */
  reshaped: string[];
  /** perJuror mode: each juror's spreadsheet and where to open it. */
  books?: { key: string; spreadsheetId: string; url: string; created: boolean }[];
}

/**
 * `signal` ends an operation, its retries and waits included, and it then fails with the signal's
 * reason: a sync bounds its whole time with Google this way, below its lease.
 */
export interface SheetCallOptions {
  signal?: AbortSignal;
}

/** The shared Google Sheet (or the local workbook standing in for it). */
export interface ScoreSheet {
  /**
   * Reads the given A1 ranges together with the publish bookkeeping: ONE request per spreadsheet
   * (one in all in the shared mode). The bytes are hashed as they arrive and parsed only when asked.
   */
  readRanges(ranges: readonly RangeRef[], options?: SheetCallOptions): Promise<SheetRead>;
  /**
   * Replaces the output tabs atomically: one structural request writes the values into hidden staging
   * tabs, a second swaps them in. Tabs absent from `tabs` but live before are removed, and no staging tab
   * stays in the workbook.
   */
  publish(
    tabs: OutputTab[],
    publishState: string,
    options?: SheetCallOptions,
  ): Promise<{ generation: number }>;
  /** Creates or extends the juror tabs (and removes staging tabs a failed publish left); never touches a typed score. */
  provision(plan: SheetPlan, options?: SheetCallOptions): Promise<ProvisionOutcome>;
  /** The spreadsheet's title: one read, for `juri doctor`. */
  describe(options?: SheetCallOptions): Promise<{ title: string }>;
  /** Sheets API requests (HTTP attempts) made through this instance so far. */
  requestCount(): { reads: number; writes: number };
}

/** One worksheet of a download: a header row and rows of text or numbers. */
export interface ExportTable {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
  /** 0-based columns holding scores: shown with two decimals (an official score comes rounded by the display rule). */
  scoreColumns?: number[];
}

/** Writes the secretariat's downloads as .xlsx workbooks (a bold, frozen, filtered header; text stays text). */
export interface XlsxWriter {
  tablesToXlsx(tables: readonly ExportTable[]): Promise<Uint8Array<ArrayBuffer>>;
}

/** A Forms API watch (Pub/Sub only; it expires 7 days after creation or the last renewal). */
export interface FormWatch {
  id: string;
  eventType: string;
  expireTime?: string;
  state?: string;
}

/** Forms API responses since a cursor, exactly as Google returned them, plus what makes them readable. */
export interface ListedResponses {
  /** Google's FormResponse objects (answers keyed by questionId), oldest lastSubmittedTime first. */
  responses: unknown[];
  /** questionId → question title, from forms.get, so the config's titles can be matched. */
  questionTitles: Record<string, string>;
}

/** Reads Form responses through the Forms API (the Pub/Sub watch carries no answers) and keeps the watch alive. */
export interface FormResponses {
  /** Every response submitted after `after` (exclusive, RFC 3339), across all pages; all when null. */
  listSince(formId: string, after: string | null): Promise<ListedResponses>;
  listWatches(formId: string): Promise<FormWatch[]>;
  createWatch(formId: string, eventType: 'RESPONSES' | 'SCHEMA', topicName: string): Promise<FormWatch>;
  renewWatch(formId: string, watchId: string): Promise<FormWatch>;
}
