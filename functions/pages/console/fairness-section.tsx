import type { Competition } from '../../../shared/domain/competition.ts';
import type { CutoffGroup, StageFairness } from '../../../shared/domain/fairness/report.ts';
import { fill, type Lang } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import { formatCount } from '../../../shared/messages/fairness.ts';
import {
  disagreementLines,
  drawLines,
  FAIRNESS_LABELS,
  type FairnessLabels,
  jurorLines,
  methodName,
  methodShort,
  reliabilityLines,
  type StatLine,
  stabilitySentence,
  stabilitySummary,
  staleFairnessNote,
  summaryJurors,
  summaryLine,
  whatIfLines,
} from '../../../shared/messages/fairness-report.ts';
import { formatScore } from '../../../shared/messages/numbers.ts';
import type { SyncRecord } from '../../../shared/ports.ts';
import { groupTitle, stageTitle, whatIfMark } from '../../../shared/sheet/fairness-tabs.ts';
import { EntryName, EntrySentence, entryMark, titlesOf } from '../ui/entry-name.tsx';
import { StackHead } from '../ui/stack-head.tsx';

/**
 * "Keadilan Penilaian": the fairness report of the last sync, read from the store. Every number
 * comes with its one-line sentence for the secretariat to read out. The dashboard keeps to what a
 * panel discusses (changes, entries near a cut-off, flags); the Sheet's "Uji Metode" and
 * "Stabilitas Peringkat" tabs hold every row.
 */

/** Lists stop here so a national run still fits the page budget; the Sheet has the rest. */
const MAX_ITEMS = 20;

export interface FairnessSectionProps {
  competition: Competition;
  lang: Lang;
  sync: SyncRecord | null;
  innovations: readonly Innovation[];
}

/** The path of the full fairness page. */
export const FAIRNESS_PATH = '/sekretariat/keadilan';

/**
 * The dashboard's card: one line per stage and the harsh and lenient jurors, linking to the full
 * page. Kept to a few hundred bytes: the dashboard sits near its 50 KB budget at 80 entries.
 */
export function FairnessSummary(props: FairnessSectionProps) {
  const { competition, lang } = props;
  const t = FAIRNESS_LABELS[lang];
  const report = props.sync?.fairness;
  const names = new Map(props.competition.jurors.map((j) => [j.id, j.name]));
  const jurors = report ? summaryJurors(report.stages, lang, (id) => names.get(id) ?? id) : null;
  return (
    <section class="card" id="keadilan" aria-labelledby="h-keadilan">
      <h2 id="h-keadilan">{t.section}</h2>
      <StaleNote {...props} />
      {report ? (
        <ul>
          {report.stages.map((stage) => {
            const agreement = reliabilityLines(stage, lang).lines.find((l) => l.label === t.alphaRow);
            return (
              <li>
                {stageTitle(competition, stage.stage, lang)}: {summaryLine(stage, lang)}
                {agreement && agreement.value !== null ? (
                  <>
                    ; <StatName line={agreement} lower /> {agreement.shown}
                  </>
                ) : null}
              </li>
            );
          })}
          {jurors ? <li>{jurors}</li> : null}
        </ul>
      ) : (
        <p>{t.noReport}</p>
      )}
      <p>
        <a href={FAIRNESS_PATH}>{t.details}</a>
      </p>
    </section>
  );
}

/** A statistic in plain words, its symbol in the tooltip (mid-sentence: `lower`). */
function StatName({ line, lower = false }: { line: StatLine; lower?: boolean }) {
  const name = lower ? line.name.charAt(0).toLowerCase() + line.name.slice(1) : line.name;
  return <abbr title={line.label}>{name}</abbr>;
}

/** Says when the report describes an earlier sync (a scheduled sync carried it forward). */
function StaleNote({ sync, competition, lang }: FairnessSectionProps) {
  const note = sync?.fairness
    ? staleFairnessNote(sync.fairnessOf, sync.inputHash, competition.timezone, lang)
    : null;
  return note ? <p class="muted">{note}</p> : null;
}

/**
 * The whole report of one stage (?tahap=, the last judged stage by default) with links to the others: three
 * stages at national scale would not fit one page.
 */
export function FairnessSection(props: FairnessSectionProps & { stage?: string | undefined }) {
  const { lang } = props;
  const t = FAIRNESS_LABELS[lang];
  const report = props.sync?.fairness;
  // By default the last judged stage (its jurors, their agreement); the final ranking is a link away.
  const judged = report?.stages.filter((s) => s.stage !== 'final') ?? [];
  const shown = report?.stages.find((s) => s.stage === props.stage) ?? judged.at(-1) ?? report?.stages.at(-1);
  return (
    <section class="card" id="keadilan" aria-labelledby="h-keadilan">
      <h2 id="h-keadilan">{t.section}</h2>
      <p class="muted">{t.intro}</p>
      <StaleNote {...props} />
      {report && shown ? (
        <>
          <details>
            <summary>{t.howToRead}</summary>
            <p>{fill(t.whatIfIntro, { top: 'N' })}</p>
            <p>
              {fill(t.stabilityIntro, { top: 'N', resamples: formatCount(report.settings.resamples, lang) })}
            </p>
          </details>
          <StageBlock {...props} stage={shown} open t={t} />
          {report.stages.length > 1 ? (
            <nav class="noprint" aria-label={t.otherStages}>
              <p>
                {t.otherStages}:{' '}
                {report.stages
                  .filter((s) => s !== shown)
                  .map((s, i) => (
                    <>
                      {i > 0 ? ' · ' : ''}
                      <a href={`${FAIRNESS_PATH}?tahap=${encodeURIComponent(s.stage)}`}>
                        {stageTitle(props.competition, s.stage, lang)}
                      </a>
                    </>
                  ))}
              </p>
            </nav>
          ) : null}
        </>
      ) : (
        <p>{t.noReport}</p>
      )}
    </section>
  );
}

function StageBlock(
  props: FairnessSectionProps & { stage: StageFairness; open: boolean; t: FairnessLabels },
) {
  const { competition, lang, stage, t } = props;
  const method = stage.method ? methodName(stage.method, lang) : t.differs;
  const names = new Map(competition.jurors.map((j) => [j.id, j.name]));
  const reliability = reliabilityLines(stage, lang);
  const named = (id: string) => names.get(id) ?? id;
  const jurors = jurorLines(stage, lang, named);
  const titles = titlesOf(props.innovations);
  const draws = drawLines(stage, lang, named, entryMark);
  const disagreement = disagreementLines(stage, lang);
  return (
    <details open={props.open} id={`keadilan-${stage.stage}`}>
      <summary>
        {stageTitle(competition, stage.stage, lang)} — {method}
      </summary>
      <p>
        {t.method}: <b>{method}</b>
      </p>
      {stage.entries === 0 ? (
        <p>{t.notYet}</p>
      ) : (
        <>
          {reliability.lines.length > 0 ? (
            <div class="scroll">
              <table class="wide stk t-rel">
                <caption>{t.reliability}</caption>
                <StackHead
                  kind="t-rel"
                  columns={[t.statistic, { label: t.value, class: 'n' }, t.explanation]}
                />
                <tbody>
                  {reliability.lines.map((l) => (
                    <tr>
                      <td>
                        <StatName line={l} />
                        <br />
                        <small>{l.meaning}</small>
                      </td>
                      <td class="n">{l.shown}</td>
                      <td>{l.sentence}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {reliability.note ? <p class="muted">{reliability.note}</p> : null}
            </div>
          ) : null}
          {jurors.length > 0 ? (
            <div class="scroll">
              <table class="wide stk t-jur">
                <caption>{t.jurors}</caption>
                <StackHead
                  kind="t-jur"
                  columns={[
                    t.juror,
                    { label: t.leniency, class: 'n' },
                    { label: t.consistency, class: 'n' },
                    t.explanation,
                  ]}
                />
                <tbody>
                  {jurors.map((j) => (
                    <tr>
                      <td>{named(j.juror)}</td>
                      <td class="n">{signed(j.leniency, lang)}</td>
                      <td class="n">{j.consistency === null ? '–' : formatScore(j.consistency, lang)}</td>
                      <td>
                        {j.band === 'harsh' || j.band === 'lenient' ? (
                          <b>{j.sentences[0]}</b>
                        ) : (
                          j.sentences[0]
                        )}{' '}
                        {j.sentences.slice(1).join(' ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="muted">
                <abbr title={t.consistencySymbol}>{t.consistency}</abbr>: {t.consistencyMeaning}
              </p>
            </div>
          ) : null}
          {draws.length > 0 ? (
            <>
              <h3>{t.draws}</h3>
              <ul>
                {draws.map((line) => (
                  <li>
                    <EntrySentence text={line} titles={titles} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {disagreement.summary ? (
            <>
              <h3>{t.disagreement}</h3>
              <p>{disagreement.summary}</p>
              {disagreement.flagged.length > 0 ? (
                <ul>
                  {disagreement.flagged.slice(0, MAX_ITEMS).map((f) => (
                    <li>
                      <b>
                        <EntryName id={f.id} titles={titles} />
                      </b>{' '}
                      {f.sentence}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
          {stage.groups.map((group) => (
            <GroupBlock {...props} group={group} />
          ))}
        </>
      )}
    </details>
  );
}

function GroupBlock(
  props: FairnessSectionProps & { stage: StageFairness; group: CutoffGroup; t: FairnessLabels },
) {
  const { competition, lang, stage, group, t } = props;
  const titles = titlesOf(props.innovations);
  const name = groupTitle(competition, stage, group, lang);
  const changed = group.whatIf.rows.filter((r) =>
    r.cells.some((c) => c.change === 'enters' || c.change === 'leaves'),
  );
  const near = group.stability?.entries.filter((e) => e.nearCutoff) ?? [];
  const chance = fill(stage.cut === 'advance' ? t.probabilityAdvance : t.probability, { top: group.top });
  return (
    <>
      <h3>
        {fill(t.whatIf, { top: group.top })} — {name}
      </h3>
      <ul>
        {whatIfLines(group, stage.method, lang, entryMark).map((line) => (
          <li>
            <EntrySentence text={line} titles={titles} />
          </li>
        ))}
      </ul>
      {changed.length > 0 ? (
        <section class="scroll" aria-label={`${fill(t.whatIf, { top: group.top })} — ${name}`} tabindex={0}>
          <table class="wide stk t-whatif">
            <StackHead
              kind="t-whatif"
              columns={[
                t.title,
                ...group.whatIf.columns.map((c) => ({ label: methodShort(c.method, lang), class: 'n' })),
              ]}
            />
            <tbody>
              {changed.slice(0, MAX_ITEMS).map((row) => (
                <tr>
                  <td>
                    <bdi>{titles.get(row.id) ?? row.id}</bdi> <small>{row.id}</small>
                  </td>
                  {row.cells.map((c) => (
                    <td class="n">{whatIfMark(c, t)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <h3>
        {fill(t.stability, { top: group.top })} — {name}
      </h3>
      <p>{stabilitySummary(group, lang)}</p>
      {near.length > 0 ? (
        <section
          class="scroll"
          aria-label={`${fill(t.stability, { top: group.top })} — ${name}`}
          tabindex={0}
        >
          <table class="wide stk t-stab">
            <StackHead
              kind="t-stab"
              columns={[
                { label: t.rank, class: 'n' },
                t.title,
                { label: chance, class: 'n' },
                { label: t.interval, class: 'n' },
                t.explanation,
              ]}
            />
            <tbody>
              {near.slice(0, MAX_ITEMS).map((e) => (
                <tr>
                  <td class="n">{e.rank}</td>
                  <td>
                    <bdi>{titles.get(e.id) ?? e.id}</bdi> <small>{e.id}</small>
                  </td>
                  <td class="n">{Math.round(e.probabilityTop * 100)}%</td>
                  <td class="n">
                    {e.rankLow}–{e.rankHigh}
                  </td>
                  <td>{stabilitySentence(group, e, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

function signed(value: number | null, lang: Lang): string {
  if (value === null) return '–';
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatScore(Math.abs(value), lang)}`;
}
