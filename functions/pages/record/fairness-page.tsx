import { type Context, Hono } from 'hono';
import { calibrationStage } from '../../../shared/domain/calibration.ts';
import type { Competition } from '../../../shared/domain/competition.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import type { LifecyclePhase } from '../../../shared/domain/lifecycle.ts';
import { panelOf } from '../../../shared/domain/scoring.ts';
import { FAIRNESS_LABELS } from '../../../shared/messages/fairness-report.ts';
import type { SyncRecord } from '../../../shared/ports.ts';
import type { AppEnv } from '../../compose/services.ts';
import { readLifecycle } from '../../lifecycle/lifecycle.ts';
import { CalibrationSection } from '../console/calibration-section.tsx';
import { ConsoleLayout, consolePath } from '../console/console-layout.tsx';
import { FAIRNESS_PATH, FairnessSection } from '../console/fairness-section.tsx';
import { requireSessionPage } from '../console/session.ts';
import { calibrationPath } from '../juror/calibration-link.ts';
import { absoluteUrl, page } from '../ui/render.tsx';
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
  /** With a calibration round: each juror's private link (juror id → address). */
  calibrationLinks?: ReadonlyMap<string, string>;
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
      {competition.calibration && props.calibrationLinks ? (
        <CalibrationSection
          competition={competition}
          lang={lang}
          sync={props.sync}
          links={props.calibrationLinks}
        />
      ) : null}
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
  const calibrationLinks = competition.calibration ? await jurorLinks(c) : undefined;
  return page(
    c,
    <FairnessPage
      competition={competition}
      lang={c.get('lang')}
      sync={sync}
      innovations={innovations}
      phase={lifecycle.phase}
      stage={c.req.query('tahap')}
      {...(calibrationLinks ? { calibrationLinks } : {})}
    />,
  );
});

/** Each panel juror of the calibration stage → the address of their private calibration page. */
async function jurorLinks(c: Context<AppEnv>): Promise<Map<string, string>> {
  const services = c.get('services');
  const { competition } = services;
  const stage = calibrationStage(competition);
  const panel = stage ? panelOf(competition, stage) : [];
  const links = await Promise.all(
    panel.map(async (j) => [j.id, await calibrationPath(services, competition.id, j.id)] as const),
  );
  return new Map(links.flatMap(([id, path]) => (path ? [[id, absoluteUrl(c, path)] as const] : [])));
}
