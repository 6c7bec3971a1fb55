import type { HtmlEscapedString } from 'hono/utils/html';
import type { Competition } from '../../../shared/domain/competition.ts';
import { finalTop } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import { normalizeTitle } from '../../../shared/domain/selection.ts';
import { formatLocalMoment } from '../../../shared/messages/moments.ts';
import { ShareHead, Unbroken } from '../public/share.tsx';
import { Layout } from '../ui/layout.tsx';
import { sayer } from '../ui/strings.ts';
import { ANNOUNCE_CSS } from '../ui/styles.ts';

/** The catalogue's pages: the list with its filters, one entry, and "not yet" before the announcement. */
/** Entries listed on one page at most, so a national run keeps the page small; the filters narrow it. */
export const MAX_LISTED = 300;

export const CATALOGUE_CSS = `
.cari{display:grid;gap:.5rem;grid-template-columns:1fr;margin:0 0 1rem}
@media (min-width:40rem){.cari{grid-template-columns:2fr 1fr 1fr 1fr auto;align-items:end}}
.cari label{display:block;font-size:.875rem;font-weight:600}
.cari input,.cari select{font:inherit;width:100%;padding:.4rem;border:2px solid #4a5560;border-radius:.375rem;background:#fff}
.kat{list-style:none;margin:0;padding:0}
.kat li{background:#fff;border:1px solid #d5dbe1;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 .5rem}
.kat h2{font-size:1.05rem;margin:0}
.kat p{margin:.15rem 0 0;color:#4a5560;font-size:.9375rem}
.kat p>:is(span,bdi)+:is(span,bdi)::before{content:" · "}
.sum{white-space:pre-line}
.entry dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem}
.entry dt{font-weight:600}
.entry dd{margin:0;overflow-wrap:anywhere}
.entry h2{margin:1.25rem 0 .35rem}
.nw{white-space:nowrap}
.badge{display:inline-block;padding:0 .45rem;border-radius:1rem;background:#f2a900;color:#1b1f24;font-size:.8125rem;font-weight:700}
.cat{display:inline-block;padding:0 .45rem;border:1px solid #9aa5b1;border-radius:1rem;font-size:.8125rem;color:#1b1f24;background:#f4f6f8}
.kat p span.cat::before{content:none}
`;

export interface Listed {
  innovation: Innovation;
  category: string;
  year: string;
  /** "Top 10 — peringkat 3", for the winners. */
  rank: number | undefined;
}

export interface Filters {
  q: string;
  region: string;
  category: string;
  year: string;
}

export function searchText(l: Listed): string {
  const i = l.innovation;
  return normalizeTitle(`${i.title} ${i.agency} ${i.region} ${l.category}`);
}

export function matches(l: Listed, f: Filters): boolean {
  const words = normalizeTitle(f.q).split(' ').filter(Boolean);
  const text = searchText(l);
  return (
    (!f.region || l.innovation.region === f.region) &&
    (!f.category || l.innovation.category === f.category) &&
    (!f.year || l.year === f.year) &&
    words.every((w) => text.includes(w))
  );
}

/** Filters the page in the browser as one types; the GET form does the same without a script. */
export const FILTER_SCRIPT = `(()=>{const f=document.getElementById('cari');if(!f)return;const items=[...document.querySelectorAll('#daftar-inovasi>li')];const n=document.getElementById('jumlah');const none=document.getElementById('kosong');const norm=s=>s.normalize('NFKD').replace(/\\p{M}+/gu,'').toLowerCase().replace(/[^\\p{L}\\p{N}]+/gu,' ').trim();const run=()=>{const q=norm(f.q.value).split(' ').filter(Boolean);const r=f.wilayah.value,k=f.kategori.value,y=f.tahun.value;let c=0;for(const li of items){const d=li.dataset;const ok=(!r||d.r===r)&&(!k||d.k===k)&&(!y||d.y===y)&&q.every(w=>d.t.includes(w));li.hidden=!ok;if(ok)c++}n.textContent=n.dataset.tpl.replace('{n}',c);none.hidden=c>0};f.addEventListener('input',run);f.addEventListener('change',run);f.addEventListener('submit',e=>{e.preventDefault();run()})})();`;

function Page(props: {
  lang: Lang;
  competition: Competition;
  title: string;
  path: string;
  url: string;
  description: string;
  nonce?: string | undefined;
  script?: boolean;
  children: unknown;
}) {
  return (
    <Layout
      lang={props.lang}
      title={props.title}
      org={props.competition.organizer}
      css={ANNOUNCE_CSS + CATALOGUE_CSS}
      path={props.path}
      head={
        <ShareHead
          title={props.title}
          description={props.description}
          url={props.url}
          site={props.competition.organizer}
          lang={props.lang}
        />
      }
      script={props.script && props.nonce ? { nonce: props.nonce, code: FILTER_SCRIPT } : undefined}
    >
      {props.children as HtmlEscapedString}
    </Layout>
  );
}

function Options(props: { values: readonly (readonly [string, string])[]; chosen: string; all: string }) {
  return (
    <>
      <option value="">{props.all}</option>
      {props.values.map(([value, label]) => (
        <option value={value} selected={value === props.chosen}>
          {label}
        </option>
      ))}
    </>
  );
}

export function CataloguePage(props: {
  lang: Lang;
  competition: Competition;
  listed: readonly Listed[];
  filters: Filters;
  path: string;
  url: string;
  nonce?: string | undefined;
}) {
  const { lang, competition, listed, filters } = props;
  const t = sayer(lang);
  const name = localName(competition, lang);
  const shown = listed.filter((l) => matches(l, filters)).slice(0, MAX_LISTED);
  const regions = [...new Set(listed.map((l) => l.innovation.region))].sort().map((r) => [r, r] as const);
  const categories = competition.categories
    .filter((c) => listed.some((l) => l.innovation.category === c.id))
    .map((c) => [c.id, localName(c, lang)] as const);
  const years = [...new Set(listed.map((l) => l.year).filter(Boolean))].sort().map((y) => [y, y] as const);
  const top = finalTop(competition);
  const title = `${t('catalogue')} — ${name}`;
  return (
    <Page
      lang={lang}
      competition={competition}
      title={title}
      path={props.path}
      url={props.url}
      description={t('catalogueIntro', { name })}
      nonce={props.nonce}
      script
    >
      <h1>
        <Unbroken text={title} />
      </h1>
      <p>
        <Unbroken text={t('catalogueIntro', { name })} />
      </p>
      <form id="cari" class="cari" method="get" action={props.path}>
        <div>
          <label for="q">{t('search')}</label>
          <input type="search" id="q" name="q" value={filters.q} />
        </div>
        <div>
          <label for="wilayah">{t('region')}</label>
          <select id="wilayah" name="wilayah">
            <Options values={regions} chosen={filters.region} all={t('all')} />
          </select>
        </div>
        <div>
          <label for="kategori">{t('category')}</label>
          <select id="kategori" name="kategori">
            <Options values={categories} chosen={filters.category} all={t('all')} />
          </select>
        </div>
        <div>
          <label for="tahun">{t('startYear')}</label>
          <select id="tahun" name="tahun">
            <Options values={years} chosen={filters.year} all={t('all')} />
          </select>
        </div>
        <button type="submit">{t('show')}</button>
      </form>
      <p id="jumlah" role="status" data-tpl={t('shown', { n: '{n}' })}>
        {t('shown', { n: shown.length })}
      </p>
      <p id="kosong" hidden={shown.length > 0}>
        {t('noneFound')}
      </p>
      <ul class="kat" id="daftar-inovasi">
        {shown.map((l) => {
          const i = l.innovation;
          return (
            <li data-r={i.region} data-k={i.category} data-y={l.year} data-t={searchText(l)}>
              <h2>
                <a href={`${props.path}/${encodeURIComponent(i.id)}`}>
                  <bdi>{i.title}</bdi>
                </a>{' '}
                {l.rank !== undefined ? (
                  <span class="badge">{t('winnerRank', { top, rank: l.rank })}</span>
                ) : null}
              </h2>
              <p>
                <bdi>{i.agency}</bdi>
                <span>{i.region}</span>
                {l.year ? <span>{`${t('startYear')} ${l.year}`}</span> : null}{' '}
                <span class="cat">{t('categoryTag', { category: l.category })}</span>
              </p>
            </li>
          );
        })}
      </ul>
    </Page>
  );
}

/** Only http(s) links an agency typed are shown as links. */
function safeLink(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function EntryPage(props: {
  lang: Lang;
  competition: Competition;
  entry: Listed;
  path: string;
  url: string;
  catalogue: string;
}) {
  const { lang, competition, entry } = props;
  const t = sayer(lang);
  const i = entry.innovation;
  const links = [
    [t('proposal'), safeLink(i.details?.proposalUrl)],
    [t('video'), safeLink(i.details?.videoUrl)],
  ].filter((l): l is [string, string] => l[1] !== undefined);
  return (
    <Page
      lang={lang}
      competition={competition}
      title={`${i.title} — ${t('catalogue')}`}
      path={props.path}
      url={props.url}
      description={(i.summary ?? i.title).slice(0, 300)}
    >
      <p>
        <a href={props.catalogue}>← {t('backToCatalogue')}</a>
      </p>
      <article class="card entry">
        <h1 dir="auto">{i.title}</h1>
        {entry.rank !== undefined ? (
          <p>
            <span class="badge">{t('winnerRank', { top: finalTop(competition), rank: entry.rank })}</span>
          </p>
        ) : null}
        <dl>
          <dt>{t('agency')}</dt>
          <dd dir="auto">{i.agency}</dd>
          <dt>{t('region')}</dt>
          <dd>{i.region}</dd>
          <dt>{t('category')}</dt>
          <dd>{entry.category}</dd>
          {entry.year ? (
            <>
              <dt>{t('startYear')}</dt>
              <dd>{entry.year}</dd>
            </>
          ) : null}
          <dt>{t('innovation')}</dt>
          <dd>
            {i.id} · <Unbroken text={localName(competition, lang)} />
          </dd>
        </dl>
        {i.summary ? (
          <>
            <h2>{t('summary')}</h2>
            <p class="sum">{i.summary}</p>
          </>
        ) : null}
        {links.length > 0 ? (
          <>
            <h2>{t('links')}</h2>
            <ul>
              {links.map(([label, href]) => (
                <li>
                  <a href={href} rel="nofollow noopener noreferrer ugc" target="_blank">
                    {label}
                  </a>
                </li>
              ))}
            </ul>
            <p class="muted">{t('externalNote')}</p>
          </>
        ) : null}
      </article>
    </Page>
  );
}

export function ClosedPage(props: { lang: Lang; competition: Competition; path: string; url: string }) {
  const { lang, competition } = props;
  const t = sayer(lang);
  const name = localName(competition, lang);
  const later = t('catalogueLater', {
    when: formatLocalMoment(competition.announceAt, competition.timezone, lang),
  });
  return (
    <Page
      lang={lang}
      competition={competition}
      title={`${t('catalogue')} — ${name}`}
      path={props.path}
      url={props.url}
      description={later}
    >
      <div class="wait">
        <h1>{`${t('catalogue')} — ${name}`}</h1>
        <h2>{t('notYet')}</h2>
        <p class="date">{later}</p>
      </div>
    </Page>
  );
}
