const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** An answer in Google's error shape: {error:{code,message,status}}. */
export class SheetsApiError extends Error {
  readonly code: number;
  readonly headers: Record<string, string>;

  constructor(code: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'SheetsApiError';
    this.code = code;
    this.headers = headers;
  }

  body(): { error: { code: number; message: string; status: string } } {
    return { error: { code: this.code, message: this.message, status: STATUS[this.code] ?? 'UNKNOWN' } };
  }
}

export function invalid(message: string): SheetsApiError {
  return new SheetsApiError(400, message);
}
