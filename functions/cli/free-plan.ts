import { entriesWithin, expectedCells } from '../../shared/domain/capacity.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Bilingual, Lang } from '../../shared/domain/i18n.ts';
import { t } from '../../shared/messages/catalogue/t.ts';

/**
 * A sync's CPU inside workerd, from `npm run bench` (docs/benchmarks.md, "The free plan's 10 ms"): process
 * CPU less an empty request's, on the machine named there. A written sync was measured at two sizes
 * (312 and 4,480 typed cells): a fixed part plus a part per typed score cell. A tick that finds nothing
 * new costs the same at any size (a batch read of the lease and the head, and a hash of the read). Copy
 * the figures here when a new measurement changes them. These: the Worker's own process above an empty
 * request, `npm run bench` (its `bench/workerd.ts small` and `… ntt`) on 2026-12-08 after issue 22's
 * sixth pass (AMD EPYC, 2 cores, load 1.5–4; medians of the runs in docs/benchmarks.md): written 19.5 ms
 * at 312 cells and 36.3 ms at 4,480; unchanged 3.1 ms.
 */
export const WORKERD_SYNC_COST = {
  unchangedMs: 3.1,
  writtenBaseMs: 18.2,
  writtenPerCellMs: 0.004,
} as const;

/** Cloudflare Workers' free plan: CPU per request, a cron tick included. */
export const FREE_PLAN_CPU_MS = 10;

export interface FreePlanFit {
  cells: number;
  unchangedMs: number;
  writtenMs: number;
  /** Both kinds of cron tick fit the free plan. */
  fits: boolean;
  /** The most entries whose written sync still fits (with this competition's stages and panels). */
  maxEntries: number;
}

export function freePlanFit(
  competition: Competition,
  entries: number,
  typedCells = 0,
  c: { unchangedMs: number; writtenBaseMs: number; writtenPerCellMs: number } = WORKERD_SYNC_COST,
): FreePlanFit {
  const cells = Math.max(expectedCells(competition, entries), typedCells);
  const writtenMs = c.writtenBaseMs + c.writtenPerCellMs * cells;
  const room = Math.floor((FREE_PLAN_CPU_MS - c.writtenBaseMs) / c.writtenPerCellMs);
  return {
    cells,
    unchangedMs: c.unchangedMs,
    writtenMs,
    fits: writtenMs <= FREE_PLAN_CPU_MS && c.unchangedMs <= FREE_PLAN_CPU_MS,
    maxEntries: room > 0 ? entriesWithin(competition, room) : 0,
  };
}

const ms = (n: number) => (n >= 10 ? String(Math.round(n)) : n.toFixed(1));

/** What `juri doctor` says about the free plan for this competition, in plain words. */
export function freePlanWords(fit: FreePlanFit, entries: number): Bilingual {
  return { id: freePlanText(fit, entries, 'id'), en: freePlanText(fit, entries, 'en') };
}

function freePlanText(fit: FreePlanFit, entries: number, lang: Lang): string {
  const unchangedMs = ms(fit.unchangedMs);
  const unchanged =
    fit.unchangedMs <= FREE_PLAN_CPU_MS
      ? t(lang, 'cli.freePlan.unchangedFits', { ms: unchangedMs })
      : t(lang, 'cli.freePlan.unchangedTooMuch', { ms: unchangedMs });
  const written =
    entries === 0
      ? t(lang, 'cli.freePlan.writtenEmpty', { ms: ms(fit.writtenMs) })
      : t(lang, 'cli.freePlan.written', { entries, cells: fit.cells, ms: ms(fit.writtenMs) });
  const limitNote = fit.maxEntries > 0 ? t(lang, 'cli.freePlan.limitNote', { max: fit.maxEntries }) : '';
  const verdict = fit.fits
    ? t(lang, 'cli.freePlan.fits', { limit: FREE_PLAN_CPU_MS, max: fit.maxEntries })
    : t(lang, 'cli.freePlan.tooMuch', { limit: FREE_PLAN_CPU_MS, limitNote });
  return `${unchanged} ${written} ${verdict} (docs/benchmarks.md)`;
}
