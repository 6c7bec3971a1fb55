import { z } from 'zod';
import { absentJurors } from './absence.ts';
import { canonicalJson } from './canonical-json.ts';
import { type Competition, competitionSchema, finalTop } from './competition.ts';
import { issuesOf } from './issues.ts';
import type { CompetitionResult, RankedEntry, StageResult } from './ranking.ts';
import {
  announcementTexts,
  type Digest,
  EXPORT_FORMAT,
  hashedText,
  isRulesVersion,
  RECORD_FORMAT,
  type ResultRecord,
  RULES,
} from './record.ts';
import { checkTieDecisions, type TieDecisionProblem } from './ties.ts';

/** What `juri verify` finds, as codes with values; shared/messages/record.ts says them in words. */
export type Finding =
  | { code: 'file-shape'; path: string; detail: string }
  | { code: 'hash-mismatch'; version: number; stored: string; computed: string }
  | { code: 'chain-start'; version: number }
  | { code: 'version-gap'; version: number; after: number }
  | { code: 'chain-broken'; version: number; points: string; actual: string }
  | { code: 'rules-unknown'; version: number; rules: string }
  | { code: 'config-invalid'; version: number; detail: string }
  | {
      code: 'entry-differs';
      version: number;
      stage: string;
      innovation: string;
      field: EntryField;
      stored: string;
      computed: string;
    }
  /** Entries whose own score is right but whose place moved because another entry's score differs. */
  | { code: 'ranks-shifted'; version: number; stage: string; innovations: string[] }
  | { code: 'entry-missing'; version: number; stage: string; innovation: string }
  | { code: 'entry-extra'; version: number; stage: string; innovation: string }
  | { code: 'result-differs'; version: number; stage: string }
  | ({ version: number } & TieDecisionProblem)
  | { code: 'announcement-differs'; version: number }
  /** The stored `absentJurors` are not the jurors the cells show typed nothing (juri-rules/3 on). */
  | { code: 'absence-differs'; version: number }
  /** An excluded entry that is still ranked, or left out without a reason; an acknowledgement without one. */
  | { code: 'reason-missing'; version: number; subject: string };

export interface VerifyReport {
  ok: boolean;
  /** Versions checked, oldest first. */
  versions: { version: number; hash: string; status: string }[];
  findings: Finding[];
}

/** What makes an entry's own result: a difference here is a cause. */
const OWN_FIELDS = ['score', 'status', 'jurors'] as const;
/** Where an entry lands among the others: a difference here may only be a consequence. */
const PLACE_FIELDS = ['rank', 'tie', 'advances', 'categoryRank'] as const;
export type EntryField = (typeof OWN_FIELDS)[number] | (typeof PLACE_FIELDS)[number];

const entry = z.looseObject({ id: z.string(), rank: z.number().nullable(), score: z.number().nullable() });
const stageResult = z.looseObject({
  stage: z.string(),
  ranking: z.array(entry),
  problems: z.array(z.unknown()),
});
const recordShape = z.looseObject({
  format: z.literal(RECORD_FORMAT),
  rulesVersion: z.string(),
  competitionId: z.string(),
  version: z.number().int().min(1),
  status: z.enum(['provisional', 'final']),
  fixedAt: z.string(),
  previous: z.object({ version: z.number().int(), hash: z.string() }).nullable(),
  competition: z.unknown(),
  innovations: z.array(z.looseObject({ id: z.string() })),
  cells: z.array(
    z.looseObject({
      stage: z.string(),
      juror: z.string(),
      innovation: z.string(),
      criterion: z.string(),
      value: z.string(),
    }),
  ),
  result: z.looseObject({ stages: z.array(stageResult), final: stageResult, problems: z.array(z.unknown()) }),
  tieDecisions: z.array(z.object({ rank: z.number(), order: z.array(z.string()), note: z.string() })),
  announcement: z.object({ id: z.string(), en: z.string() }),
  excluded: z.array(z.looseObject({ id: z.string(), reason: z.string() })).optional(),
  absentJurors: z.array(z.looseObject({ stage: z.string(), juror: z.string() })).optional(),
  absenceAcknowledged: z.looseObject({ by: z.string(), reason: z.string() }).optional(),
  hash: z.string(),
});
const exportShape = z.object({ format: z.literal(EXPORT_FORMAT), records: z.array(recordShape).min(1) });

/** The records of an export file (oldest first), or why the file is not one. */
export function readExport(
  input: unknown,
): { ok: true; records: ResultRecord[] } | { ok: false; findings: Finding[] } {
  const parsed = exportShape.safeParse(input);
  if (parsed.success) return { ok: true, records: parsed.data.records as unknown as ResultRecord[] };
  return {
    ok: false,
    findings: issuesOf(parsed.error).map((i) => ({ code: 'file-shape', path: i.path, detail: i.code })),
  };
}

/**
 * Checks a chain of records, oldest first: each hash against its content, each link against the version
 * before it, and each ranking recomputed from the typed cells by the rules version the record names.
 */
export async function verifyRecords(records: readonly ResultRecord[], digest: Digest): Promise<VerifyReport> {
  const findings: Finding[] = [];
  let before: ResultRecord | undefined;
  for (const record of records) {
    const version = record.version;
    const computedHash = await digest(hashedText(record));
    if (computedHash !== record.hash) {
      findings.push({ code: 'hash-mismatch', version, stored: record.hash, computed: computedHash });
    }
    if (!before) {
      if (version !== 1 || record.previous !== null) findings.push({ code: 'chain-start', version });
    } else {
      if (version !== before.version + 1)
        findings.push({ code: 'version-gap', version, after: before.version });
      if (record.previous?.version !== before.version || record.previous.hash !== before.hash) {
        findings.push({
          code: 'chain-broken',
          version,
          points: record.previous?.hash ?? '(none)',
          actual: before.hash,
        });
      }
    }
    findings.push(...recheckRanking(record));
    before = record;
  }
  return {
    ok: findings.length === 0,
    versions: records.map((r) => ({ version: r.version, hash: r.hash, status: r.status })),
    findings,
  };
}

function recheckRanking(record: ResultRecord): Finding[] {
  const version = record.version;
  if (!isRulesVersion(record.rulesVersion)) {
    return [{ code: 'rules-unknown', version, rules: String(record.rulesVersion) }];
  }
  const config = competitionSchema.safeParse(record.competition);
  if (!config.success) {
    const detail = issuesOf(config.error)
      .map((i) => `${i.path}: ${i.code}`)
      .join('; ');
    return [{ code: 'config-invalid', version, detail }];
  }
  const competition: Competition = config.data;
  const computed = RULES[record.rulesVersion](competition, record.innovations, record.cells);
  const findings = compareResults(version, record.result, computed);
  const top = finalTop(competition);
  for (const p of checkTieDecisions(computed.final, top, record.tieDecisions))
    findings.push({ version, ...p });
  findings.push(...recheckRosterFacts(record, competition, computed));
  const text = announcementTexts(competition, record.innovations, computed, record.tieDecisions);
  if (text.id !== record.announcement.id || text.en !== record.announcement.en) {
    findings.push({ code: 'announcement-differs', version });
  }
  return findings;
}

/**
 * The facts of exclusions and absent jurors (issue 19): an excluded entry is not among the ranked and
 * has a reason; the absent jurors are exactly those the cells show (records under juri-rules/3 on).
 */
function recheckRosterFacts(
  record: ResultRecord,
  competition: Competition,
  computed: CompetitionResult,
): Finding[] {
  const version = record.version;
  const findings: Finding[] = [];
  const ranked = new Set(record.innovations.map((i) => i.id));
  for (const x of record.excluded ?? []) {
    if (ranked.has(x.id) || x.reason.trim() === '')
      findings.push({ code: 'reason-missing', version, subject: x.id });
  }
  const ack = record.absenceAcknowledged;
  if (ack && (ack.by.trim() === '' || ack.reason.trim() === ''))
    findings.push({ code: 'reason-missing', version, subject: 'absenceAcknowledged' });
  if (record.rulesVersion === 'juri-rules/1' || record.rulesVersion === 'juri-rules/2') return findings;
  const absent = absentJurors(competition, computed, record.innovations, record.cells);
  if (canonicalJson(absent) !== canonicalJson(record.absentJurors ?? []))
    findings.push({ code: 'absence-differs', version });
  return findings;
}

function compareResults(version: number, stored: CompetitionResult, computed: CompetitionResult): Finding[] {
  const findings: Finding[] = [];
  const pairs: [StageResult | undefined, StageResult][] = [
    ...computed.stages.map((s): [StageResult | undefined, StageResult] => [
      stored.stages.find((x) => x.stage === s.stage),
      s,
    ]),
    [stored.final, computed.final],
  ];
  for (const [was, now] of pairs) {
    const local = compareStage(version, was, now);
    findings.push(...local);
    if (local.length === 0 && canonicalJson(was) !== canonicalJson(now)) {
      findings.push({ code: 'result-differs', version, stage: now.stage });
    }
  }
  if (stored.stages.length !== computed.stages.length) {
    findings.push({ code: 'result-differs', version, stage: '(stages)' });
  }
  return findings;
}

/**
 * Names the entries whose own result differs (score, status, number of jurors) with both values; the
 * entries that only moved because of them are listed together, so the cause is not buried.
 */
function compareStage(version: number, stored: StageResult | undefined, computed: StageResult): Finding[] {
  const findings: Finding[] = [];
  const shifted: string[] = [];
  const stage = computed.stage;
  const kept = new Map((stored?.ranking ?? []).map((e) => [e.id, e]));
  for (const now of computed.ranking) {
    const was = kept.get(now.id);
    if (!was) {
      findings.push({ code: 'entry-missing', version, stage, innovation: now.id });
      continue;
    }
    kept.delete(now.id);
    const own = OWN_FIELDS.filter((f) => !sameValue(was[f], now[f]));
    const place = PLACE_FIELDS.filter((f) => !sameValue(was[f], now[f]));
    if (own.length === 0) {
      if (place.length > 0) shifted.push(now.id);
      continue;
    }
    for (const field of [...own, ...place]) {
      findings.push({
        code: 'entry-differs',
        version,
        stage,
        innovation: now.id,
        field,
        stored: show(was[field]),
        computed: show(now[field]),
      });
    }
  }
  for (const id of kept.keys()) findings.push({ code: 'entry-extra', version, stage, innovation: id });
  if (shifted.length > 0) findings.push({ code: 'ranks-shifted', version, stage, innovations: shifted });
  return findings;
}

/** Scores are compared to 1e-9: an independent checker may sum in another order and differ in the last bit. */
function sameValue(a: RankedEntry[EntryField] | undefined, b: RankedEntry[EntryField]): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9;
  return a === b;
}

function show(v: unknown): string {
  return v === undefined ? '(none)' : typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : String(v);
}
