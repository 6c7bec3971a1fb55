import pRetry from 'p-retry';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';

export interface SheetsRetryOptions {
  /** Retries after the first attempt (default 5). */
  retries?: number;
  /** First backoff delay (default 500 ms); doubles each time, with jitter. */
  minTimeoutMs?: number;
  /** Longest backoff delay (default 20 s). */
  maxTimeoutMs?: number;
  /** Longest wait a Retry-After header may ask for (default 60 s). */
  maxRetryAfterMs?: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** What gaxios' errors look like, without importing gaxios (it is not our direct dependency). */
interface HttpishError {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
}

/**
 * The one retry layer for Sheets calls (gaxios' own retry is off): exponential backoff with jitter,
 * waiting at least as long as a Retry-After header asks, for 429, 5xx and dropped connections.
 * `signal` ends it all, a wait or a request in flight included: a sync's whole time with Google is
 * bounded by its caller (below the sync lease), however many calls and retries it makes. The abort
 * reason is what the caller sees, so it can say in plain words why the work stopped.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: SheetsRetryOptions,
  wait: (ms: number, signal?: AbortSignal) => Promise<void>,
  signal?: AbortSignal,
): Promise<T> {
  const retries = options.retries ?? 5;
  try {
    return await pRetry(attempt, {
      retries,
      factor: 2,
      minTimeout: options.minTimeoutMs ?? 500,
      maxTimeout: options.maxTimeoutMs ?? 20_000,
      randomize: true,
      ...(signal ? { signal } : {}),
      shouldRetry: async ({ error }) => {
        if (signal?.aborted || !isRetryable(error)) return false;
        const asked = retryAfterMs(error);
        if (asked > 0) await wait(Math.min(asked, options.maxRetryAfterMs ?? 60_000), signal);
        return true;
      },
    });
  } catch (e) {
    if (signal?.aborted) {
      const reason = signal.reason instanceof AppError ? signal.reason : toAppError(signal.reason, 1);
      // Cut short while Google was failing: the person gets the plain reason, the details line what
      // Google said last.
      const status = statusOf(e);
      throw status === undefined
        ? reason
        : new AppError(reason.code, reason.text, { cause: e, detail: `HTTP ${status}: ${googleMessage(e)}` });
    }
    throw toAppError(e, retries + 1);
  }
}

/** setTimeout as a promise that an abort ends early (with the abort's reason). */
export function abortableWait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function statusOf(e: unknown): number | undefined {
  const err = e as HttpishError;
  const s = err?.status ?? err?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * The local Sheets server's reasons for a workbook it cannot use (open in LibreOffice, missing,
 * unreadable): a person has to act, so waiting through a backoff only delays the message.
 */
const NEEDS_A_PERSON = new Set([
  'WORKBOOK_LOCKED',
  'WORKBOOK_MISSING',
  'WORKBOOK_UNREADABLE',
  'WORKBOOK_UNWRITABLE',
  'WORKBOOK_READ_ONLY',
]);

interface ErrorInfoLike {
  reason?: string;
  metadata?: Record<string, string>;
}

/** The google.rpc.ErrorInfo in an error answer, when there is one. */
export function errorInfoOf(e: unknown): ErrorInfoLike | undefined {
  const data = bodyOf(e) as { error?: { details?: unknown } } | undefined;
  const details = data?.error?.details;
  if (!Array.isArray(details)) return undefined;
  return details.find(
    (d): d is ErrorInfoLike => typeof d === 'object' && d !== null && typeof d.reason === 'string',
  );
}

function isRetryable(e: unknown): boolean {
  if (NEEDS_A_PERSON.has(errorInfoOf(e)?.reason ?? '')) return false;
  const status = statusOf(e);
  // No HTTP status: the connection dropped or timed out before an answer came.
  return status === undefined ? true : RETRYABLE_STATUS.has(status);
}

function retryAfterMs(e: unknown): number {
  const headers = (e as HttpishError)?.response?.headers;
  let value: unknown;
  if (headers && typeof (headers as Headers).get === 'function')
    value = (headers as Headers).get('retry-after');
  else if (headers && typeof headers === 'object')
    value = (headers as Record<string, unknown>)['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : 0;
}

/** Google's own words for the failure, from its error body when there is one. */
export function googleMessage(e: unknown): string {
  const data = bodyOf(e) as { error?: { message?: string } } | undefined;
  return data?.error?.message ?? (e as HttpishError)?.message ?? String(e);
}

/**
 * One sentence in each language, ending with what to do next; Google's (English) words go to `detail`,
 * which the dashboard shows on a separate details line.
 */
export function toAppError(e: unknown, attempts: number, outOfTime = false): AppError {
  if (e instanceof AppError) return e;
  const status = statusOf(e);
  const detail = googleMessage(e);
  const options = { cause: e, ...(detail ? { detail: status ? `HTTP ${status}: ${detail}` : detail } : {}) };
  const info = errorInfoOf(e);
  const workbook = info?.metadata?.file ?? '';
  switch (info?.reason) {
    case 'WORKBOOK_LOCKED':
      return new AppError(
        'sheet_unavailable',
        bilingual('adapter.workbookOpenElsewhere', { workbook }),
        options,
      );
    case 'WORKBOOK_MISSING':
      return new AppError('sheet_unavailable', bilingual('adapter.workbookNotFound', { workbook }), options);
    case 'WORKBOOK_UNWRITABLE': {
      // The change is kept in memory and written by the next attempt: nothing is lost, but nothing is saved.
      const folder = info.metadata?.folder ?? '';
      const why = info.metadata?.why ?? '';
      return new AppError(
        'sheet_unavailable',
        bilingual('adapter.workbookNotSaved', { workbook, why, folder }),
        options,
      );
    }
    case 'WORKBOOK_READ_ONLY':
      return new AppError('sheet_unavailable', bilingual('adapter.workbookReadOnly', { workbook }), options);
    case 'WORKBOOK_UNREADABLE':
      return new AppError('sheet_unavailable', bilingual('adapter.workbookUnusable', { workbook }), options);
  }
  if (status === 429) {
    return new AppError('quota_exhausted', bilingual('adapter.sheetsQuotaExhausted', { attempts }), options);
  }
  if (status === 400 && /Unable to parse range|No grid with id/i.test(detail ?? '')) {
    return new AppError('sheet_unavailable', bilingual('error.tabMissing'), options);
  }
  if (outOfTime || status === undefined || status >= 500) {
    return new AppError('sheet_unavailable', bilingual('error.sheetUnavailable'), options);
  }
  return new AppError('sheet_unavailable', bilingual('adapter.sheetRefused', { status }), options);
}

/** Google's error body: parsed by gaxios, or still text when the request asked for text (a batchGet). */
function bodyOf(e: unknown): unknown {
  const data = (e as HttpishError)?.response?.data;
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}
