import { type Context, Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isLang } from '../../shared/domain/i18n.ts';
import { isAppError } from '../../shared/errors.ts';
import { publicAnnouncement, versionParam } from '../announce/routes.ts';
import type { AppEnv } from '../compose/services.ts';
import { runSync } from '../scores/sync.ts';
import { AnnouncementPage, NotFoundPage } from './announcement-page.tsx';
import { fairnessPagesRoutes } from './fairness-page.tsx';
import { LoginPage } from './login-page.tsx';
import { receivePublicResponse, responseLimit } from './public-responses.ts';
import { dashboard, page } from './render.tsx';
import { resultNotice, resultPagesRoutes } from './result-routes.tsx';
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

/** No script runs on these pages, inline styles only, and they may not be framed (the sync button). */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
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

pagesRoutes.get('/', (c) => c.redirect(`/pengumuman/${c.get('services').competition.id}`, 302));

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

pagesRoutes.post('/pengumuman/:competition/tanggapan', responseLimit, sameOrigin(), async (c) => {
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

pagesRoutes.get('/sekretariat', requireSessionPage(), async (c) => {
  const lang = c.get('lang');
  const done = c.req.query('sinkron');
  // Only a finished sync redirects here; a refused or failed one renders its reason directly.
  const fromAction = resultNotice(c);
  const notice =
    done === 'written' || done === 'unchanged'
      ? { kind: 'ok' as const, text: say(lang, 'syncDone', { status: say(lang, `status_${done}`) }) }
      : fromAction
        ? { kind: 'ok' as const, text: fromAction }
        : undefined;
  return dashboard(c, notice ? { notice } : {});
});

/**
 * The one route that reaches Google: the secretariat asked for it. Success redirects (so a reload does
 * not sync again); an expected failure (busy, quota, no sheet) shows the dashboard with the reason.
 */
pagesRoutes.post('/sekretariat/sinkron', sameOrigin(), requireSession(), async (c) => {
  try {
    const record = await runSync(c.get('services'), { trigger: 'manual' });
    return c.redirect(`/sekretariat?sinkron=${record.status}`, 303);
  } catch (err) {
    if (!isAppError(err)) throw err;
    const text = say(c.get('lang'), 'syncFailed', { message: err.messageIn(c.get('lang')) });
    return dashboard(c, { notice: { kind: 'err', text } }, err.status);
  }
});
