import { type Competition, finalTop } from '../../../shared/domain/competition.ts';
import { unadjustedPlaces } from '../../../shared/domain/fairness/stage-scores.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import type { CompetitionResult, RankedEntry } from '../../../shared/domain/ranking.ts';
import { liveRepresentation } from '../../../shared/domain/record.ts';
import { scoreText } from '../../../shared/messages/numbers.ts';
import { representationNotes } from '../../../shared/messages/representation.ts';
import { Pager, pageOf } from '../ui/pager.tsx';
import { stackLabels } from '../ui/stack-table.ts';
import { type Say, sayer } from '../ui/strings.ts';

/** Rows per page (?halaman=), so a national-size run still fits the page budget; the export has them all. */
const ROWS_PER_PAGE = 50;

export interface RankingProps {
  competition: Competition;
  lang: Lang;
  result: CompetitionResult | undefined;
  innovations: readonly Innovation[];
  /** Category id to show only, from ?kategori=. */
  category: string | undefined;
  /** ?halaman=, as asked. */
  page?: string | undefined;
}

export const RANKING_CSS = `
.rk-all td:nth-child(n+6){text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.rk-all td:last-child{text-align:left;white-space:normal}
@media (min-width:40rem){.rk-all td:nth-child(2){min-width:11rem}}
.cats{display:flex;flex-wrap:wrap;gap:.35rem .5rem;list-style:none;padding:0;margin:0 0 .75rem;font-size:.9375rem}
.cats a{display:inline-block;padding:.15rem .6rem;border:1px solid #0b57a4;border-radius:1rem;text-decoration:none}
.cats a[aria-current]{background:#0b57a4;color:#fff}
.rkt td small{display:block;font-size:.75rem;color:#4a5560}
.rkt td:first-child{font-weight:700}
.dl{display:flex;flex-wrap:wrap;gap:.35rem 1rem;margin:.5rem 0 0;font-size:.9375rem}
@media (max-width:40rem){
table.rk-all td:first-child{display:inline-block;width:auto;margin-right:.4rem}
table.rk-all td:first-child::before{content:"#"}
table.rk-all td:nth-child(2){display:inline;width:auto;font-weight:600}
table.rk-all td:nth-child(n+4):not(:last-child){display:inline-block;width:auto;margin-right:1rem}
}
`;

/** The phone labels of the two ranking tables (see stack-table.ts). */
export function rankingCss(competition: Competition, lang: Lang): string {
  const t = sayer(lang);
  const stages = weightedStages(competition).map((s) => localName(s, lang));
  // The rank (shown as "#n") and the title lead each card; every other cell says its column.
  return stackLabels('rk-all', [
    null,
    null,
    t('colAgency'),
    t('region'),
    t('category'),
    ...stages,
    t('colFinal'),
    t('notes'),
  ]);
}

function weightedStages(competition: Competition) {
  return competition.stages.filter((s) => (competition.final.weights[s.id] ?? 0) > 0);
}

const NO_SCORE = { score: null };

function rankText(entry: RankedEntry): string {
  return entry.rank === null ? '–' : `${entry.rank}${entry.tie ? '=' : ''}`;
}

/** Status flags in words (colour is never the only cue). */
function Flags(props: { entry: RankedEntry; t: Say; top: number | null; byCategory: boolean }) {
  const { entry, t, top } = props;
  return (
    <>
      {entry.tie ? <b class="f ft">= {t('flagTie')}</b> : null}
      {entry.status === 'incomplete' ? <b class="f fi">{t('flagIncomplete')}</b> : null}
      {entry.advances ? <b class="f fa">{top === null ? t('flagAdvances') : `Top ${top}`}</b> : null}
      {props.byCategory && entry.categoryRank !== null ? (
        <small>{t('categoryRank', { n: entry.categoryRank })}</small>
      ) : null}
    </>
  );
}

/** One row per ranked entry: where it got to, its score at each stage and in the final ranking. */
export interface RankingRow {
  id: string;
  category: string;
  /** The entry in the furthest ranking it reached (the final one for finalists). */
  furthest: RankedEntry;
  isFinal: boolean;
  /** The entry as each stage ranked it, by stage id. */
  stageScores: Map<string, RankedEntry>;
}

/**
 * Finalists in final order, then everyone else by the furthest stage they reached (later stages first),
 * in that stage's order: the whole competition in one table.
 */
export function rowsOf(result: CompetitionResult): RankingRow[] {
  const scores = new Map<string, Map<string, RankedEntry>>();
  for (const stage of result.stages) {
    for (const e of stage.ranking) {
      const m = scores.get(e.id) ?? new Map<string, RankedEntry>();
      m.set(stage.stage, e);
      scores.set(e.id, m);
    }
  }
  const seen = new Set<string>();
  const rows: RankingRow[] = [];
  const take = (e: RankedEntry, isFinal: boolean) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    rows.push({
      id: e.id,
      category: e.category,
      furthest: e,
      isFinal,
      stageScores: scores.get(e.id) ?? new Map(),
    });
  };
  for (const e of result.final.ranking) take(e, true);
  for (const stage of [...result.stages].reverse()) for (const e of stage.ranking) take(e, false);
  return rows;
}

/**
 * The rankings as the secretariat works with them: every entry with agency and category, its score at
 * each stage and in the final ranking, filtered by category through ?kategori=.
 */
export function RankingSection(props: RankingProps) {
  const { competition, lang, result, category } = props;
  const t = sayer(lang);
  const filterQuery = category ? `?kategori=${encodeURIComponent(category)}` : '';
  return (
    <section class="card" id="peringkat" aria-labelledby="h-peringkat">
      <h2 id="h-peringkat">{t('ranking')}</h2>
      <nav aria-label={t('filterCategory')} class="noprint">
        <ul class="cats">
          <li>
            <a
              href="/sekretariat/hasil#peringkat"
              {...(category === undefined ? { 'aria-current': 'page' } : {})}
            >
              {t('allCategories')}
            </a>
          </li>
          {competition.categories.map((c) => (
            <li>
              <a
                href={`/sekretariat/hasil?kategori=${encodeURIComponent(c.id)}#peringkat`}
                {...(category === c.id ? { 'aria-current': 'page' } : {})}
              >
                {localName(c, lang)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {result ? <RankingTable {...props} result={result} t={t} /> : <p>{t('noRanking')}</p>}
      <p class="dl noprint">
        <span>{t('exports')}:</span>
        <span>
          {t('exportRankings')} <a href={`/sekretariat/ekspor/peringkat.xlsx${filterQuery}`}>.xlsx</a> ·{' '}
          <a href={`/sekretariat/ekspor/peringkat.csv${filterQuery}`}>.csv</a>
        </span>
        <span>
          {t('exportEntries')} <a href="/sekretariat/ekspor/inovasi.xlsx">.xlsx</a> ·{' '}
          <a href="/sekretariat/ekspor/inovasi.csv">.csv</a>
        </span>
      </p>
    </section>
  );
}

function RankingTable(props: RankingProps & { result: CompetitionResult; t: Say }) {
  const { competition, lang, t, result, category } = props;
  const byId = new Map(props.innovations.map((i) => [i.id, i]));
  const categoryNames = new Map(competition.categories.map((c) => [c.id, localName(c, lang)]));
  const stages = weightedStages(competition);
  // An adjusted stage (z-scores, trimmed mean, median): each entry's raw rank beside its score.
  const raw = new Map(
    stages.flatMap((s) => {
      const places = unadjustedPlaces(s, result.stages.find((r) => r.stage === s.id)?.ranking ?? []);
      return places ? [[s.id, places] as const] : [];
    }),
  );
  const all = rowsOf(result).filter((r) => category === undefined || r.category === category);
  const { page, pages, start, end } = pageOf(props.page, all.length, ROWS_PER_PAGE);
  const rows = all.slice(start, end);
  const filter = category ? `kategori=${encodeURIComponent(category)}&` : '';
  const top = finalTop(competition);
  // With representation rules (final.rules) they choose the Top N: say who got in through a quota, who was skipped.
  const outcome = liveRepresentation(competition, props.innovations, result);
  const chosen = outcome && new Set(outcome.selected.map((s) => s.id));
  const ruled = outcome ? representationNotes(outcome, competition, lang) : undefined;
  const count = (ranking: readonly RankedEntry[]) =>
    ranking.filter((e) => category === undefined || e.category === category).length;
  const sizes = [
    ...result.stages.map((s) => {
      const stage = competition.stages.find((x) => x.id === s.stage);
      return t('rankingIn', { stage: stage ? localName(stage, lang) : s.stage, n: count(s.ranking) });
    }),
    t('rankingIn', { stage: t('finalRanking'), n: count(result.final.ranking) }),
  ];
  return (
    <>
      <p class="muted">{sizes.join(' · ')}</p>
      <div class="scroll">
        <table class="stk rkt rk-all">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('colInnovation')}</th>
              <th scope="col">{t('colAgency')}</th>
              <th scope="col">{t('region')}</th>
              <th scope="col">{t('category')}</th>
              {stages.map((s) => (
                <th scope="col">{localName(s, lang)}</th>
              ))}
              <th scope="col">{t('colFinal')}</th>
              <th scope="col">{t('notes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const innovation = byId.get(row.id);
              const furthest = row.furthest;
              const e = chosen && row.isFinal ? { ...furthest, advances: chosen.has(row.id) } : furthest;
              const note = row.isFinal ? ruled?.get(row.id) : undefined;
              return (
                <tr>
                  <td>{row.isFinal ? rankText(e) : '–'}</td>
                  <td>
                    <bdi>{innovation?.title ?? row.id}</bdi>
                    <small>{row.id}</small>
                  </td>
                  <td dir="auto">{innovation?.agency ?? ''}</td>
                  <td>{innovation?.region ?? ''}</td>
                  <td>{categoryNames.get(row.category) ?? row.category}</td>
                  {stages.map((s) => {
                    const place = raw.get(s.id)?.get(row.id);
                    return (
                      <td>
                        {scoreText(row.stageScores.get(s.id) ?? NO_SCORE, lang)}
                        {place === undefined ? null : <small>{t('rawPlace', { place })}</small>}
                      </td>
                    );
                  })}
                  <td>{row.isFinal ? <b>{scoreText(e, lang)}</b> : '–'}</td>
                  <td>
                    <Flags
                      entry={e}
                      t={t}
                      top={row.isFinal ? top : null}
                      byCategory={category !== undefined}
                    />
                    {note ? <small>{note}</small> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager
        lang={lang}
        label={t('ranking')}
        page={page}
        pages={pages}
        href={(n) => `/sekretariat/hasil?${filter}halaman=${n}#peringkat`}
      />
    </>
  );
}
