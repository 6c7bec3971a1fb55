import { Hono } from 'hono';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { FAIRNESS_LABELS } from '../../shared/messages/fairness-report.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import type { AppEnv } from '../compose/services.ts';
import { LogoutForm } from './dashboard-page.tsx';
import { FAIRNESS_PATH, FairnessSection } from './fairness-section.tsx';
import { Layout } from './layout.tsx';
import { page } from './render.tsx';
import { requireSessionPage } from './session.ts';
import { sayer } from './strings.ts';
import { DASHBOARD_CSS } from './styles.ts';

/** The secretariat's fairness page: the whole report of the last sync, from the store only. */
export function FairnessPage(props: {
  competition: Competition;
  lang: Lang;
  sync: SyncRecord | null;
  innovations: readonly Innovation[];
}) {
  const { competition, lang } = props;
  const t = FAIRNESS_LABELS[lang];
  return (
    <Layout
      lang={lang}
      title={`${t.pageTitle} — ${competition.id}`}
      org={sayer(lang)('secretariat')}
      css={DASHBOARD_CSS}
      path={FAIRNESS_PATH}
      actions={<LogoutForm t={sayer(lang)} />}
      noindex
    >
      <p class="noprint">
        <a href="/sekretariat#keadilan">{t.back}</a>
      </p>
      <h1>{t.pageTitle}</h1>
      <FairnessSection {...props} />
    </Layout>
  );
}

export const fairnessPagesRoutes = new Hono<AppEnv>();

fairnessPagesRoutes.get(FAIRNESS_PATH, requireSessionPage(), async (c) => {
  const { competition, store } = c.get('services');
  const [innovations, sync] = await Promise.all([
    store.listInnovations(competition.id),
    store.lastSync(competition.id),
  ]);
  c.header('cache-control', 'no-store');
  return page(
    c,
    <FairnessPage competition={competition} lang={c.get('lang')} sync={sync} innovations={innovations} />,
  );
});
