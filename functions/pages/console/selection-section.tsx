import type { Competition } from '../../../shared/domain/competition.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import { type SelectionRecord, selectionCounts } from '../../../shared/domain/selection.ts';
import { formatInstant } from '../../../shared/messages/moments.ts';
import { outcomeText, reasonsLine } from '../../../shared/messages/selection.ts';
import { stackLabels } from '../ui/stack-table.ts';
import { sayer } from '../ui/strings.ts';

const MAX_LIST = 40;

export function selectionCss(lang: Lang): string {
  const t = sayer(lang);
  return (
    stackLabels('sel-check', [null, null, t('reason')]) +
    stackLabels('sel-log', [t('selWhen'), null, t('selDecision'), t('selBy'), t('selNote')])
  );
}

/**
 * The administrative selection at a glance: how many passed, failed, need a check, and were decided
 * by the secretariat; the entries to check with their reasons; and who decided what, when.
 */
export function SelectionSection(props: {
  competition: Competition;
  lang: Lang;
  innovations: readonly Innovation[];
  selection: SelectionRecord | undefined;
}) {
  const { competition, lang, selection } = props;
  const t = sayer(lang);
  const titles = new Map(props.innovations.map((i) => [i.id, i.title]));
  const body = () => {
    if (!competition.selection) return <p>{t('selectionOff')}</p>;
    if (!selection) return <p>{t('selectionNotYet')}</p>;
    const counts = selectionCounts(selection.verdicts);
    const toCheck = selection.verdicts.filter((v) => v.outcome === 'check');
    const failed = selection.verdicts.filter((v) => v.outcome === 'fail');
    const log = [...selection.log].reverse().slice(0, MAX_LIST);
    return (
      <>
        <dl class="stats">
          <div>
            <dt>{t('selPass')}</dt>
            <dd>{counts.pass}</dd>
          </div>
          <div>
            <dt>{t('selFail')}</dt>
            <dd>{counts.fail}</dd>
          </div>
          <div>
            <dt>{t('selCheck')}</dt>
            <dd>{counts.check}</dd>
          </div>
          <div>
            <dt>{t('selOverridden')}</dt>
            <dd>{counts.overridden}</dd>
          </div>
        </dl>
        <p class="muted">{t('selectionHow')}</p>
        <h3 id="h-dicek">{t('selToCheck', { n: toCheck.length })}</h3>
        {toCheck.length === 0 ? (
          <p>{t('selNothingToCheck')}</p>
        ) : (
          <VerdictTable rows={toCheck.slice(0, MAX_LIST)} titles={titles} lang={lang} label="h-dicek" />
        )}
        {failed.length > 0 ? (
          <details>
            <summary id="h-gugur">{t('selFailed', { n: failed.length })}</summary>
            <VerdictTable rows={failed.slice(0, MAX_LIST)} titles={titles} lang={lang} label="h-gugur" />
          </details>
        ) : null}
        {log.length > 0 ? (
          <details>
            <summary id="h-riwayat">{t('selLog')}</summary>
            <div class="scroll">
              <table class="stk sel-log" aria-labelledby="h-riwayat">
                <thead>
                  <tr>
                    <th scope="col">{t('selWhen')}</th>
                    <th scope="col">{t('innovation')}</th>
                    <th scope="col">{t('selDecision')}</th>
                    <th scope="col">{t('selBy')}</th>
                    <th scope="col">{t('selNote')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.map((entry) => (
                    <tr>
                      <td>{formatInstant(entry.at, competition.timezone, lang)}</td>
                      <td>
                        {titles.get(entry.id) ?? entry.id}
                        <small>{entry.id}</small>
                      </td>
                      <td>{outcomeText(entry.decision, lang)}</td>
                      <td>{entry.decision === 'cleared' ? '' : entry.by || t('selNoName')}</td>
                      <td>{entry.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ) : null}
      </>
    );
  };
  return (
    <section class="card" id="seleksi" aria-labelledby="h-seleksi">
      <h2 id="h-seleksi">{t('selection')}</h2>
      {body()}
    </section>
  );
}

function VerdictTable(props: {
  rows: SelectionRecord['verdicts'];
  titles: ReadonlyMap<string, string>;
  lang: Lang;
  label: string;
}) {
  const t = sayer(props.lang);
  return (
    <div class="scroll">
      <table class="stk sel-check" aria-labelledby={props.label}>
        <thead>
          <tr>
            <th scope="col">{t('innovation')}</th>
            <th scope="col">{t('selDecision')}</th>
            <th scope="col">{t('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((v) => (
            <tr>
              <td>
                {props.titles.get(v.id) ?? v.id}
                <small>{v.id}</small>
              </td>
              <td>{outcomeText(v.outcome, props.lang)}</td>
              <td>{reasonsLine(v.reasons, props.lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
