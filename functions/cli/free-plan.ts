import { entriesWithin, expectedCells } from '../../shared/domain/capacity.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Bilingual } from '../../shared/domain/i18n.ts';

/**
 * A sync's CPU inside workerd, from `npm run bench` (docs/benchmarks.md, "The free plan's 10 ms"): process
 * CPU less an empty request's, on the machine named there. A written sync was measured at two sizes
 * (312 and 4,480 typed cells): a fixed part plus a part per typed score cell. A tick that finds nothing
 * new costs the same at any size (one small document and a hash of the read). Copy the figures here
 * when a new measurement changes them.
 */
export const WORKERD_SYNC_COST = {
  unchangedMs: 6.6,
  writtenBaseMs: 32.3,
  writtenPerCellMs: 0.015,
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
  const unchanged = {
    id: `Detak cron tanpa perubahan: ±${ms(fit.unchangedMs)} ms CPU${fit.unchangedMs <= FREE_PLAN_CPU_MS ? ' (muat)' : ' (tidak muat)'}.`,
    en: `A cron tick with nothing new: about ${ms(fit.unchangedMs)} ms of CPU${fit.unchangedMs <= FREE_PLAN_CPU_MS ? ' (fits)' : ' (does not fit)'}.`,
  };
  const written =
    entries === 0
      ? {
          id: `Sinkronisasi yang menulis: ±${ms(fit.writtenMs)} ms CPU sebelum ada inovasi, bertambah dengan jumlah sel nilai.`,
          en: `A sync that writes: about ${ms(fit.writtenMs)} ms of CPU before any entry, growing with the score cells.`,
        }
      : {
          id: `Sinkronisasi yang menulis, untuk ${entries} inovasi (±${fit.cells} sel nilai): ±${ms(fit.writtenMs)} ms CPU.`,
          en: `A sync that writes, for ${entries} entries (about ${fit.cells} score cells): about ${ms(fit.writtenMs)} ms of CPU.`,
        };
  const verdict: Bilingual = fit.fits
    ? {
        id: `Muat di paket gratis Cloudflare Workers (${FREE_PLAN_CPU_MS} ms per permintaan) sampai sekitar ${fit.maxEntries} inovasi.`,
        en: `It fits Cloudflare Workers' free plan (${FREE_PLAN_CPU_MS} ms per request) up to about ${fit.maxEntries} entries.`,
      }
    : {
        id: `Tidak muat di paket gratis Cloudflare Workers (${FREE_PLAN_CPU_MS} ms per permintaan${fit.maxEntries > 0 ? `; batasnya sekitar ${fit.maxEntries} inovasi` : ''}). Pendaftaran dan halaman tetap di paket gratis; jalankan sinkronisasi dengan \`juri sync\` dari komputer sekretariat, di Cloud Functions, atau di Workers Paid.`,
        en: `It does not fit Cloudflare Workers' free plan (${FREE_PLAN_CPU_MS} ms per request${fit.maxEntries > 0 ? `; the limit is about ${fit.maxEntries} entries` : ''}). Intake and the pages stay on the free plan; run the sync with \`juri sync\` from the secretariat's computer, on Cloud Functions, or on Workers Paid.`,
      };
  return {
    id: `${unchanged.id} ${written.id} ${verdict.id} (docs/benchmarks.md)`,
    en: `${unchanged.en} ${written.en} ${verdict.en} (docs/benchmarks.md)`,
  };
}
