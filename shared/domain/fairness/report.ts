import { compareIds } from '../assignment.ts';
import { type Competition, type CompetitionFacts, finalTop, type Stage } from '../competition.ts';
import { isFieldStage } from '../field.ts';
import type { CompetitionResult, RankedEntry } from '../ranking.ts';
import { aggregate } from './aggregation.ts';
import { DEFAULT_DISAGREEMENT_THRESHOLD, type EntrySpread, entrySpreads } from './disagreement.ts';
import {
  DEFAULT_ICC_MIN_ENTRIES,
  type IccUnavailableCode,
  type IntraclassCorrelations,
  intraclassCorrelations,
} from './icc.ts';
import { type JurorProfile, jurorProfiles } from './juror-profiles.ts';
import { type KendallW, type KendallWUnavailableCode, kendallW } from './kendall-w.ts';
import { type AlphaUnavailableCode, type KrippendorffAlpha, stageAlpha } from './krippendorff-alpha.ts';
import type { ScoringMethod } from './methods.ts';
import {
  NORMALIZATIONS,
  type NormalizedStage,
  normalizeStage,
  standardizeMinimum,
  type UnchangedJuror,
} from './normalization.ts';
import { jurorLevels, panelEffect } from './panel-effect.ts';
import { DEFAULT_COVERAGE, DEFAULT_RESAMPLES, type RankStability, rankStability } from './rank-stability.ts';
import { compareScored, orderStage } from './score-order.ts';
import { stageMethod } from './stage-scores.ts';
import { completeBlock, entryIds, jurorIds, type StageTotals, type Unavailable } from './stage-totals.ts';
import { type WeightedPart, weightedRankStability } from './weighted-stability.ts';
import { compareOrders, SCORING_METHODS, type WhatIf } from './what-if.ts';

/**
 * Everything the fairness pages and tabs show, computed once per sync from the ranking and kept in
 * the sync record. Deterministic: the same result and settings give the same report, bootstrap
 * included (seeded). Nothing here changes a ranking; it describes it.
 */

export const FAIRNESS_REPORT_VERSION = 1;
/** The bootstrap's seed when the config names none: the 2024 announcement day. */
export const DEFAULT_SEED = 20241220;
/** ICC and W use the entries every juror scored; fewer than this share of the entries and they are not reported. */
export const MIN_COMPLETE_SHARE = 0.5;

export interface FairnessSettings {
  disagreementPoints: number;
  resamples: number;
  seed: number;
  coverage: number;
  /** ICC is withheld below this many entries in the complete block. */
  iccMinEntries: number;
}

export function fairnessSettings(competition: Pick<Competition, 'fairness'>): FairnessSettings {
  return {
    disagreementPoints: competition.fairness?.disagreementPoints ?? DEFAULT_DISAGREEMENT_THRESHOLD,
    resamples: competition.fairness?.bootstrapResamples ?? DEFAULT_RESAMPLES,
    seed: competition.fairness?.seed ?? DEFAULT_SEED,
    coverage: DEFAULT_COVERAGE,
    iccMinEntries: competition.fairness?.iccMinEntries ?? DEFAULT_ICC_MIN_ENTRIES,
  };
}

/** One cut-off: the whole stage, or one category when the stage advances per category. */
export interface CutoffGroup {
  category: string | null;
  /** How many advance (a stage) or win (the final); at most the entries there are. */
  top: number;
  whatIf: WhatIf;
  /** Null when the bootstrap is switched off (`bootstrapResamples: 0`) or there is nothing to rank. */
  stability: RankStability | null;
}

export interface Reliability {
  /** The complete-case block ICC and W use: entries scored by every juror, out of `of`. */
  block: { entries: number; jurors: number; of: number };
  /** Below this many block entries ICC is withheld ('too-few-entries'); absent in reports stored before it. */
  iccMinEntries?: number;
  icc: IntraclassCorrelations | Unavailable<IccUnavailableCode>;
  kendallW: KendallW | Unavailable<KendallWUnavailableCode>;
  alpha: KrippendorffAlpha | Unavailable<AlphaUnavailableCode>;
}

/**
 * What an entry's panel did to its score: the mean level of the jurors who scored it, each juror's
 * level fitted in the additive model total = quality + juror level (see `jurorLevels`). Positive:
 * the jurors it happened to get mark more generously than the stage's jurors on average; an entry
 * every juror scored has 0. This is the "who drew the harsh juror" number, in points of the mean.
 */
export interface DrawEffect {
  id: string;
  /** Points the panel added (+) or took (−). */
  shift: number;
  /** The jurors who scored it. */
  jurors: string[];
  /** Stage jurors who did not (listed only when at most two, e.g. a conflict of interest). */
  absent: string[];
}

/** How many draw effects a stage keeps: the largest, by size. */
export const MAX_DRAW_EFFECTS = 10;
/** Smaller shifts than this (points) are not listed: they move no one. */
export const MIN_DRAW_EFFECT = 0.5;
const MAX_ABSENT_LISTED = 2;

export interface StageFairness {
  /** A stage id, or 'final'. */
  stage: string;
  /** The published method of a stage; for the final, that of the stages (null when they differ). */
  method: ScoringMethod | null;
  /** 'advance': the cut-off is who moves on; 'winners': who is announced. */
  cut: 'advance' | 'winners';
  /** Complete entries: the ones every statistic here uses. */
  entries: number;
  groups: CutoffGroup[];
  /** Jurors z-scoring leaves as typed (see normalizeStage). */
  unchanged: UnchangedJuror[];
  /** Stages only. */
  reliability: Reliability | null;
  jurors: JurorProfile[];
  disagreement: { threshold: number; checked: number; flagged: EntrySpread[] } | null;
  /** The entries whose panel moved their score most, largest first (stages only). */
  draws: DrawEffect[];
}

export interface FairnessReport {
  version: typeof FAIRNESS_REPORT_VERSION;
  settings: FairnessSettings;
  /** Every stage in order but a field verification, then 'final'. */
  stages: StageFairness[];
}

type Normalized = ReadonlyMap<ScoringMethod['normalization'], NormalizedStage>;

/**
 * The fairness report of a ranked competition. `overrides` adjusts the settings for one call, e.g.
 * `{ resamples: 0 }` for the what-if alone without the bootstrap.
 */
export function fairnessReport(
  competition: Competition,
  result: CompetitionResult,
  overrides: Partial<FairnessSettings> = {},
): FairnessReport {
  const settings = { ...fairnessSettings(competition), ...overrides };
  const prepared = competition.stages.map((stage) => {
    const ranking = result.stages.find((s) => s.stage === stage.id)?.ranking ?? [];
    return { stage, ...prepare(ranking, standardizeMinimum(stage)) };
  });
  // A field verification's yes / partly / no checks a claim rather than marks a proposal: its verifiers
  // have no leniency to report and its gate is no cut-off to test. A score it gives still counts in the final.
  const stages = prepared.flatMap((p, i) =>
    isFieldStage(p.stage) ? [] : [stageFairness(competition, p, settings, i)],
  );
  stages.push(finalFairness(competition, result, prepared, stages, settings));
  return { version: FAIRNESS_REPORT_VERSION, settings, stages };
}

interface Prepared {
  stage: Stage;
  /** Every entry with totals, complete or not: the basis z-scoring uses, as in the ranking. */
  normalized: Normalized;
  complete: RankedEntry[];
}

function prepare(ranking: readonly RankedEntry[], minEntries: number): Omit<Prepared, 'stage'> {
  const all = new Map(
    ranking.filter((e) => Object.keys(e.totals).length > 0).map((e) => [e.id, e.totals] as const),
  );
  return {
    normalized: new Map(NORMALIZATIONS.map((n) => [n, normalizeStage(all, n, minEntries)])),
    complete: ranking.filter((e) => e.status === 'complete'),
  };
}

function restrict(stage: StageTotals, ids: ReadonlySet<string>): StageTotals {
  return new Map([...stage].filter(([id]) => ids.has(id)));
}

function totalsOf(normalized: Normalized, method: ScoringMethod, ids: ReadonlySet<string>): StageTotals {
  return restrict(normalized.get(method.normalization)?.totals ?? new Map(), ids);
}

function stageFairness(
  competition: Competition,
  p: Prepared,
  settings: FairnessSettings,
  index: number,
): StageFairness {
  const method = stageMethod(p.stage);
  const raw = new Map(p.complete.map((e) => [e.id, e.totals] as const));
  const per = p.stage.advance?.per === 'category';
  const top = p.stage.advance?.top ?? finalTop(competition);
  const categories = per ? competition.categories.map((c) => c.id) : [null];
  const groups = categories.map((category, g) => {
    const ids = new Set(
      p.complete.filter((e) => category === null || e.category === category).map((e) => e.id),
    );
    const orders = SCORING_METHODS.map((m) => orderStage(totalsOf(p.normalized, m, ids), m.aggregation));
    const baseline = orderStage(totalsOf(p.normalized, method, ids), method.aggregation);
    const cut = Math.min(top, ids.size);
    const unchanged = p.normalized.get('zscore')?.unchanged ?? [];
    return {
      category,
      top: cut,
      whatIf: compareOrders(SCORING_METHODS, orders, baseline, cut, unchanged),
      stability:
        settings.resamples === 0 || ids.size === 0
          ? null
          : rankStability(totalsOf(p.normalized, method, ids), {
              top: cut,
              seed: seedFor(settings, index, g),
              resamples: settings.resamples,
              aggregation: method.aggregation,
              coverage: settings.coverage,
            }),
    };
  });
  const spreads = entrySpreads(raw, settings.disagreementPoints);
  return {
    stage: p.stage.id,
    method,
    cut: p.stage.advance ? 'advance' : 'winners',
    entries: p.complete.length,
    groups,
    unchanged: p.normalized.get('zscore')?.unchanged ?? [],
    reliability: reliability(raw, settings.iccMinEntries),
    jurors: jurorProfiles(raw),
    disagreement: {
      threshold: settings.disagreementPoints,
      checked: spreads.filter((s) => s.spread !== null).length,
      flagged: spreads.filter((s) => s.flagged),
    },
    draws: drawEffects(p),
  };
}

export function drawEffects(p: Pick<Prepared, 'normalized' | 'complete'>): DrawEffect[] {
  const all = p.normalized.get('none')?.totals ?? new Map();
  const levels = jurorLevels(all);
  const panel = jurorIds(all);
  const shifted: { entry: RankedEntry; id: string; shift: number }[] = [];
  for (const entry of p.complete) {
    const shift = panelEffect(entry.totals, levels);
    if (Math.abs(shift) >= MIN_DRAW_EFFECT) shifted.push({ entry, id: entry.id, shift });
  }
  // The order and the cut depend on the shift and id alone: the jurors are listed for the kept ones only.
  return shifted
    .sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift) || compareIds(a.id, b.id))
    .slice(0, MAX_DRAW_EFFECTS)
    .map(({ entry, shift }) => {
      const absent = panel.filter((j) => entry.totals[j] === undefined);
      return {
        id: entry.id,
        shift,
        jurors: Object.keys(entry.totals).sort(compareIds),
        absent: absent.length <= MAX_ABSENT_LISTED ? absent : [],
      };
    });
}

/**
 * The final ranking's part of the report alone (what-if and bootstrap), for the Berita Acara's
 * appendix: the same numbers the full report gives, without the stages' own bootstraps.
 */
export function finalFairnessReport(
  competition: CompetitionFacts,
  result: CompetitionResult,
  overrides: Partial<FairnessSettings> = {},
): StageFairness {
  const settings = { ...fairnessSettings(competition), ...overrides };
  const prepared = competition.stages.map((stage) => {
    const ranking = result.stages.find((s) => s.stage === stage.id)?.ranking ?? [];
    return { stage, ...prepare(ranking, standardizeMinimum(stage)) };
  });
  return finalFairness(competition, result, prepared, [], settings);
}

/**
 * ICC and Kendall's W on the complete-case block: the entries every juror of the stage scored.
 * With conflicts of interest (a juror never scores their own region) the NTT design has a few
 * holes; dropping those entries keeps the two-way model exact. When fewer than half the entries
 * remain (3-of-60 panels) the block does not represent the stage and both are 'incomplete-block';
 * Krippendorff's α, which takes gaps as they are, uses every entry. A block of fewer than `iccMinEntries`
 * entries gives no ICC ('too-few-entries'): its 95 % interval would span most of the scale.
 */
export function reliability(stage: StageTotals, iccMinEntries = DEFAULT_ICC_MIN_ENTRIES): Reliability {
  const jurors = jurorIds(stage);
  const ids = entryIds(stage).filter((id) => jurors.every((j) => stage.get(id)?.[j] !== undefined));
  const block =
    ids.length >= Math.max(2, MIN_COMPLETE_SHARE * stage.size)
      ? completeBlock(restrict(stage, new Set(ids)))
      : null;
  const missing = { kind: 'unavailable', code: 'incomplete-block' } as const;
  return {
    block: { entries: block ? ids.length : 0, jurors: jurors.length, of: stage.size },
    iccMinEntries,
    icc: !block
      ? missing
      : ids.length < iccMinEntries
        ? { kind: 'unavailable', code: 'too-few-entries' }
        : intraclassCorrelations(block.rows),
    kendallW: block ? kendallW(block.rows) : missing,
    alpha: stageAlpha(stage, 'interval'),
  };
}

/**
 * The final: weighted stage scores, as the ranking combines them. The what-if asks "had every
 * stage used method M" with the same entries in each stage (who advanced stays as it was).
 */
function finalFairness(
  competition: CompetitionFacts,
  result: CompetitionResult,
  prepared: readonly Prepared[],
  stages: readonly StageFairness[],
  settings: FairnessSettings,
): StageFairness {
  const weighted = Object.entries(competition.final.weights).filter(([, w]) => w > 0);
  const ids = new Set(result.final.ranking.filter((e) => e.status === 'complete').map((e) => e.id));
  const parts = weighted.flatMap(([sid, weight]) => {
    const p = prepared.find((x) => x.stage.id === sid);
    return p ? [{ weight, p }] : [];
  });
  const scoreUnder = (methodOf: (p: Prepared) => ScoringMethod) => {
    const scores = parts.map(({ weight, p }) => {
      const method = methodOf(p);
      return { weight, totals: totalsOf(p.normalized, method, ids), aggregation: method.aggregation };
    });
    const sumW = scores.reduce((s, x) => s + x.weight, 0);
    const order = [...ids].map((id) => ({
      id,
      score:
        scores.reduce(
          (s, x) => s + x.weight * (aggregate(Object.values(x.totals.get(id) ?? {}), x.aggregation) ?? 0),
          0,
        ) / sumW,
    }));
    return { parts: scores, order: order.sort(compareScored) };
  };
  const published = scoreUnder((p) => stageMethod(p.stage));
  const orders = SCORING_METHODS.map((m) => scoreUnder(() => m).order);
  const top = Math.min(finalTop(competition), ids.size);
  const methods = prepared.map((p) => stageMethod(p.stage));
  const same = methods.every(
    (m) => m.aggregation === methods[0]?.aggregation && m.normalization === methods[0]?.normalization,
  );
  return {
    stage: 'final',
    method: same ? (methods[0] ?? null) : null,
    cut: 'winners',
    entries: ids.size,
    groups: [
      {
        category: null,
        top,
        whatIf: compareOrders(SCORING_METHODS, orders, published.order, top, []),
        stability:
          settings.resamples === 0 || ids.size === 0
            ? null
            : (reused(stages, parts, top, ids) ??
              finalStability(published.parts, ids, top, finalSeed(settings, prepared, parts), settings)),
      },
    ],
    unchanged: [],
    reliability: null,
    jurors: [],
    disagreement: null,
    draws: [],
  };
}

/**
 * A single-stage final whose entries and cut-off are the stage's own is the stage's bootstrap
 * again: reuse it, so the two tables agree and the work is not done twice.
 */
function reused(
  stages: readonly StageFairness[],
  parts: readonly { p: Prepared }[],
  top: number,
  ids: ReadonlySet<string>,
): RankStability | null {
  const [only] = parts;
  if (parts.length !== 1 || !only) return null;
  const group = stages.find((s) => s.stage === only.p.stage.id)?.groups[0];
  const same =
    group?.category === null &&
    group.top === top &&
    group.stability?.entries.length === ids.size &&
    group.stability.entries.every((e) => ids.has(e.id));
  return same ? (group?.stability ?? null) : null;
}

/** One weighted stage: the stage bootstrap (built for national scale) ranks the same scores. */
function finalStability(
  parts: readonly WeightedPart[],
  ids: ReadonlySet<string>,
  top: number,
  seed: number,
  settings: FairnessSettings,
): RankStability {
  const [only] = parts;
  const options = { top, resamples: settings.resamples, coverage: settings.coverage };
  return parts.length === 1 && only
    ? rankStability(only.totals, { ...options, seed, aggregation: only.aggregation })
    : weightedRankStability([...ids], parts, { ...options, seed });
}

/**
 * A single weighted stage draws from that stage's own stream, so the final's bootstrap is the
 * stage's bootstrap whenever they rank the same entries: whether reused or recomputed (e.g. for the
 * Berita Acara), the numbers agree.
 */
function finalSeed(
  settings: FairnessSettings,
  prepared: readonly Prepared[],
  parts: readonly { p: Prepared }[],
): number {
  const only = parts.length === 1 ? parts[0] : undefined;
  const index = only ? prepared.indexOf(only.p) : -1;
  return index >= 0 ? seedFor(settings, index, 0) : seedFor(settings, prepared.length, 0);
}

/** Each stage's and group's bootstrap gets its own stream, so adding a stage leaves the others alone. */
function seedFor(settings: FairnessSettings, stageIndex: number, group: number): number {
  return (settings.seed + stageIndex * 1009 + group * 7919) >>> 0;
}
