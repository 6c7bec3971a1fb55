import type { Competition } from '../../../shared/domain/competition.ts';
import { isFieldStage } from '../../../shared/domain/field.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import type { Problem } from '../../../shared/domain/problems.ts';
import type { StageResult } from '../../../shared/domain/ranking.ts';
import { mapAnswers } from '../../../shared/domain/submission.ts';
import { formatInstant } from '../../../shared/messages/moments.ts';
import { problemText } from '../../../shared/messages/problems.ts';
import { submissionIssuesLine } from '../../../shared/messages/selection.ts';
import type { Rejection } from '../../../shared/ports.ts';
import type { JurorProgress } from '../../../shared/sheet/layout.ts';
import { BoxPlots } from '../ui/charts/box-plot.tsx';
import { hasTile, TileGrid } from '../ui/charts/tile-grid.tsx';
import { EntryName, type Titles } from '../ui/entry-name.tsx';
import { allTotals, boxStats, jurorSpreads } from '../ui/stats.ts';
import { type Say, sayer } from '../ui/strings.ts';

/** Tables stop here so a national-size run still fits the page budget; the Sheet has the rest. */
export const MAX_ROWS = 100;
const MAX_LIST = 40;

export interface SectionProps {
  competition: Competition;
  lang: Lang;
}

/** A stage id as readers know it; 'final' is the combined ranking, an unknown id shows as itself. */
function stageName(competition: Competition, stageId: string, lang: Lang): string {
  if (stageId === 'final') return sayer(lang)('finalRanking');
  const stage = competition.stages.find((s) => s.id === stageId);
  return stage ? localName(stage, lang) : stageId;
}

function categoryName(competition: Competition, id: string, lang: Lang): string {
  const category = competition.categories.find((c) => c.id === id);
  return category ? localName(category, lang) : id;
}

function Truncated({ shown, total, t }: { shown: number; total: number; t: Say }) {
  return shown < total ? <p class="muted">{t('truncated', { shown, total })}</p> : null;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function RegionsSection(props: SectionProps & { innovations: readonly Innovation[] }) {
  const { competition, lang, innovations } = props;
  const t = sayer(lang);
  const byRegion = countBy(innovations, (i) => i.region);
  const byCategory = countBy(innovations, (i) => i.category);
  const regions = [...new Set([...competition.regions, ...byRegion.keys()])];
  const others = [...byRegion.entries()].filter(([r]) => !hasTile(r));
  const maxCategory = Math.max(0, ...byCategory.values());
  return (
    <section class="card" id="wilayah" aria-labelledby="h-wilayah">
      <h2 id="h-wilayah">{t('byRegion')}</h2>
      <div class="grid2">
        <div>
          <TileGrid
            counts={byRegion}
            label={t('byRegionMap', { n: innovations.length })}
            legend={t('legend')}
            codes={t('codes')}
          />
          {others.length > 0 ? (
            <p>
              {t('otherRegions')}: {others.map(([r, n]) => `${r} (${n})`).join(', ')}
            </p>
          ) : null}
          <details>
            <summary>{t('regionTable')}</summary>
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('region')}</th>
                    <th scope="col" class="n">
                      {t('count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {regions.map((r) => (
                    <tr>
                      <td>{r}</td>
                      <td class="n">{byRegion.get(r) ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
        <div>
          <h3 id="h-kategori">{t('byCategory')}</h3>
          <table aria-labelledby="h-kategori">
            <thead>
              <tr>
                <th scope="col">{t('category')}</th>
                <th scope="col" class="n">
                  {t('count')}
                </th>
                <th scope="col">
                  <span class="muted">%</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {competition.categories.map((c) => {
                const n = byCategory.get(c.id) ?? 0;
                return (
                  <tr>
                    <td>{categoryName(competition, c.id, lang)}</td>
                    <td class="n">{n}</td>
                    <td>
                      <meter min={0} max={maxCategory} value={n} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

export function ProgressSection(props: SectionProps & { progress: readonly JurorProgress[] }) {
  const { competition, lang, progress } = props;
  const t = sayer(lang);
  const names = new Map(competition.jurors.map((j) => [j.id, j.name]));
  return (
    <section class="card" id="progres" aria-labelledby="h-progres">
      <h2 id="h-progres">{t('progress')}</h2>
      {progress.length === 0 ? (
        <p>{t('noProgress')}</p>
      ) : (
        <div class="scroll">
          <table class="wide stk t-prog">
            <thead>
              <tr>
                <th scope="col">{t('stage')}</th>
                <th scope="col">{t('juror')}</th>
                <th scope="col" class="n">
                  {t('scored')}
                </th>
                <th scope="col" class="n">
                  %
                </th>
                <th scope="col">
                  <span class="muted">{t('progress')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.map((p) => {
                const pct = p.assigned > 0 ? Math.round((100 * p.scored) / p.assigned) : 0;
                return (
                  <tr>
                    <td>{stageName(competition, p.stage, lang)}</td>
                    <td>{names.get(p.juror) ?? p.juror}</td>
                    <td class="n">
                      {p.scored}/{p.assigned}
                    </td>
                    <td class="n">{pct}%</td>
                    <td>
                      <meter min={0} max={p.assigned} value={p.scored} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DistributionSection(props: SectionProps & { stages: readonly StageResult[] }) {
  const { competition, lang, stages } = props;
  const t = sayer(lang);
  const names = new Map(competition.jurors.map((j) => [j.id, j.name]));
  return (
    <section class="card" id="sebaran" aria-labelledby="h-sebaran">
      <h2 id="h-sebaran">{t('distribution')}</h2>
      <p class="muted">{t('distributionIntro')}</p>
      {stages.map((result) => {
        const stage = competition.stages.find((s) => s.id === result.stage);
        // A field verification's yes / partly / no is a check, not a mark: no spread of habits to show.
        if (stage && isFieldStage(stage)) return null;
        const panel = stage?.jurors ?? competition.jurors.map((j) => j.id);
        const spreads = jurorSpreads(result.ranking, panel);
        const title = `${t('distribution')} — ${stageName(competition, result.stage, lang)}`;
        return (
          <div id={`bp-${result.stage}`}>
            <h3>{stageName(competition, result.stage, lang)}</h3>
            {spreads.every((s) => s.box === null) ? (
              <p>{t('noScores')}</p>
            ) : (
              <BoxPlots
                title={title}
                spreads={spreads}
                names={names}
                panelMedian={boxStats(allTotals(result.ranking))?.median ?? null}
                lang={lang}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}

export function ProblemsSection(props: SectionProps & { problems: readonly Problem[]; titles: Titles }) {
  const { competition, lang, problems, titles } = props;
  const t = sayer(lang);
  const rows = problems.slice(0, MAX_LIST);
  const jurors = new Map(competition.jurors.map((j) => [j.id, j.name]));
  return (
    <section class="card" id="masalah" aria-labelledby="h-masalah">
      <h2 id="h-masalah">
        {t('problems')} ({problems.length})
      </h2>
      {problems.length === 0 ? (
        <p>{t('noProblems')}</p>
      ) : (
        <section class="scroll" aria-labelledby="h-masalah" tabindex={0}>
          <table class="wide stk t-prob">
            <thead>
              <tr>
                <th scope="col">{t('cell')}</th>
                <th scope="col">{t('stage')}</th>
                <th scope="col">{t('juror')}</th>
                <th scope="col">{t('innovation')}</th>
                <th scope="col">{t('value')}</th>
                <th scope="col">{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr>
                  <td>
                    <code>{p.cell ?? '–'}</code>
                  </td>
                  <td>{stageName(competition, p.stage, lang)}</td>
                  <td>{jurors.get(p.juror) ?? p.juror}</td>
                  <td>
                    <EntryName id={p.innovation} titles={titles} />
                  </td>
                  <td>
                    <code>{p.value}</code>
                  </td>
                  <td>{problemText(p, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Truncated shown={rows.length} total={problems.length} t={t} />
    </section>
  );
}

/**
 * Submissions the intake refused for their answers, as cards: the entry's title, agency and region as
 * typed (never its contacts), what was wrong in words, and what to do. A valid one that only came late
 * has its own card with the accept form (LateEntriesSection) and is not listed again.
 */
export function RejectionsSection(props: SectionProps & { rejections: readonly Rejection[] }) {
  const { competition, lang } = props;
  const t = sayer(lang);
  const rejections = props.rejections.filter((r) => !r.submission);
  return (
    <section class="card" id="ditolak" aria-labelledby="h-ditolak">
      <h2 id="h-ditolak">
        {t('rejections')} ({rejections.length})
      </h2>
      {rejections.length === 0 ? (
        <p>{t('noRejections')}</p>
      ) : (
        <>
          <p class="muted">{t('rejectionsAction')}</p>
          {rejections.slice(0, MAX_LIST).map((r) => (
            <RejectionCard competition={competition} lang={lang} rejection={r} />
          ))}
        </>
      )}
      <Truncated shown={Math.min(rejections.length, MAX_LIST)} total={rejections.length} t={t} />
    </section>
  );
}

function RejectionCard(props: SectionProps & { rejection: Rejection }) {
  const { competition, lang, rejection: r } = props;
  const t = sayer(lang);
  const typed = mapAnswers(
    competition.form,
    Object.entries(r.answers).map(([title, value]) => ({ title, values: [value] })),
  );
  const place = [typed.agency, typed.region].filter((v): v is string => v !== undefined);
  return (
    <article class="fix">
      <h3 dir="auto">{typed.title ?? t('rejectionUntitled')}</h3>
      <p>
        {place.map((v) => (
          <>
            <bdi>{v}</bdi> ·{' '}
          </>
        ))}
        {t('receivedAt')} {formatInstant(r.receivedAt, competition.timezone, lang)} ·{' '}
        <code>{r.responseId}</code>
      </p>
      <p>
        <b>{t('rejectionWrong')}</b> {submissionIssuesLine(r.reasons, lang)}
      </p>
    </article>
  );
}
