import type { Child } from 'hono/jsx';
import type { Lang } from '../../../shared/domain/i18n.ts';
import { say } from './strings.ts';
import { BASE_CSS } from './styles.ts';

export interface LayoutProps {
  lang: Lang;
  title: string;
  /** Shown above the title in the top bar (the organiser, or "Sekretariat"). */
  org: string;
  /** Page-specific CSS appended to the base. */
  css: string;
  /** Path of this page, for the language switch link. */
  path: string;
  /** Extra controls in the top bar (e.g. the sign-out form). */
  actions?: Child;
  /** Robots should not index the dashboard or error pages. */
  noindex?: boolean;
  /** More of the head: description and link-preview (og:) tags. */
  head?: Child;
  /** A small inline script allowed by the page's CSP nonce (progressive enhancement only). */
  script?: { nonce: string; code: string } | undefined;
  children?: Child;
}

/** The HTML shell of every page: no external resource; at most one inline script, under a CSP nonce. */
export function Layout(props: LayoutProps) {
  const other: Lang = props.lang === 'id' ? 'en' : 'id';
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <title>{props.title}</title>
        {props.head ?? null}
        <style dangerouslySetInnerHTML={{ __html: BASE_CSS + props.css }} />
      </head>
      <body>
        <a class="skip" href="#isi">
          {say(props.lang, 'skip')}
        </a>
        <header class="top">
          <div class="bar">
            <p class="org">{props.org}</p>
            <nav class="lang noprint" aria-label={say(props.lang, 'switchLangLabel')}>
              <a href={`${props.path}?lang=${other}`} hreflang={other} lang={other}>
                {say(props.lang, 'switchLang')}
              </a>
            </nav>
            {props.actions ?? null}
          </div>
        </header>
        <main id="isi" tabindex={-1}>
          {props.children}
        </main>
        {props.script ? (
          <script nonce={props.script.nonce} dangerouslySetInnerHTML={{ __html: props.script.code }} />
        ) : null}
      </body>
    </html>
  );
}
