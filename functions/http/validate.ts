import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import type { z } from 'zod';
import { zodLocale } from '../../shared/domain/competition.ts';
import type { AppEnv } from '../services.ts';
import { validationError } from './errors.ts';

/** zValidator whose failures share the one error shape, worded in the caller's language. */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const lang = (c as unknown as Context<AppEnv>).get('lang') ?? 'id';
    const localized = schema.safeParse(result.data, { error: zodLocale(lang) });
    throw validationError(localized.error?.issues ?? [], lang);
  });
}
