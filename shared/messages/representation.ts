import { fill, type Lang, localName } from '../domain/i18n.ts';
import type { RecordInnovation } from '../domain/record.ts';
import type { RepresentationOutcome, SkippedFact, UnmetFact } from '../domain/representation.ts';
import type { Quota } from '../domain/representation-rules.ts';
import type { BaCell } from './berita-acara-blocks.ts';

/**
 * The words for the representation rules' facts (shared/domain/representation.ts): the winners that
 * got in through a minimum, the entries skipped and why, the minimums not met. One wording for the
 * ranking tab, the public page, the Berita Acara and `juri rank`.
 */
const W = {
  id: {
    categoryQuota: 'kuota kategori {name}',
    groupQuota: 'kuota {name}',
    through: 'masuk melalui {quota}',
    skippedMax: 'dilewati: sudah ada {max} pemenang dari {region} (batas per wilayah)',
    skippedQuota: 'dilewati: tempatnya diberikan kepada {by} melalui {quota}',
    unmet: '{quota} (minimal {min}) tidak dapat dipenuhi: hanya {got} inovasi yang memenuhi syarat masuk',
    title: 'Aturan keterwakilan',
    rules: 'Daftar pemenang disusun dengan aturan keterwakilan: {rules}.',
    maxRule: 'paling banyak {n} pemenang per wilayah',
    minRule: 'paling sedikit {n} dari {what}',
    categoryWhat: 'kategori {name}',
    groupWhat: 'kelompok {name} ({regions})',
    paraMax:
      '{title} ({id}), peringkat {rank}, tidak masuk daftar pemenang karena sudah ada {max} pemenang dari {region}, batas per wilayah.',
    paraQuota:
      '{title} ({id}), peringkat {rank}, masuk daftar pemenang melalui {quota}; tempat itu semula milik {outTitle} ({out}), peringkat {outRank}.',
    paraUnmet: '{unmet}.',
    publicSkipped: ' (peringkat {rank}) {why}.',
    without: 'Top {top} tanpa aturan keterwakilan: {ids}',
    with: 'Top {top} dengan aturan keterwakilan: {ids}',
  },
  en: {
    categoryQuota: 'the {name} category quota',
    groupQuota: 'the {name} quota',
    through: 'in through {quota}',
    skippedMax: 'skipped: {region} is already at the limit of {max} per region',
    skippedQuota: 'skipped: its place went to {by} through {quota}',
    unmet: '{quota} (at least {min}) cannot be met: only {got} eligible entries got in',
    title: 'Representation rules',
    rules: 'The list of winners follows representation rules: {rules}.',
    maxRule: 'at most {n} per region',
    minRule: 'at least {n} from {what}',
    categoryWhat: 'the {name} category',
    groupWhat: 'the {name} group ({regions})',
    paraMax:
      '{title} ({id}), rank {rank}, is not among the winners because {region} is already at the limit of {max} per region.',
    paraQuota:
      '{title} ({id}), rank {rank}, is among the winners through {quota}; the place was that of {outTitle} ({out}), rank {outRank}.',
    paraUnmet: '{unmet}.',
    publicSkipped: ' (rank {rank}) {why}.',
    without: 'Top {top} without the representation rules: {ids}',
    with: 'Top {top} with the representation rules: {ids}',
  },
} as const;

interface Named {
  categories: readonly { id: string; name: string; nameEn?: string | undefined }[];
}

/** "kuota kategori Provinsi" / "kuota 3T". */
export function quotaName(q: Pick<Quota, 'kind' | 'id'>, c: Named, lang: Lang): string {
  const w = W[lang];
  if (q.kind === 'group') return fill(w.groupQuota, { name: q.id });
  const category = c.categories.find((k) => k.id === q.id);
  return fill(w.categoryQuota, { name: category ? localName(category, lang) : q.id });
}

/** "masuk melalui kuota 3T", for a winner that got in through a minimum. */
export function throughQuotaText(q: Pick<Quota, 'kind' | 'id'>, c: Named, lang: Lang): string {
  return fill(W[lang].through, { quota: quotaName(q, c, lang) });
}

/** Why an entry is not among the winners, in a few words (the ranking tab, `juri rank`). */
export function skippedText(s: SkippedFact, c: Named, lang: Lang): string {
  const w = W[lang];
  if (s.reason === 'max-per-region') return fill(w.skippedMax, { max: s.max, region: s.region });
  return fill(w.skippedQuota, { by: s.by, quota: quotaName(s.quota, c, lang) });
}

export function unmetText(u: UnmetFact, c: Named, lang: Lang): string {
  return fill(W[lang].unmet, { quota: quotaName(u, c, lang), min: u.min, got: u.got });
}

/** Per entry: how the rules treated it ("masuk melalui …" / "dilewati: …"); absent when by rank. */
export function representationNotes(
  outcome: RepresentationOutcome,
  c: Named,
  lang: Lang,
): Map<string, string> {
  const notes = new Map<string, string>();
  for (const s of outcome.selected) if (s.quota) notes.set(s.id, throughQuotaText(s.quota, c, lang));
  for (const s of outcome.skipped) notes.set(s.id, skippedText(s, c, lang));
  return notes;
}

interface RulesConfig extends Named {
  final: {
    rules?:
      | {
          maxPerRegion?: number | undefined;
          minPerCategory?: number | Record<string, number> | undefined;
          groups?: Record<string, string[]> | undefined;
          minPerGroup?: Record<string, number> | undefined;
        }
      | undefined;
  };
}

/** The rules in one sentence: "Daftar pemenang disusun dengan aturan keterwakilan: …". */
export function rulesSentence(c: RulesConfig, lang: Lang): string | null {
  const rules = c.final.rules;
  if (!rules) return null;
  const w = W[lang];
  const parts: string[] = [];
  if (rules.maxPerRegion !== undefined) parts.push(fill(w.maxRule, { n: rules.maxPerRegion }));
  const perCategory = rules.minPerCategory;
  for (const k of c.categories) {
    const n = typeof perCategory === 'number' ? perCategory : (perCategory?.[k.id] ?? 0);
    if (n > 0) parts.push(fill(w.minRule, { n, what: fill(w.categoryWhat, { name: localName(k, lang) }) }));
  }
  for (const [name, regions] of Object.entries(rules.groups ?? {})) {
    const n = rules.minPerGroup?.[name] ?? 0;
    if (n > 0)
      parts.push(fill(w.minRule, { n, what: fill(w.groupWhat, { name, regions: regions.join(', ') }) }));
  }
  return parts.length > 0 ? fill(w.rules, { rules: parts.join('; ') }) : null;
}

/**
 * The Berita Acara's paragraphs: the rules, then one per skipped entry and per reserved place (the
 * winner that took it and the entry whose place it was), then each minimum not met. Empty without rules.
 */
export function representationParagraphs(
  outcome: RepresentationOutcome | undefined,
  c: RulesConfig,
  innovations: readonly Pick<RecordInnovation, 'id' | 'title'>[],
  lang: Lang,
): string[] {
  if (!outcome) return [];
  const w = W[lang];
  const title = (id: string) => innovations.find((i) => i.id === id)?.title ?? id;
  const rankOf = (id: string) => outcome.skipped.find((s) => s.id === id)?.rank;
  const paragraphs: string[] = [];
  const rules = rulesSentence(c, lang);
  if (rules) paragraphs.push(rules);
  for (const s of outcome.skipped) {
    if (s.reason === 'max-per-region')
      paragraphs.push(
        fill(w.paraMax, { title: title(s.id), id: s.id, rank: s.rank, max: s.max, region: s.region }),
      );
  }
  for (const s of outcome.selected) {
    if (!s.quota) continue;
    const out = outcome.skipped.find((x) => x.reason === 'quota' && x.by === s.id)?.id ?? '';
    paragraphs.push(
      fill(w.paraQuota, {
        title: title(s.id),
        id: s.id,
        rank: s.rank,
        quota: quotaName(s.quota, c, lang),
        outTitle: title(out),
        out,
        outRank: rankOf(out),
      }),
    );
  }
  for (const u of outcome.unmet) paragraphs.push(fill(w.paraUnmet, { unmet: unmetText(u, c, lang) }));
  return paragraphs;
}

/**
 * For the public page: the rules in one sentence, then each entry the rules passed over, by name, with
 * its rank and why (a winner that got in through a minimum says so in its own line), then each minimum
 * not met. Empty without rules.
 */
export function representationPublicLines(
  outcome: RepresentationOutcome | undefined,
  c: RulesConfig,
  innovations: readonly Pick<RecordInnovation, 'id' | 'title'>[],
  lang: Lang,
): BaCell[] {
  const rules = rulesSentence(c, lang);
  if (!outcome || !rules) return [];
  const title = (id: string) => innovations.find((i) => i.id === id)?.title ?? id;
  const skipped = outcome.skipped.map(
    (s): BaCell => ({
      lead: `${s.id} · `,
      name: title(s.id),
      tail: fill(W[lang].publicSkipped, { rank: s.rank, why: skippedText(s, c, lang) }),
    }),
  );
  return [rules, ...skipped, ...outcome.unmet.map((u) => `${unmetText(u, c, lang)}.`)];
}

/** The Berita Acara section's heading. */
export function representationTitle(lang: Lang): string {
  return W[lang].title;
}

/**
 * The what-if's two lines: the Top N by rank alone, and the winners the rules choose (each marked with
 * the quota it got in through), then why each entry of the first list is not in the second.
 */
export function withAndWithoutLines(
  outcome: RepresentationOutcome,
  byRank: readonly string[],
  top: number,
  c: Named,
  lang: Lang,
): string[] {
  const w = W[lang];
  const chosen = outcome.selected.map((s) => (s.quota ? `${s.id} (${quotaName(s.quota, c, lang)})` : s.id));
  return [
    fill(w.without, { top, ids: byRank.join(', ') }),
    fill(w.with, { top, ids: chosen.join(', ') }),
    ...outcome.skipped.map((s) => `  ${s.id}: ${skippedText(s, c, lang)}`),
    ...outcome.unmet.map((u) => `  ${unmetText(u, c, lang)}`),
  ];
}
