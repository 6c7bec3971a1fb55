import type { Lang } from '../../../shared/domain/i18n.ts';
import type { ResultRecord } from '../../../shared/domain/record.ts';
import { beritaAcara } from '../../../shared/messages/berita-acara.ts';
import type { BaBlock, BaCell } from '../../../shared/messages/berita-acara-blocks.ts';
import { Layout } from '../ui/layout.tsx';
import { cssString } from '../ui/stack-table.ts';
import { sayer } from '../ui/strings.ts';

/** "Halaman 2 dari 6" at the foot of every printed page (Chromium prints CSS page-margin boxes). */
function pageNumbersCss(lang: Lang): string {
  const [page, of] = lang === 'id' ? ['Halaman ', ' dari '] : ['Page ', ' of '];
  return `@media print{@page{@bottom-center{content:${cssString(page)} counter(page) ${cssString(of)} counter(pages);font:9pt "Noto Serif","DejaVu Serif",Georgia,serif;color:#000}}}`;
}

/** A4 portrait, black on white, tables that repeat their header and never split a signature. */
export const BA_CSS = `
.ba{background:#fff;border:1px solid #d5dbe1;padding:1.5rem;font-family:"Noto Serif","DejaVu Serif",Georgia,serif;font-size:.95rem}
.ba h1{text-align:center;font-size:1.2rem;margin:0}
.ba .sub{text-align:center;margin:.25rem 0 1rem}
.ba .no{text-align:center;margin:.25rem 0 0}
.ba .small{font-size:.8rem;color:#333;overflow-wrap:anywhere;border-top:1px solid #777;padding-top:.35rem;margin-top:1.5rem}
.ba h2{font-size:1rem;margin:1.25rem 0 .5rem}
.ba table{border-collapse:collapse;width:100%;margin:.25rem 0 .75rem;font-size:.85rem}
.ba th,.ba td{border:1px solid #777;padding:.2rem .35rem;text-align:left;vertical-align:top}
.ba th{background:#eee}
.ba .hash td{font-family:ui-monospace,monospace;overflow-wrap:anywhere}
.ba .compact{font-size:.75rem}
.ba .compact td:nth-child(2),.ba .compact td:nth-child(1),.ba .compact td:nth-child(5){white-space:nowrap}
.sig{display:grid;grid-template-columns:repeat(2,1fr);gap:1.5rem 2rem;margin-top:1rem}
.sig div{break-inside:avoid}
.sig .line{border-bottom:1px solid #000;height:3.5rem}
.hint{margin:0 0 1rem}
@media screen and (max-width:40rem){
.ba{padding:.75rem}
.ba table{display:block;overflow-x:auto;max-width:100%}
.sig{grid-template-columns:1fr}
}
@media print{
@page{size:A4;margin:18mm 15mm}
body{background:#fff}
.top,.noprint,.skip{display:none}
main{max-width:none;padding:0}
.ba{border:0;padding:0;font-size:10.5pt}
thead{display:table-header-group}
tr{break-inside:avoid}
h2{break-after:avoid}
}
`;

/** Each cell's text isolated (`<bdi>`): a right-to-left title or name cannot reorder its neighbours. */
function Cell({ cell }: { cell: BaCell }) {
  if (typeof cell === 'string') return <bdi>{cell}</bdi>;
  return (
    <>
      {cell.lead}
      <bdi>{cell.name}</bdi>
      {cell.tail}
    </>
  );
}

function Block({ block }: { block: BaBlock }) {
  switch (block.kind) {
    case 'heading':
      return <h2>{block.text}</h2>;
    case 'para':
      return <p class={block.small ? 'small' : undefined}>{block.text}</p>;
    case 'table': {
      const hasHeader = block.header.some((h) => h !== '');
      const second = block.rows[0]?.[1];
      const isHash = block.header.length === 2 && typeof second === 'string' && second.length === 64;
      return (
        <table class={isHash ? 'hash' : block.compact ? 'compact' : undefined}>
          {hasHeader ? (
            <thead>
              <tr>
                {block.header.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
          ) : null}
          <tbody>
            {block.rows.map((r) => (
              <tr>
                {r.map((cell, i) =>
                  // Without a header row, a table is label and value: the label names its row.
                  !hasHeader && i === 0 ? (
                    <th scope="row">
                      <Cell cell={cell} />
                    </th>
                  ) : (
                    <td>
                      <Cell cell={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'signatures':
      return (
        <>
          <p>{block.place}</p>
          <div class="sig">
            {block.rows.map((r) => (
              <div>
                <p>{r.role}</p>
                <div class="line" />
                <p>
                  <b>{r.name}</b>
                  <br />
                  {r.affiliation}
                </p>
              </div>
            ))}
          </div>
        </>
      );
  }
}

/** The printable Berita Acara of one fixed version (PDF through the browser's print). */
export function BeritaAcaraPage(props: {
  record: ResultRecord;
  lang: Lang;
  path: string;
  /** The copy linked from the announcement: no way into the console. */
  publicCopy?: boolean;
}) {
  const doc = beritaAcara(props.record, props.lang);
  const t = sayer(props.lang);
  return (
    <Layout
      lang={props.lang}
      title={`${doc.title} — ${props.record.competitionId} v${props.record.version}`}
      org={props.record.competition.organizer}
      css={BA_CSS + pageNumbersCss(props.lang)}
      path={props.path}
      noindex={!props.publicCopy}
    >
      {props.publicCopy ? (
        <p class="hint muted">{t('publicCopy')}</p>
      ) : (
        <p class="hint noprint muted">
          {t('printHint')} <a href="/sekretariat/hasil#penetapan">{t('backToDashboard')}</a>
        </p>
      )}
      <article class="ba">
        <h1>{doc.title}</h1>
        {doc.number ? <p class="no">{doc.number}</p> : null}
        <p class="sub">{doc.subtitle}</p>
        {doc.blocks.map((b) => (
          <Block block={b} />
        ))}
      </article>
    </Layout>
  );
}
