import { absentJurors } from '../../../shared/domain/absence.ts';
import { type Competition, finalTop } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import {
  type ResultRecord,
  type ResultVersionSummary,
  shownResult,
  verificationCode,
} from '../../../shared/domain/record.ts';
import { rankingDifferences, type ShownScore } from '../../../shared/domain/record-diff.ts';
import type { ScoreChange } from '../../../shared/domain/score-changes.ts';
import { validateSubmission } from '../../../shared/domain/submission.ts';
import { tieGroups } from '../../../shared/domain/ties.ts';
import { formatInstant, formatShortInstant } from '../../../shared/messages/moments.ts';
import { formatNumber, scoreText } from '../../../shared/messages/numbers.ts';
import { submissionIssuesLine } from '../../../shared/messages/selection.ts';
import type { PublicResponse, Rejection, SyncRecord } from '../../../shared/ports.ts';
import { EntryName, type Titles, titlesOf } from '../ui/entry-name.tsx';
import { StackHead } from '../ui/stack-head.tsx';
import { type Say, sayer } from '../ui/strings.ts';

interface Props {
  competition: Competition;
  lang: Lang;
}

/** "2024-12-20 10.00": a long table of changes has no room for weekday names. */
/** "'Benediktus Tefa – Wawancara'!J25" → "Benediktus Tefa – Wawancara, sel J25": the juror's tab, then the cell. */
function cellPlace(a1: string, t: Say): string {
  const m = /^'?(.*?)'?!([A-Z]+\d+)$/.exec(a1);
  return m?.[1] && m[2] ? `${m[1].replace(/''/g, "'")}, ${t('cellAt')} ${m[2]}` : a1;
}

/** What a juror typed, as the reader writes it: a number with the language's decimal sign, nothing as words. */
function typedValue(value: string, t: Say, lang: Lang): string {
  if (value === '') return t('emptyCell');
  return /^-?\d+(\.\d+)?$/.test(value) ? formatNumber(Number(value), lang) : value;
}

const score = (v: ShownScore | null, lang: Lang) => (v === null ? '–' : scoreText(v, lang));

/** `id` tells one form's box from another's when a page repeats the form (one per late entry). */
function Confirm({ t, label, id = label }: { t: Say; label: string; id?: string }) {
  return (
    <p>
      <input type="checkbox" id={`c-${id}`} name="confirm" value="yes" required />{' '}
      <label for={`c-${id}`} class="inline">
        {t(label === 'late' ? 'confirmLate' : 'confirmFix')}
      </label>
    </p>
  );
}

/** Penetapan hasil: the forms that fix or correct first, then the fixed versions and how the live ranking differs. */
export function ResultSection(
  props: Props & {
    sync: SyncRecord | null;
    versions: readonly ResultVersionSummary[];
    fixed: ResultRecord | null;
    innovations: readonly Innovation[];
  },
) {
  const { competition, lang, sync, versions, fixed, innovations } = props;
  const t = sayer(lang);
  const tz = competition.timezone;
  const top = finalTop(competition);
  const live = sync?.result?.final;
  const diffs = fixed && live ? rankingDifferences(shownResult(fixed).final, live, top) : [];
  const groups = live ? tieGroups(live, top) : [];
  return (
    <section class="card" id="penetapan" aria-labelledby="h-penetapan">
      <h2 id="h-penetapan">{t('resultTitle')}</h2>
      <FixForm
        competition={competition}
        lang={lang}
        fixed={fixed}
        groups={groups}
        sync={sync}
        innovations={innovations}
      />
      {versions.length === 0 ? (
        <p>{t('notFixedYet')}</p>
      ) : (
        <div class="scroll">
          <table class="wide stk t-versions">
            <StackHead
              kind="t-versions"
              columns={[
                t('versionCol'),
                t('statusCol'),
                t('fixedAtCol'),
                t('codeCol'),
                t('reason'),
                t('documents'),
              ]}
            />
            <tbody>
              {[...versions].reverse().map((v) => (
                <tr>
                  <td>{v.version}</td>
                  <td>{t(v.status === 'provisional' ? 'statusProvisional' : 'statusFinal')}</td>
                  <td>{formatInstant(v.fixedAt, tz, lang)}</td>
                  <td>
                    <code title={v.hash}>{verificationCode(v.hash)}</code>
                  </td>
                  <td>{v.reason ?? '–'}</td>
                  <td>
                    <a href={`/sekretariat/berita-acara/${v.version}`}>{t('beritaAcara')}</a> ·{' '}
                    <a href={`/pengumuman/${competition.id}/versi/${v.version}`}>{t('publicPage')}</a> ·{' '}
                    <a href={`/sekretariat/rekaman/${v.version}`}>{t('downloadRecord')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {fixed && live ? (
        <Differences diffs={diffs} version={fixed.version} lang={lang} titles={titlesOf(innovations)} />
      ) : null}
    </section>
  );
}

function Differences(props: {
  diffs: ReturnType<typeof rankingDifferences>;
  version: number;
  lang: Lang;
  titles: Titles;
}) {
  const { diffs, version, lang, titles } = props;
  const t = sayer(lang);
  if (diffs.length === 0) return <p class="notice">{t('liveSame', { n: version })}</p>;
  return (
    <div class="notice err" role="note">
      <p>{t('liveDiffers', { n: version, count: diffs.length })}</p>
      <div class="scroll">
        <table class="wide stk t-live-diff">
          <StackHead
            kind="t-live-diff"
            columns={[t('innovation'), t('fixedCol'), t('liveCol'), t('notes')]}
          />
          <tbody>
            {diffs.slice(0, 40).map((d) => (
              <tr>
                <td>
                  <EntryName id={d.id} titles={titles} />
                </td>
                <td>
                  #{d.fixedRank ?? '–'} · {score(d.fixedScore, lang)}
                </td>
                <td>
                  #{d.liveRank ?? '–'} · {score(d.liveScore, lang)}
                </td>
                <td>
                  {d.winner === 'joins' ? t('joinsWinners') : d.winner === 'leaves' ? t('leavesWinners') : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** One tie for the panel to order: the entries by name, the order (ids) and the reasoning. */
function TieFieldset(props: { group: ReturnType<typeof tieGroups>[number]; t: Say; titles: Titles }) {
  const { group: g, t, titles } = props;
  return (
    <fieldset>
      <legend>
        {t(g.atCutoff ? 'tieAtCutoff' : 'tieAmongWinners', { rank: g.rank, ids: g.ids.join(', ') })}
      </legend>
      <ul>
        {g.ids.map((id) => (
          <li>
            <EntryName id={id} titles={titles} />
          </li>
        ))}
      </ul>
      <label for={`tie-${g.rank}-order`}>{t('tieOrder')}</label>
      <input
        id={`tie-${g.rank}-order`}
        name={`tie-${g.rank}-order`}
        value={g.atCutoff ? g.ids.join(', ') : ''}
      />
      <label for={`tie-${g.rank}-note`}>{t('tieNote')}</label>
      <textarea id={`tie-${g.rank}-note`} name={`tie-${g.rank}-note`} rows={2} required={g.atCutoff} />
    </fieldset>
  );
}

/** Entries offered for exclusion on the form; more are left out through `juri finalize --exclude`. */
const MAX_EXCLUDABLE = 30;

function FixForm(props: {
  competition: Competition;
  lang: Lang;
  fixed: ResultRecord | null;
  groups: ReturnType<typeof tieGroups>;
  sync: SyncRecord | null;
  innovations: readonly Innovation[];
}) {
  const { competition, lang, fixed, groups, sync, innovations } = props;
  const t = sayer(lang);
  const result = sync?.result;
  // Entries not complete in a stage (e.g. accepted late): each may be left out, with a reason.
  const open = [
    ...new Set(
      (result?.stages ?? []).flatMap((s) =>
        s.ranking.filter((e) => e.status !== 'complete').map((e) => e.id),
      ),
    ),
  ];
  const absent = result ? absentJurors(competition, result, innovations, sync?.cells ?? []) : [];
  const absentNames = absent
    .map((a) => {
      const juror = competition.jurors.find((j) => j.id === a.juror);
      const stage = competition.stages.find((x) => x.id === a.stage);
      return `${juror?.name ?? a.juror} (${stage ? localName(stage, lang) : a.stage})`;
    })
    .join('; ');
  const provisionalFirst = !fixed && competition.publicTest;
  const titles = titlesOf(innovations);
  const required = groups.filter((g) => g.atCutoff);
  const optional = groups.filter((g) => !g.atCutoff);
  return (
    <>
      <form method="post" action="/sekretariat/tetapkan" class="noprint fix">
        <h3>{fixed ? t('correctionTitle') : t(provisionalFirst ? 'fixProvisionalTitle' : 'fixTitle')}</h3>
        <p class="muted">
          {sync
            ? t('fixFromSync', { when: formatInstant(sync.finishedAt, competition.timezone, lang) })
            : t('fixNeedsSync')}
        </p>
        {required.map((g) => (
          <TieFieldset group={g} t={t} titles={titles} />
        ))}
        {optional.length > 0 ? (
          // Optional decisions fold away, so the form's button stays in view; a required one never folds.
          <details>
            <summary>{t('tiesOptional', { n: optional.length })}</summary>
            {optional.map((g) => (
              <TieFieldset group={g} t={t} titles={titles} />
            ))}
          </details>
        ) : null}
        {open.length > 0 ? (
          <fieldset>
            <legend>{t('unscoredTitle')}</legend>
            {open.slice(0, MAX_EXCLUDABLE).map((id) => (
              <p>
                <input type="checkbox" id={`exclude-${id}`} name={`exclude-${id}`} value="yes" />{' '}
                <label for={`exclude-${id}`} class="inline">
                  {t('excludeEntry', { id })}: <EntryName id={id} titles={titles} />
                </label>
                <label for={`exclude-${id}-reason`}>{t('excludeReason')}</label>
                <input id={`exclude-${id}-reason`} name={`exclude-${id}-reason`} maxlength={2000} />
              </p>
            ))}
          </fieldset>
        ) : null}
        {absent.length > 0 ? (
          <fieldset>
            <legend>{t('absentWarning', { names: absentNames })}</legend>
            <p>
              <input type="checkbox" id="absent-ack" name="absent-ack" value="yes" />{' '}
              <label for="absent-ack" class="inline">
                {t('absentAck')}
              </label>
            </p>
            <label for="absent-by">{t('absentBy')}</label>
            <input id="absent-by" name="absent-by" maxlength={200} />
            <label for="absent-reason">{t('absentReason')}</label>
            <textarea id="absent-reason" name="absent-reason" rows={2} maxlength={2000} />
          </fieldset>
        ) : null}
        {fixed ? (
          <>
            <label for="reason">{t('correctionReason')}</label>
            <textarea id="reason" name="reason" rows={2} required maxlength={2000} />
          </>
        ) : null}
        <Confirm t={t} label="fix" />
        <button type="submit" data-main-action="">
          {fixed ? t('publishCorrection') : t('fixButton')}
        </button>
      </form>
      {fixed?.status === 'provisional' ? (
        <form method="post" action="/sekretariat/tetapkan" class="noprint fix">
          <h3>{t('confirmTitle')}</h3>
          <input type="hidden" name="mode" value="confirm" />
          {fixed.tieDecisions.map((d) => (
            <>
              <input type="hidden" name={`tie-${d.rank}-order`} value={d.order.join(',')} />
              <input type="hidden" name={`tie-${d.rank}-note`} value={d.note} />
            </>
          ))}
          <label for="reason-confirm">{t('confirmReason')}</label>
          <textarea id="reason-confirm" name="reason" rows={2} maxlength={2000} />
          <Confirm t={t} label="confirm" />
          <button type="submit">{t('confirmButton')}</button>
        </form>
      ) : null}
    </>
  );
}

/** Riwayat Nilai: every change a sync saw, newest first; a change after a result was fixed stands out. */
export function ChangesSection(
  props: Props & { changes: { changes: readonly ScoreChange[]; total: number }; titles: Titles },
) {
  const { competition, lang, changes, titles } = props;
  const t = sayer(lang);
  const after = changes.changes.filter((c) => c.afterVersion !== null).length;
  return (
    <section class="card" id="riwayat" aria-labelledby="h-riwayat">
      <h2 id="h-riwayat">
        {t('changesTitle')} ({changes.total})
      </h2>
      {after > 0 ? <p class="notice err">{t('changesAfterFix', { n: after })}</p> : null}
      {changes.total === 0 ? (
        <p>{t('noChanges')}</p>
      ) : (
        <section class="scroll" aria-labelledby="h-riwayat" tabindex={0}>
          <table class="wide stk chg t-changes">
            <StackHead
              kind="t-changes"
              columns={[t('seenAt'), t('cell'), t('innovation'), t('oldValue'), t('newValue'), t('notes')]}
            />
            <tbody>
              {changes.changes.map((c) => (
                <tr class={c.afterVersion !== null ? 'after' : undefined}>
                  <td>{formatShortInstant(c.seenAt, competition.timezone, lang)}</td>
                  <td>{cellPlace(c.cell, t)}</td>
                  <td>
                    <EntryName id={c.innovation} titles={titles} /> · {c.criterion}
                  </td>
                  <td>{typedValue(c.old, t, lang)}</td>
                  <td>{typedValue(c.new, t, lang)}</td>
                  <td>{c.afterVersion !== null ? t('afterFixFlag', { n: c.afterVersion }) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {changes.changes.length < changes.total ? (
        <p class="muted">{t('truncated', { shown: changes.changes.length, total: changes.total })}</p>
      ) : null}
    </section>
  );
}

/** Submissions that came outside the intake window: accepted only by an explicit, logged override. */
export function LateEntriesSection(
  props: Props & {
    rejections: readonly Rejection[];
    /** The latest fixed version: accepting then needs a correction, and the form says so first. */
    fixedVersion: number | null;
  },
) {
  const { competition, lang, fixedVersion } = props;
  const t = sayer(lang);
  const late = props.rejections.filter((r) => r.submission);
  if (late.length === 0) return null;
  return (
    <section class="card" id="terlambat" aria-labelledby="h-terlambat">
      <h2 id="h-terlambat">
        {t('lateTitle')} ({late.length})
      </h2>
      <p class="muted">{t('lateIntro')}</p>
      {late.slice(0, 20).map((r, n) => {
        const entry = r.submission ? validateSubmission(competition, r.submission) : undefined;
        const draft = entry?.ok ? entry.innovation : undefined;
        return (
          <form method="post" action="/sekretariat/terima-terlambat" class="noprint fix">
            <h3 dir="auto">{draft?.title ?? r.responseId}</h3>
            <p>
              {draft ? (
                <>
                  <span dir="auto">{draft.agency}</span> · {draft.region} ·{' '}
                </>
              ) : null}
              {t('lateSentAt')}{' '}
              {r.submission ? formatInstant(r.submission.lastSubmittedTime, competition.timezone, lang) : ''}{' '}
              · <code>{r.responseId}</code>
            </p>
            <p>{submissionIssuesLine(r.reasons, lang)}</p>
            <input type="hidden" name="responseId" value={r.responseId} />
            <label for={`late-${n}`}>{t('lateReason')}</label>
            <textarea id={`late-${n}`} name="reason" rows={2} required maxlength={2000} />
            <Confirm t={t} label="late" id={`late-${n}-ok`} />
            {fixedVersion !== null ? (
              <p class="warn">
                <input type="checkbox" id={`c-late-${n}-ralat`} name="correction" value="yes" required />{' '}
                <label for={`c-late-${n}-ralat`} class="inline">
                  {t('lateNeedsCorrection', { n: fixedVersion })}
                </label>
              </p>
            ) : null}
            <button type="submit">{t('lateButton')}</button>
          </form>
        );
      })}
    </section>
  );
}

/** Uji publik responses, for the secretariat only. */
export function ResponsesSection(props: Props & { responses: readonly PublicResponse[] }) {
  const { competition, lang, responses } = props;
  const t = sayer(lang);
  if (!competition.publicTest && responses.length === 0) return null;
  return (
    <section class="card" id="tanggapan" aria-labelledby="h-tanggapan">
      <h2 id="h-tanggapan">
        {t('responsesTitle')} ({responses.length})
      </h2>
      {responses.length === 0 ? (
        <p>{t('noResponses')}</p>
      ) : (
        <ul>
          {responses.slice(-40).map((r) => (
            <li>
              <b>{formatInstant(r.receivedAt, competition.timezone, lang)}</b> · v{r.version} ·{' '}
              <bdi>{r.name || '–'}</bdi> · <bdi>{r.contact || '–'}</bdi>
              <br />
              <bdi>{r.message}</bdi>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
