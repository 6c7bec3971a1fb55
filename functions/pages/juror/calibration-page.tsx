import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { type CalibrationSummary, calibrationStage } from '../../../shared/domain/calibration.ts';
import type { Competition, Stage } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  CALIBRATION_WORDS,
  calibrationHow,
  calibrationSentences,
  signedPoints,
} from '../../../shared/messages/calibration.ts';
import { bilingual } from '../../../shared/messages/catalogue/t.ts';
import { formatScore } from '../../../shared/messages/numbers.ts';
import type { AppEnv } from '../../compose/services.ts';
import { Layout } from '../ui/layout.tsx';
import { page } from '../ui/render.tsx';
import { CALIBRATION_BASE, isCalibrationToken } from './calibration-link.ts';

/**
 * A juror's private calibration summary: one screen, reachable only through their own link
 * (calibration-link.ts). It shows the juror's own totals and the panel's medians, never another
 * juror's scores or name.
 */
export function CalibrationSummaryView(props: {
  summary: CalibrationSummary;
  stage: Stage | undefined;
  samples: Competition['calibration'];
  lang: Lang;
}) {
  const { summary, stage, lang } = props;
  const w = CALIBRATION_WORDS[lang];
  const titles = new Map(props.samples?.entries.map((e) => [e.id, e.title]) ?? []);
  const criterionName = (id: string) => {
    const c = stage?.criteria.find((x) => x.id === id);
    return c ? localName(c, lang) : id;
  };
  const score = (v: number | null) => (v === null ? w.none : formatScore(v, lang, 1));
  return (
    <>
      {calibrationSentences(summary, lang).map((line) => (
        <p>{line}</p>
      ))}
      {summary.scored > 0 ? (
        <>
          <div class="scroll">
            <table>
              <caption>{w.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.sample}</th>
                  <th scope="col" class="n">
                    {w.yours}
                  </th>
                  <th scope="col" class="n">
                    {w.median}
                  </th>
                  <th scope="col" class="n">
                    {w.gap}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.samples.map((s) => (
                  <tr>
                    <th scope="row">
                      <bdi>{titles.get(s.id) ?? s.id}</bdi> <small>({s.id})</small>
                    </th>
                    <td class="n">{score(s.total)}</td>
                    <td class="n">{score(s.median)}</td>
                    <td class="n">
                      {s.total === null || s.median === null
                        ? w.none
                        : signedPoints(s.total - s.median, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {summary.criteria.length > 0 ? (
            <table>
              <caption>{w.criteria}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.criterion}</th>
                  <th scope="col" class="n">
                    {w.difference}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.criteria.map((c) => (
                  <tr>
                    <th scope="row">{criterionName(c.criterion)}</th>
                    <td class="n">{signedPoints(c.difference, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{w.noCriteria}</p>
          )}
        </>
      ) : null}
    </>
  );
}

export const calibrationRoutes = new Hono<AppEnv>();

// The token is in the address: never sent on as a referrer, never cached, never indexed.
calibrationRoutes.use(
  '*',
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'unsafe-inline'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
  }),
);

calibrationRoutes.get('/:competition/:juror/:token', async (c) => {
  const services = c.get('services');
  const { competition, stores } = services;
  const { competition: cid, juror: jid, token } = c.req.param();
  c.header('cache-control', 'no-store');
  // The token is checked whatever the ids say, so a wrong id and a wrong token look the same.
  const valid = await isCalibrationToken(services, cid, jid, token);
  const juror = competition.jurors.find((j) => j.id === jid);
  if (!valid || cid !== competition.id || !juror || !competition.calibration) {
    throw new AppError('not_found', bilingual('error.calibrationLinkUnknown'));
  }
  const lang = c.get('lang');
  const w = CALIBRATION_WORDS[lang];
  const stage = calibrationStage(competition);
  const report = (await stores.syncLog.lastSync())?.calibration;
  const summary = report?.jurors.find((j) => j.juror === juror.id);
  const path = `${CALIBRATION_BASE}/${encodeURIComponent(cid)}/${encodeURIComponent(jid)}/${token}`;
  return page(
    c,
    <Layout
      lang={lang}
      title={`${w.title} — ${juror.name}`}
      org={competition.name}
      css=""
      path={path}
      noindex
    >
      <h1>
        {w.title} — <bdi>{juror.name}</bdi>
      </h1>
      <p class="muted">{w.private}</p>
      <p>{calibrationHow(stage, lang)}</p>
      {summary ? (
        <CalibrationSummaryView
          summary={summary}
          stage={stage}
          samples={competition.calibration}
          lang={lang}
        />
      ) : (
        <p>{w.notYet}</p>
      )}
    </Layout>,
  );
});
