import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Competition } from '../../../shared/domain/competition.ts';
import { type CriterionMeans, type FeedbackStage, feedbackFor } from '../../../shared/domain/feedback.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import { publishedCriterionMeans, publishedEntries } from '../../../shared/domain/published-view.ts';
import type { ResultRecord } from '../../../shared/domain/record.ts';
import { AppError } from '../../../shared/errors.ts';
import { bilingual } from '../../../shared/messages/catalogue/t.ts';
import { formatLocalMoment } from '../../../shared/messages/moments.ts';
import { formatNumber, formatScore, scoreText } from '../../../shared/messages/numbers.ts';
import type { AppEnv } from '../../compose/services.ts';
import { loadPublishedView } from '../../results/published.ts';
import { requireSessionPage } from '../console/session.ts';
import { Layout } from '../ui/layout.tsx';
import { STACK_CSS, stackLabels } from '../ui/stack-table.ts';
import { say, sayer } from '../ui/strings.ts';
import { DASHBOARD_CSS } from '../ui/styles.ts';

/**
 * Feedback to entrants (config `feedback: true`): after the announcement, the secretariat opens one
 * printable page per entry (behind the session) to send to the agency: its scores per criterion against
 * the stage's median. No juror names, no contacts.
 */
export const entrantFeedbackRoutes = new Hono<AppEnv>();
entrantFeedbackRoutes.use('*', requireSessionPage());

const FEEDBACK_CSS = `
.fb h1{font-size:1.35rem}
.fb .who{color:#4a5560;margin:0 0 .75rem}
.fb h2{font-size:1.1rem;margin:1rem 0 .35rem}
.fb table{margin:0 0 .5rem}
.fb td.n,.fb th.n{text-align:right}
.fb .up{color:#14602a}.fb .down{color:#8c1d13}
.fbi{columns:2 18rem;padding-left:1.25rem}
@media print{@page{size:A4;margin:12mm}.fb{font-size:10pt}.fb h2{margin-top:4mm}}
`;

function notFound(): never {
  throw new AppError('not_found', bilingual('error.noSuchFeedbackSheet'));
}

/**
 * Feedback exists only when the config asks for it, and only once the result is public: drawn from the
 * published record (its typed cells and rankings), never from a later sync.
 */
async function readiness(
  c: Context<AppEnv>,
): Promise<{ ready: false } | { ready: true; record: ResultRecord; means: CriterionMeans }> {
  const services = c.get('services');
  if (!services.competition.feedback) notFound();
  const view = await loadPublishedView(services);
  if (view?.status !== 'published') return { ready: false };
  return { ready: true, record: view.record, means: publishedCriterionMeans(view.record) };
}

function page(c: Context<AppEnv>, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  c.header('cache-control', 'no-store');
  return c.html(html`<!doctype html>${body}`);
}

function Shell(props: {
  lang: Lang;
  competition: Competition;
  title: string;
  path: string;
  children: unknown;
}) {
  const t = sayer(props.lang);
  return (
    <Layout
      lang={props.lang}
      title={props.title}
      org={props.competition.organizer}
      css={DASHBOARD_CSS + STACK_CSS + FEEDBACK_CSS + feedbackCss(props.lang)}
      path={props.path}
      noindex
    >
      <p class="noprint">
        <a href="/sekretariat">← {t('dashboard')}</a>
      </p>
      {props.children as HtmlEscapedString}
    </Layout>
  );
}

function feedbackCss(lang: Lang): string {
  const t = sayer(lang);
  return stackLabels('t-fb', [null, t('weightCol'), t('thisEntry'), t('stageMedian'), t('comparison')]);
}

entrantFeedbackRoutes.get('/', async (c) => {
  const { competition } = c.get('services');
  const lang = c.get('lang');
  const t = sayer(lang);
  const state = await readiness(c);
  if (!state.ready) {
    const when = formatLocalMoment(competition.announceAt, competition.timezone, lang);
    return page(
      c,
      <Shell lang={lang} competition={competition} title={t('feedback')} path="/sekretariat/umpan-balik">
        <h1>{t('feedback')}</h1>
        <p>{t('feedbackLater', { when })}</p>
      </Shell>,
    );
  }
  const innovations = publishedEntries(state.record);
  const ranked = state.record.result.stages[0]?.ranking ?? [];
  return page(
    c,
    <Shell lang={lang} competition={competition} title={t('feedback')} path="/sekretariat/umpan-balik">
      <h1>{t('feedback')}</h1>
      <p class="muted">{t('feedbackIndexIntro')}</p>
      <ol class="fbi">
        {[...ranked]
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((e) => (
            <li>
              <a href={`/sekretariat/umpan-balik/${encodeURIComponent(e.id)}`}>
                <bdi>{innovations.get(e.id)?.title ?? e.id}</bdi>
              </a>{' '}
              <small>{e.id}</small>
            </li>
          ))}
      </ol>
    </Shell>,
  );
});

function Comparison({ mean, median, lang }: { mean: number | null; median: number | null; lang: Lang }) {
  const t = sayer(lang);
  if (mean === null || median === null) return <>{t('notScored')}</>;
  const d = mean - median;
  if (Math.abs(d) < 0.005) return <>{t('equal')}</>;
  return (
    <span class={d > 0 ? 'up' : 'down'}>
      {d > 0 ? '▲' : '▼'} {t(d > 0 ? 'above' : 'below')} ({formatScore(Math.abs(d), lang)})
    </span>
  );
}

function StageBlock(props: { competition: Competition; block: FeedbackStage; lang: Lang }) {
  const { competition, block, lang } = props;
  const t = sayer(lang);
  const stage = competition.stages.find((s) => s.id === block.stage);
  if (!stage) return null;
  const score = (v: number | null) => (v === null ? '–' : formatScore(v, lang));
  return (
    <section>
      <h2>{localName(stage, lang)}</h2>
      <p>{t('feedbackStageScore', { score: scoreText(block, lang), median: score(block.median) })}</p>
      <table class="stk t-fb">
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            <th scope="col" class="n">
              {t('weightCol')}
            </th>
            <th scope="col" class="n">
              {t('thisEntry')}
            </th>
            <th scope="col" class="n">
              {t('stageMedian')}
            </th>
            <th scope="col">{t('comparison')}</th>
          </tr>
        </thead>
        <tbody>
          {block.criteria.map((row) => {
            const criterion = stage.criteria.find((c) => c.id === row.criterion);
            const scale = criterion
              ? ` (${formatNumber(criterion.min, lang)}–${formatNumber(criterion.max, lang)})`
              : '';
            return (
              <tr>
                <td>
                  <b>{criterion ? localName(criterion, lang) : row.criterion}</b>
                  <small>{scale}</small>
                </td>
                <td class="n">{criterion ? formatNumber(criterion.weight, lang) : ''}</td>
                <td class="n">{score(row.mean)}</td>
                <td class="n">{score(row.median)}</td>
                <td>
                  <Comparison mean={row.mean} median={row.median} lang={lang} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function EntrantFeedbackSheet(props: {
  competition: Competition;
  lang: Lang;
  innovation: Innovation;
  stages: readonly FeedbackStage[];
  finalRank: { rank: number; of: number } | null;
  /** What the jurors wrote about this entry in their tabs' remarks column; never who wrote it. */
  remarks?: readonly { stage: string; text: string }[];
}) {
  const { competition, lang, innovation } = props;
  const t = sayer(lang);
  const category = competition.categories.find((c) => c.id === innovation.category);
  return (
    <Shell
      lang={lang}
      competition={competition}
      title={`${t('feedbackTitle')} — ${innovation.title}`}
      path={`/sekretariat/umpan-balik/${encodeURIComponent(innovation.id)}`}
    >
      <article class="fb">
        <p class="who">{localName(competition, lang)}</p>
        <h1>
          {t('feedbackTitle')}: <bdi>{innovation.title}</bdi>
        </h1>
        <p class="who">
          {innovation.id} · <bdi>{innovation.agency}</bdi> · {innovation.region} ·{' '}
          {t('categoryTag', { category: category ? localName(category, lang) : innovation.category })}
        </p>
        <p>{t('feedbackIntro')}</p>
        {props.finalRank ? (
          <p>{t('finalPlace', { rank: props.finalRank.rank, n: props.finalRank.of })}</p>
        ) : null}
        {props.stages.map((block) => (
          <StageBlock competition={competition} block={block} lang={lang} />
        ))}
        {props.remarks && props.remarks.length > 0 ? (
          <section>
            <h2>{say(lang, 'feedbackRemarksTitle')}</h2>
            <ul>
              {props.remarks.map((r) => {
                const stage = competition.stages.find((s) => s.id === r.stage);
                return (
                  <li>
                    {stage ? localName(stage, lang) : r.stage}: <bdi>{r.text}</bdi>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
      </article>
    </Shell>
  );
}

entrantFeedbackRoutes.get('/:id', async (c) => {
  const { competition, stores } = c.get('services');
  const state = await readiness(c);
  if (!state.ready) notFound();
  const { result } = state.record;
  const id = c.req.param('id');
  const fixed = publishedEntries(state.record).get(id) ?? notFound();
  const stored = (await stores.innovations.listInnovations()).find((i) => i.id === id) ?? notFound();
  const stages = feedbackFor(competition, result, state.means, id);
  if (stages.length === 0) notFound();
  const final = result.final.ranking.find((e) => e.id === id);
  // The jurors' remarks are not part of the record: they come from the last sync.
  const comments = (await stores.syncLog.lastSync())?.comments ?? [];
  return page(
    c,
    <EntrantFeedbackSheet
      competition={competition}
      lang={c.get('lang')}
      innovation={{ ...stored, ...fixed }}
      stages={stages}
      finalRank={final?.rank ? { rank: final.rank, of: result.final.ranking.length } : null}
      remarks={comments
        .filter((r) => r.innovation === id && r.text.trim() !== '')
        .map((r) => ({ stage: r.stage, text: r.text }))}
    />,
  );
});
