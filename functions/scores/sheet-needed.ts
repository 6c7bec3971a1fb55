import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { type ScoreSheet, SYNC_LEASE } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';

/**
 * How long a lease lasts past its last renewal. Work renews it every RENEW_EVERY_MS while it runs, so
 * the length bounds only how long a process that died (a crash, kill -9, a Worker cut off) keeps others
 * waiting; a local process that died is even taken over at once (infra/local/process-identity.ts).
 */
export const LEASE_MS = 60_000;
/** Three renewals per lease length: one lost to a slow store still leaves two before it could lapse. */
export const RENEW_EVERY_MS = LEASE_MS / 3;
/**
 * A sync's or setup's whole time with Google, every request, retry and Retry-After wait included; past
 * it the work stops. The lease is renewed meanwhile, so this is a patience, not a bound set by the lease.
 */
export const SHEET_WORK_BUDGET_MS = 8 * 60_000;

export function sheetOf(services: Services): ScoreSheet {
  if (services.sheet) return services.sheet;
  throw new AppError('sheet_unavailable', bilingual('error.sheetUnset'));
}

export const BUSY = () => new AppError('busy', bilingual('error.syncBusy'));

/**
 * Runs `work` while holding the sheet lease, so syncs and setups never interleave their writes. The
 * signal handed to `work` aborts after `budgetMs` (tests shorten it), when the lease was lost to another
 * holder, or when the process is asked to stop (`services.stopping`): pass it to every sheet call.
 * `deferred` (Leases.acquireLease): the take may be written with the work's last save; `work` must then
 * call `confirm` before it writes anything but that save (it throws AppError('busy') when overtaken).
 */
export async function withSheetLease<T>(
  services: Services,
  who: string,
  work: (signal: AbortSignal, confirm: () => Promise<void>) => Promise<T>,
  budgetMs = SHEET_WORK_BUDGET_MS,
  options: { deferred?: boolean } = {},
): Promise<T> {
  const { stores, clock, stopping } = services;
  if (stopping?.signal.aborted) throw stopping.signal.reason;
  const holder = `${who}-${crypto.randomUUID()}`;
  const now = clock.now();
  const until = new Date(now.getTime() + LEASE_MS);
  if (!(await stores.leases.acquireLease(SYNC_LEASE, holder, now, until, options))) throw BUSY();
  const confirm = async () => stores.leases.confirmLease?.(SYNC_LEASE, holder);
  const ended = new AbortController();
  const timer = setTimeout(() => ended.abort(outOfTime(budgetMs)), budgetMs);
  const endRenewals = renewWhileRunning(services, holder, (reason) => ended.abort(reason));
  const running = (async () => {
    try {
      return await work(stopping ? AbortSignal.any([ended.signal, stopping.signal]) : ended.signal, confirm);
    } finally {
      clearTimeout(timer);
      // A renewal still on its way would take the lease again after the release.
      await endRenewals();
      // The work is done (or has failed on its own); a lost release only delays the next sync until
      // the lease expires, so it must not turn a published sync into an error.
      await stores.leases.releaseLease(SYNC_LEASE, holder).catch((err: unknown) => {
        console.warn(t(services.lang, 'sheet.leaseReleaseFailed', { lease: SYNC_LEASE, holder }), err);
      });
    }
  })();
  stopping?.waitFor(running);
  return running;
}

/**
 * Extends the lease every RENEW_EVERY_MS until the returned function is called (it resolves once no
 * renewal is in flight). A renewal the store refuses means another holder took the lease (this process
 * stalled past its expiry): `lost` stops the work before it writes over theirs. A renewal that fails
 * is tried again at the next tick, while the lease still runs.
 */
function renewWhileRunning(services: Services, holder: string, lost: (reason: AppError) => void) {
  const { stores, clock } = services;
  let renewing: Promise<void> = Promise.resolve();
  const interval = setInterval(() => {
    renewing = renewing.then(async () => {
      const now = clock.now();
      const until = new Date(now.getTime() + LEASE_MS);
      try {
        if (!(await stores.leases.acquireLease(SYNC_LEASE, holder, now, until))) lost(LEASE_LOST());
      } catch (err) {
        console.warn(t(services.lang, 'sheet.leaseRenewFailed', { lease: SYNC_LEASE, holder }), err);
      }
    });
  }, RENEW_EVERY_MS);
  return async () => {
    clearInterval(interval);
    await renewing;
  };
}

const LEASE_LOST = () => new AppError('busy', bilingual('error.leaseLost'));

function outOfTime(budgetMs: number): AppError {
  // A person at the dashboard is given seconds; the cron, minutes.
  if (budgetMs < 60_000) {
    const seconds = Math.max(1, Math.round(budgetMs / 1000));
    return new AppError('sheet_unavailable', bilingual('sheet.timeoutSeconds', { seconds }));
  }
  const minutes = Math.max(1, Math.round(budgetMs / 60_000));
  return new AppError('sheet_unavailable', bilingual('sheet.timeoutMinutes', { minutes }));
}
