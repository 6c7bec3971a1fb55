import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isLang } from '../../../shared/domain/i18n.ts';
import type { AppEnv } from '../../compose/services.ts';

/** A page's HTML response; a language chosen with ?lang= is remembered in a cookie. */
export function page(
  c: Context<AppEnv>,
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
  status: ContentfulStatusCode = 200,
) {
  const asked = c.req.query('lang');
  // The switch link sets ?lang=…; remember it so the next page (and the dashboard's forms) keep it.
  if (isLang(asked)) setCookie(c, 'lang', asked, { path: '/', sameSite: 'Lax', maxAge: 31_536_000 });
  return c.html(html`<!doctype html>${body}`, status);
}

/**
 * This page's public address, for link previews and printouts. Behind a TLS-terminating proxy the app
 * sees http; the forwarded scheme says what the reader used.
 */
export function absoluteUrl(c: Context<AppEnv>, path: string): string {
  const url = new URL(c.req.url);
  const https = url.protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
  return `${https ? 'https' : 'http'}://${url.host}${path}`;
}
