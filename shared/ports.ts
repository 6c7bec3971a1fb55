import type { ScoreEntry } from './domain/cells.ts';
import type { Innovation } from './domain/innovation.ts';
import type { CompetitionResult } from './domain/ranking.ts';

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
  innovation: Omit<Innovation, 'id' | 'version' | 'responseId' | 'submittedAt'>;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface Rejection {
  responseId: string;
  receivedAt: string;
  source: IntakeSource;
  rawId: string;
  reasons: { field: string; message: string }[];
  /** What the respondent typed, keyed by question title, for the secretariat to follow up. */
  answers: Record<string, string>;
}

export type SyncStatus = 'written' | 'unchanged' | 'failed' | 'busy';

/** What one sync did; the pages read the last one and never call Google themselves. */
export interface SyncRecord {
  id: string;
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
  /** Adapter bookkeeping kept between syncs (e.g. the sheet ids of the output tabs). */
  sheetState?: Record<string, number>;
}

export interface JurorProgress {
  stage: string;
  juror: string;
  assigned: number;
  scored: number;
}

/**
 * Where innovations, the raw archive, rejections, syncs, leases and cursors live.
 * Every method is scoped to one competition id.
 */
export interface InnovationStore {
  /** Archives a payload before validation. Must succeed before anything else is done with it. */
  archiveRaw(competition: string, raw: RawSubmission): Promise<void>;
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
  /** Earlier versions of one innovation, oldest first. */
  innovationHistory(competition: string, responseId: string): Promise<Innovation[]>;
  /** Keeps a rejected submission with its reasons; a later rejection of the same response replaces it. */
  recordRejection(competition: string, rejection: Rejection): Promise<void>;
  listRejections(competition: string): Promise<Rejection[]>;
  /** Clears a rejection once the same response is accepted. */
  clearRejection(competition: string, responseId: string): Promise<void>;
  saveSync(competition: string, sync: SyncRecord): Promise<void>;
  lastSync(competition: string): Promise<SyncRecord | null>;
  /** Takes the named lease until `until` unless someone else holds an unexpired one. */
  acquireLease(competition: string, name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  releaseLease(competition: string, name: string, holder: string): Promise<void>;
  getCursor(competition: string, name: string): Promise<string | null>;
  setCursor(competition: string, name: string, value: string): Promise<void>;
}

/** A tab juri writes, as plain rows; the adapter decides how it looks. */
export interface OutputTab {
  title: string;
  /** Header rows, frozen and bold. */
  header: string[][];
  rows: (string | number | null)[][];
  /** Column widths in pixels, optional. */
  widths?: number[];
}

/** The shared Google Sheet (or the local workbook standing in for it). */
export interface ScoreSheet {
  /** Reads the given A1 ranges in one request, values as typed. */
  readRanges(ranges: string[]): Promise<{ range: string; values: string[][] }[]>;
  /** Replaces the output tabs atomically; returns bookkeeping to keep for the next call. */
  publish(tabs: OutputTab[], state: Record<string, number> | undefined): Promise<Record<string, number>>;
  /** Sheets API requests made through this instance so far. */
  requestCount(): { reads: number; writes: number };
}

/** Lists Form responses through the Forms API (the Pub/Sub watch carries no answers). */
export interface FormResponses {
  listSince(formId: string, after: string | null): Promise<unknown[]>;
}

export type { ScoreEntry };
