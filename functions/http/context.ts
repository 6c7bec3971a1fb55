import type { MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { isLang, LANGS } from '../../shared/domain/i18n.ts';
import type { AppEnv } from '../compose/services.ts';

/**
 * `?lang=en`, then a `lang` cookie; Indonesian otherwise. Never Accept-Language alone: many offices in
 * NTT run browsers set to English, and juri's readers work in Indonesian.
 */
export function language(): MiddlewareHandler<AppEnv> {
  const detect = languageDetector({
    supportedLanguages: [...LANGS],
    fallbackLanguage: 'id',
    order: ['querystring', 'cookie'],
    lookupQueryString: 'lang',
    lookupCookie: 'lang',
    caches: false,
  });
  return (c, next) =>
    detect(c, async () => {
      const detected = c.get('language');
      c.set('lang', isLang(detected) ? detected : 'id');
      await next();
    });
}
