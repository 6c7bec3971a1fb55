import type { Competition } from '../../../shared/domain/competition.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import { formatInstant } from '../../../shared/messages/moments.ts';
import { Pager, pageOf } from '../ui/pager.tsx';
import { StackHead } from '../ui/stack-head.tsx';
import { sayer } from '../ui/strings.ts';

/** Entries per page: 3,500 at national scale are 70 pages, each well inside the page budget. */
export const ENTRIES_PER_PAGE = 50;

/** The registered entries, newest first, one page at a time (?halaman=2), each by title with its id. */
export function EntriesSection(props: {
  competition: Competition;
  lang: Lang;
  innovations: readonly Innovation[];
  /** ?halaman=, as asked. */
  page: string | undefined;
  /** This page's path, for the pager's links. */
  path: string;
}) {
  const { competition, lang, innovations } = props;
  const t = sayer(lang);
  const { page, pages, start, end } = pageOf(props.page, innovations.length, ENTRIES_PER_PAGE);
  const rows = [...innovations]
    .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0))
    .slice(start, end);
  const link = (k: number) => `${props.path}?halaman=${k}#pendaftar`;
  return (
    <section class="card" id="pendaftar" aria-labelledby="h-pendaftar">
      <h2 id="h-pendaftar">
        {t('entriesTitle')} ({innovations.length})
      </h2>
      {innovations.length === 0 ? (
        <p>{t('noEntries')}</p>
      ) : (
        <div class="scroll">
          <table class="wide stk t-entries">
            <StackHead
              kind="t-entries"
              columns={[t('innovation'), t('colAgency'), t('region'), t('submittedCol')]}
            />
            <tbody>
              {rows.map((i) => (
                <tr>
                  <td>
                    <bdi>{i.title}</bdi> <small>{i.id}</small>
                  </td>
                  <td>
                    <bdi>{i.agency}</bdi>
                  </td>
                  <td>{i.region}</td>
                  <td>{formatInstant(i.submittedAt, competition.timezone, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager lang={lang} label={t('entriesTitle')} page={page} pages={pages} href={link} />
    </section>
  );
}
