import { z } from 'zod';
import { calibrationSchema } from './calibration-config.ts';
import { AGGREGATIONS, NORMALIZATIONS } from './fairness/methods.ts';
import { FIELD_EXTRAS, FIELD_SCALE } from './field-answers.ts';
import { type Issue, issuesOf } from './issues.ts';
import { normalizePhone } from './phone.ts';
import { DEFAULT_REGIONS, NTT_REGION_ALIASES, PROVINCE_GOVERNMENT } from './regions.ts';
import { quotasOf, representationRulesSchema } from './representation-rules.ts';
import { selectionSchema } from './selection.ts';
import { SUBMISSION_FIELDS } from './submission-fields.ts';
import { singleLine } from './text.ts';
import { timelineIssues } from './timeline.ts';

/** Ids, names, places and regions are single-line text (shared/domain/text.ts); descriptions are free text. */
const id = singleLine().min(1).max(80);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, { error: 'slug' });
const dayOrLocalTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, { error: 'announceAt' });

export const criterionSchema = z.object({
  id,
  name: singleLine().min(1),
  nameEn: singleLine().min(1).optional(),
  /** Relative weight; only the ratio between a stage's weights matters. */
  weight: z.number().min(0),
  min: z.number(),
  max: z.number(),
  /** What the juror judges under this criterion: a note on its column and a row on the "Petunjuk" tab. */
  description: z.string().optional(),
  descriptionEn: z.string().optional(),
});

const stageObject = z.object({
  id,
  name: singleLine().min(1),
  nameEn: singleLine().min(1).optional(),
  minJurors: z.number().int().min(1),
  criteria: z.array(criterionSchema).min(1),
  tieBreak: z.array(id).default([]),
  advance: z
    .object({ top: z.number().int().min(1), per: z.enum(['overall', 'category']).default('overall') })
    .optional(),
  /** Jurors on this stage's panel; every juror when absent. */
  jurors: z.array(id).optional(),
  /** How many panel jurors score each innovation; every panel juror when absent. */
  jurorsPerInnovation: z.number().int().min(1).optional(),
  /** When the jurors' scores are due, local time in the competition's zone (juror tabs, reminders). */
  deadline: dayOrLocalTime.optional(),
  /**
   * How juror totals become the stage score (docs/fairness.md). Absent = the mean of the raw totals,
   * the published rule; the key stays out of the parsed config then, so existing hashes do not move.
   */
  aggregation: z
    .object({
      method: z.enum(AGGREGATIONS).default('mean'),
      normalize: z.enum(NORMALIZATIONS).default('none'),
      /**
       * z-scoring standardizes only a juror with at least this many scored entries in the stage; the
       * others keep their raw totals, and the report says so. Default 8 (juri-rules/4; 3 before).
       */
      minEntries: z.number().int().min(2).max(1000).optional(),
    })
    .optional(),
  /**
   * "field": a field verification (docs/field.md), its criteria the proposal's claims answered yes /
   * partly / no. Absent = a scoring stage; the key stays out of the parsed config then.
   */
  kind: z.literal('field').optional(),
  /** A field stage as a pass/fail gate: a verified entry scoring below `passMark` (0–100) does not go on. */
  gate: z.object({ passMark: z.number().min(0).max(100) }).optional(),
});

/** A field stage's criteria read on the answers' 0–2 scale: the config need not (and may not) set another. */
function withFieldScale(input: unknown): unknown {
  if (!isObject(input) || input.kind !== 'field' || !Array.isArray(input.criteria)) return input;
  const criteria = input.criteria.map((c: unknown) => (isObject(c) ? { ...FIELD_SCALE, ...c } : c));
  return { ...input, criteria };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const stageSchema = z.preprocess(withFieldScale, stageObject);

export const jurorSchema = z.object({
  id,
  name: singleLine().min(1),
  email: z.email(),
  affiliation: singleLine().default(''),
  /** Absent for a juror from outside the province (a national expert): only `conflicts` then apply. */
  region: singleLine().min(1).optional(),
  conflicts: z.array(singleLine()).default([]),
  /** How reminders address the juror ("Bapak", "Ibu", "Prof."); "Bapak/Ibu" when absent. */
  title: singleLine().min(1).max(40).optional(),
  /** For a WhatsApp reminder link (wa.me); any Indonesian format ("0812-…", "+62 812…"). */
  phone: singleLine().min(1).max(40).optional(),
});

/**
 * Where the jurors type. "shared": one spreadsheet, a tab per juror and stage (the default).
 * "perJuror": each juror gets a spreadsheet of their own, so no juror can read another's scores;
 * outputs go only to the secretariat's spreadsheet.
 */
export const sheetSchema = z.object({
  mode: z.enum(['shared', 'perJuror']).default('shared'),
});

export const categorySchema = z.object({
  id,
  name: singleLine().min(1),
  nameEn: singleLine().min(1).optional(),
});

const questionRef = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const formMappingSchema = z.object({
  /** Google Form id, for the Forms API watch. */
  formId: z.string().optional(),
  /** Submission field → question title(s) or question id(s) on this year's Form. */
  fields: z.partialRecord(z.enum(SUBMISSION_FIELDS), questionRef),
  /** Category answer text → category id, when the Form shows names instead of ids. */
  categoryAnswers: z.record(z.string(), id).default({}),
  /** Earliest year an innovation may have started (e.g. implemented for at least a year). */
  minStartYear: z.number().int().optional(),
  maxStartYear: z.number().int().optional(),
});

export const competitionSchema = z
  .object({
    id: slug,
    name: singleLine().min(1),
    nameEn: singleLine().min(1).optional(),
    organizer: singleLine().default(PROVINCE_GOVERNMENT),
    /** Where the result is set, for the printed announcement ("Ditetapkan di Kupang, …"). */
    place: singleLine().min(1).optional(),
    /** Secretariat accounts: they may edit every juror tab besides the juror themself. */
    secretariat: z.array(z.email()).default([]),
    year: z.number().int().min(2000).max(2100).optional(),
    announceAt: dayOrLocalTime,
    timezone: z.string().default('Asia/Makassar'),
    /** When submissions are accepted, local time in `timezone`; a bare day closes at its end (23:59). */
    intake: z.object({ opensAt: dayOrLocalTime, closesAt: dayOrLocalTime }).optional(),
    /**
     * Uji publik: the first fixed result is published as provisional ("sementara") for `days` days,
     * with a public response form, before the secretariat confirms it as final.
     */
    publicTest: z.object({ days: z.number().int().min(1).max(60) }).optional(),
    regions: z
      .array(singleLine().min(1))
      .min(1)
      .default([...DEFAULT_REGIONS]),
    /** How entrants type a region (abbreviations, other names) → the region's spelling in `regions`. */
    regionAliases: z.record(z.string(), z.string()).default({ ...NTT_REGION_ALIASES }),
    categories: z.array(categorySchema).min(1),
    jurors: z.array(jurorSchema).min(1),
    /** The juror who chairs the panel and signs the Berita Acara as chair; the first juror when absent. */
    chair: id.optional(),
    /** The Berita Acara: its number, the day the panel decides, and whether the public may read it. */
    beritaAcara: z
      .object({
        /** e.g. "800/{seq}/ORG/{year}": {seq} is the version, {year} the year of the decision. */
        numberPattern: z.string().min(1).max(120).optional(),
        /** The day the panel decides (YYYY-MM-DD); the day of `announceAt` when absent. */
        decidedOn: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'announceAt' })
          .optional(),
        /** A copy with the signature blocks (no contacts) linked from the announcement. */
        public: z.boolean().default(false),
      })
      .optional(),
    stages: z.array(stageSchema).min(1),
    final: z.object({
      weights: z.record(z.string(), z.number().min(0)),
      /** How many winners the announcement names; the last stage's advance.top when absent. */
      top: z.number().int().min(1).optional(),
      /** Representation rules on who wins (docs/representation.md); absent: the top places win. */
      rules: representationRulesSchema.optional(),
    }),
    form: formMappingSchema.optional(),
    sheet: sheetSchema.default({ mode: 'shared' }),
    /** The administrative selection between intake and the first stage; absent: every entry goes on. */
    selection: selectionSchema.optional(),
    /** After the announcement, a feedback sheet per entry (scores per criterion, no juror names). */
    feedback: z.boolean().default(false),
    /**
     * The calibration round (docs/calibration.md): sample proposals every juror of a stage scores first,
     * for a private summary of their leniency. Absent: nothing changes. Never counts, never in a record.
     */
    calibration: calibrationSchema.optional(),
    /** Settings of the fairness statistics (docs/fairness.md); each has a default. Never changes a ranking. */
    fairness: z
      .object({
        /** Jurors' totals for one innovation further apart than this (points of 100) are flagged. */
        disagreementPoints: z.number().min(0).max(100).optional(),
        /** Bootstrap resamples for rank stability; 0 switches the bootstrap off. */
        bootstrapResamples: z.number().int().min(0).max(100_000).optional(),
        /** ICC is withheld, with the reason, when fewer entries than this were scored by every juror (default 10). */
        iccMinEntries: z.number().int().min(2).max(10_000).optional(),
        /** Seed of the bootstrap, so every report replays exactly. */
        seed: z.number().int().min(0).max(4_294_967_295).optional(),
      })
      .optional(),
  })
  .superRefine(checkCompetition);

/** The config's rules across fields: one function for the config and for the copy a fixed record keeps. */
function checkCompetition(c: CheckedCompetition, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], key: string, args: Record<string, string> = {}) =>
    ctx.addIssue({ code: 'custom', path, message: key, params: { key, args } });
  const dupes = (ids: string[]) => ids.filter((x, i) => ids.indexOf(x) !== i);
  for (const d of dupes(c.categories.map((x) => x.id))) issue(['categories'], 'duplicateId', { id: d });
  for (const d of dupes(c.jurors.map((x) => x.id))) issue(['jurors'], 'duplicateId', { id: d });
  for (const d of dupes(c.stages.map((x) => x.id))) issue(['stages'], 'duplicateId', { id: d });
  if (c.stages.some((s) => s.id === 'final')) issue(['stages'], 'reservedFinal');
  if (!isTimeZone(c.timezone)) issue(['timezone'], 'timezone', { value: c.timezone });
  c.jurors.forEach((j, i) => {
    if (j.region !== undefined && !c.regions.includes(j.region))
      issue(['jurors', i, 'region'], 'unknownRegion', { value: j.region });
    if (j.phone !== undefined && normalizePhone(j.phone) === undefined)
      issue(['jurors', i, 'phone'], 'phone');
  });
  const jurorIds = new Set(c.jurors.map((j) => j.id));
  if (c.chair !== undefined && !jurorIds.has(c.chair)) issue(['chair'], 'unknownJuror', { value: c.chair });
  c.stages.forEach((s, si) => {
    const criterionIds = s.criteria.map((x) => x.id);
    for (const d of dupes(criterionIds)) issue(['stages', si, 'criteria'], 'duplicateId', { id: d });
    s.criteria.forEach((cr, ci) => {
      if (!(cr.max > cr.min)) issue(['stages', si, 'criteria', ci, 'max'], 'maxAboveMin');
    });
    if (s.criteria.every((cr) => cr.weight === 0)) issue(['stages', si, 'criteria'], 'zeroWeights');
    s.tieBreak.forEach((t, ti) => {
      if (!criterionIds.includes(t)) issue(['stages', si, 'tieBreak', ti], 'unknownCriterion', { value: t });
    });
    s.jurors?.forEach((j, ji) => {
      if (!jurorIds.has(j)) issue(['stages', si, 'jurors', ji], 'unknownJuror', { value: j });
    });
    const panel = s.jurors?.length ?? c.jurors.length;
    if (s.minJurors > panel) issue(['stages', si, 'minJurors'], 'panelTooSmall', { n: String(panel) });
    if (s.jurorsPerInnovation !== undefined && s.jurorsPerInnovation < s.minJurors)
      issue(['stages', si, 'jurorsPerInnovation'], 'perInnovationBelowMin');
    const field = s.kind === 'field';
    if (si < c.stages.length - 1 && !s.advance && !field) issue(['stages', si, 'advance'], 'advanceNeeded');
    if (field) checkFieldStage(s, (path, key) => issue(['stages', si, ...path], key));
    else if (s.gate) issue(['stages', si, 'gate'], 'gateNeedsField');
  });
  if (c.stages.every((s) => s.kind === 'field')) issue(['stages'], 'scoringStageNeeded');
  const categoryIds = new Set(c.categories.map((k) => k.id));
  c.selection?.categories?.forEach((k, i) => {
    if (!categoryIds.has(k)) issue(['selection', 'categories', i], 'unknownCategoryId', { value: k });
  });
  c.selection?.regions?.forEach((r, i) => {
    if (!c.regions.includes(r)) issue(['selection', 'regions', i], 'unknownRegion', { value: r });
  });
  const stageIds = c.stages.map((s) => s.id);
  const weighted = Object.entries(c.final.weights);
  for (const [sid] of weighted) {
    if (!stageIds.includes(sid)) issue(['final', 'weights', sid], 'unknownStage', { value: sid });
  }
  if (weighted.length === 0 || weighted.every(([, w]) => w === 0)) issue(['final', 'weights'], 'zeroWeights');
  checkRepresentationRules(c, issue);
  if (c.calibration) {
    const { stage, entries } = c.calibration;
    const named = c.stages.find((s) => s.id === stage);
    if (stage !== undefined && !named) issue(['calibration', 'stage'], 'unknownStage', { value: stage });
    if (named?.kind === 'field')
      issue(['calibration', 'stage'], 'calibrationFieldStage', { value: stage ?? '' });
    for (const d of dupes(entries.map((e) => e.id)))
      issue(['calibration', 'entries'], 'duplicateId', { id: d });
  }
  for (const t of timelineIssues(c)) issue(t.path, t.code, t.args);
}

/** A field stage: its claims on the answers' scale, none named like the note or photo columns, no advance cut. */
function checkFieldStage(
  s: CheckedCompetition['stages'][number],
  issue: (path: (string | number)[], key: string) => void,
) {
  s.criteria.forEach((cr, ci) => {
    if (cr.min !== FIELD_SCALE.min || cr.max !== FIELD_SCALE.max) issue(['criteria', ci], 'fieldScale');
    if (FIELD_EXTRAS.includes(cr.id)) issue(['criteria', ci, 'id'], 'fieldReservedId');
  });
  if (s.advance) issue(['advance'], 'fieldAdvance');
}

/** Representation rules name known regions, categories and groups, and can all be met within the top places. */
function checkRepresentationRules(
  c: CheckedCompetition,
  issue: (path: (string | number)[], key: string, args?: Record<string, string>) => void,
): void {
  const rules = c.final.rules;
  if (!rules) return;
  const at = ['final', 'rules'];
  const categoryIds = c.categories.map((k) => k.id);
  const groups = rules.groups ?? {};
  for (const [name, regions] of Object.entries(groups)) {
    regions.forEach((r, i) => {
      if (!c.regions.includes(r)) issue([...at, 'groups', name, i], 'unknownRegion', { value: r });
    });
  }
  const perCategory = rules.minPerCategory;
  if (typeof perCategory === 'object') {
    for (const k of Object.keys(perCategory)) {
      if (!categoryIds.includes(k)) issue([...at, 'minPerCategory', k], 'unknownCategoryId', { value: k });
    }
  }
  for (const g of Object.keys(rules.minPerGroup ?? {})) {
    if (!Object.hasOwn(groups, g)) issue([...at, 'minPerGroup', g], 'unknownRegionGroup', { value: g });
  }
  const top = finalTop(c);
  const sum = quotasOf(rules, categoryIds).reduce((n, q) => n + q.min, 0);
  if (sum > top) issue(at, 'quotasAboveTop', { sum: String(sum), top: String(top) });
  const max = rules.maxPerRegion;
  if (max === undefined) return;
  if (max * c.regions.length < top)
    issue([...at, 'maxPerRegion'], 'maxPerRegionBelowTop', { n: String(c.regions.length), top: String(top) });
  for (const [g, min] of Object.entries(rules.minPerGroup ?? {})) {
    const room = max * new Set(groups[g] ?? []).size;
    if (Object.hasOwn(groups, g) && min > room)
      issue([...at, 'minPerGroup', g], 'groupMinAboveMax', { room: String(room) });
  }
}

export type Competition = z.output<typeof competitionSchema>;

/** A juror as a fixed record (juri-record/2) keeps them: no e-mail, no phone number. */
export const recordJurorSchema = jurorSchema.omit({ email: true, phone: true });
/**
 * The competition as a fixed record (juri-record/2) keeps it: everything the rules and the texts use,
 * and no personal contact data (jurors' e-mails and phones, the secretariat's accounts), so that the
 * public copy of a record and its hash agree.
 */
export const recordCompetitionSchema = z
  .object({
    ...competitionSchema.shape,
    jurors: z.array(recordJurorSchema).min(1),
    secretariat: z.array(z.never()).default([]),
  })
  .superRefine(checkCompetition);
export type RecordCompetition = z.output<typeof recordCompetitionSchema>;
export type RecordJuror = RecordCompetition['jurors'][number];
/** What the rules, texts and reports read of a config: a config, or a fixed record's copy of one. */
export type CompetitionFacts = Omit<Competition, 'jurors' | 'secretariat'> & {
  jurors: RecordJuror[];
  secretariat: string[];
};
/** What checkCompetition reads: a config, or a record's copy of one (a phone is checked when there is one). */
type CheckedCompetition = Omit<RecordCompetition, 'jurors' | 'secretariat'> & {
  jurors: (RecordJuror & { phone?: string | undefined })[];
};

/**
 * The record's copy of a config: the contact fields left out, and the calibration round (it never
 * counts, so a record with or without one is the same record, byte for byte).
 */
export function recordCompetition(c: Competition): RecordCompetition {
  const { calibration: _calibration, ...counted } = c;
  return {
    ...counted,
    secretariat: [],
    jurors: c.jurors.map(({ email: _e, phone: _p, ...juror }) => juror),
  };
}
export type Stage = Competition['stages'][number];
export type Criterion = Stage['criteria'][number];
export type Juror = Competition['jurors'][number];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Validates a competition config once; the issues name the path and a code (shared/messages renders them). */
export function parseCompetition(input: unknown): ParseResult<Competition> {
  const result = competitionSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: issuesOf(result.error) };
}

/**
 * One deployment's competitions: a config (a list of one), or a non-empty list of configs whose ids
 * differ. A list's issues name the config by its place (`[1].stages[0]…`).
 */
export function parseCompetitions(input: unknown): ParseResult<Competition[]> {
  if (!Array.isArray(input)) {
    const one = parseCompetition(input);
    return one.ok ? { ok: true, value: [one.value] } : one;
  }
  const result = competitionListSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: issuesOf(result.error) };
}

const competitionListSchema = z
  .array(competitionSchema)
  .min(1)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: 'duplicateId',
          params: { key: 'duplicateId', args: { id: c.id } },
        });
      seen.add(c.id);
    });
  });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function panelChair<J extends { id: string }>(c: {
  jurors: J[];
  chair?: string | undefined;
}): J | undefined {
  return c.jurors.find((j) => j.id === c.chair) ?? c.jurors[0];
}

/** The competition's year: `year`, else the announcement's. */
export function competitionYear(c: Competition): number {
  return c.year ?? Number(c.announceAt.slice(0, 4));
}

/**
 * Where and on which day the result is decided: the Berita Acara and the printed announcement say the
 * same ("Ditetapkan di Kupang, 20 Desember 2024"), whatever day the secretariat pressed the button.
 */
export function decision(c: Pick<Competition, 'place' | 'beritaAcara' | 'announceAt'>): {
  place: string | undefined;
  day: string;
} {
  return { place: c.place, day: c.beritaAcara?.decidedOn ?? c.announceAt.slice(0, 10) };
}

/** The Berita Acara's number from the config's pattern ({seq}: the version, {year}: the decision's); null without one. */
export function documentNumber(
  c: Pick<Competition, 'place' | 'beritaAcara' | 'announceAt'>,
  version: number,
): string | null {
  const pattern = c.beritaAcara?.numberPattern;
  if (!pattern) return null;
  const year = decision(c).day.slice(0, 4);
  return pattern.replace(/\{seq\}/g, String(version)).replace(/\{year\}/g, year);
}

export function finalTop(c: Pick<Competition, 'final' | 'stages'>): number {
  return c.final.top ?? lastScoringStage(c)?.advance?.top ?? 10;
}

/** The last stage jurors score (not a field verification): the final ranking's entries and tie-breaks come from it. */
export function lastScoringStage<S extends Pick<Stage, 'kind'>>(c: { stages: readonly S[] }): S | undefined {
  return c.stages.findLast((s) => s.kind !== 'field');
}
