import { type Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isLang } from '../../shared/domain/i18n.ts';
import { isAppError } from '../../shared/errors.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import { publicAnnouncement } from '../announce/routes.ts';
import type { AppEnv } from '../compose/services.ts';
import { runSync } from '../scores/sync.ts';
import { AnnouncementPage, NotFoundPage } from './announcement-page.tsx';
import { mountCatalogue } from './catalogue.tsx';
import { DashboardPage, type DashboardProps } from './dashboard-page.tsx';
import { refusedText } from './dashboard-status.tsx';
import { exportRoutes } from './export-routes.ts';
import { feedbackRoutes } from './feedback.tsx';
import { LoginPage } from './login-page.tsx';
import { registerRoutes } from './register.tsx';
import {
  checkAdminToken,
  endSession,
  hasSession,
  requireSession,
  requireSessionPage,
  sameOrigin,
  startSession,
} from './session.ts';
import { say } from './strings.ts';

/** Server-rendered pages for people: the public announcement and the secretariat's dashboard. */
export const pagesRoutes = new Hono<AppEnv>();

/**
 * Inline styles only, no script but the one a page carries under this response's nonce (progressive
 * enhancement: every page works without it), and no framing (the sync button).
 */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: [NONCE],
    styleSrc: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
});
pagesRoutes.use('/pengumuman/*', pageHeaders);
pagesRoutes.use('/sekretariat', pageHeaders);
pagesRoutes.use('/sekretariat/*', pageHeaders);
pagesRoutes.route('/sekretariat/ekspor', exportRoutes);
pagesRoutes.route('/sekretariat/umpan-balik', feedbackRoutes);
pagesRoutes.use('/inovasi/*', pageHeaders);
pagesRoutes.use('/daftar', pageHeaders);
pagesRoutes.route('/daftar', registerRoutes);

function page(
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

pagesRoutes.route('/inovasi', mountCatalogue({ page, absoluteUrl }));

pagesRoutes.get('/', (c) => c.redirect(`/pengumuman/${c.get('services').competition.id}`, 302));

pagesRoutes.get('/pengumuman/:competition', async (c) => {
  const services = c.get('services');
  const lang = c.get('lang');
  const path = `/pengumuman/${encodeURIComponent(c.req.param('competition'))}`;
  try {
    const announcement = await publicAnnouncement(services, c.req.param('competition'), lang);
    // page() answers ?lang=… with a Set-Cookie, which a shared cache must not hand to others.
    const setsCookie = isLang(c.req.query('lang'));
    c.header('cache-control', `${setsCookie ? 'private' : 'public'}, max-age=60`);
    c.header('vary', 'cookie');
    return page(
      c,
      <AnnouncementPage
        lang={lang}
        competition={services.competition}
        announcement={announcement}
        path={path}
        url={absoluteUrl(c, path)}
        nonce={c.get('secureHeadersNonce')}
      />,
    );
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') {
      return page(c, <NotFoundPage lang={lang} path={path} org={services.competition.organizer} />, 404);
    }
    throw err;
  }
});

pagesRoutes.get('/sekretariat/masuk', async (c) => {
  if (await hasSession(c)) return c.redirect('/sekretariat', 303);
  c.header('cache-control', 'no-store');
  const unset = !c.get('services').secrets.adminToken;
  return page(c, <LoginPage lang={c.get('lang')} {...(unset ? { error: 'unset' as const } : {})} />);
});

pagesRoutes.post('/sekretariat/masuk', sameOrigin(), async (c) => {
  const form = await c.req.parseBody();
  const token = typeof form.token === 'string' ? form.token : '';
  c.header('cache-control', 'no-store');
  if (!c.get('services').secrets.adminToken) {
    return page(c, <LoginPage lang={c.get('lang')} error="unset" />, 401);
  }
  if (!(await checkAdminToken(c, token))) {
    return page(c, <LoginPage lang={c.get('lang')} error="failed" />, 401);
  }
  await startSession(c);
  return c.redirect('/sekretariat', 303);
});

pagesRoutes.post('/sekretariat/keluar', sameOrigin(), (c) => {
  endSession(c);
  return c.redirect('/sekretariat/masuk', 303);
});

/** How long the button's sync may spend on the Sheet: the whole answer stays within 3 s. */
export const BUTTON_SYNC_BUDGET_MS = 2_500;

pagesRoutes.get('/sekretariat', requireSessionPage(), async (c) => dashboard(c));

/**
 * The one route that reaches Google: the secretariat asked for it. It always answers with a redirect,
 * so a reload never posts again: ?sinkron=written|unchanged, or ?sinkron=gagal (the failed sync's
 * record says why) with &kode=… when it was refused before anything was recorded (busy, no sheet).
 */
pagesRoutes.post('/sekretariat/sinkron', sameOrigin(), requireSession(), async (c) => {
  const services = c.get('services');
  const before = (await services.store.lastSync(services.competition.id))?.id;
  try {
    const record = await runSync(services, { trigger: 'manual', budgetMs: BUTTON_SYNC_BUDGET_MS });
    return c.redirect(`/sekretariat?sinkron=${record.status}`, 303);
  } catch (err) {
    const after = (await services.store.lastSync(services.competition.id).catch(() => null))?.id;
    if (after !== undefined && after !== before) return c.redirect('/sekretariat?sinkron=gagal', 303);
    if (!isAppError(err)) throw err;
    return c.redirect(`/sekretariat?sinkron=gagal&kode=${encodeURIComponent(err.code)}`, 303);
  }
});

/** The notice a finished (or refused) sync left in the address. */
function syncNotice(c: Context<AppEnv>, sync: SyncRecord | null): DashboardProps['notice'] {
  const lang = c.get('lang');
  const done = c.req.query('sinkron');
  if (done === 'written' || done === 'unchanged') {
    return { kind: 'ok', text: say(lang, `syncOk_${done}`) };
  }
  if (done !== 'gagal') return undefined;
  const code = c.req.query('kode');
  if (code) return { kind: 'err', text: refusedText(code, lang) };
  const why = sync?.status === 'failed' ? (sync.failure?.text[lang] ?? sync.message ?? '') : '';
  return { kind: 'err', text: `${say(lang, 'syncFailedKeep')} ${why}`.trim() };
}

/** Reads only the store: a page view never calls Google. */
async function dashboard(c: Context<AppEnv>) {
  const { competition, store, clock, sheetLink, localForm } = c.get('services');
  const [innovations, rejections, sync] = await Promise.all([
    store.listInnovations(competition.id),
    store.listRejections(competition.id),
    store.lastSync(competition.id),
  ]);
  c.header('cache-control', 'no-store');
  const asked = c.req.query('kategori');
  const category = competition.categories.some((k) => k.id === asked) ? asked : undefined;
  const notice = syncNotice(c, sync);
  return page(
    c,
    <DashboardPage
      competition={competition}
      lang={c.get('lang')}
      innovations={innovations}
      rejections={rejections}
      sync={sync}
      now={clock.now()}
      links={{ ...(sheetLink ? { sheet: sheetLink } : {}), ...(localForm ? { localForm } : {}) }}
      category={category}
      nonce={c.get('secureHeadersNonce')}
      {...(notice ? { notice } : {})}
    />,
  );
}
