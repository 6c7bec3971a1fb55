import type { Lang } from '../../../shared/domain/i18n.ts';
import { sayer } from './strings.ts';

/** A long list a page at a time (?halaman=): page `n` of `pages` for `total` rows of `size` each. */
export function pageOf(asked: string | undefined, total: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  const n = Number(asked);
  const page = Number.isInteger(n) && n >= 1 && n <= pages ? n : 1;
  return { page, pages, start: (page - 1) * size, end: page * size };
}

/** The way to the previous and the next page; nothing when everything fits one page. */
export function Pager(props: {
  lang: Lang;
  label: string;
  page: number;
  pages: number;
  href: (n: number) => string;
}) {
  const { page, pages, href } = props;
  const t = sayer(props.lang);
  if (pages <= 1) return null;
  return (
    <nav class="pager noprint" aria-label={props.label}>
      {page > 1 ? <a href={href(page - 1)}>{t('previousPage')}</a> : null}
      <span>{t('entriesPage', { n: page, of: pages })}</span>
      {page < pages ? <a href={href(page + 1)}>{t('nextPage')}</a> : null}
    </nav>
  );
}
