import type { MiddlewareHandler } from 'hono';
import { isLang, type Lang } from '../../shared/domain/i18n.ts';
import type { AppEnv, Services } from '../compose/services.ts';

/** `?lang=en`, then a `lang` cookie, then Accept-Language; Indonesian otherwise. */
export function language(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const asked = c.req.query('lang') ?? readCookie(c.req.header('cookie'), 'lang');
    const accept = c.req.header('accept-language')?.toLowerCase() ?? '';
    const lang: Lang = isLang(asked) ? asked : accept.startsWith('en') ? 'en' : 'id';
    c.set('lang', lang);
    await next();
  };
}

/** The composition middleware: builds (or reuses) the services for this request. */
export function services(resolve: (env: unknown) => Services | Promise<Services>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('services', await resolve(c.env));
    await next();
  };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeCookieValue(v.join('='));
  }
  return undefined;
}

/** A malformed value (e.g. `lang=%`) counts as no cookie: a stray byte must not fail every request. */
function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
