import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isLang } from '../../shared/domain/i18n.ts';
import type { AppEnv } from '../compose/services.ts';
import { DashboardPage, type DashboardProps } from './dashboard-page.tsx';

/** How many score changes the dashboard lists; the Sheet's "Riwayat Nilai" and the export have more. */
const DASHBOARD_CHANGES = 25;

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

/** Reads only the store: a page view never calls Google. */
export async function dashboard(
  c: Context<AppEnv>,
  extra: Pick<DashboardProps, 'notice'>,
  status: ContentfulStatusCode = 200,
) {
  const { competition, store } = c.get('services');
  const [innovations, rejections, sync, versions, fixed, changes, responses] = await Promise.all([
    store.listInnovations(competition.id),
    store.listRejections(competition.id),
    store.lastSync(competition.id),
    store.listVersions(competition.id),
    store.latestVersion(competition.id),
    store.listScoreChanges(competition.id, DASHBOARD_CHANGES),
    store.listPublicResponses(competition.id),
  ]);
  c.header('cache-control', 'no-store');
  return page(
    c,
    <DashboardPage
      competition={competition}
      lang={c.get('lang')}
      innovations={innovations}
      rejections={rejections}
      sync={sync}
      versions={versions}
      fixed={fixed}
      changes={changes}
      responses={responses}
      {...extra}
    />,
    status,
  );
}
