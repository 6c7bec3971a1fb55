import type { Competition } from '../../shared/domain/competition.ts';
import { type Lang, localName } from '../../shared/domain/i18n.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import type { ResultRecord, ResultVersionSummary } from '../../shared/domain/record.ts';
import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import type { PublicResponse, Rejection, SyncRecord } from '../../shared/ports.ts';
import { BOX_CSS } from './charts/box-plot.tsx';
import { TILE_CSS } from './charts/tile-grid.tsx';
import {
  DistributionSection,
  ProblemsSection,
  ProgressSection,
  RankingTable,
  RegionsSection,
  RejectionsSection,
} from './dashboard-sections.tsx';
import { FairnessSummary } from './fairness-section.tsx';
import { formatInstant } from './format.ts';
import { Layout } from './layout.tsx';
import { ChangesSection, LateEntriesSection, ResponsesSection, ResultSection } from './result-sections.tsx';
import { type Say, type StringKey, sayer } from './strings.ts';
import { DASHBOARD_CSS } from './styles.ts';

export interface DashboardProps {
  competition: Competition;
  lang: Lang;
  innovations: readonly Innovation[];
  rejections: readonly Rejection[];
  sync: SyncRecord | null;
  versions: readonly ResultVersionSummary[];
  /** The latest fixed version, in full (the live-vs-fixed comparison needs its ranking). */
  fixed: ResultRecord | null;
  changes: { changes: readonly ScoreChange[]; total: number };
  responses: readonly PublicResponse[];
  notice?: { kind: 'ok' | 'err'; text: string };
}

export function LogoutForm({ t }: { t: Say }) {
  return (
    <form method="post" action="/sekretariat/keluar" class="noprint">
      <button type="submit" class="ghost">
        {t('logout')}
      </button>
    </form>
  );
}

/** The secretariat's overview; everything comes from the store and the last recorded sync. */
export function DashboardPage(props: DashboardProps) {
  const { competition, lang, innovations, rejections, sync } = props;
  const t = sayer(lang);
  const result = sync?.result;
  const byId = new Map(innovations.map((i) => [i.id, i]));
  const name = localName(competition, lang);
  const toc: [string, StringKey][] = [
    ['sinkron', 'lastSync'],
    ['penetapan', 'resultTitle'],
    ['riwayat', 'changesTitle'],
    ['wilayah', 'byRegion'],
    ['progres', 'progress'],
    ['sebaran', 'distribution'],
    ['peringkat', 'ranking'],
    ['masalah', 'problems'],
    ['ditolak', 'rejections'],
  ];
  return (
    <Layout
      lang={lang}
      title={`${t('dashboard')} — ${competition.id}`}
      org={t('secretariat')}
      css={DASHBOARD_CSS + TILE_CSS + BOX_CSS}
      path="/sekretariat"
      actions={<LogoutForm t={t} />}
      noindex
    >
      <h1>{t('dashboard')}</h1>
      <p class="muted">{name}</p>
      <nav aria-label={t('contents')} class="noprint card">
        <ul class="toc">
          {toc.map(([id, key]) => (
            <li>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {props.notice ? (
        <p
          class={props.notice.kind === 'err' ? 'notice err' : 'notice'}
          role={props.notice.kind === 'err' ? 'alert' : 'status'}
        >
          {props.notice.text}
        </p>
      ) : null}
      <SyncSection sync={sync} competition={competition} lang={lang} />
      <ResultSection
        competition={competition}
        lang={lang}
        sync={sync}
        versions={props.versions}
        fixed={props.fixed}
      />
      <section class="card" aria-labelledby="h-ringkasan">
        <h2 id="h-ringkasan">{t('overview')}</h2>
        <dl class="stats">
          <div>
            <dt>{t('innovations')}</dt>
            <dd>{innovations.length}</dd>
          </div>
          <div>
            <dt>{t('rejections')}</dt>
            <dd>{rejections.length}</dd>
          </div>
          <div>
            <dt>{t('problems')}</dt>
            <dd>{result?.problems.length ?? 0}</dd>
          </div>
        </dl>
      </section>
      <RegionsSection competition={competition} lang={lang} innovations={innovations} />
      <ProgressSection competition={competition} lang={lang} progress={sync?.progress ?? []} />
      <DistributionSection competition={competition} lang={lang} stages={result?.stages ?? []} />
      <FairnessSummary competition={competition} lang={lang} sync={sync} innovations={innovations} />
      <section class="card" id="peringkat" aria-labelledby="h-peringkat">
        <h2 id="h-peringkat">{t('ranking')}</h2>
        {result ? (
          [result.final, ...result.stages].map((stage, i) => (
            <RankingTable competition={competition} lang={lang} result={stage} byId={byId} open={i === 0} />
          ))
        ) : (
          <p>{t('noRanking')}</p>
        )}
      </section>
      <ProblemsSection competition={competition} lang={lang} problems={result?.problems ?? []} />
      <ChangesSection competition={competition} lang={lang} changes={props.changes} />
      <RejectionsSection competition={competition} lang={lang} rejections={rejections} />
      <LateEntriesSection competition={competition} lang={lang} rejections={rejections} />
      <ResponsesSection competition={competition} lang={lang} responses={props.responses} />
    </Layout>
  );
}

function SyncSection(props: { sync: SyncRecord | null; competition: Competition; lang: Lang }) {
  const { sync, competition, lang } = props;
  const t = sayer(lang);
  return (
    <section class="card" id="sinkron" aria-labelledby="h-sinkron">
      <h2 id="h-sinkron">{t('lastSync')}</h2>
      <div class="sync">
        {sync ? (
          <dl>
            <dt>{t('syncStatus')}</dt>
            <dd class={`st st-${sync.status}`}>{t(`status_${sync.status}`)}</dd>
            <dt>{t('syncTime')}</dt>
            <dd>
              <time datetime={sync.finishedAt}>
                {formatInstant(sync.finishedAt, competition.timezone, lang)}
              </time>
            </dd>
            <dt>{t('syncRequests')}</dt>
            <dd>{t('syncRequestsValue', { reads: sync.requests.reads, writes: sync.requests.writes })}</dd>
            {sync.message ? (
              <>
                <dt>{t('syncMessage')}</dt>
                <dd>{sync.message}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t('neverSynced')}</p>
        )}
        <form method="post" action="/sekretariat/sinkron" class="noprint">
          <button type="submit">{t('syncNow')}</button>
        </form>
      </div>
    </section>
  );
}
