import type { ScoreEntry } from './domain/cells.ts';
import type { FairnessReport } from './domain/fairness/report.ts';
import type { Innovation } from './domain/innovation.ts';
import type { Issue } from './domain/issues.ts';
import type { CompetitionResult } from './domain/ranking.ts';
import type { ResultRecord, ResultVersionSummary } from './domain/record.ts';
import type { ScoreChange } from './domain/score-changes.ts';
import type { FormSubmission, InnovationDraft } from './domain/submission.ts';
import type { JurorProgress } from './sheet/layout.ts';
import type { OutputTab } from './sheet/output-tabs.ts';

/** Time comes from outside so that runs are reproducible. */
export interface Clock {
  now(): Date;
}

export type IntakeSource = 'apps-script' | 'forms-api' | 'local';

/** A payload exactly as it arrived, archived before anything reads it. */
export interface RawSubmission {
  /** Unique per delivery (a redelivery gets a new id). */
  id: string;
  receivedAt: string;
  source: IntakeSource;
  /** The Form response id, when it could be read from the payload. */
  responseId?: string;
  body: string;
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
  /** The rankings as computed, for the pages and the audit trail. */
  result?: CompetitionResult;
  /** Progress per stage and juror: cells scored vs assigned. */
  progress?: JurorProgress[];
  /**
   * Sheet bookkeeping for the audit trail: `{ generation }`, the number of the output tabs' version
   * this sync published (the adapter keeps its real state inside the sheet, so a lost record is harmless).
   */
  sheetState?: Record<string, number>;
  /** Every non-empty score cell as typed, for the next sync's change log and for fixing a result. */
  cells?: ScoreEntry[];
  /** Reliability, what-if and rank stability of `result` (docs/fairness.md), for the dashboard. */
  fairness?: FairnessReport;
}

/** Innovations, keyed by Form response id, each numbered once. Scoped to one competition id. */
export interface InnovationStore {
  /**
   * Creates the innovation for a response id exactly once, or updates it when `submittedAt` is newer
   * (keeping the earlier version in its history). A new innovation gets the next number, gap-free.
   * Redeliveries and concurrent duplicates return 'unchanged' or the same innovation.
   */
  upsertInnovation(
    competition: string,
    submission: AcceptedSubmission,
    numberToId: (n: number) => string,
  ): Promise<{ outcome: UpsertOutcome; innovation: Innovation }>;
  listInnovations(competition: string): Promise<Innovation[]>;
  /** Earlier versions of one innovation, oldest first: what an edit of the Form response replaced. */
  innovationHistory(competition: string, responseId: string): Promise<Innovation[]>;
}

/** Every payload as it arrived, and the ones that could not be accepted. */
export interface SubmissionArchive {
  /** Archives a payload before validation. Must succeed before anything else is done with it. */
  archiveRaw(competition: string, raw: RawSubmission): Promise<void>;
  /** Keeps a rejected submission with its reasons; a later rejection of the same response replaces it. */
  recordRejection(competition: string, rejection: Rejection): Promise<void>;
  listRejections(competition: string): Promise<Rejection[]>;
  /** Clears a rejection once the same response is accepted. */
  clearRejection(competition: string, responseId: string): Promise<void>;
}

/** What each sync did; the pages read the last one. */
export interface SyncLog {
  saveSync(competition: string, sync: SyncRecord): Promise<void>;
  /** The sync with the highest sequence. */
  lastSync(competition: string): Promise<SyncRecord | null>;
}

/** Mutual exclusion across instances (a cron and a button press), with expiry so a crash frees it. */
export interface Leases {
  /** Takes the named lease until `until` unless someone else holds an unexpired one. */
  acquireLease(competition: string, name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  releaseLease(competition: string, name: string, holder: string): Promise<void>;
}

/** Named positions in an outside feed, e.g. the Forms API's last listed response. */
export interface Cursors {
  getCursor(competition: string, name: string): Promise<string | null>;
  setCursor(competition: string, name: string, value: string): Promise<void>;
}

/** Fixed result versions (penetapan, ralat): each number is written once and never overwritten. */
export interface ResultRecords {
  /**
   * Stores `record` under its version number unless that number exists already (a create-only
   * precondition): true when written, false when another version took the number first.
   */
  saveVersion(competition: string, record: ResultRecord): Promise<boolean>;
  /** Every version, oldest first, without the cells. */
  listVersions(competition: string): Promise<ResultVersionSummary[]>;
  getVersion(competition: string, version: number): Promise<ResultRecord | null>;
  latestVersion(competition: string): Promise<ResultRecord | null>;
}

/** The score change log (Riwayat Nilai): appended by each sync, never edited. */
export interface ScoreChangeLog {
  /** Appends one sync's changes (the sync id groups them; appending the same sync again is harmless). */
  appendScoreChanges(competition: string, syncId: string, changes: ScoreChange[]): Promise<void>;
  /** Newest first, at most `limit` (all when absent), plus how many there are in all. */
  listScoreChanges(competition: string, limit?: number): Promise<{ changes: ScoreChange[]; total: number }>;
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
  savePublicResponse(competition: string, response: PublicResponse): Promise<void>;
  /** Oldest first. */
  listPublicResponses(competition: string): Promise<PublicResponse[]>;
}

/** What one store adapter (SQLite, Firestore over gRPC or REST) provides: every port above. */
export type Store = InnovationStore &
  SubmissionArchive &
  SyncLog &
  Leases &
  Cursors &
  ResultRecords &
  ScoreChangeLog &
  PublicResponses;

/** Values of one A1 range, as typed (formatted text), rows of cells; trailing blanks may be missing. */
export interface RangeValues {
  range: string;
  values: string[][];
}

/** A read of the juror tabs plus the adapter's own bookkeeping, taken in one request. */
export interface SheetSnapshot {
  ranges: RangeValues[];
  /** Opaque to callers: hand it back to publish(). */
  publishState: string;
}

/** One row of a juror tab as provisioning wants it. */
export interface JurorRowSpec {
  /** The innovation id, written in column A and used to find the row again. */
  key: string;
  /** Text cells from column A on (ID, title, agency, region); always written as text. */
  cells: string[];
  /** Conflict of interest: greyed out, locked to the secretariat, with `note`. */
  locked: boolean;
  note: string;
}

export interface JurorTabSpec {
  title: string;
  header: string[][];
  rows: JurorRowSpec[];
  /** 0-based score columns with their scale, for data validation. */
  scoreColumns: { index: number; min: number; max: number }[];
  /** 0-based column of the note. */
  noteColumn: number;
  /** Who may edit the tab besides the secretariat: the juror's email. */
  editors: string[];
  widths: number[];
  frozenColumns: number;
}

export interface SheetPlan {
  jurorTabs: JurorTabSpec[];
  /** Keys of every output tab the competition can have (a hidden staging tab is kept for each). */
  outputKeys: string[];
  /** Rows the largest output tab will need (about the number of innovations), to size the staging tabs. */
  expectedRows: number;
  /** Secretariat emails: editors of every protected range. */
  secretariat: string[];
}

export interface ProvisionOutcome {
  tabsCreated: string[];
  rowsAdded: number;
  tabs: number;
}

/** The shared Google Sheet (or the local workbook standing in for it). */
export interface ScoreSheet {
  /** Reads the given A1 ranges, values as typed, together with the publish bookkeeping: ONE request. */
  readRanges(ranges: string[]): Promise<SheetSnapshot>;
  /**
   * Replaces the output tabs atomically: one values write into hidden staging tabs, then one structural
   * request that swaps them in. Tabs absent from `tabs` but live before are removed.
   */
  publish(tabs: OutputTab[], publishState: string): Promise<{ generation: number }>;
  /** Creates or extends the juror tabs and the staging tabs; never touches a typed score. */
  provision(plan: SheetPlan): Promise<ProvisionOutcome>;
  /** The spreadsheet's title: one read, for `juri doctor`. */
  describe(): Promise<{ title: string }>;
  /** Sheets API requests (HTTP attempts) made through this instance so far. */
  requestCount(): { reads: number; writes: number };
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
