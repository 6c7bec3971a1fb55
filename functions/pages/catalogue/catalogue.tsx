import { type Context, Hono } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import { publishedEntries, publishedRanks } from '../../../shared/domain/published-view.ts';
import { hasConsent } from '../../../shared/domain/submission.ts';
import { AppError } from '../../../shared/errors.ts';
import { bilingual } from '../../../shared/messages/catalogue/t.ts';
import type { AppEnv, Services } from '../../compose/services.ts';
import { loadPublishedView } from '../../results/published.ts';
import { NotFoundPage } from '../public/announcement-page.tsx';
import { CataloguePage, ClosedPage, EntryPage, type Filters, type Listed } from './catalogue-pages.tsx';

/**
 * The public catalogue (/inovasi/<competition>): after the announcement, every entry whose agency agreed
 * on the Form, searchable and filterable by region, category and start year in the browser (a small
 * script under the CSP nonce) and, without a script, by the same GET form; one page per entry with its
 * summary and links. Never a contact. Entries that failed the administrative selection are left out.
 */

/**
 * What the page may show: the published view's entries only (shared/domain/published-view.ts), as the
 * fixed record names them, whose agency consented. The innovation as stored gives the details the
 * record does not keep (summary links, start year, consent); the record's own fields win, so an edit or
 * a late entry after fixing changes nothing here until a correction is fixed.
 */
async function catalogueOf(
  services: Services,
  competitionId: string,
  lang: Lang,
): Promise<{ open: false } | { open: true; listed: Listed[] }> {
  const { competition, stores } = services;
  if (competitionId !== competition.id) {
    throw new AppError('not_found', bilingual('error.competitionNotFound'));
  }
  const view = await loadPublishedView(services);
  if (view?.status !== 'published') return { open: false };
  const entries = publishedEntries(view.record);
  const ranks = publishedRanks(view.record);
  const names = new Map(competition.categories.map((c) => [c.id, localName(c, lang)]));
  const listed = (await stores.innovations.listInnovations())
    .flatMap((stored) => {
      const fixed = entries.get(stored.id);
      return fixed && hasConsent(stored) ? [{ ...stored, ...fixed }] : [];
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'id'))
    .map((innovation) => ({
      innovation,
      category: names.get(innovation.category) ?? innovation.category,
      year: /^\d{4}/.exec(innovation.details?.startYear ?? '')?.[0] ?? '',
      rank: ranks.get(innovation.id),
    }));
  return { open: true, listed };
}

/** The entries the catalogue may list by consent: every stored one whose agency agreed (the published record decides the rest). */
export async function catalogued(services: Services): Promise<Set<string>> {
  const stored = await services.stores.innovations.listInnovations();
  return new Set(stored.filter(hasConsent).map((i) => i.id));
}

/** The route module needs the pages' own helpers (language cookie, absolute address): they come in. */
export interface CatalogueDeps {
  page(
    c: Context<AppEnv>,
    body: HtmlEscapedString | Promise<HtmlEscapedString>,
    status?: 200 | 404,
  ): Response | Promise<Response>;
  absoluteUrl(c: Context<AppEnv>, path: string): string;
}

function notFound(): never {
  throw new AppError('not_found', bilingual('error.innovationNotFound'));
}

/**
 * GET /inovasi/:competition and /inovasi/:competition/:id. An unknown competition or entry (or one whose
 * agency did not consent) gets the HTML 404 page.
 */
export function mountCatalogue(deps: CatalogueDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.onError((err, c) => {
    if (!(err instanceof AppError && err.code === 'not_found')) throw err;
    const { competition } = c.get('services');
    return deps.page(
      c,
      <NotFoundPage lang={c.get('lang')} path={new URL(c.req.url).pathname} org={competition.organizer} />,
      404,
    );
  });
  routes.get('/:competition', async (c) => {
    const services = c.get('services');
    const lang = c.get('lang');
    const path = `/inovasi/${encodeURIComponent(c.req.param('competition'))}`;
    const url = deps.absoluteUrl(c, path);
    const state = await catalogueOf(services, c.req.param('competition'), lang);
    c.header('cache-control', c.req.query('lang') ? 'private, max-age=60' : 'public, max-age=60');
    c.header('vary', 'cookie');
    if (!state.open) {
      return deps.page(
        c,
        <ClosedPage lang={lang} competition={services.competition} path={path} url={url} />,
      );
    }
    const filters: Filters = {
      q: (c.req.query('q') ?? '').slice(0, 100),
      region: c.req.query('wilayah') ?? '',
      category: c.req.query('kategori') ?? '',
      year: c.req.query('tahun') ?? '',
    };
    return deps.page(
      c,
      <CataloguePage
        lang={lang}
        competition={services.competition}
        listed={state.listed}
        filters={filters}
        path={path}
        url={url}
        nonce={c.get('secureHeadersNonce')}
      />,
    );
  });
  routes.get('/:competition/:id', async (c) => {
    const services = c.get('services');
    const lang = c.get('lang');
    const catalogue = `/inovasi/${encodeURIComponent(c.req.param('competition'))}`;
    const path = `${catalogue}/${encodeURIComponent(c.req.param('id'))}`;
    const state = await catalogueOf(services, c.req.param('competition'), lang);
    if (!state.open) notFound();
    const entry = state.listed.find((l) => l.innovation.id === c.req.param('id')) ?? notFound();
    c.header('cache-control', c.req.query('lang') ? 'private, max-age=60' : 'public, max-age=60');
    c.header('vary', 'cookie');
    return deps.page(
      c,
      <EntryPage
        lang={lang}
        competition={services.competition}
        entry={entry}
        path={path}
        url={deps.absoluteUrl(c, path)}
        catalogue={catalogue}
      />,
    );
  });
  return routes;
}
