import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/errors.ts';
import type { AppEnv } from '../compose/services.ts';
import { timingSafeEqualText } from './crypto.ts';

/** A fresh error per request, so one request's stack or cause never shows up in another's. */
const unauthorized = () =>
  new AppError('unauthorized', {
    id: 'Perlu login sekretariat (token admin).',
    en: 'Secretariat login (admin token) required.',
  });

/** Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`. */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const expected = c.get('services').secrets.adminToken;
    const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!expected || !(await timingSafeEqualText(given, expected))) throw unauthorized();
    await next();
  };
}
