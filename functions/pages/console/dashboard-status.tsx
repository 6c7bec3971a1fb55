import { announcementInstant, isAnnounced } from '../../../shared/domain/announcement.ts';
import type { Competition } from '../../../shared/domain/competition.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import { isPublishing, type LifecyclePhase, nextPhases, phaseKey } from '../../../shared/domain/lifecycle.ts';
import { phaseName, transitionReason } from '../../../shared/messages/lifecycle.ts';
import { formatInstant, formatLocalMoment } from '../../../shared/messages/moments.ts';
import type { SyncRecord } from '../../../shared/ports.ts';
import type { LifecycleState } from '../../lifecycle/lifecycle.ts';
import { sayer } from '../ui/strings.ts';

/** Where to open things from the status line. */
export interface StatusLinks {
  sheet?: { url: string } | { file: string };
  /** GET /daftar is served (local mode). */
  localForm?: boolean;
}

export const STATUS_CSS = `
.nw{white-space:nowrap}
.status .ph{font-weight:700;color:#13315c}
.status p{margin:.25rem 0}
.links{display:flex;flex-wrap:wrap;gap:.35rem 1.25rem;list-style:none;padding:0;margin:.5rem 0 0}
.links code{overflow-wrap:anywhere}
.sync-busy{font-weight:600;color:#13315c}
.st-ok{color:#1a7f37}
.tech{font-size:.8125rem;color:#4a5560;overflow-wrap:anywhere}
`;

/** The judging phase says how far its stage is, from the last sync's counts; other phases say their name. */
function phaseText(
  phase: LifecyclePhase,
  props: { competition: Competition; lang: Lang; sync: SyncRecord | null },
) {
  const name = phaseName(phase, props.competition, props.lang);
  if (phase.code !== 'judging') return name;
  const rows = (props.sync?.progress ?? []).filter((p) => p.stage === phase.stage);
  if (rows.length === 0) return name;
  const scored = rows.reduce((n, p) => n + p.scored, 0);
  const assigned = rows.reduce((n, p) => n + p.assigned, 0);
  return `${name} ${sayer(props.lang)('phaseProgress', { scored, assigned })}`;
}

/**
 * The line at the top of the dashboard: the phase the lifecycle log is in (never guessed from counts),
 * whether (or when) the result is public, an alarm when the stored version fails its integrity check,
 * the form that moves the phase, and links to the public page and the Sheet.
 */
export function StatusSection(props: {
  competition: Competition;
  lang: Lang;
  sync: SyncRecord | null;
  now: Date;
  links: StatusLinks;
  lifecycle: LifecycleState;
  /** The latest fixed version's number when its recomputed hash does not match (integrity on read). */
  tampered: number | null;
}) {
  const { competition, lang, now, links, lifecycle } = props;
  const t = sayer(lang);
  const { phase } = lifecycle;
  const when = formatLocalMoment(competition.announceAt, competition.timezone, lang);
  const announced = isAnnounced(competition, now);
  const publicLine = isPublishing(phase)
    ? t(announced ? 'publicShown' : 'publicAt', { when })
    : t(announced ? 'publicWaiting' : 'publicLater', { when });
  return (
    <section class="card status" id="status" aria-labelledby="h-status">
      <h2 id="h-status" class="sr">
        {t('statusTitle')}
      </h2>
      {props.tampered !== null ? (
        <p class="notice err" role="alert">
          {t('integrityAlarm', { n: props.tampered })}
        </p>
      ) : null}
      <p>
        {t('phase')}: <span class={`ph ph-${phase.code}`}>{phaseText(phase, props)}</span>
      </p>
      <p>
        <time datetime={announcementInstant(competition).toISOString()}>{publicLine}</time>
      </p>
      <PhaseForm competition={competition} lang={lang} lifecycle={lifecycle} />
      <ConsoleLinks competition={competition} lang={lang} links={links} />
    </section>
  );
}

/** Where to open things: the public page, the catalogue, the Sheet, the feedback sheets, the local form. */
export function ConsoleLinks(props: { competition: Competition; lang: Lang; links: StatusLinks }) {
  const { competition, lang, links } = props;
  const t = sayer(lang);
  const sheet = links.sheet;
  return (
    <ul class="links noprint">
      <li>
        <a href={`/pengumuman/${encodeURIComponent(competition.id)}`}>{t('linkPublic')}</a>
      </li>
      <li>
        <a href={`/inovasi/${encodeURIComponent(competition.id)}`}>{t('linkCatalogue')}</a>
      </li>
      <li>
        {sheet === undefined ? (
          t('noSheet')
        ) : 'url' in sheet ? (
          <a href={sheet.url} target="_blank" rel="noopener noreferrer">
            {t('linkSheet')}
          </a>
        ) : (
          <>
            {t('sheetFile')}: <code>{sheet.file}</code>
          </>
        )}
      </li>
      {competition.feedback ? (
        <li>
          <a href="/sekretariat/umpan-balik">{t('feedback')}</a>
        </li>
      ) : null}
      {links.localForm ? (
        <li>
          <a href="/daftar">{t('linkForm')}</a>
        </li>
      ) : null}
    </ul>
  );
}

/** Moves the phase by hand (POST /sekretariat/tahap, behind the session and the origin check), and the log. */
function PhaseForm(props: { competition: Competition; lang: Lang; lifecycle: LifecycleState }) {
  const { competition, lang, lifecycle } = props;
  const t = sayer(lang);
  const next = nextPhases(lifecycle.phase, {
    stages: competition.stages.map((s) => s.id),
    selection: competition.selection !== undefined,
    publicTest: competition.publicTest !== undefined,
  });
  return (
    <details class="noprint">
      <summary>{t('phaseChange')}</summary>
      <form method="post" action="/sekretariat/tahap" class="fix">
        <label for="phase-to">{t('phaseTo')}</label>
        <select id="phase-to" name="to">
          {next.map((p) => (
            <option value={phaseKey(p)}>{phaseName(p, competition, lang)}</option>
          ))}
        </select>
        <label for="phase-reason">{t('phaseReason')}</label>
        <textarea id="phase-reason" name="reason" rows={2} required maxlength={2000} />
        <p>
          <input type="checkbox" id="c-phase" name="confirm" value="yes" required />{' '}
          <label for="c-phase" class="inline">
            {t('phaseConfirm')}
          </label>
        </p>
        <button type="submit">{t('phaseButton')}</button>
      </form>
      {lifecycle.log.length > 0 ? (
        <ol class="phase-log">
          {lifecycle.log.map((e) => (
            <li>
              <time datetime={e.at}>{formatInstant(e.at, competition.timezone, lang)}</time> ·{' '}
              {phaseName(e.to, competition, lang)} · {e.by} ·{' '}
              <span dir="auto">{transitionReason(e.reason, lang)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}

/** Why a sync from the button did not even start (nothing was recorded): by error code. */
export function refusedText(code: string, lang: Lang): string {
  const t = sayer(lang);
  if (code === 'busy') return t('syncRefused_busy');
  if (code === 'sheet_unavailable') return t('syncRefused_sheet');
  return t('syncRefused_other');
}

/** The last sync in plain words; request counts and upstream messages go to a details line. */
export function SyncPanel(props: { sync: SyncRecord | null; competition: Competition; lang: Lang }) {
  const { sync, competition, lang } = props;
  const t = sayer(lang);
  const failed = sync?.status === 'failed';
  const failure = sync?.failure;
  return (
    <section class="card" id="sinkron" aria-labelledby="h-sinkron">
      <h2 id="h-sinkron">{t('lastSync')}</h2>
      <div class="sync">
        {sync ? (
          <div>
            <p class={failed ? 'st st-failed' : 'st st-ok'}>
              {failed
                ? t('syncFailedKeep')
                : t(`syncOk_${sync.status === 'written' ? 'written' : 'unchanged'}`)}
            </p>
            {failed ? <p>{failure ? failure.text[lang] : (sync.message ?? '')}</p> : null}
            <p>
              {t('syncWhen')}:{' '}
              <time datetime={sync.finishedAt}>
                {formatInstant(sync.finishedAt, competition.timezone, lang)}
              </time>
            </p>
            <p class="tech">
              {t('syncDetails')}:{' '}
              {t('syncDetailsLine', {
                id: sync.id,
                reads: sync.requests.reads,
                writes: sync.requests.writes,
              })}
              {failure?.detail ? ` · ${failure.detail}` : ''}
            </p>
          </div>
        ) : (
          <p>{t('neverSynced')}</p>
        )}
        <SyncForm lang={lang} hint={t('syncHint')} />
      </div>
    </section>
  );
}

/**
 * The sync button. A console page other than the overview names itself in `back`, and the finished sync
 * returns there; `main` marks it as its page's main action.
 */
export function SyncForm(props: { lang: Lang; hint: string; back?: string; main?: boolean }) {
  const t = sayer(props.lang);
  return (
    <form method="post" action="/sekretariat/sinkron" class="noprint" data-busy="sync-busy">
      {props.back ? <input type="hidden" name="kembali" value={props.back} /> : null}
      <button type="submit" {...(props.main ? { 'data-main-action': '' } : {})}>
        {t('syncNow')}
      </button>
      <p class="muted">{props.hint}</p>
      <p id="sync-busy" class="sync-busy" aria-live="polite" hidden>
        {t('syncRunning')}
      </p>
    </form>
  );
}

/**
 * Sets up the Seleksi tab and the juror tabs for the entries so far. Safe to repeat (it never touches a
 * typed score or decision), so it asks for no confirmation box.
 */
export function SheetSetupForm(props: { lang: Lang; back: 'seleksi' | 'penilaian' }) {
  const t = sayer(props.lang);
  return (
    <form method="post" action="/sekretariat/siapkan-tab" class="noprint" id="siapkan-tab">
      <input type="hidden" name="kembali" value={props.back} />
      <button type="submit">{t('setUpTabs')}</button>
      <p class="muted">{t('setUpTabsHint')}</p>
    </form>
  );
}

/** Progressive enhancement, run under the page's CSP nonce: the sync button says it is working. */
export const SYNC_FEEDBACK_SCRIPT = `for(const f of document.querySelectorAll('form[data-busy]'))f.addEventListener('submit',()=>{const b=f.querySelector('button');if(b)b.disabled=true;const s=document.getElementById(f.dataset.busy);if(s)s.hidden=false});`;
