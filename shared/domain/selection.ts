import { z } from 'zod';
import type { Innovation } from './innovation.ts';
import { SUBMISSION_FIELDS, type SubmissionField } from './submission-fields.ts';
import { singleLine } from './text.ts';

/**
 * The administrative selection (seleksi administrasi) between intake and the first stage: rules from
 * the config give each entry Lolos / Tidak lolos / Perlu dicek with reasons (codes, rendered by
 * shared/messages/selection.ts); the secretariat's decision typed in the "Seleksi" tab wins.
 */

const id = singleLine().min(1).max(80);

export const selectionSchema = z.object({
  /** Submission fields (and links) every entry must have filled in. */
  requiredFields: z.array(z.enum(SUBMISSION_FIELDS)).default([]),
  /** The innovation must have been running at least this many years by the competition's year. */
  minYearsRunning: z.number().int().min(0).optional(),
  /** Category ids (entrant types) that may take part; every category when absent. */
  categories: z.array(id).optional(),
  /** Regions that may take part; every region when absent. */
  regions: z.array(singleLine().min(1)).optional(),
  /** Titles at least this similar (0–1, after normalising) may be the same innovation. */
  similarity: z.number().min(0.5).max(1).default(0.8),
  /** Earlier winners: an entry with (nearly) their title is checked against them. */
  pastWinners: z
    .array(z.object({ year: z.number().int(), title: singleLine().min(1), agency: singleLine().optional() }))
    .default([]),
});

export type SelectionRules = z.output<typeof selectionSchema>;

export type SelectionOutcome = 'pass' | 'fail' | 'check';
export type Decision = 'pass' | 'fail';

export type SelectionReasonCode =
  | 'missingField'
  | 'tooRecent'
  | 'categoryNotEligible'
  | 'regionNotEligible'
  | 'duplicateTitle'
  | 'pastWinner'
  | 'sameAsPastWinner';

export interface SelectionReason {
  code: SelectionReasonCode;
  params: Record<string, string | number>;
}

/** What the secretariat typed for one entry in the "Seleksi" tab. */
export interface SelectionOverride {
  decision: Decision;
  /** Who decided, as typed; may be empty. */
  by: string;
  note: string;
}

export interface SelectionVerdict {
  /** Innovation id. */
  id: string;
  /** What the rules say. */
  rule: SelectionOutcome;
  reasons: SelectionReason[];
  override?: SelectionOverride;
  /** The override's decision when there is one, else the rules'. Only 'pass' goes on to the first stage. */
  outcome: SelectionOutcome;
}

/** One change of an override, as the sync that first saw it recorded it. */
export interface OverrideLogEntry {
  id: string;
  decision: Decision | 'cleared';
  by: string;
  note: string;
  /** When the sync that saw the change started (ISO 8601). */
  at: string;
  sync: string;
}

/** The selection as one sync decided it, with every override change so far. */
export interface SelectionRecord {
  verdicts: SelectionVerdict[];
  log: OverrideLogEntry[];
}

const SEVERITY: Record<SelectionOutcome, number> = { pass: 0, check: 1, fail: 2 };
const REASON_OUTCOME: Record<SelectionReasonCode, SelectionOutcome> = {
  missingField: 'fail',
  tooRecent: 'fail',
  categoryNotEligible: 'fail',
  regionNotEligible: 'fail',
  sameAsPastWinner: 'fail',
  duplicateTitle: 'check',
  pastWinner: 'check',
};

/** Lower case, no accents, punctuation or extra spaces: "Sí-Kawin 2.0!" → "si kawin 2 0". */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A title made ready for comparing: normalised, its numbers, its letter pairs. */
interface TitleKey {
  text: string;
  numbers: string;
  pairs: Map<string, number>;
  size: number;
}

function titleKey(title: string): TitleKey {
  const text = normalizeTitle(title);
  const squeezed = text.replace(/ /g, '');
  const pairs = new Map<string, number>();
  for (let i = 0; i < squeezed.length - 1; i++) {
    const pair = squeezed.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  const numbers = (text.match(/\d+/g) ?? []).map((n) => String(Number(n))).join(' ');
  return { text, numbers, pairs, size: Math.max(0, squeezed.length - 1) };
}

function keySimilarity(a: TitleKey, b: TitleKey, atLeast = 0): number {
  if (a.text === b.text) return 1;
  if (a.numbers !== b.numbers) return 0;
  const total = a.size + b.size;
  // Dice can reach at most 2·min/total: skip pairs too different in length to matter.
  if (total === 0 || (2 * Math.min(a.size, b.size)) / total < atLeast) return 0;
  let shared = 0;
  for (const [pair, n] of b.pairs) shared += Math.min(n, a.pairs.get(pair) ?? 0);
  return (2 * shared) / total;
}

/**
 * Sørensen–Dice similarity of two titles' letter pairs, 0–1, after normalising. Titles whose numbers
 * differ ("Posyandu 1", "Posyandu 2") are different innovations, whatever their letters.
 */
export function titleSimilarity(a: string, b: string): number {
  return keySimilarity(titleKey(a), titleKey(b));
}

/** The value an innovation has for a submission field (core fields are top-level, the rest in details). */
export function fieldValue(innovation: Innovation, field: SubmissionField): string {
  const core: Partial<Record<SubmissionField, string | undefined>> = {
    title: innovation.title,
    agency: innovation.agency,
    region: innovation.region,
    category: innovation.category,
    summary: innovation.summary,
  };
  return (field in core ? core[field] : innovation.details?.[field])?.trim() ?? '';
}

/** Entries in the order they arrived: the earlier of two similar titles keeps its place. */
function arrivalOrder(a: Innovation, b: Innovation): number {
  const t = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
  if (t !== 0 && Number.isFinite(t)) return t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Arrived {
  innovation: Innovation;
  key: TitleKey;
}

function ruleReasons(
  rules: SelectionRules,
  year: number,
  { innovation, key }: Arrived,
  earlier: readonly Arrived[],
  winners: readonly { year: number; title: string; key: TitleKey }[],
): SelectionReason[] {
  const reasons: SelectionReason[] = [];
  for (const field of rules.requiredFields) {
    if (fieldValue(innovation, field) === '') reasons.push({ code: 'missingField', params: { field } });
  }
  const started = Number(/^\d{4}/.exec(fieldValue(innovation, 'startYear'))?.[0]);
  if (
    rules.minYearsRunning !== undefined &&
    Number.isFinite(started) &&
    year - started < rules.minYearsRunning
  ) {
    reasons.push({
      code: 'tooRecent',
      params: { startYear: started, years: rules.minYearsRunning, latest: year - rules.minYearsRunning },
    });
  }
  if (rules.categories && !rules.categories.includes(innovation.category)) {
    reasons.push({ code: 'categoryNotEligible', params: { category: innovation.category } });
  }
  if (rules.regions && !rules.regions.includes(innovation.region)) {
    reasons.push({ code: 'regionNotEligible', params: { region: innovation.region } });
  }
  for (const other of earlier) {
    const similarity = keySimilarity(key, other.key, rules.similarity);
    if (similarity >= rules.similarity) {
      const { id, title } = other.innovation;
      reasons.push({
        code: 'duplicateTitle',
        params: { other: id, title, percent: Math.round(similarity * 100) },
      });
      break;
    }
  }
  for (const winner of winners) {
    const similarity = keySimilarity(key, winner.key, rules.similarity);
    if (similarity < rules.similarity) continue;
    reasons.push({
      code: similarity === 1 ? 'sameAsPastWinner' : 'pastWinner',
      params: { year: winner.year, title: winner.title, percent: Math.round(similarity * 100) },
    });
  }
  return reasons;
}

function worst(reasons: readonly SelectionReason[]): SelectionOutcome {
  let outcome: SelectionOutcome = 'pass';
  for (const r of reasons) {
    const o = REASON_OUTCOME[r.code];
    if (SEVERITY[o] > SEVERITY[outcome]) outcome = o;
  }
  return outcome;
}

/**
 * Every entry's verdict, in id order. `year` is the competition's year (for "running N years");
 * `overrides` are the secretariat's decisions by innovation id, and they win.
 */
export function decideSelection(
  rules: SelectionRules,
  year: number,
  innovations: readonly Innovation[],
  overrides: ReadonlyMap<string, SelectionOverride> = new Map(),
): SelectionVerdict[] {
  const arrived = [...innovations]
    .sort(arrivalOrder)
    .map((innovation) => ({ innovation, key: titleKey(innovation.title) }));
  const winners = rules.pastWinners.map((w) => ({ ...w, key: titleKey(w.title) }));
  // Only titles with the same numbers can be alike: compare within those groups.
  const byNumbers = new Map<string, Arrived[]>();
  const verdicts = arrived.map((entry) => {
    const { innovation } = entry;
    const group = byNumbers.get(entry.key.numbers) ?? [];
    const reasons = ruleReasons(rules, year, entry, group, winners);
    group.push(entry);
    byNumbers.set(entry.key.numbers, group);
    const rule = worst(reasons);
    const override = overrides.get(innovation.id);
    return {
      id: innovation.id,
      rule,
      reasons,
      ...(override ? { override } : {}),
      outcome: override?.decision ?? rule,
    };
  });
  return verdicts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The overrides a record's verdicts carry, to decide again with the rules as they are now. */
export function overridesOf(record: SelectionRecord | undefined): Map<string, SelectionOverride> {
  return new Map((record?.verdicts ?? []).flatMap((v) => (v.override ? [[v.id, v.override] as const] : [])));
}

/** Only entries that passed selection go to the first stage. */
export function admitted<T extends { id: string }>(
  items: readonly T[],
  verdicts: readonly SelectionVerdict[],
): T[] {
  const passed = new Set(verdicts.filter((v) => v.outcome === 'pass').map((v) => v.id));
  return items.filter((i) => passed.has(i.id));
}

/** The override changes between two syncs' verdicts: who decided what, stamped with when it was first seen. */
export function overrideChanges(
  before: readonly SelectionVerdict[],
  after: readonly SelectionVerdict[],
  at: string,
  sync: string,
): OverrideLogEntry[] {
  const previous = new Map(before.map((v) => [v.id, v.override]));
  const out: OverrideLogEntry[] = [];
  for (const v of after) {
    const was = previous.get(v.id);
    const now = v.override;
    if (now && (!was || was.decision !== now.decision || was.by !== now.by || was.note !== now.note)) {
      out.push({ id: v.id, decision: now.decision, by: now.by, note: now.note, at, sync });
    } else if (!now && was) {
      out.push({ id: v.id, decision: 'cleared', by: '', note: '', at, sync });
    }
  }
  return out;
}

export function selectionCounts(verdicts: readonly SelectionVerdict[]): Record<SelectionOutcome, number> & {
  overridden: number;
} {
  const counts = { pass: 0, fail: 0, check: 0, overridden: 0 };
  for (const v of verdicts) {
    counts[v.outcome] += 1;
    if (v.override) counts.overridden += 1;
  }
  return counts;
}
