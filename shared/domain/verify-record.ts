import { z } from 'zod';
import { absentJurors } from './absence.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  type CompetitionFacts,
  competitionSchema,
  finalTop,
  recordCompetitionSchema,
} from './competition.ts';
import { DISPLAY_RULE } from './display-score.ts';
import type { FieldFact } from './field.ts';
import { issuesOf } from './issues.ts';
import { cmp } from './problems.ts';
import type { CompetitionResult, RankedEntry, StageResult } from './ranking.ts';
import {
  type AnnouncedFact,
  announcedFacts,
  type Digest,
  EXPORT_FORMAT,
  fieldFactsOf,
  isRulesVersion,
  LEGACY_RECORD_FORMAT,
  type LegacyRecordBody,
  RECORD_FORMAT,
  type ResultRecord,
  rankRecord,
  recordHash,
  representationOf,
  rulesConfig,
  sameOutcome,
  verificationCode,
} from './record.ts';
import type { RepresentationOutcome } from './representation.ts';
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
  /** juri-record/1: the hashed announcement text's header does not follow from the record. */
  | { code: 'announcement-differs'; version: number }
  /** juri-record/1: a winner's line in the hashed text differs from the line its facts give. */
  | {
      code: 'announcement-line-differs';
      version: number;
      innovation: string;
      stored: string;
      computed: string;
    }
  /** juri-record/2: a winner as `announced` names them differs from the innovations and the ranking. */
  | {
      code: 'announced-differs';
      version: number;
      innovation: string;
      field: AnnouncedField;
      stored: string;
      computed: string;
    }
  | { code: 'display-unknown'; version: number; display: string }
  /** A version after the first that changes the outcome (or is no plain confirmation) with no reason. */
  | { code: 'correction-unexplained'; version: number }
  /** The stored `absentJurors` are not the jurors the cells show typed nothing (juri-rules/3 on). */
  | { code: 'absence-differs'; version: number }
  /**
   * The stored `representation` (juri-rules/4) is not what the representation rules give from the
   * ranking and the tie decisions: `innovations` names each entry whose fact differs.
   */
  | { code: 'representation-differs'; version: number; innovations: string[] }
  /** The stored `field` facts (juri-rules/5) are not what the cells and the ranking give: the entries named. */
  | { code: 'field-differs'; version: number; innovations: string[] }
  /** An excluded entry that is still ranked, or left out without a reason; an acknowledgement without one. */
  | { code: 'reason-missing'; version: number; subject: string }
  /** The last version's hash is not the one published (`juri verify --expect`). */
  | { code: 'expect-mismatch'; expected: string; actual: string };

export type AnnouncedField = keyof AnnouncedFact | 'presence';

/** Renders a juri-record/1's announcement text as the juri of its day did (shared/messages supplies it). */
export type LegacyAnnouncementText = (
  record: LegacyRecordBody,
  computed: CompetitionResult,
) => { id: string; en: string };

export interface VerifyOptions {
  /** Needed for juri-record/1, whose hashed body holds a rendered text. */
  legacyText: LegacyAnnouncementText;
  /** The verification code (or full hash) published for the last version. */
  expect?: string | undefined;
}

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
const commonShape = {
  rulesVersion: z.string(),
  competitionId: z.string(),
  version: z.number().int().min(1),
  status: z.enum(['provisional', 'final']),
  fixedAt: z.string(),
  previous: z.object({ version: z.number().int(), hash: z.string() }).nullable(),
  reason: z.string().nullable(),
  confirms: z.number().int().nullable(),
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
  excluded: z.array(z.looseObject({ id: z.string(), reason: z.string() })).optional(),
  absentJurors: z.array(z.looseObject({ stage: z.string(), juror: z.string() })).optional(),
  absenceAcknowledged: z.looseObject({ by: z.string(), reason: z.string() }).optional(),
  representation: z
    .looseObject({
      selected: z.array(z.unknown()),
      skipped: z.array(z.unknown()),
      unmet: z.array(z.unknown()),
    })
    .optional(),
  field: z.array(z.looseObject({ stage: z.string(), id: z.string() })).optional(),
  hash: z.string(),
};
const recordShape = z.discriminatedUnion('format', [
  z.looseObject({
    format: z.literal(LEGACY_RECORD_FORMAT),
    ...commonShape,
    announcement: z.object({ id: z.string(), en: z.string() }),
  }),
  z.looseObject({
    format: z.literal(RECORD_FORMAT),
    ...commonShape,
    display: z.looseObject({ rule: z.string(), decimals: z.number() }),
    textTemplate: z.string(),
    announced: z.array(
      z.object({
        rank: z.number(),
        id: z.string(),
        title: z.string(),
        agency: z.string(),
        region: z.string(),
        category: z.string(),
      }),
    ),
  }),
]);
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
 * before it, each ranking recomputed from the typed cells by the rules version the record names, the
 * reason for each change, and (when given) the last hash against the published code.
 */
export async function verifyRecords(
  records: readonly ResultRecord[],
  digest: Digest,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const findings: Finding[] = [];
  let before: ResultRecord | undefined;
  for (const record of records) {
    const version = record.version;
    const computedHash = await recordHash(record, digest);
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
      if (!hasReason(record) && !isPlainConfirmation(before, record)) {
        findings.push({ code: 'correction-unexplained', version });
      }
    }
    findings.push(...recheckRanking(record, options.legacyText));
    before = record;
  }
  const last = records.at(-1);
  if (options.expect !== undefined && last && !matchesPublished(options.expect, last.hash)) {
    findings.push({ code: 'expect-mismatch', expected: options.expect, actual: verificationCode(last.hash) });
  }
  return {
    ok: findings.length === 0,
    versions: records.map((r) => ({ version: r.version, hash: r.hash, status: r.status })),
    findings,
  };
}

function hasReason(record: ResultRecord): boolean {
  return typeof record.reason === 'string' && record.reason.trim() !== '';
}

/** Confirms the provisional version before it as final, with the same outcome: no reason needed. */
function isPlainConfirmation(before: ResultRecord, record: ResultRecord): boolean {
  return record.confirms === before.version && before.status === 'provisional' && sameOutcome(before, record);
}

/** A published code (`596A-EE35-0D41`, any case, with or without dashes) or a full hash, against a hash. */
function matchesPublished(expected: string, hash: string): boolean {
  const wanted = expected.replace(/[\s-]/g, '').toLowerCase();
  return wanted.length >= 12 && hash.toLowerCase().startsWith(wanted);
}

function recheckRanking(record: ResultRecord, legacyText: LegacyAnnouncementText): Finding[] {
  const version = record.version;
  if (!isRulesVersion(record.rulesVersion)) {
    return [{ code: 'rules-unknown', version, rules: String(record.rulesVersion) }];
  }
  const rules = record.rulesVersion;
  if (record.format === LEGACY_RECORD_FORMAT) {
    const config = competitionSchema.safeParse(record.competition);
    if (!config.success) return [configInvalid(version, config.error)];
    const checked = { ...record, competition: config.data };
    const computed = rankRecord(rules, checked.competition, checked.innovations, checked.cells);
    return [
      ...recheckResult(checked, computed),
      ...recheckRosterFacts(checked, computed),
      ...compareLegacyText(checked, legacyText(checked, computed), computed),
    ];
  }
  const config = recordCompetitionSchema.safeParse(record.competition);
  if (!config.success) return [configInvalid(version, config.error)];
  const checked = { ...record, competition: config.data };
  const computed = rankRecord(rules, checked.competition, checked.innovations, checked.cells);
  const findings = [...recheckResult(checked, computed), ...recheckRosterFacts(checked, computed)];
  if (record.display.rule !== DISPLAY_RULE.rule || record.display.decimals !== DISPLAY_RULE.decimals) {
    findings.push({ code: 'display-unknown', version, display: canonicalJson(record.display) });
  }
  findings.push(
    ...compareRepresentation(
      version,
      record.representation,
      representationOf({ ...checked, result: computed }),
    ),
    ...compareAnnounced(version, record.announced, announcedFacts({ ...checked, result: computed })),
    ...compareField(
      version,
      record.field,
      fieldFactsOf({ ...checked, rulesVersion: rules, result: computed }),
    ),
  );
  return findings;
}

/** The stored field facts against the recomputed ones, naming each entry whose fact differs. */
function compareField(
  version: number,
  stored: readonly FieldFact[] | undefined,
  computed: readonly FieldFact[] | undefined,
): Finding[] {
  if (canonicalJson(stored ?? null) === canonicalJson(computed ?? null)) return [];
  const facts = (fs: readonly FieldFact[] | undefined) =>
    new Map((fs ?? []).map((f) => [`${f.stage}|${f.id}`, canonicalJson(f)]));
  const was = facts(stored);
  const now = facts(computed);
  const keys = [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k));
  const ids = [...new Set(keys.map((k) => k.slice(k.indexOf('|') + 1)))];
  return [{ code: 'field-differs', version, innovations: ids.sort(cmp) }];
}

/** The stored representation facts against the recomputed ones, naming each entry whose fact differs. */
function compareRepresentation(
  version: number,
  stored: RepresentationOutcome | undefined,
  computed: RepresentationOutcome | undefined,
): Finding[] {
  if (canonicalJson(stored ?? null) === canonicalJson(computed ?? null)) return [];
  const facts = (o: RepresentationOutcome | undefined) =>
    new Map([...(o?.selected ?? []), ...(o?.skipped ?? [])].map((f) => [f.id, canonicalJson(f)]));
  const was = facts(stored);
  const now = facts(computed);
  const ids = [...new Set([...was.keys(), ...now.keys()])].filter((id) => was.get(id) !== now.get(id));
  return [{ code: 'representation-differs', version, innovations: ids.sort(cmp) }];
}

/**
 * The facts of exclusions and absent jurors (issue 19): an excluded entry is not among the ranked and
 * has a reason; the absent jurors are exactly those the cells show (records under juri-rules/3 on).
 */
function recheckRosterFacts(
  record: ResultRecord & { competition: CompetitionFacts },
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
  const absent = absentJurors(rulesConfig(record.competition), computed, record.innovations, record.cells);
  if (canonicalJson(absent) !== canonicalJson(record.absentJurors ?? []))
    findings.push({ code: 'absence-differs', version });
  return findings;
}

function configInvalid(version: number, error: z.ZodError): Finding {
  const detail = issuesOf(error)
    .map((i) => `${i.path}: ${i.code}`)
    .join('; ');
  return { code: 'config-invalid', version, detail };
}

/** The stored rankings against the recomputed ones, and the tie decisions against the recomputed ties. */
function recheckResult(
  record: Pick<ResultRecord, 'version' | 'result' | 'tieDecisions'> & {
    competition: Parameters<typeof finalTop>[0];
  },
  computed: CompetitionResult,
): Finding[] {
  const version = record.version;
  const findings = compareResults(version, record.result, computed);
  for (const p of checkTieDecisions(computed.final, finalTop(record.competition), record.tieDecisions))
    findings.push({ version, ...p });
  return findings;
}

/**
 * A juri-record/1's hashed text against the text its facts give, line by line: a winner's line that
 * differs (a changed title, agency, region or score) names the winner; any other difference is general.
 */
function compareLegacyText(
  record: LegacyRecordBody,
  rendered: { id: string; en: string },
  computed: CompetitionResult,
): Finding[] {
  const version = record.version;
  const winners = announcedFacts({ ...record, result: computed }).map((w) => w.id);
  const named = new Map<string, Finding>();
  let general = false;
  for (const lang of ['id', 'en'] as const) {
    const stored = record.announcement[lang].split('\n');
    const now = rendered[lang].split('\n');
    if (stored.length !== now.length) general = true;
    now.forEach((line, i) => {
      if (stored[i] === line) return;
      const innovation = winners[i - HEADER_LINES];
      if (innovation === undefined) general = true;
      else if (!named.has(innovation)) {
        named.set(innovation, {
          code: 'announcement-line-differs',
          version,
          innovation,
          stored: stored[i] ?? '',
          computed: line,
        });
      }
    });
  }
  return [...named.values(), ...(general ? [{ code: 'announcement-differs' as const, version }] : [])];
}

/** Title, date, blank line, intro: the lines before the first winner's (shared/messages/announcement-template.ts). */
const HEADER_LINES = 4;

/** A juri-record/2's `announced` against the winners its facts give, entry by entry and field by field. */
function compareAnnounced(
  version: number,
  stored: readonly AnnouncedFact[],
  computed: readonly AnnouncedFact[],
): Finding[] {
  const findings: Finding[] = [];
  const kept = new Map(stored.map((w) => [w.id, w]));
  const differs = (innovation: string, field: AnnouncedField, was: string, now: string): Finding => ({
    code: 'announced-differs',
    version,
    innovation,
    field,
    stored: was,
    computed: now,
  });
  for (const now of computed) {
    const was = kept.get(now.id);
    kept.delete(now.id);
    if (!was) {
      findings.push(differs(now.id, 'presence', '(none)', String(now.rank)));
      continue;
    }
    for (const field of ANNOUNCED_FIELDS) {
      if (was[field] !== now[field])
        findings.push(differs(now.id, field, String(was[field]), String(now[field])));
    }
  }
  for (const was of kept.values()) findings.push(differs(was.id, 'presence', String(was.rank), '(none)'));
  return findings;
}

const ANNOUNCED_FIELDS = ['rank', 'title', 'agency', 'region', 'category'] as const;

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
 * entries that only moved because of them are listed together, so the cause is not buried. When no
 * entry's own result differs, a changed place has no cause in the typed cells: each is named.
 */
function compareStage(version: number, stored: StageResult | undefined, computed: StageResult): Finding[] {
  const findings: Finding[] = [];
  const moved: { innovation: string; fields: EntryField[]; was: RankedEntry; now: RankedEntry }[] = [];
  const stage = computed.stage;
  const differs = (innovation: string, field: EntryField, was: RankedEntry, now: RankedEntry): Finding => ({
    code: 'entry-differs',
    version,
    stage,
    innovation,
    field,
    stored: show(was[field]),
    computed: show(now[field]),
  });
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
      if (place.length > 0) moved.push({ innovation: now.id, fields: place, was, now });
      continue;
    }
    for (const field of [...own, ...place]) findings.push(differs(now.id, field, was, now));
  }
  for (const id of kept.keys()) findings.push({ code: 'entry-extra', version, stage, innovation: id });
  if (findings.length === 0) {
    for (const m of moved)
      for (const field of m.fields) findings.push(differs(m.innovation, field, m.was, m.now));
  } else if (moved.length > 0) {
    findings.push({ code: 'ranks-shifted', version, stage, innovations: moved.map((m) => m.innovation) });
  }
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
