import type { AnnouncedEntry } from '../../shared/domain/announcement.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import { type Lang, localName } from '../../shared/domain/i18n.ts';
import type { PublicAnnouncement } from '../announce/routes.ts';
import { formatLocalMoment } from './format.ts';
import { Layout } from './layout.tsx';
import {
  COPY_SCRIPT,
  PrintFooter,
  printMarginCss,
  SHARE_CSS,
  ShareHead,
  SharePanel,
  shareDescription,
  shareText,
  Unbroken,
} from './share.tsx';
import { sayer } from './strings.ts';
import { ANNOUNCE_CSS } from './styles.ts';

function competitionName(competition: Competition, lang: Lang): string {
  return localName(competition, lang);
}

/**
 * The public page. It only ever receives what publicAnnouncement() let through, so before
 * announceAt there is nothing of the ranking here to leak.
 */
export function AnnouncementPage(props: {
  lang: Lang;
  competition: Competition;
  announcement: PublicAnnouncement;
  path: string;
  /** The page's absolute address, for link previews, sharing and the printout. */
  url: string;
  /** The CSP nonce for the "Salin teks" script. */
  nonce?: string | undefined;
}) {
  const { lang, competition, announcement, url } = props;
  const t = sayer(lang);
  const name = competitionName(competition, lang);
  const heading = announcement.status === 'announced' ? announcement.title : `${t('announcement')} — ${name}`;
  const description = shareDescription(competition, announcement, lang);
  return (
    <Layout
      lang={lang}
      title={heading}
      org={competition.organizer}
      css={ANNOUNCE_CSS + SHARE_CSS + printMarginCss(url, lang)}
      path={props.path}
      head={
        <ShareHead
          title={heading}
          description={description}
          url={url}
          site={competition.organizer}
          lang={lang}
        />
      }
      script={
        announcement.status === 'announced' && props.nonce
          ? { nonce: props.nonce, code: COPY_SCRIPT }
          : undefined
      }
    >
      {announcement.status === 'announced' ? (
        <>
          <div class="hero">
            <p class="po">{competition.organizer}</p>
            <h1>
              <Unbroken text={announcement.title} />
            </h1>
            <p class="date">{announcement.date}</p>
            <p>{announcement.intro}</p>
          </div>
          <ol class="win">
            {announcement.entries.map((entry) => (
              <Winner entry={entry} lang={lang} />
            ))}
          </ol>
          {announcement.tieNote ? <p class="tienote">{announcement.tieNote}</p> : null}
          <SharePanel text={shareText(announcement.text, url)} lang={lang} />
          <PrintFooter
            competition={competition}
            url={url}
            lang={lang}
            day={competition.announceAt.slice(0, 10)}
          />
        </>
      ) : (
        <div class="wait">
          <h1>{name}</h1>
          <h2>{t('notYet')}</h2>
          <p class="date">
            {t('notYetWhen', {
              when: formatLocalMoment(announcement.announceAt, announcement.timezone, lang),
            })}
          </p>
          {announcement.status === 'pending' ? <p>{t('pendingText')}</p> : null}
        </div>
      )}
    </Layout>
  );
}

function Winner({ entry, lang }: { entry: AnnouncedEntry; lang: Lang }) {
  const t = sayer(lang);
  return (
    <li>
      <div
        class="no"
        role="img"
        aria-label={`${t('rank')} ${entry.rank}${entry.tie ? ` (${t('tie')})` : ''}`}
      >
        {entry.tie ? `${entry.rank}=` : entry.rank}
      </div>
      <h3>
        {entry.title}
        {entry.tie ? <span class="tie">= {t('tie')}</span> : null}
      </h3>
      <p class="meta">
        <span>{entry.agency}</span>
        <span>{entry.region}</span>
        <span class="cat">{t('categoryTag', { category: entry.category })}</span>
      </p>
      <p class="meta">
        {t('score')} <span class="score">{entry.scoreText}</span>
      </p>
      {entry.summary ? <p class="sum">{entry.summary}</p> : null}
    </li>
  );
}

export function NotFoundPage(props: { lang: Lang; path: string; org: string }) {
  const t = sayer(props.lang);
  return (
    <Layout
      lang={props.lang}
      title={t('notFound')}
      org={props.org}
      css={ANNOUNCE_CSS}
      path={props.path}
      noindex
    >
      <div class="wait">
        <h1>{t('notFound')}</h1>
        <p>{t('notFoundText')}</p>
      </div>
    </Layout>
  );
}
