import { Hono } from 'hono';
import type { Competition } from '../../../shared/domain/competition.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import type { LifecyclePhase } from '../../../shared/domain/lifecycle.ts';
import { FAIRNESS_LABELS } from '../../../shared/messages/fairness-report.ts';
import type { SyncRecord } from '../../../shared/ports.ts';
import type { AppEnv } from '../../compose/services.ts';
import { readLifecycle } from '../../lifecycle/lifecycle.ts';
import { ConsoleLayout, consolePath } from '../console/console-layout.tsx';
import { FAIRNESS_PATH, FairnessSection } from '../console/fairness-section.tsx';
import { requireSessionPage } from '../console/session.ts';
import { page } from '../ui/render.tsx';
import { sayer } from '../ui/strings.ts';

/**
 * The console's Keadilan page: the whole fairness report of the last sync, from the store only. Its
 * main action is the step it prepares: fixing the result.
 */
export function FairnessPage(props: {
  competition: Competition;
  lang: Lang;
  sync: SyncRecord | null;
  innovations: readonly Innovation[];
  phase: LifecyclePhase;
  /** ?tahap=: the stage whose report is shown. */
  stage?: string | undefined;
}) {
  const { competition, lang, phase } = props;
  return (
    <ConsoleLayout
      competition={competition}
      lang={lang}
      page="keadilan"
      phase={phase}
      heading={FAIRNESS_LABELS[lang].section}
    >
      <p class="noprint">
        <a class="btn" href={consolePath('hasil')} data-main-action="">
          {sayer(lang)('goResults')}
        </a>
      </p>
      <FairnessSection {...props} />
    </ConsoleLayout>
  );
}

export const fairnessPagesRoutes = new Hono<AppEnv>();

fairnessPagesRoutes.get(FAIRNESS_PATH, requireSessionPage(), async (c) => {
  const services = c.get('services');
  const { competition, stores } = services;
  const [innovations, sync, lifecycle] = await Promise.all([
    stores.innovations.listInnovations(),
    stores.syncLog.lastSync(),
    readLifecycle(services),
  ]);
  c.header('cache-control', 'no-store');
  return page(
    c,
    <FairnessPage
      competition={competition}
      lang={c.get('lang')}
      sync={sync}
      innovations={innovations}
      phase={lifecycle.phase}
      stage={c.req.query('tahap')}
    />,
  );
});
