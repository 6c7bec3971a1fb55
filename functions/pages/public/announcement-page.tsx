import { type Competition, decision } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { AnnouncedEntry } from '../../../shared/messages/announcement-template.ts';
import type { BaCell } from '../../../shared/messages/berita-acara-blocks.ts';
import { fieldHeading } from '../../../shared/messages/field.ts';
import { formatInstant, formatLocalMoment } from '../../../shared/messages/moments.ts';
import { representationTitle } from '../../../shared/messages/representation.ts';
import type { FixedFacts, PublicAnnouncement } from '../../announce/routes.ts';
import { Layout } from '../ui/layout.tsx';
import { sayer } from '../ui/strings.ts';
import { ANNOUNCE_CSS } from '../ui/styles.ts';
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
  /** Where this competition's pages live: /pengumuman/<id>. */
  base: string;
  /** A thank-you or refusal after a public response was sent. */
  notice?: { kind: 'ok' | 'err'; text: string } | undefined;
  /** The page's absolute address, for link previews, sharing and the printout. */
  url: string;
  /** The CSP nonce for the "Salin teks" script. */
  nonce?: string | undefined;
  /** The public catalogue (/inovasi/<id>) and the winners it lists (their agency consented). */
  catalogue?: { path: string; listed: ReadonlySet<string> } | undefined;
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
          image={
            announcement.status === 'announced' && announcement.version === announcement.latestVersion
              ? new URL(`${props.base}/kartu.svg`, url).href
              : undefined
          }
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
            <p class="date">{decidedText(announcement, competition, lang)}</p>
            <FixedNote facts={announcement} lang={lang} competition={competition} base={props.base} />
            <p>{announcement.intro}</p>
          </div>
          <h2>{t('winnersHeading', { n: announcement.entries.length })}</h2>
          <ol class="win">
            {announcement.entries.map((entry) => (
              <Winner entry={entry} lang={lang} catalogue={props.catalogue} />
            ))}
          </ol>
          {announcement.tieNote ? <p class="tienote">{announcement.tieNote}</p> : null}
          <Notes heading={representationTitle(lang)} notes={announcement.representationNotes} />
          <Notes heading={fieldHeading(lang)} notes={announcement.fieldNotes} />
          <Panel facts={announcement} lang={lang} />
          <h2>{t('verifyHeading')}</h2>
          <p class="seal">
            {t('fixedVersion', { n: announcement.version })} · {t('verificationCode')}{' '}
            <b>{announcement.code}</b>
            <br />
            SHA-256 <code>{announcement.hash}</code>
          </p>
          <p class="verify">{t('verifyExplain', { code: announcement.code, n: announcement.version })}</p>
          {competition.beritaAcara?.public ? (
            <p class="noprint">
              <a href={`${props.base}/berita-acara/${announcement.version}`}>{t('publicBeritaAcara')}</a>
            </p>
          ) : null}
          {props.notice ? (
            <p class={props.notice.kind === 'err' ? 'notice err' : 'notice'} role="status">
              {props.notice.text}
            </p>
          ) : null}
          {isOpenForResponses(announcement) ? (
            <ResponseForm lang={lang} base={props.base} version={announcement.version} />
          ) : null}
          <SharePanel text={shareText(announcement.text, url)} lang={lang} />
          <PrintFooter competition={competition} url={url} lang={lang} day={decision(competition).day} />
        </>
      ) : (
        <div class="wait">
          <h1>{name}</h1>
          {announcement.status === 'invalid' ? (
            <>
              <h2>{t('invalidTitle')}</h2>
              <p role="alert">{t('invalidText')}</p>
            </>
          ) : (
            <>
              <h2>{t('notYet')}</h2>
              <p class="date">
                {t('notYetWhen', {
                  when: formatLocalMoment(announcement.announceAt, announcement.timezone, lang),
                })}
              </p>
              {announcement.status === 'pending' ? <p>{t('pendingText')}</p> : null}
            </>
          )}
        </div>
      )}
    </Layout>
  );
}

/** "Ditetapkan oleh dewan juri di Kupang, Jumat, 29 November 2024": the Berita Acara's day and place. */
function decidedText(facts: FixedFacts, competition: Competition, lang: Lang): string {
  const t = sayer(lang);
  const date = formatLocalMoment(facts.decidedOn, competition.timezone, lang);
  return facts.place ? t('decidedAt', { place: facts.place, date }) : t('decidedOn', { date });
}

/** The panel that decided, as the fixed record names it: what a journalist quotes beside the winners. */
function Panel({ facts, lang }: { facts: FixedFacts; lang: Lang }) {
  const t = sayer(lang);
  return (
    <>
      <h2>{t('panelHeading')}</h2>
      <ul class="panel">
        {facts.panel.map((j) => (
          <li>
            <bdi>{j.name}</bdi> — {t(j.role === 'chair' ? 'panelChair' : 'panelMember')}
            {j.affiliation ? (
              <>
                , <bdi>{j.affiliation}</bdi>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function isOpenForResponses(facts: FixedFacts): boolean {
  return facts.result === 'provisional' && facts.version === facts.latestVersion;
}

/** Which fixed version this is: provisional or not, corrected or not, replaced or not. */
function FixedNote(props: { facts: FixedFacts; lang: Lang; competition: Competition; base: string }) {
  const { facts, lang, competition, base } = props;
  const t = sayer(lang);
  const tz = competition.timezone;
  return (
    <>
      {facts.version !== facts.latestVersion ? (
        <p class="notice err" role="note">
          {t('supersededNote', { n: facts.version, latest: facts.latestVersion })}{' '}
          <a href={base}>{t('seeLatest')}</a>
        </p>
      ) : null}
      {facts.result === 'provisional' ? (
        <p class="notice" role="note">
          {t('provisionalNote', {
            until: facts.provisionalUntil ? formatInstant(facts.provisionalUntil, tz, lang) : '',
          })}
        </p>
      ) : null}
      {facts.correction ? (
        <p class="notice" role="note">
          {t('correctionNote', {
            date: formatInstant(facts.fixedAt, tz, lang),
            reason: facts.correction.reason,
          })}{' '}
          <a href={`${base}/versi/${facts.correction.previousVersion}`}>
            {t('earlierVersion', { n: facts.correction.previousVersion })}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** Uji publik: anyone may respond; only the secretariat reads it. No script: a plain form. */
function ResponseForm(props: { lang: Lang; base: string; version: number }) {
  const t = sayer(props.lang);
  return (
    <form method="post" action={`${props.base}/tanggapan`} class="respond noprint">
      <h2>{t('respondTitle')}</h2>
      <p class="muted">{t('respondIntro')}</p>
      <input type="hidden" name="version" value={String(props.version)} />
      <label for="r-name">{t('respondName')}</label>
      <input id="r-name" name="name" maxlength={120} autocomplete="name" />
      <label for="r-contact">{t('respondContact')}</label>
      <input id="r-contact" name="contact" maxlength={160} />
      <label for="r-message">{t('respondMessage')}</label>
      <textarea id="r-message" name="message" required maxlength={2000} rows={5} />
      <button type="submit">{t('respondSend')}</button>
    </form>
  );
}

function Winner(props: {
  entry: AnnouncedEntry;
  lang: Lang;
  catalogue: { path: string; listed: ReadonlySet<string> } | undefined;
}) {
  const { entry, lang, catalogue } = props;
  const t = sayer(lang);
  const title = <bdi>{entry.title}</bdi>;
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
        {catalogue?.listed.has(entry.id) ? (
          <a href={`${catalogue.path}/${encodeURIComponent(entry.id)}`}>{title}</a>
        ) : (
          title
        )}
        {entry.tie ? <span class="tie">= {t('tie')}</span> : null}
      </h3>
      <p class="meta">
        <bdi>{entry.agency}</bdi>
        <span>{entry.region}</span>
        <span class="cat">{t('categoryTag', { category: entry.category })}</span>
        {entry.quota ? <span class="quota">{entry.quota}</span> : null}
      </p>
      <p class="meta">
        {t('scoreOf100')} <span class="score">{entry.scoreText}</span>
      </p>
      {entry.summary ? <p class="sum">{entry.summary}</p> : null}
    </li>
  );
}

/** `detail`: what is missing, when the route knows ("Versi 9 tidak ada (versi terakhir: 2)."). */
export function NotFoundPage(props: { lang: Lang; path: string; org: string; detail?: string }) {
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
        {props.detail ? <p>{props.detail}</p> : null}
        <p>{t('notFoundText')}</p>
        <p>
          <a href="/">{t('notFoundHome')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** A section of notes on how the result was reached (representation rules, field verification); titles isolated. */
function Notes(props: { heading: string; notes: readonly BaCell[] }) {
  if (props.notes.length === 0) return null;
  return (
    <>
      <h2>{props.heading}</h2>
      {props.notes.map((note) =>
        typeof note === 'string' ? (
          <p class="fieldnote">{note}</p>
        ) : (
          <p class="fieldnote">
            {note.lead}
            <bdi>{note.name}</bdi>
            {note.tail}
          </p>
        ),
      )}
    </>
  );
}
