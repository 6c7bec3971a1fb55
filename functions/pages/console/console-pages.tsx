import type { Competition } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import type { ResultRecord, ResultVersionSummary } from '../../../shared/domain/record.ts';
import type { ScoreChange } from '../../../shared/domain/score-changes.ts';
import type { PublicResponse, Rejection, SyncRecord } from '../../../shared/ports.ts';
import type { LifecycleState } from '../../lifecycle/lifecycle.ts';
import { Unbroken } from '../public/share.tsx';
import { BOX_CSS } from '../ui/charts/box-plot.tsx';
import { TILE_CSS } from '../ui/charts/tile-grid.tsx';
import { titlesOf } from '../ui/entry-name.tsx';
import { type StringKey, sayer } from '../ui/strings.ts';
import {
  type CompetitionSwitch,
  ConsoleLayout,
  type ConsolePageId,
  consolePath,
  pageOfPhase,
} from './console-layout.tsx';
import { workflowCss } from './dashboard-css.ts';
import {
  DistributionSection,
  ProblemsSection,
  ProgressSection,
  RegionsSection,
  RejectionsSection,
} from './dashboard-sections.tsx';
import {
  SheetSetupForm,
  type StatusLinks,
  StatusSection,
  SYNC_FEEDBACK_SCRIPT,
  SyncForm,
  SyncPanel,
} from './dashboard-status.tsx';
import { EntriesSection } from './entries-section.tsx';
import { FairnessSummary } from './fairness-section.tsx';
import { CommentsSection, MissingSection, SheetIssuesSection } from './juror-sections.tsx';
import { RankingSection } from './ranking-section.tsx';
import { ChangesSection, LateEntriesSection, ResponsesSection, ResultSection } from './result-sections.tsx';
import { SelectionSection } from './selection-section.tsx';

/** What the console's pages read: the store and the last recorded sync, never Google. */
export interface ConsoleData {
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
  /** ?halaman=: which page of a long list (the registered entries). */
  listPage?: string | undefined;
  /** The CSP nonce for the sync button's feedback script. */
  nonce?: string | undefined;
  notice?: { kind: 'ok' | 'err'; text: string } | undefined;
  switcher?: CompetitionSwitch | undefined;
}

function shell(d: ConsoleData, page: ConsolePageId, sync: boolean) {
  return {
    competition: d.competition,
    lang: d.lang,
    page,
    phase: d.lifecycle.phase,
    notice: d.notice,
    switcher: d.switcher,
    css: TILE_CSS + BOX_CSS + workflowCss(d.competition, d.lang),
    script: sync && d.nonce ? { nonce: d.nonce, code: SYNC_FEEDBACK_SCRIPT } : undefined,
  };
}

/** The phase's next step in one sentence, with the page where it is done as the main action. */
function NextStep({ d }: { d: ConsoleData }) {
  const t = sayer(d.lang);
  const { phase } = d.lifecycle;
  const code = phase.code === 'corrected' ? 'announced' : phase.code;
  const target = pageOfPhase(phase);
  return (
    <section class="card" id="langkah" aria-labelledby="h-langkah">
      <h2 id="h-langkah">{t('nextStep')}</h2>
      <div class="act">
        <p>{t(`next_${code}` as Extract<StringKey, `next_${string}`>)}</p>
        <a class="btn" href={consolePath(target)} data-main-action="">
          {t(`go_${target}` as Extract<StringKey, `go_${string}`>)}
        </a>
      </div>
    </section>
  );
}

/** Ringkasan: where the competition stands, what comes next, the sync and the counts. */
export function RingkasanPage(d: ConsoleData) {
  const t = sayer(d.lang);
  const { competition, lang } = d;
  return (
    <ConsoleLayout {...shell(d, 'ringkasan', true)}>
      <p class="muted">
        <Unbroken text={localName(competition, lang)} />
      </p>
      <NextStep d={d} />
      <StatusSection
        competition={competition}
        lang={lang}
        sync={d.sync}
        now={d.now}
        links={d.links}
        lifecycle={d.lifecycle}
        tampered={d.tampered}
      />
      <SyncPanel sync={d.sync} competition={competition} lang={lang} />
      <section class="card" aria-labelledby="h-ringkasan">
        <h2 id="h-ringkasan">{t('overview')}</h2>
        <dl class="stats">
          <div>
            <dt>{t('innovations')}</dt>
            <dd>{d.innovations.length}</dd>
          </div>
          <div>
            <dt>{t('rejections')}</dt>
            <dd>{d.rejections.length}</dd>
          </div>
          <div>
            <dt>{t('problems')}</dt>
            <dd>{d.sync?.result?.problems.length ?? 0}</dd>
          </div>
        </dl>
      </section>
    </ConsoleLayout>
  );
}

/** Pendaftaran & Seleksi: what arrived, what the selection decided, what was refused or came late. */
export function SeleksiPage(d: ConsoleData) {
  const t = sayer(d.lang);
  const { competition, lang } = d;
  return (
    <ConsoleLayout {...shell(d, 'seleksi', true)}>
      <div class="card act">
        <SyncForm lang={lang} hint={t('syncReads_seleksi')} back="seleksi" main />
        <SheetSetupForm lang={lang} back="seleksi" />
      </div>
      <SelectionSection
        competition={competition}
        lang={lang}
        innovations={d.innovations}
        selection={d.sync?.selection}
      />
      <EntriesSection
        competition={competition}
        lang={lang}
        innovations={d.innovations}
        page={d.listPage}
        path={consolePath('seleksi')}
      />
      <LateEntriesSection
        competition={competition}
        lang={lang}
        rejections={d.rejections}
        fixedVersion={d.versions.at(-1)?.version ?? null}
      />
      <RejectionsSection competition={competition} lang={lang} rejections={d.rejections} />
      <RegionsSection competition={competition} lang={lang} innovations={d.innovations} />
    </ConsoleLayout>
  );
}

/** Penilaian: how far each juror is, reminders, the cells to mend, the spread, the score log, the notes. */
export function PenilaianPage(d: ConsoleData) {
  const t = sayer(d.lang);
  const { competition, lang, sync } = d;
  const result = sync?.result;
  const titles = titlesOf(d.innovations);
  return (
    <ConsoleLayout {...shell(d, 'penilaian', true)}>
      <div class="card act">
        <SyncForm lang={lang} hint={t('syncReads_penilaian')} back="penilaian" main />
        <SheetSetupForm lang={lang} back="penilaian" />
      </div>
      <SheetIssuesSection competition={competition} lang={lang} issues={sync?.sheetIssues ?? []} />
      <ProgressSection competition={competition} lang={lang} progress={sync?.progress ?? []} />
      <MissingSection
        competition={competition}
        lang={lang}
        progress={sync?.progress}
        {...(sync?.rowsPlaced ? { placed: sync.rowsPlaced } : {})}
      />
      <ProblemsSection
        competition={competition}
        lang={lang}
        problems={result?.problems ?? []}
        titles={titles}
      />
      <DistributionSection competition={competition} lang={lang} stages={result?.stages ?? []} />
      <FairnessSummary competition={competition} lang={lang} sync={sync} innovations={d.innovations} />
      <ChangesSection competition={competition} lang={lang} changes={d.changes} titles={titles} />
      <CommentsSection
        competition={competition}
        lang={lang}
        comments={sync?.comments ?? []}
        titles={titles}
      />
    </ConsoleLayout>
  );
}

/** Hasil & Berita Acara: fix or correct first, then the versions, the live ranking and uji publik's responses. */
export function HasilPage(d: ConsoleData) {
  const { competition, lang } = d;
  return (
    <ConsoleLayout {...shell(d, 'hasil', false)}>
      <ResultSection
        innovations={d.innovations}
        competition={competition}
        lang={lang}
        sync={d.sync}
        versions={d.versions}
        fixed={d.fixed}
      />
      <ResponsesSection competition={competition} lang={lang} responses={d.responses} />
      <RankingSection
        competition={competition}
        lang={lang}
        result={d.sync?.result}
        innovations={d.innovations}
        category={d.category}
        page={d.listPage}
      />
    </ConsoleLayout>
  );
}
