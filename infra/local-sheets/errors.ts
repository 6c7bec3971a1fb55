const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  409: 'ABORTED',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Google's machine-readable reason (google.rpc.ErrorInfo), so a client can tell failures apart without parsing text. */
export interface ErrorInfo {
  reason: string;
  metadata: Record<string, string>;
}

export const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';
/** The ErrorInfo domain of the local server's own reasons (the workbook file). */
export const LOCAL_DOMAIN = 'juri.local-sheets';

/** An answer in Google's error shape: {error:{code,message,status,details?}}. */
export class SheetsApiError extends Error {
  readonly code: number;
  readonly headers: Record<string, string>;
  readonly info: ErrorInfo | undefined;

  constructor(code: number, message: string, headers: Record<string, string> = {}, info?: ErrorInfo) {
    super(message);
    this.name = 'SheetsApiError';
    this.code = code;
    this.headers = headers;
    this.info = info;
  }

  body(): {
    error: { code: number; message: string; status: string; details?: Record<string, unknown>[] };
  } {
    return {
      error: {
        code: this.code,
        message: this.message,
        status: STATUS[this.code] ?? 'UNKNOWN',
        ...(this.info ? { details: [{ '@type': ERROR_INFO_TYPE, domain: LOCAL_DOMAIN, ...this.info }] } : {}),
      },
    };
  }
}

export function invalid(message: string): SheetsApiError {
  return new SheetsApiError(400, message);
}
