import { announcementInstant, isAnnounced } from '../../shared/domain/announcement.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import { type Lang, localName } from '../../shared/domain/i18n.ts';
import { competitionPhase, type Phase } from '../../shared/domain/phase.ts';
import { formatLocalMoment } from '../../shared/messages/moments.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import { formatInstant } from './format.ts';
import { type Say, sayer } from './strings.ts';

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

function phaseText(phase: Phase, competition: Competition, t: Say, lang: Lang): string {
  switch (phase.code) {
    case 'judging': {
      const stage = competition.stages.find((s) => s.id === phase.stage);
      return t('phase_judging', {
        stage: stage ? localName(stage, lang) : phase.stage,
        scored: phase.scored,
        assigned: phase.assigned,
      });
    }
    case 'selection':
      return phase.toCheck > 0 ? t('phase_selectionToCheck', { n: phase.toCheck }) : t('phase_selection');
    default:
      return t(`phase_${phase.code}`);
  }
}

/**
 * The line at the top of the dashboard: which step the competition is in, whether (or when) the result
 * is public, and links to the public page and the Sheet.
 */
export function StatusSection(props: {
  competition: Competition;
  lang: Lang;
  sync: SyncRecord | null;
  now: Date;
  links: StatusLinks;
}) {
  const { competition, lang, sync, now, links } = props;
  const t = sayer(lang);
  const phase = competitionPhase({
    competition,
    now,
    result: sync?.result,
    progress: sync?.progress ?? [],
    selection: sync?.selection?.verdicts,
  });
  const when = formatLocalMoment(competition.announceAt, competition.timezone, lang);
  const publicLine =
    phase.code === 'announced'
      ? t('publicShown', { when })
      : isAnnounced(competition, now)
        ? t('publicWaiting', { when })
        : t('publicLater', { when });
  const sheet = links.sheet;
  return (
    <section class="card status" aria-labelledby="h-status">
      <h2 id="h-status" class="sr">
        {t('statusTitle')}
      </h2>
      <p>
        {t('phase')}: <span class={`ph ph-${phase.code}`}>{phaseText(phase, competition, t, lang)}</span>
      </p>
      <p>
        <time datetime={announcementInstant(competition).toISOString()}>{publicLine}</time>
      </p>
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
    </section>
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
        <form method="post" action="/sekretariat/sinkron" class="noprint" data-busy="sync-busy">
          <button type="submit">{t('syncNow')}</button>
          <p class="muted">{t('syncHint')}</p>
          <p id="sync-busy" class="sync-busy" aria-live="polite" hidden>
            {t('syncRunning')}
          </p>
        </form>
      </div>
    </section>
  );
}

/** Progressive enhancement, run under the page's CSP nonce: the sync button says it is working. */
export const SYNC_FEEDBACK_SCRIPT = `for(const f of document.querySelectorAll('form[data-busy]'))f.addEventListener('submit',()=>{const b=f.querySelector('button');if(b)b.disabled=true;const s=document.getElementById(f.dataset.busy);if(s)s.hidden=false});`;
