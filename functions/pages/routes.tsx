import { type Context, Hono } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { isLang } from '../../shared/domain/i18n.ts';
import { isAppError } from '../../shared/errors.ts';
import { publicAnnouncement, versionParam } from '../announce/routes.ts';
import type { AppEnv } from '../compose/services.ts';
import { throttledCheck } from '../http/sign-in-throttle.ts';
import { loadPublishedView } from '../results/published.ts';
import { runSync } from '../scores/sync.ts';
import { catalogued, mountCatalogue } from './catalogue/catalogue.tsx';
import { consolePage, consoleReturn, type DataPageId } from './console/console-render.tsx';
import { LoginPage } from './console/login-page.tsx';
import { resultNotice, resultPagesRoutes } from './console/result-routes.tsx';
import {
  checkAdminToken,
  endSession,
  hasSession,
  requireSession,
  requireSessionPage,
  startSession,
} from './console/session.ts';
import { CALIBRATION_BASE } from './juror/calibration-link.ts';
import { calibrationRoutes } from './juror/calibration-page.tsx';
import { AnnouncementPage, NotFoundPage } from './public/announcement-page.tsx';
import { competitionsPage } from './public/competitions-page.tsx';
import { announcementCard } from './public/og-card.ts';
import { receivePublicResponse, responseLimit } from './public/public-responses.ts';
import { registerRoutes } from './public/register.tsx';
import { BeritaAcaraPage } from './record/berita-acara-page.tsx';
import { entrantFeedbackRoutes } from './record/entrant-feedback-page.tsx';
import { exportRoutes } from './record/export-routes.ts';
import { fairnessPagesRoutes } from './record/fairness-page.tsx';
import { absoluteUrl, page } from './ui/render.tsx';
import { say } from './ui/strings.ts';

/**
 * Server-rendered pages for people: the public announcement and the secretariat's dashboard. Every
 * state-changing request here passes the origin check in app.ts first.
 */
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
/** A person's browser asks for HTML; a program (the API, intake, /admin, curl) keeps the JSON error shape. */
function wantsPage(c: Context<AppEnv>): boolean {
  return !/^\/(api|intake|admin)(\/|$)/.test(c.req.path) && !!c.req.header('accept')?.includes('text/html');
}

/**
 * A page that finds nothing to show (an unknown version, entry or sheet) throws not_found: a person gets
 * the page in their language, with what is missing and a way back, not the JSON a program reads.
 */
pagesRoutes.use('*', async (c, next) => {
  await next();
  const err = c.error;
  if (!isAppError(err) || err.code !== 'not_found' || !wantsPage(c)) return;
  const lang = c.get('lang');
  const org = c.get('services').competition.organizer;
  c.header('cache-control', 'no-store');
  c.res = await page(
    c,
    <NotFoundPage lang={lang} path={c.req.path} org={org} detail={err.messageIn(lang)} />,
    404,
  );
});
pagesRoutes.use('/pengumuman/*', pageHeaders);
pagesRoutes.use('/sekretariat', pageHeaders);
pagesRoutes.use('/sekretariat/*', pageHeaders);
pagesRoutes.route('/sekretariat/ekspor', exportRoutes);
pagesRoutes.route('/sekretariat/umpan-balik', entrantFeedbackRoutes);
pagesRoutes.use('/inovasi/*', pageHeaders);
pagesRoutes.use('/daftar', pageHeaders);
pagesRoutes.use('/', pageHeaders);
pagesRoutes.route('/daftar', registerRoutes);
pagesRoutes.route('/inovasi', mountCatalogue({ page, absoluteUrl }));
pagesRoutes.route(CALIBRATION_BASE, calibrationRoutes);

/** One competition: its announcement; several: the list of them, newest first. */
pagesRoutes.get('/', (c) =>
  c.get('deployment').length > 1
    ? competitionsPage(c)
    : c.redirect(`/pengumuman/${c.get('services').competition.id}`, 302),
);

/** The latest fixed version, an earlier one at its own URL, or (uji publik) the page after a response. */
async function announcementPage(
  c: Context<AppEnv>,
  version?: number,
  notice?: { kind: 'ok' | 'err'; text: string },
) {
  const services = c.get('services');
  const lang = c.get('lang');
  const base = `/pengumuman/${encodeURIComponent(c.req.param('competition') ?? '')}`;
  const path = version === undefined ? base : `${base}/versi/${version}`;
  try {
    const announcement = await publicAnnouncement(services, c.req.param('competition') ?? '', lang, version);
    // Each winner links to its catalogue page, when the catalogue lists it (its agency consented).
    const catalogue =
      announcement.status === 'announced'
        ? {
            path: `/inovasi/${encodeURIComponent(services.competition.id)}`,
            listed: await catalogued(services),
          }
        : undefined;
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
        base={base}
        notice={notice}
        url={absoluteUrl(c, path)}
        nonce={c.get('secureHeadersNonce')}
        catalogue={catalogue}
      />,
    );
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') {
      return page(c, <NotFoundPage lang={lang} path={path} org={services.competition.organizer} />, 404);
    }
    throw err;
  }
}

pagesRoutes.get('/pengumuman/:competition', (c) => announcementPage(c));
pagesRoutes.get('/pengumuman/:competition/versi/:version', (c) =>
  announcementPage(c, versionParam(c.req.param('version'))),
);

/**
 * The link preview's picture (og:image) at a stable address: the latest published version's Top 10,
 * drawn at request time from the published view the page itself shows.
 */
pagesRoutes.get('/pengumuman/:competition/kartu.svg', async (c) => {
  const services = c.get('services');
  const lang = c.get('lang');
  const announcement = await publicAnnouncement(services, c.req.param('competition'), lang);
  c.header('content-type', 'image/svg+xml; charset=utf-8');
  c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  c.header('cache-control', 'public, max-age=60');
  c.header('vary', 'cookie');
  return c.body(announcementCard(services.competition, announcement, lang));
});

/**
 * The public copy of a published version's Berita Acara (signature blocks, no contacts), when the config
 * allows it: only a version the announcement itself shows, so nothing leaves before announceAt.
 */
pagesRoutes.get('/pengumuman/:competition/berita-acara/:version', async (c) => {
  const services = c.get('services');
  const lang = c.get('lang');
  const allowed =
    services.competition.beritaAcara?.public && c.req.param('competition') === services.competition.id;
  const view = allowed ? await loadPublishedView(services, versionParam(c.req.param('version'))) : null;
  if (view?.status !== 'published') {
    return page(c, <NotFoundPage lang={lang} path={c.req.path} org={services.competition.organizer} />, 404);
  }
  c.header('cache-control', 'public, max-age=60');
  c.header('vary', 'cookie');
  return page(c, <BeritaAcaraPage record={view.record} lang={lang} path={c.req.path} publicCopy />);
});

pagesRoutes.post('/pengumuman/:competition/tanggapan', responseLimit, async (c) => {
  const outcome = await receivePublicResponse(c);
  const lang = c.get('lang');
  c.header('cache-control', 'no-store');
  const text = say(lang, outcome === 'ok' ? 'respondThanks' : outcome);
  return announcementPage(c, undefined, { kind: outcome === 'ok' ? 'ok' : 'err', text });
});

pagesRoutes.route('/', resultPagesRoutes);
pagesRoutes.route('/', fairnessPagesRoutes);

pagesRoutes.get('/sekretariat/masuk', async (c) => {
  if (await hasSession(c)) return c.redirect('/sekretariat', 303);
  c.header('cache-control', 'no-store');
  const unset = !c.get('services').secrets.adminToken;
  return page(c, <LoginPage lang={c.get('lang')} {...(unset ? { error: 'unset' as const } : {})} />);
});

pagesRoutes.post('/sekretariat/masuk', async (c) => {
  const form = await c.req.parseBody();
  const token = typeof form.token === 'string' ? form.token : '';
  const lang = c.get('lang');
  c.header('cache-control', 'no-store');
  if (!c.get('services').secrets.adminToken) {
    return page(c, <LoginPage lang={lang} error="unset" />, 401);
  }
  try {
    if (!(await throttledCheck(c, () => checkAdminToken(c, token)))) {
      return page(c, <LoginPage lang={lang} error="failed" />, 401);
    }
  } catch (err) {
    if (!isAppError(err) || err.code !== 'too_many_attempts') throw err;
    c.header('retry-after', String(err.retryAfterSeconds ?? 60));
    return page(c, <LoginPage lang={lang} message={err.messageIn(lang)} />, 429);
  }
  await startSession(c);
  return c.redirect('/sekretariat', 303);
});

pagesRoutes.post('/sekretariat/keluar', async (c) => {
  await endSession(c);
  return c.redirect('/sekretariat/masuk', 303);
});

/**
 * How long the button's sync may spend on the Sheet. The page says it is working while a person waits; a
 * national workbook, or a laptop busy with other work, needs more than a few seconds, and a sync given up
 * early is a failure the secretariat can do nothing about. 20 s stays inside the 30 s most proxies allow.
 */
export const BUTTON_SYNC_BUDGET_MS = 20_000;

/** The console's pages; an action (fixing, a phase move, a late entry) or a sync returns with its outcome. */
const CONSOLE_ROUTES: [string, DataPageId][] = [
  ['/sekretariat', 'ringkasan'],
  ['/sekretariat/seleksi', 'seleksi'],
  ['/sekretariat/penilaian', 'penilaian'],
  ['/sekretariat/hasil', 'hasil'],
  ['/sekretariat/pengaturan', 'pengaturan'],
];
for (const [path, id] of CONSOLE_ROUTES) {
  pagesRoutes.get(path, requireSessionPage(), async (c) => {
    const fromAction = resultNotice(c);
    return consolePage(c, id, fromAction ? { notice: { kind: 'ok', text: fromAction } } : {});
  });
}

/**
 * The one route that reaches Google: the secretariat asked for it. It always answers with a redirect,
 * so a reload never posts again: ?sinkron=written|unchanged, or ?sinkron=gagal (the failed sync's
 * record says why) with &kode=… when it was refused before anything was recorded (busy, no sheet).
 */
pagesRoutes.post('/sekretariat/sinkron', requireSession(), async (c) => {
  const services = c.get('services');
  const back = consoleReturn((await c.req.parseBody()).kembali);
  const before = (await services.stores.syncLog.lastSync())?.id;
  try {
    const record = await runSync(services, {
      trigger: 'manual',
      budgetMs: services.buttonSyncBudgetMs ?? BUTTON_SYNC_BUDGET_MS,
    });
    return c.redirect(`${back}?sinkron=${record.status}`, 303);
  } catch (err) {
    const after = (await services.stores.syncLog.lastSync().catch(() => null))?.id;
    if (after !== undefined && after !== before) return c.redirect(`${back}?sinkron=gagal`, 303);
    if (!isAppError(err)) throw err;
    return c.redirect(`${back}?sinkron=gagal&kode=${encodeURIComponent(err.code)}`, 303);
  }
});

/**
 * An address nobody serves: a person (a browser asks for HTML) gets a page in their language with a way
 * back; a program (the API, intake, /admin, or any client that does not ask for HTML) keeps the one JSON
 * error shape from app.notFound.
 */
pagesRoutes.get('*', pageHeaders, async (c, next) => {
  const path = c.req.path;
  if (!wantsPage(c)) return next();
  c.header('cache-control', 'no-store');
  const org = c.get('services').competition.organizer;
  return page(c, <NotFoundPage lang={c.get('lang')} path={path} org={org} />, 404);
});
