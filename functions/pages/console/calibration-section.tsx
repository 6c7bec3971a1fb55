import { calibrationStage } from '../../../shared/domain/calibration.ts';
import type { Competition } from '../../../shared/domain/competition.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import { CALIBRATION_WORDS, signedPoints } from '../../../shared/messages/calibration.ts';
import type { SyncRecord } from '../../../shared/ports.ts';
import { CalibrationSummaryView } from '../juror/calibration-page.tsx';

/**
 * The Keadilan page's calibration section (config `calibration`): every juror's summary, as each sees
 * it on their own page, and each juror's private link for the secretariat to send to that juror alone.
 */
export function CalibrationSection(props: {
  competition: Competition;
  lang: Lang;
  sync: SyncRecord | null;
  /** Juror id → the absolute address of their private page. */
  links: ReadonlyMap<string, string>;
}) {
  const { competition, lang } = props;
  const w = CALIBRATION_WORDS[lang];
  const report = props.sync?.calibration;
  const stage = calibrationStage(competition);
  return (
    <section class="card" id="kalibrasi" aria-labelledby="h-kalibrasi">
      <h2 id="h-kalibrasi">{w.section}</h2>
      <p class="muted">{w.sectionIntro}</p>
      {report ? null : <p>{w.noSync}</p>}
      <div class="scroll">
        <table class="wide">
          <caption>{w.section}</caption>
          <thead>
            <tr>
              <th scope="col">{w.juror}</th>
              <th scope="col" class="n">
                {w.sample}
              </th>
              <th scope="col" class="n">
                {w.leniency}
              </th>
              <th scope="col">{w.link}</th>
            </tr>
          </thead>
          <tbody>
            {competition.jurors
              .filter((j) => props.links.has(j.id))
              .map((j) => {
                const summary = report?.jurors.find((s) => s.juror === j.id);
                const link = props.links.get(j.id) ?? '';
                return (
                  <tr>
                    <th scope="row">
                      <bdi>{j.name}</bdi>
                    </th>
                    <td class="n">{summary ? `${summary.scored}/${summary.of}` : w.none}</td>
                    <td class="n">
                      {summary?.leniency == null ? w.none : signedPoints(summary.leniency, lang)}
                    </td>
                    <td>
                      <a href={link} rel="noreferrer">
                        <small>{link}</small>
                      </a>
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
      {report?.jurors.map((summary) => {
        const juror = competition.jurors.find((j) => j.id === summary.juror);
        return (
          <details id={`kalibrasi-${summary.juror}`}>
            <summary>
              <bdi>{juror?.name ?? summary.juror}</bdi>
            </summary>
            <CalibrationSummaryView
              summary={summary}
              stage={stage}
              samples={competition.calibration}
              lang={lang}
            />
          </details>
        );
      })}
    </section>
  );
}
