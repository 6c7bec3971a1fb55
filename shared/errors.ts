import type { Bilingual, Lang } from './domain/i18n.ts';
import { bilingual } from './messages/catalogue/t.ts';

/** Every error a caller can see has one of these codes, and one HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  busy: 409,
  /** The competition is over (announced, and a newer one runs): it stays public, and takes no more writes. */
  competition_closed: 409,
  payload_too_large: 413,
  validation_failed: 422,
  quota_exhausted: 429,
  too_many_attempts: 429,
  internal: 500,
  storage_unavailable: 503,
  sheet_unavailable: 503,
  upstream_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
}

/** A failure we expected and can explain to a person, in Indonesian first. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: Bilingual;
  readonly fields: FieldIssue[] | undefined;
  /** Seconds the caller should wait before trying again (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;
  /** Technical detail for a details line (an upstream's own words), kept out of the sentence a person reads. */
  readonly detail: string | undefined;

  constructor(
    code: ErrorCode,
    text: Bilingual,
    options: { cause?: unknown; fields?: FieldIssue[]; retryAfterSeconds?: number; detail?: string } = {},
  ) {
    super(text.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.detail = options.detail;
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

/** The store (Firestore or the local SQLite file) cannot answer right now; the caller may retry. */
export function storageUnavailable(cause: unknown): AppError {
  return new AppError('storage_unavailable', bilingual('error.storageUnavailable'), { cause });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
