import { AppError } from '../../shared/errors.ts';
import type { ScoreSheet } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';

export const SYNC_LEASE = 'sync';
/** Longer than any sync or setup takes, short enough that a crashed one frees the sheet soon. */
export const LEASE_MS = 10 * 60_000;

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

/** Runs `work` while holding the sheet lease, so syncs and setups never interleave their writes. */
export async function withSheetLease<T>(services: Services, who: string, work: () => Promise<T>): Promise<T> {
  const { store, clock, competition } = services;
  const holder = `${who}-${crypto.randomUUID()}`;
  const now = clock.now();
  const until = new Date(now.getTime() + LEASE_MS);
  if (!(await store.acquireLease(competition.id, SYNC_LEASE, holder, now, until))) throw BUSY();
  try {
    return await work();
  } finally {
    // The work is done (or has failed on its own); a lost release only delays the next sync until
    // the lease expires, so it must not turn a published sync into an error.
    await store.releaseLease(competition.id, SYNC_LEASE, holder).catch((err: unknown) => {
      console.warn(`juri: could not release the ${SYNC_LEASE} lease (${holder}); it expires on its own`, err);
    });
  }
}
