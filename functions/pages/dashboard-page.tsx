import type { Competition } from '../../shared/domain/competition.ts';
import { type Lang, localName } from '../../shared/domain/i18n.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import type { ResultRecord, ResultVersionSummary } from '../../shared/domain/record.ts';
import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import type { PublicResponse, Rejection, SyncRecord } from '../../shared/ports.ts';
import type { LifecycleState } from '../lifecycle/lifecycle.ts';
import { BOX_CSS } from './charts/box-plot.tsx';
import { TILE_CSS } from './charts/tile-grid.tsx';
import { workflowCss } from './dashboard-css.ts';
import {
  DistributionSection,
  ProblemsSection,
  ProgressSection,
  RegionsSection,
  RejectionsSection,
} from './dashboard-sections.tsx';
import { type StatusLinks, StatusSection, SYNC_FEEDBACK_SCRIPT, SyncPanel } from './dashboard-status.tsx';
import { FairnessSummary } from './fairness-section.tsx';
import { CommentsSection, MissingSection, SheetIssuesSection } from './juror-sections.tsx';
import { Layout } from './layout.tsx';
import { RankingSection } from './ranking-section.tsx';
import { ChangesSection, LateEntriesSection, ResponsesSection, ResultSection } from './result-sections.tsx';
import { SelectionSection } from './selection-section.tsx';
import { Unbroken } from './share.tsx';
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
  lifecycle: LifecycleState;
  /** The latest fixed version's number when it fails its integrity check. */
  tampered: number | null;
  now: Date;
  links: StatusLinks;
  /** Show only this category's rankings (?kategori=). */
  category?: string | undefined;
  /** The CSP nonce for the sync button's feedback script. */
  nonce?: string | undefined;
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
  const name = localName(competition, lang);
  const toc: [string, StringKey][] = [
    ['sinkron', 'lastSync'],
    ['penetapan', 'resultTitle'],
    ['riwayat', 'changesTitle'],
    ['seleksi', 'selection'],
    ['wilayah', 'byRegion'],
    ['progres', 'progress'],
    ['belum', 'notYetScored'],
    ['sebaran', 'distribution'],
    ['peringkat', 'ranking'],
    ['masalah', 'problems'],
    ['catatan', 'jurorRemarks'],
    ['ditolak', 'rejections'],
  ];
  return (
    <Layout
      lang={lang}
      title={`${t('dashboard')} — ${competition.id}`}
      org={t('secretariat')}
      css={DASHBOARD_CSS + TILE_CSS + BOX_CSS + workflowCss(competition, lang)}
      path="/sekretariat"
      actions={<LogoutForm t={t} />}
      noindex
      script={props.nonce ? { nonce: props.nonce, code: SYNC_FEEDBACK_SCRIPT } : undefined}
    >
      <h1>{t('dashboard')}</h1>
      <p class="muted">
        <Unbroken text={name} />
      </p>
      <StatusSection
        competition={competition}
        lang={lang}
        sync={sync}
        now={props.now}
        links={props.links}
        lifecycle={props.lifecycle}
        tampered={props.tampered}
      />
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
      <SyncPanel sync={sync} competition={competition} lang={lang} />
      <ResultSection
        innovations={innovations}
        competition={competition}
        lang={lang}
        sync={sync}
        versions={props.versions}
        fixed={props.fixed}
      />
      <SheetIssuesSection competition={competition} lang={lang} issues={sync?.sheetIssues ?? []} />
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
      <SelectionSection
        competition={competition}
        lang={lang}
        innovations={innovations}
        selection={sync?.selection}
      />
      <RegionsSection competition={competition} lang={lang} innovations={innovations} />
      <ProgressSection competition={competition} lang={lang} progress={sync?.progress ?? []} />
      <MissingSection
        competition={competition}
        lang={lang}
        progress={sync?.progress}
        {...(sync?.rowsPlaced ? { placed: sync.rowsPlaced } : {})}
      />
      <DistributionSection competition={competition} lang={lang} stages={result?.stages ?? []} />
      <FairnessSummary competition={competition} lang={lang} sync={sync} innovations={innovations} />
      <RankingSection
        competition={competition}
        lang={lang}
        result={result}
        innovations={innovations}
        category={props.category}
      />
      <ProblemsSection competition={competition} lang={lang} problems={result?.problems ?? []} />
      <ChangesSection competition={competition} lang={lang} changes={props.changes} />
      <CommentsSection competition={competition} lang={lang} comments={sync?.comments ?? []} />
      <RejectionsSection competition={competition} lang={lang} rejections={rejections} />
      <LateEntriesSection
        competition={competition}
        lang={lang}
        rejections={rejections}
        fixedVersion={props.versions.at(-1)?.version ?? null}
      />
      <ResponsesSection competition={competition} lang={lang} responses={props.responses} />
    </Layout>
  );
}
