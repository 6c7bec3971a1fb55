import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';

/**
 * A clean stop of a long-running process (`juri serve` on Ctrl+C, a container's SIGTERM). Work that holds
 * a lease hands its promise here and listens to `signal`: the stop aborts it and waits until it has
 * settled, so its lease is released before the store closes instead of blocking every sync until it
 * expires.
 */
export interface Stopping {
  /** Aborted once the process is asked to stop; the reason says so in plain words. */
  readonly signal: AbortSignal;
  /** The stop waits for `work` to settle. */
  waitFor(work: Promise<unknown>): void;
}

export interface StopControl extends Stopping {
  /** Aborts the running work, then resolves once every piece of it has settled. */
  stop(): Promise<void>;
}

export function createStopping(): StopControl {
  const controller = new AbortController();
  const running = new Set<Promise<unknown>>();
  return {
    signal: controller.signal,
    waitFor(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
    },
    async stop() {
      controller.abort(STOPPING());
      await Promise.all(running);
    },
  };
}

export const STOPPING = () => new AppError('sheet_unavailable', bilingual('error.stopping'));
