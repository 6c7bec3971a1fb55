import { type AbsentJuror, absentJurors } from './absence.ts';
import { announcedEntries } from './announcement.ts';
import { canonicalJson, jcs } from './canonical-json.ts';
import type { ScoreEntry } from './cells.ts';
import { type Competition, finalTop, type RecordCompetition, recordCompetition } from './competition.ts';
import { DISPLAY_RULE, type DisplayRule, withDisplay } from './display-score.ts';
import { type FieldFact, fieldFacts } from './field.ts';
import type { Innovation } from './innovation.ts';
import { cmp } from './problems.ts';
import { type CompetitionResult, rankCompetition, type StageResult } from './ranking.ts';
import { applyRepresentation, type RepresentationOutcome } from './representation.ts';
import { decidedRanking, type TieDecision } from './ties.ts';
import type { TypedCells } from './typed-cells.ts';

/**
 * A fixed result (penetapan hasil): everything needed to re-check it, frozen, hashed, and chained to the
 * version before it. docs/record.md describes the format for independent checkers.
 *
 * `juri-record/1` (until 2026) hashed canonicalJson() of the body, announcement text included.
 * `juri-record/2` hashes RFC 8785 (JCS) of facts and codes only: no sentence rendered by juri's code,
 * and no personal contact data. Texts are rendered from the facts by the template the record names.
 */

export const LEGACY_RECORD_FORMAT = 'juri-record/1';
/** The format juri writes. */
export const RECORD_FORMAT = 'juri-record/2';
export const EXPORT_FORMAT = 'juri-record-export/1';

/**
 * The announcement template new records name; its words are in shared/messages/announcement-template.ts.
 * New wording is a new version there, and the old one stays for the records that name it.
 */
export const TEXT_TEMPLATE = 'juri-text/1';

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
  // As /3, z-scoring a juror only from the stage's `aggregation.minEntries` entries (default 8, was 3);
  // then `final.rules` (representation rules) choose the winners: `representation`.
  'juri-rules/4': (c, i, s) =>
    rankCompetition(c, i, s, { enforceAssignment: true, configuredZscoreMinimum: true }),
  // As /4, with field verification stages (`kind: "field"`, docs/field.md): answers on a 0–2 scale, a
  // gate that turns an entry away, the final's entries from the last scoring stage; the record keeps `field`.
  'juri-rules/5': (c, i, s) =>
    rankCompetition(c, i, s, { enforceAssignment: true, configuredZscoreMinimum: true }),
} as const satisfies Record<
  string,
  (c: Competition, i: readonly Innovation[], s: readonly ScoreEntry[] | TypedCells) => CompetitionResult
>;
export type RulesVersion = keyof typeof RULES;
/** The version of a competition scored by the plain mean everywhere: every record until stage aggregation existed. */
export const RULES_VERSION: RulesVersion = 'juri-rules/1';

/**
 * The rules every record fixed now is ranked with; /1 and /2 stay for the records fixed under them. A
 * competition with representation rules (`final.rules`) or a z-scored stage is fixed under
 * `juri-rules/4`, which adds the rules and the z-score minimum: without either the two are the same, and
 * a record keeps naming /3 (its bytes do not move).
 */
export const CURRENT_RULES_VERSION: RulesVersion = 'juri-rules/3';
export const REPRESENTATION_RULES_VERSION: RulesVersion = 'juri-rules/4';
/** A competition with a field verification stage is fixed under /5; without one, nothing moves. */
export const FIELD_RULES_VERSION: RulesVersion = 'juri-rules/5';

/** The version a record of this config is fixed under now. */
export function currentRulesVersion(c: Pick<Competition, 'final' | 'stages'>): RulesVersion {
  if (c.stages.some((s) => s.kind === 'field')) return FIELD_RULES_VERSION;
  const zscored = c.stages.some((s) => s.aggregation?.normalize === 'zscore');
  return c.final.rules || zscored ? REPRESENTATION_RULES_VERSION : CURRENT_RULES_VERSION;
}

/** Whether a rules version chooses the winners by the config's representation rules. */
export function appliesRepresentation(rules: RulesVersion): boolean {
  return rules === REPRESENTATION_RULES_VERSION || rules === FIELD_RULES_VERSION;
}

/** Whether a rules version records each field verification's result and reasons (`field`). */
export function recordsFieldFacts(rules: RulesVersion): boolean {
  return rules === FIELD_RULES_VERSION;
}

/** The field facts a record of these rules keeps; undefined for older rules (no key in the record). */
export function fieldFactsOf(
  record: Pick<ResultRecordBody, 'rulesVersion' | 'competition' | 'result' | 'cells'>,
): FieldFact[] | undefined {
  if (!recordsFieldFacts(record.rulesVersion)) return undefined;
  return fieldFacts(record.competition.stages, record.result, record.cells);
}

/**
 * Ranks by the current rules: the live sync and `juri rank` agree with what fixing the result records.
 * The cells as a list (a file's) or in columns as the juror tabs were read (the live sync's): the same
 * cells rank the same either way.
 */
export const rankByCurrentRules = (
  c: Competition,
  i: readonly Innovation[],
  s: readonly ScoreEntry[] | TypedCells,
): CompetitionResult => RULES[currentRulesVersion(c)](c, i, s);

/** The rules of a record's ranking applied to its copy of the config (which has no contact data). */
export function rankRecord(
  rules: RulesVersion,
  competition: RecordCompetition | Competition,
  innovations: readonly Innovation[],
  cells: readonly ScoreEntry[],
): CompetitionResult {
  return RULES[rules](rulesConfig(competition), innovations, cells);
}

/**
 * A record's copy of the config as the rules read it. A juri-record/2 keeps no contacts; the rules (panels,
 * assignment, conflicts) read jurors' ids, regions and conflicts, never their e-mails or phones.
 */
export function rulesConfig(competition: RecordCompetition | Competition): Competition {
  return competition as Competition;
}

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

/** One winner as the announcement names them, ties decided: facts the template words (no score text). */
export interface AnnouncedFact {
  rank: number;
  id: string;
  title: string;
  agency: string;
  region: string;
  /** The category's id in `competition.categories`. */
  category: string;
}

/** What every record format holds. */
interface RecordBodyBase {
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
  innovations: RecordInnovation[];
  cells: RecordCell[];
  /** The rankings as the rules compute them from `cells`, before any tie decision. */
  result: CompetitionResult;
  tieDecisions: TieDecision[];
  /**
   * Entries the panel left out of this result, each with the reason as typed: not in `innovations`, not
   * ranked, their cells not in `cells`. Absent when none (records before it have none).
   */
  excluded?: RecordExclusion[];
  /** Panel jurors who typed no score in a stage where they had entries (from `cells`); absent when none. */
  absentJurors?: AbsentJuror[];
  /** Who acknowledged `absentJurors` when the result was fixed, and the reason as typed. */
  absenceAcknowledged?: { by: string; reason: string };
  /**
   * Under `juri-rules/4`: how the representation rules (`competition.final.rules`) chose the winners from
   * the final ranking, ties decided: who won (and through which minimum), who was skipped and why.
   */
  representation?: RepresentationOutcome;
  /**
   * Under `juri-rules/5`: each field verification's result per entry (scored, passed, failed or
   * incomplete) and its reasons, the claims found unmet or partly met. The answers, notes and photo
   * links themselves are cells.
   */
  field?: FieldFact[];
}

/** A record fixed before the record held facts only: read and verified, never written any more. */
export interface LegacyRecordBody extends RecordBodyBase {
  format: typeof LEGACY_RECORD_FORMAT;
  /** The config as it was, jurors' contacts included. */
  competition: Competition;
  /** The announcement text in both languages, ties decided: rendered by the code of the day, and hashed. */
  announcement: { id: string; en: string };
}

/** An entry left out of a result by the panel, with the reason as typed. */
export interface RecordExclusion {
  id: string;
  reason: string;
}

/** The record juri writes: facts and codes, hashed as RFC 8785. */
export interface FactRecordBody extends RecordBodyBase {
  format: typeof RECORD_FORMAT;
  /** The config without personal contact data. */
  competition: RecordCompetition;
  /** How a score is printed, everywhere. */
  display: DisplayRule;
  /** The version of the template the texts are rendered with (shared/messages/announcement-template.ts). */
  textTemplate: string;
  /** The announced winners, ties decided, as the texts name them. */
  announced: AnnouncedFact[];
}

export type ResultRecordBody = LegacyRecordBody | FactRecordBody;

/** `hash`: SHA-256 (hex) of the record's hash input (recordHashInput) — every other field. */
export type ResultRecord = ResultRecordBody & { hash: string };

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

/** What fixing ranks and checks before it builds anything: the kept entries, their cells and rankings. */
export interface RankedFacts {
  rulesVersion: RulesVersion;
  /** The config without personal contact data. */
  competition: RecordCompetition;
  innovations: RecordInnovation[];
  cells: RecordCell[];
  result: CompetitionResult;
  /** Entries the panel leaves out, by id. */
  excluded: RecordExclusion[];
  /** Panel jurors who typed nothing in a stage they had entries in. */
  absentJurors: AbsentJuror[];
}

/** The facts the rankings are computed from. */
export type RankingInput = Pick<RecordInput, 'competition' | 'innovations' | 'cells' | 'excluded'>;

/** What a version says about itself: its number, status, time, chain, reason and the panel's decisions. */
export type VersionFacts = Omit<RecordInput, keyof RankingInput>;

/** Ranks the entries the panel keeps by the current rules version, leaving out the excluded ones. */
export function rankForRecord(input: RankingInput): RankedFacts {
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
  const competition = recordCompetition(input.competition);
  const rulesVersion = currentRulesVersion(competition);
  const result = rankRecord(rulesVersion, competition, innovations, cells);
  const absent = absentJurors(input.competition, result, judged, cells);
  return { rulesVersion, competition, innovations, cells, result, excluded, absentJurors: absent };
}

/** Freezes the ranked facts and the version's own facts into a record body (not hashed yet). */
export function recordBodyOf(ranked: RankedFacts, version: VersionFacts): FactRecordBody {
  const { rulesVersion, competition, innovations, cells, result, excluded, absentJurors: absent } = ranked;
  const tieDecisions = version.tieDecisions.map((d) => ({ rank: d.rank, order: [...d.order], note: d.note }));
  const facts = { rulesVersion, competition, innovations, result, tieDecisions };
  const representation = representationOf(facts);
  const field = fieldFactsOf({ rulesVersion, competition, result, cells });
  return {
    format: RECORD_FORMAT,
    rulesVersion,
    competitionId: competition.id,
    version: version.version,
    status: version.status,
    fixedAt: version.fixedAt,
    previous: version.previous,
    reason: version.reason,
    confirms: version.confirms,
    provisionalUntil: version.provisionalUntil,
    sourceSync: version.sourceSync,
    competition,
    innovations,
    cells,
    result,
    tieDecisions,
    display: DISPLAY_RULE,
    textTemplate: TEXT_TEMPLATE,
    announced: announcedFacts(facts),
    ...(representation ? { representation } : {}),
    ...(field ? { field } : {}),
    ...(excluded.length > 0 ? { excluded } : {}),
    ...(absent.length > 0 ? { absentJurors: absent } : {}),
    ...(absent.length > 0 && version.absenceAcknowledged
      ? { absenceAcknowledged: { ...version.absenceAcknowledged } }
      : {}),
  };
}

/** Ranks the cells by the current rules and freezes the facts into a record body (not hashed yet). */
export function buildRecordBody(input: RecordInput): FactRecordBody {
  return recordBodyOf(rankForRecord(input), input);
}

function cellOf(c: RecordCell): RecordCell {
  const { stage, juror, innovation, criterion, value } = c;
  return { stage, juror, innovation, criterion, value, ...(c.cell ? { cell: c.cell } : {}) };
}

type WinnerFacts = Pick<
  ResultRecordBody,
  'rulesVersion' | 'competition' | 'innovations' | 'result' | 'tieDecisions'
>;

/**
 * How the representation rules choose the winners from the final ranking, ties decided: under a rules
 * version that applies them and a config that has them; undefined otherwise (the top places win).
 */
export function representationOf(record: WinnerFacts): RepresentationOutcome | undefined {
  const rules = record.competition.final.rules;
  if (!rules || !appliesRepresentation(record.rulesVersion)) return undefined;
  const top = finalTop(record.competition);
  const final = decidedRanking(record.result.final, top, record.tieDecisions);
  const categories = record.competition.categories.map((k) => k.id);
  return applyRepresentation(final, top, record.innovations, rules, categories);
}

/** The representation rules on a live ranking, before anything is fixed: what fixing it now would record. */
export function liveRepresentation(
  competition: Competition,
  innovations: readonly RecordInnovation[],
  result: CompetitionResult,
): RepresentationOutcome | undefined {
  const rulesVersion = currentRulesVersion(competition);
  return representationOf({
    rulesVersion,
    competition,
    innovations: [...innovations],
    result,
    tieDecisions: [],
  });
}

/** The ids of the winners when the representation rules chose them; undefined when the top places win. */
export function selectedIds(record: WinnerFacts): ReadonlySet<string> | undefined {
  const outcome = representationOf(record);
  return outcome && new Set(outcome.selected.map((s) => s.id));
}

/** The winners the announcement names, from the ranking the rules computed and the panel's decisions. */
export function announcedFacts(record: WinnerFacts): AnnouncedFact[] {
  const byId = new Map(record.innovations.map((i) => [i.id, i]));
  const top = finalTop(record.competition);
  const final = decidedRanking(record.result.final, top, record.tieDecisions);
  return announcedEntries(final, top, selectedIds(record)).map((e) => {
    const innovation = byId.get(e.id);
    return {
      rank: e.rank,
      id: e.id,
      title: innovation?.title ?? e.id,
      agency: innovation?.agency ?? '',
      region: innovation?.region ?? '',
      category: innovation?.category ?? '',
    };
  });
}

/**
 * Whether two versions announce the same: the same rankings, tie decisions and winners as named. A new
 * version that changes this is a correction and needs a reason; one that does not is a confirmation.
 */
export function sameOutcome(a: ResultRecordBody, b: ResultRecordBody): boolean {
  return (
    canonicalJson(a.result) === canonicalJson(b.result) &&
    canonicalJson(a.tieDecisions) === canonicalJson(b.tieDecisions) &&
    canonicalJson(announcedFacts(a)) === canonicalJson(announcedFacts(b))
  );
}

/**
 * The exact text that is hashed, by the record's format: RFC 8785 (JCS) of every field but `hash` for
 * juri-record/2; the older canonicalJson() for juri-record/1 (it differs from JCS only in the order of
 * keys that look like array indices, such as "9" and "10").
 */
export function recordHashInput(record: ResultRecordBody | ResultRecord): string {
  const { hash: _hash, ...body } = record as ResultRecord;
  return body.format === LEGACY_RECORD_FORMAT ? canonicalJson(body) : jcs(body);
}

/** A record's hash as its format computes it: what `hash` must equal. Also checked on every read. */
export function recordHash(record: ResultRecordBody | ResultRecord, digest: Digest): Promise<string> {
  return digest(recordHashInput(record));
}

export async function sealRecord<T extends ResultRecordBody>(
  body: T,
  digest: Digest,
): Promise<T & { hash: string }> {
  return { ...body, hash: await recordHash(body, digest) };
}

/** The first 12 hex digits of the hash, grouped for reading aloud and typing: `3F2A-91C0-7D4E`. */
export function verificationCode(hash: string): string {
  const head = hash.slice(0, 12).toUpperCase();
  return [head.slice(0, 4), head.slice(4, 8), head.slice(8, 12)].join('-');
}

/** The record's result with every score's printed digits (display-score.ts), from its own cells. */
export function shownResult(
  record: Pick<ResultRecordBody, 'competition' | 'result' | 'cells'>,
): CompetitionResult {
  return withDisplay(record.competition, record.result, record.cells);
}

/**
 * The published final ranking of a record: computed, then ties decided by the panel, scores as printed;
 * under representation rules `advances` marks the winners they chose.
 */
export function announcedFinal(record: WinnerFacts & Pick<ResultRecordBody, 'cells'>): StageResult {
  const final = decidedRanking(shownResult(record).final, finalTop(record.competition), record.tieDecisions);
  const selected = selectedIds(record);
  if (!selected) return final;
  return { ...final, ranking: final.ranking.map((e) => ({ ...e, advances: selected.has(e.id) })) };
}
