import { type Competition, decision } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { AnnouncedEntry } from '../../../shared/messages/announcement-template.ts';
import { formatLocalMoment, formatLongDate } from '../../../shared/messages/moments.ts';
import type { PublicAnnouncement } from '../../announce/routes.ts';
import { cssString } from '../ui/stack-table.ts';
import { sayer } from '../ui/strings.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './og-card.ts';

/**
 * What makes the announcement shareable: link-preview tags (WhatsApp, Facebook), a WhatsApp link and a
 * "Salin teks" button with the announcement's text, and a printout that says who set the result, where
 * and when, with page numbers and the address.
 */

/** A link preview shows about this much of the description. */
const DESCRIPTION_MAX = 300;

/** "KOIN-YANLIK" must not break at its hyphen: each hyphenated word is kept whole. */
export function Unbroken({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(\S*\p{L}-\p{L}\S*)/u)
        .map((part, i) => (i % 2 === 1 ? <span class="nw">{part}</span> : part))}
    </>
  );
}

function podium(entries: readonly AnnouncedEntry[]): string {
  return entries
    .filter((e) => e.rank <= 3)
    .map((e) => `${e.rank}. ${e.title} — ${e.agency} (${e.region})`)
    .join(' · ');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The description a link preview shows: the Top 3 once announced, the date before. */
export function shareDescription(
  competition: Competition,
  announcement: PublicAnnouncement,
  lang: Lang,
): string {
  const t = sayer(lang);
  if (announcement.status === 'announced') {
    return clip(`${t('shareTop3')}: ${podium(announcement.entries)}`, DESCRIPTION_MAX);
  }
  if (announcement.status === 'invalid') return t('invalidTitle');
  const when = formatLocalMoment(announcement.announceAt, announcement.timezone, lang);
  return clip(t('shareSoon', { name: localName(competition, lang), when }), DESCRIPTION_MAX);
}

/** description + og: tags; `url` is the page's absolute address. */
export function ShareHead(props: {
  title: string;
  description: string;
  url: string;
  site: string;
  lang: Lang;
  /** An absolute address of the link preview's picture (the announcement's Top 10 card). */
  image?: string | undefined;
}) {
  return (
    <>
      <meta name="description" content={props.description} />
      {props.image ? (
        <>
          <meta property="og:image" content={props.image} />
          <meta property="og:image:type" content="image/svg+xml" />
          <meta property="og:image:width" content={String(CARD_WIDTH)} />
          <meta property="og:image:height" content={String(CARD_HEIGHT)} />
        </>
      ) : null}
      <meta property="og:type" content="website" />
      <meta property="og:title" content={props.title} />
      <meta property="og:description" content={props.description} />
      <meta property="og:url" content={props.url} />
      <meta property="og:site_name" content={props.site} />
      <meta property="og:locale" content={props.lang === 'id' ? 'id_ID' : 'en_GB'} />
      <meta name="twitter:card" content={props.image ? 'summary_large_image' : 'summary'} />
      <link rel="canonical" href={props.url} />
    </>
  );
}

/** The text people forward: the announcement itself, then where to read it. */
export function shareText(announcementText: string, url: string): string {
  return `${announcementText}\n\n${url}`;
}

export const SHARE_CSS = `
.nw{white-space:nowrap}
.share{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1.25rem 0}
.share a.btn{text-decoration:none;display:inline-block}
.share textarea{width:100%;min-height:8rem;font:inherit;font-size:.875rem}
.share details{flex-basis:100%}
.cat{display:inline-block;margin-left:.15rem;padding:0 .45rem;border:1px solid #9aa5b1;border-radius:1rem;font-size:.8125rem;color:#1b1f24;background:#f4f6f8}
.meta .cat::before{content:none}
.po{display:none}
@media print{
.share{display:none}
.po{display:block}
.po.sig{margin-top:10mm;text-align:right}
.po.src{font-size:9pt;color:#333;overflow-wrap:anywhere}
}
`;

/** Page numbers and the address in the printed page's margins (Chromium prints CSS page-margin boxes). */
export function printMarginCss(url: string, lang: Lang): string {
  const page = lang === 'id' ? ['Halaman ', ' dari '] : ['Page ', ' of '];
  return `@media print{@page{margin:15mm 15mm 18mm;@bottom-left{content:${cssString(url)};font:8pt system-ui,sans-serif;color:#333}@bottom-right{content:${cssString(page[0] ?? '')} counter(page) ${cssString(page[1] ?? '')} counter(pages);font:8pt system-ui,sans-serif;color:#333}}}`;
}

/** "Salin teks" (with the script) and WhatsApp; without a script the text is still there to select and copy. */
export function SharePanel(props: { text: string; lang: Lang }) {
  const t = sayer(props.lang);
  const wa = `https://wa.me/?text=${encodeURIComponent(props.text)}`;
  return (
    <section class="share" aria-label={t('share')}>
      <a class="btn" href={wa} target="_blank" rel="noopener noreferrer">
        {t('shareWhatsApp')}
      </a>
      <button type="button" data-copy="teks-pengumuman" data-done={t('copied')} hidden>
        {t('copyText')}
      </button>
      <details>
        <summary>{t('announcementText')}</summary>
        <textarea id="teks-pengumuman" readonly rows={12} aria-label={t('announcementText')}>
          {props.text}
        </textarea>
      </details>
    </section>
  );
}

/** For print: who set the result, where and when; and where to find it. */
export function PrintFooter(props: { competition: Competition; url: string; lang: Lang; day: string }) {
  const { competition, lang } = props;
  const t = sayer(lang);
  const date = formatLongDate(props.day, lang).replace(/^[^,]*, /, '');
  const { place } = decision(competition);
  return (
    <>
      <p class="po sig">
        {place ? t('setAtPlace', { place, date }) : t('setOn', { date })}
        <br />
        {competition.organizer}
      </p>
      <p class="po src">{t('printSource', { url: props.url })}</p>
    </>
  );
}

/** Progressive enhancement under the page's CSP nonce: shows "Salin teks" and copies the text. */
export const COPY_SCRIPT = `for(const b of document.querySelectorAll('button[data-copy]')){const t=document.getElementById(b.dataset.copy);if(!t)continue;b.hidden=false;b.addEventListener('click',async()=>{try{await navigator.clipboard.writeText(t.value)}catch{t.select();document.execCommand('copy')}b.textContent=b.dataset.done})}`;
