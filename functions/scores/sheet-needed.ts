import { AppError } from '../../shared/errors.ts';
import type { ScoreSheet } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';

export const SYNC_LEASE = 'sync';
/** Longer than any sync or setup takes, short enough that a crashed one frees the sheet soon. */
export const LEASE_MS = 10 * 60_000;
/**
 * A sync's or setup's whole time with Google, every request, retry and Retry-After wait included; past
 * it the work stops. Two minutes under the lease, so the record is saved and the lease released before
 * it could expire: another instance never takes the sheet while this one still writes.
 */
export const SHEET_WORK_BUDGET_MS = LEASE_MS - 2 * 60_000;

export function sheetOf(services: Services): ScoreSheet {
  if (services.sheet) return services.sheet;
  throw new AppError('sheet_unavailable', {
    id: 'Google Sheet belum dikonfigurasi (SPREADSHEET_ID kosong).',
    en: 'No Google Sheet is configured (SPREADSHEET_ID is empty).',
  });
}

export const BUSY = () =>
  new AppError('busy', {
    id: 'Sinkronisasi lain sedang berjalan; coba lagi sebentar lagi.',
    en: 'Another sync is running; try again in a moment.',
  });

/**
 * Runs `work` while holding the sheet lease, so syncs and setups never interleave their writes. The
 * signal handed to `work` aborts after `budgetMs` (tests shorten it): pass it to every sheet call.
 */
export async function withSheetLease<T>(
  services: Services,
  who: string,
  work: (signal: AbortSignal) => Promise<T>,
  budgetMs = SHEET_WORK_BUDGET_MS,
): Promise<T> {
  const { store, clock, competition } = services;
  const holder = `${who}-${crypto.randomUUID()}`;
  const now = clock.now();
  const until = new Date(now.getTime() + LEASE_MS);
  if (!(await store.acquireLease(competition.id, SYNC_LEASE, holder, now, until))) throw BUSY();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(outOfTime(budgetMs)), budgetMs);
  try {
    return await work(deadline.signal);
  } finally {
    clearTimeout(timer);
    // The work is done (or has failed on its own); a lost release only delays the next sync until
    // the lease expires, so it must not turn a published sync into an error.
    await store.releaseLease(competition.id, SYNC_LEASE, holder).catch((err: unknown) => {
      console.warn(`juri: could not release the ${SYNC_LEASE} lease (${holder}); it expires on its own`, err);
    });
  }
}

function outOfTime(budgetMs: number): AppError {
  // A person at the dashboard is given seconds; the cron, minutes.
  if (budgetMs < 60_000) {
    const seconds = Math.max(1, Math.round(budgetMs / 1000));
    return new AppError('sheet_unavailable', {
      id: `Google Sheet tidak menjawab dalam batas waktu ${seconds} detik. Hasil sebelumnya tetap berlaku; coba lagi beberapa menit lagi, dan jalankan juri doctor bila tetap gagal.`,
      en: `The Google Sheet did not answer within ${seconds} seconds. The previous result stays; try again in a few minutes, and run juri doctor if it keeps failing.`,
    });
  }
  const minutes = Math.max(1, Math.round(budgetMs / 60_000));
  return new AppError('sheet_unavailable', {
    id: `Google Sheet tidak selesai menjawab dalam batas waktu ${minutes} menit, jadi pekerjaan ini dihentikan sebelum masa kuncinya habis. Hasil sebelumnya tetap berlaku; coba lagi nanti.`,
    en: `The Google Sheet did not finish answering within the ${minutes}-minute time limit, so this work was stopped before its lease ran out. The previous result stays; try again later.`,
  });
}
