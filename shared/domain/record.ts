import { type AbsentJuror, absentJurors } from './absence.ts';
import { buildAnnouncement } from './announcement.ts';
import { canonicalJson } from './canonical-json.ts';
import type { ScoreEntry } from './cells.ts';
import { type Competition, finalTop } from './competition.ts';
import { withDisplay } from './display-score.ts';
import type { Innovation } from './innovation.ts';
import { cmp } from './problems.ts';
import { type CompetitionResult, rankCompetition } from './ranking.ts';
import { decidedRanking, type TieDecision } from './ties.ts';

/**
 * A fixed result (penetapan hasil): everything needed to re-check it, frozen, hashed, and chained to the
 * version before it. docs/record.md describes the format for independent checkers.
 */

export const RECORD_FORMAT = 'juri-record/1';
export const EXPORT_FORMAT = 'juri-record-export/1';

/**
 * The ranking rules by version. A record names the version it was ranked with, and verification
 * applies that version. A change to the rules that can change a result gets a new version here;
 * the old one stays so that old records still verify.
 */
export const RULES = {
  // Stage score = the plain mean; a config's `aggregation` (which did not exist then) is ignored.
  'juri-rules/1': (c, i, s) =>
    rankCompetition({ ...c, stages: c.stages.map(({ aggregation: _, ...stage }) => stage) }, i, s),
  // As /1, with each stage scored by its `aggregation` (trimmed mean, median, z-scoring).
  'juri-rules/2': (c, i, s) => rankCompetition(c, i, s),
  // As /2, and a stage with `jurorsPerInnovation` counts only the assigned jurors' cells (`not-assigned`).
  'juri-rules/3': (c, i, s) => rankCompetition(c, i, s, { enforceAssignment: true }),
} as const satisfies Record<
  string,
  (c: Competition, i: readonly Innovation[], s: readonly ScoreEntry[]) => CompetitionResult
>;
export type RulesVersion = keyof typeof RULES;
/** The version of a competition scored by the plain mean everywhere: every record until stage aggregation existed. */
export const RULES_VERSION: RulesVersion = 'juri-rules/1';

/** The rules every record fixed now is ranked with; /1 and /2 stay for the records fixed under them. */
export const CURRENT_RULES_VERSION: RulesVersion = 'juri-rules/3';

/** Ranks by the current rules: the live sync and `juri rank` agree with what fixing the result records. */
export const rankByCurrentRules = RULES[CURRENT_RULES_VERSION];

export function isRulesVersion(v: unknown): v is RulesVersion {
  return typeof v === 'string' && Object.hasOwn(RULES, v);
}

export type RecordStatus = 'provisional' | 'final';

/** An innovation as the record keeps it: what the ranking and the announcement use, no contact details. */
export interface RecordInnovation {
  id: string;
  title: string;
  agency: string;
  region: string;
  category: string;
  submittedAt: string;
  summary?: string;
  version?: number;
  /** Accepted after intake closed, by the secretariat's explicit override. */
  lateAccepted?: { at: string; reason: string };
}

/** A score cell exactly as typed: the value is the text in the cell, `cell` its A1 address. */
export interface RecordCell {
  stage: string;
  juror: string;
  innovation: string;
  criterion: string;
  value: string;
  cell?: string;
}

export interface ResultRecordBody {
  format: typeof RECORD_FORMAT;
  rulesVersion: RulesVersion;
  competitionId: string;
  /** 1, 2, 3, …: never reused, never overwritten. */
  version: number;
  status: RecordStatus;
  /** ISO 8601 instant the secretariat fixed it. */
  fixedAt: string;
  /** The version before this one, by number and hash: the chain. Null for version 1. */
  previous: { version: number; hash: string } | null;
  /** Why this version replaces the one before (ralat); null for version 1 and a plain confirmation. */
  reason: string | null;
  /** The provisional version this one confirms as final after the public test. */
  confirms: number | null;
  /** End of the public test (uji publik) for a provisional version. */
  provisionalUntil: string | null;
  /** The sync whose typed cells were fixed. */
  sourceSync: { id: string; finishedAt: string } | null;
  competition: Competition;
  innovations: RecordInnovation[];
  cells: RecordCell[];
  /** The rankings as the rules compute them from `cells`, before any tie decision. */
  result: CompetitionResult;
  tieDecisions: TieDecision[];
  /** The announcement text in both languages, ties decided. */
  announcement: { id: string; en: string };
  /**
   * Entries the panel left out of this result, each with the reason as typed: not in `innovations`, not
   * ranked, their cells not in `cells`. Absent when none (records before it have none).
   */
  excluded?: RecordExclusion[];
  /** Panel jurors who typed no score in a stage where they had entries (from `cells`); absent when none. */
  absentJurors?: AbsentJuror[];
  /** Who acknowledged `absentJurors` when the result was fixed, and the reason as typed. */
  absenceAcknowledged?: { by: string; reason: string };
}

/** An entry left out of a result by the panel, with the reason as typed. */
export interface RecordExclusion {
  id: string;
  reason: string;
}

export interface ResultRecord extends ResultRecordBody {
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  hash: string;
}

/** What a list of versions shows without loading every cell. */
export type ResultVersionSummary = Pick<
  ResultRecord,
  'version' | 'hash' | 'status' | 'fixedAt' | 'reason' | 'confirms' | 'previous' | 'provisionalUntil'
>;

export function summaryOf(r: ResultRecord): ResultVersionSummary {
  return {
    version: r.version,
    hash: r.hash,
    status: r.status,
    fixedAt: r.fixedAt,
    reason: r.reason,
    confirms: r.confirms,
    previous: r.previous,
    provisionalUntil: r.provisionalUntil,
  };
}

export type Digest = (text: string) => Promise<string>;

export interface RecordInput {
  competition: Competition;
  innovations: readonly Innovation[];
  cells: readonly RecordCell[];
  version: number;
  status: RecordStatus;
  fixedAt: string;
  previous: { version: number; hash: string } | null;
  reason: string | null;
  confirms: number | null;
  provisionalUntil: string | null;
  sourceSync: { id: string; finishedAt: string } | null;
  tieDecisions: readonly TieDecision[];
  /** Entries the panel leaves out, with the reason as typed. */
  excluded?: readonly RecordExclusion[];
  /** Who acknowledged the absent jurors, and why; recorded only when some juror is absent. */
  absenceAcknowledged?: { by: string; reason: string };
}

export function recordInnovation(i: Innovation): RecordInnovation {
  return {
    id: i.id,
    title: i.title,
    agency: i.agency,
    region: i.region,
    category: i.category,
    submittedAt: i.submittedAt,
    ...(i.summary !== undefined ? { summary: i.summary } : {}),
    ...(i.version !== undefined ? { version: i.version } : {}),
    ...(i.lateAccepted ? { lateAccepted: i.lateAccepted } : {}),
  };
}

export function compareCells(a: RecordCell, b: RecordCell): number {
  return (
    cmp(a.stage, b.stage) ||
    cmp(a.juror, b.juror) ||
    cmp(a.innovation, b.innovation) ||
    cmp(a.criterion, b.criterion) ||
    cmp(a.cell ?? '', b.cell ?? '') ||
    cmp(a.value, b.value)
  );
}

/** Ranks the cells by the current rules and freezes everything into a record body (not hashed yet). */
export function buildRecordBody(input: RecordInput): ResultRecordBody {
  const excluded = [...(input.excluded ?? [])]
    .map((x) => ({ id: x.id, reason: x.reason }))
    .sort((a, b) => cmp(a.id, b.id));
  const out = new Set(excluded.map((x) => x.id));
  const judged = input.innovations.filter((i) => !out.has(i.id));
  const innovations = judged.map(recordInnovation).sort((a, b) => cmp(a.id, b.id));
  const cells = input.cells
    .filter((c) => !out.has(c.innovation))
    .map(cellOf)
    .sort(compareCells);
  const rulesVersion = CURRENT_RULES_VERSION;
  const result = RULES[rulesVersion](input.competition, innovations, cells);
  const tieDecisions = input.tieDecisions.map((d) => ({ rank: d.rank, order: [...d.order], note: d.note }));
  const absent = absentJurors(input.competition, result, judged, cells);
  return {
    format: RECORD_FORMAT,
    rulesVersion,
    competitionId: input.competition.id,
    version: input.version,
    status: input.status,
    fixedAt: input.fixedAt,
    previous: input.previous,
    reason: input.reason,
    confirms: input.confirms,
    provisionalUntil: input.provisionalUntil,
    sourceSync: input.sourceSync,
    competition: input.competition,
    innovations,
    cells,
    result,
    tieDecisions,
    announcement: announcementTexts(input.competition, innovations, result, tieDecisions),
    ...(excluded.length > 0 ? { excluded } : {}),
    ...(absent.length > 0 ? { absentJurors: absent } : {}),
    ...(absent.length > 0 && input.absenceAcknowledged
      ? { absenceAcknowledged: { ...input.absenceAcknowledged } }
      : {}),
  };
}

function cellOf(c: RecordCell): RecordCell {
  const { stage, juror, innovation, criterion, value } = c;
  return { stage, juror, innovation, criterion, value, ...(c.cell ? { cell: c.cell } : {}) };
}

export function announcementTexts(
  competition: Competition,
  innovations: readonly RecordInnovation[],
  result: CompetitionResult,
  decisions: readonly TieDecision[],
): { id: string; en: string } {
  const final = decidedRanking(result.final, finalTop(competition), decisions);
  return {
    id: buildAnnouncement(competition, final, innovations, 'id').text,
    en: buildAnnouncement(competition, final, innovations, 'en').text,
  };
}

/** The exact text that is hashed: the canonical JSON (RFC 8785 style) of the body, without `hash`. */
export function hashedText(record: ResultRecordBody | ResultRecord): string {
  const { hash: _hash, ...body } = record as ResultRecord;
  return canonicalJson(body);
}

export async function sealRecord(body: ResultRecordBody, digest: Digest): Promise<ResultRecord> {
  return { ...body, hash: await digest(hashedText(body)) };
}

/** The first 12 hex digits of the hash, grouped for reading aloud and typing: `3F2A-91C0-7D4E`. */
export function verificationCode(hash: string): string {
  const head = hash.slice(0, 12).toUpperCase();
  return [head.slice(0, 4), head.slice(4, 8), head.slice(8, 12)].join('-');
}

/** The record's result with every score's printed digits (display-score.ts), from its own cells. */
export function shownResult(record: Pick<ResultRecordBody, 'competition' | 'result' | 'cells'>) {
  return withDisplay(record.competition, record.result, record.cells);
}

/** The published final ranking of a record: computed, then ties decided by the panel, scores as printed. */
export function announcedFinal(
  record: Pick<ResultRecordBody, 'competition' | 'result' | 'tieDecisions' | 'cells'>,
) {
  return decidedRanking(shownResult(record).final, finalTop(record.competition), record.tieDecisions);
}
