import type { Competition } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import { reminder } from '../../../shared/messages/reminders.ts';
import { sheetIssueText } from '../../../shared/messages/sheet-issues.ts';
import type { SyncRecord } from '../../../shared/ports.ts';
import type { JurorComment, SheetIssue } from '../../../shared/sheet/juror-read.ts';
import { jurorTabs } from '../../../shared/sheet/juror-tab.ts';
import type { JurorProgress } from '../../../shared/sheet/layout.ts';
import { EntryName, type Titles } from '../ui/entry-name.tsx';
import { StackHead } from '../ui/stack-head.tsx';
import { sayer } from '../ui/strings.ts';

/** The dashboard's sections about the jurors' own work: what is missing, their remarks, reshaped tabs. */

const SHOWN_IDS = 8;
const MAX_COMMENTS = 60;

interface Props {
  competition: Competition;
  lang: Lang;
}

/**
 * Per stage and juror with something left: how much, which entries, and reminders to send; first, the
 * entries the last sync gave juror rows (where each went).
 */
export function MissingSection(
  props: Props & { progress: readonly JurorProgress[] | undefined; placed?: SyncRecord['rowsPlaced'] },
) {
  const { competition, lang, progress } = props;
  const t = sayer(lang);
  const left = (progress ?? []).filter((p) => (p.pending?.length ?? 0) > 0);
  const placed = props.placed ?? [];
  const tabTitle = new Map(
    jurorTabs(competition).map((tab) => [`${tab.stage.id}|${tab.juror.id}`, tab.title]),
  );
  return (
    <section class="card" id="belum" aria-labelledby="h-belum">
      <h2 id="h-belum">{t('jurorWork.missing')}</h2>
      {placed.length > 0 ? (
        <div class="notice" role="status">
          <p>{t('jurorWork.placed')}</p>
          <ul>
            {placed.map((p) => (
              <li>
                {t('jurorWork.placedTo', {
                  id: p.innovation,
                  tabs: p.jurors.map((j) => `"${tabTitle.get(`${p.stage}|${j}`) ?? j}"`).join(', '),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {progress === undefined ? <p>{t('jurorWork.noData')}</p> : null}
      {progress !== undefined && left.length === 0 ? <p>{t('jurorWork.allDone')}</p> : null}
      {left.length > 0 ? (
        <>
          <p class="muted">{t('jurorWork.missingIntro')}</p>
          <div class="scroll">
            <table class="wide stk t-missing">
              <StackHead
                kind="t-missing"
                columns={[
                  t('jurorWork.stage'),
                  t('jurorWork.juror'),
                  t('jurorWork.left'),
                  t('jurorWork.entries'),
                  t('jurorWork.send'),
                ]}
              />
              <tbody>
                {left.map((p) => {
                  const stage = competition.stages.find((s) => s.id === p.stage);
                  const juror = competition.jurors.find((j) => j.id === p.juror);
                  const pending = p.pending ?? [];
                  if (!stage || !juror) return null;
                  const r = reminder(competition, stage, juror, {
                    entries: pending.length,
                    cells: p.emptyCells ?? 0,
                  });
                  const shown = pending.slice(0, SHOWN_IDS);
                  return (
                    <tr>
                      <td>{localName(stage, lang)}</td>
                      <td>{juror.name}</td>
                      <td>{t('jurorWork.count', { n: pending.length, cells: p.emptyCells ?? 0 })}</td>
                      <td>
                        {shown.join(', ')}
                        {pending.length > shown.length
                          ? ` ${t('jurorWork.more', { n: pending.length - shown.length })}`
                          : ''}
                      </td>
                      <td>
                        <a href={r.whatsapp} target="_blank" rel="noopener noreferrer">
                          {t('jurorWork.whatsapp')}
                        </a>{' '}
                        · <a href={r.email}>{t('jurorWork.email')}</a>
                        <details>
                          <summary>{t('jurorWork.text')}</summary>
                          <p lang="id">{r.text}</p>
                        </details>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** What the jurors typed in their remarks column. */
export function CommentsSection(props: Props & { comments: readonly JurorComment[]; titles: Titles }) {
  const { competition, lang, comments, titles } = props;
  const t = sayer(lang);
  const names = new Map(competition.jurors.map((j) => [j.id, j.name]));
  const stages = new Map(competition.stages.map((s) => [s.id, localName(s, lang)]));
  const rows = comments.slice(0, MAX_COMMENTS);
  return (
    <section class="card" id="catatan" aria-labelledby="h-catatan">
      <h2 id="h-catatan">
        {t('jurorWork.comments')} ({comments.length})
      </h2>
      {rows.length === 0 ? (
        <p>{t('jurorWork.noComments')}</p>
      ) : (
        <div class="scroll">
          <table class="wide stk t-remarks">
            <StackHead
              kind="t-remarks"
              columns={[
                t('jurorWork.stage'),
                t('jurorWork.innovation'),
                t('jurorWork.juror'),
                t('jurorWork.remark'),
              ]}
            />
            <tbody>
              {rows.map((c) => (
                <tr>
                  <td>{stages.get(c.stage) ?? c.stage}</td>
                  <td>
                    <EntryName id={c.innovation} titles={titles} />
                  </td>
                  <td>{names.get(c.juror) ?? c.juror}</td>
                  <td dir="auto">{c.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Reshaped juror tabs, first thing the secretariat should mend: some scores may not be counted. */
export function SheetIssuesSection(props: Props & { issues: readonly SheetIssue[] }) {
  const { competition, lang, issues } = props;
  if (issues.length === 0) return null;
  const t = sayer(lang);
  const names = new Map(competition.jurors.map((j) => [j.id, j.name]));
  return (
    <section class="card" id="tab-juri" aria-labelledby="h-tab-juri" role="alert">
      <h2 id="h-tab-juri">
        {t('jurorWork.issues')} ({issues.length})
      </h2>
      <div class="scroll">
        <table class="wide stk t-tab-issues">
          <StackHead
            kind="t-tab-issues"
            columns={[t('jurorWork.tab'), t('jurorWork.juror'), t('jurorWork.what')]}
          />
          <tbody>
            {issues.map((i) => (
              <tr>
                <td>
                  <code>{i.cell ?? i.tab}</code>
                </td>
                <td>{names.get(i.juror) ?? i.juror}</td>
                <td>{sheetIssueText(i, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
