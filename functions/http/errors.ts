import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Lang } from '../../shared/domain/i18n.ts';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { AppEnv } from '../compose/services.ts';

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; fields?: FieldIssue[] };
}

/** The one JSON shape of every error juri answers with. */
export function errorResponse(c: Context<AppEnv>, err: unknown) {
  const lang: Lang = c.get('lang') ?? 'id';
  const requestId = c.get('requestId') ?? 'unknown';
  const appError = toAppError(err);
  if (appError.code === 'internal') console.error(`[${requestId}]`, err);
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.messageIn(lang),
      requestId,
      ...(appError.fields ? { fields: appError.fields } : {}),
    },
  };
  if (appError.retryAfterSeconds !== undefined) c.header('retry-after', String(appError.retryAfterSeconds));
  return c.json(body, appError.status);
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    // hono/bearer-auth guards /admin: the only 401 that is not already an AppError.
    if (err.status === 401)
      return new AppError('unauthorized', bilingual('error.loginRequired'), { cause: err });
    if (err.status === 404) return new AppError('not_found', bilingual('error.notFound'), { cause: err });
    return new AppError('bad_request', bilingual('error.badRequest'), { cause: err });
  }
  return new AppError('internal', bilingual('error.internal'), { cause: err });
}
