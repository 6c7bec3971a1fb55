import type { Lang } from '../../../../shared/domain/i18n.ts';
import { formatMeasure } from '../../../../shared/messages/numbers.ts';
import { type JurorSpread, LENIENCY_THRESHOLD } from '../stats.ts';
import { say } from '../strings.ts';

const WIDTH = 400;
const PAD = 10;
const HEIGHT = 26;
const MID = HEIGHT / 2;
const TICKS = [0, 25, 50, 75, 100];

/** Colours per leaning; the label says the same in words, so colour is never the only cue. */
export const BOX_CSS = `
.bp{margin:0 0 1rem;max-width:40rem}
.bp p{margin:.5rem 0 0;font-size:.875rem}
.bp .g{stroke:#e1e5ea}
.bp .m{stroke:#1b1f24;stroke-dasharray:4 3}
.bp .w{stroke:#1b1f24;fill:none}
.bp rect{fill-opacity:.25;stroke-width:1.5}
.bp .md{stroke-width:3}
.bp circle{fill:none}
.b-even rect,.b-even .md{fill:#2c6fb3;stroke:#2c6fb3}.b-even circle{stroke:#2c6fb3}
.b-lenient rect,.b-lenient .md{fill:#c2410c;stroke:#c2410c}.b-lenient circle{stroke:#c2410c}
.b-harsh rect,.b-harsh .md{fill:#6d28d9;stroke:#6d28d9}.b-harsh circle{stroke:#6d28d9}
.b-lenient p{color:#9a3412}
.b-harsh p{color:#5b21b6}
.bp .ax{font-size:11px;text-anchor:middle;fill:#4a5560}
`;

function x(value: number): number {
  return Math.round(10 * (PAD + ((WIDTH - 2 * PAD) * Math.max(0, Math.min(100, value))) / 100)) / 10;
}

export function leaning(spread: JurorSpread): 'lenient' | 'harsh' | 'even' {
  if (spread.leniency === null) return 'even';
  if (spread.leniency >= LENIENCY_THRESHOLD) return 'lenient';
  if (spread.leniency <= -LENIENCY_THRESHOLD) return 'harsh';
  return 'even';
}

const GRID = TICKS.map((t) => `M${x(t)} 0V${HEIGHT}`).join('');

/**
 * One horizontal box plot per juror on a shared 0–100 axis, with the panel's median as a dashed
 * line, so a juror whose box sits right of it (lenient) or left of it (harsh) stands out.
 * Labels are HTML so they wrap on a phone, and say count, median and leaning in words.
 */
export function BoxPlots(props: {
  title: string;
  spreads: readonly JurorSpread[];
  names: ReadonlyMap<string, string>;
  panelMedian: number | null;
  lang: Lang;
}) {
  const { lang, panelMedian } = props;
  return (
    <figure class="bp">
      <figcaption class="sr">{props.title}</figcaption>
      {props.spreads.map((spread) => {
        const box = spread.box;
        const lean = leaning(spread);
        return (
          <div class={`b-${lean}`}>
            <p>
              <b>{props.names.get(spread.juror) ?? spread.juror}</b>{' '}
              {box ? (
                <span>
                  {say(lang, 'bpCount', { n: box.n })} ·{' '}
                  {say(lang, 'bpMedian', { v: formatMeasure(box.median, lang) })}
                  {spread.leniency === null
                    ? ''
                    : ` · ${say(lang, spread.leniency < 0 ? 'bpBelow' : 'bpAbove', {
                        v: formatMeasure(Math.abs(spread.leniency), lang),
                      })}`}
                  {lean === 'even' ? '' : <strong> ({say(lang, lean)})</strong>}
                </span>
              ) : (
                <span>{say(lang, 'noScores')}</span>
              )}
            </p>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
              <path class="g" d={GRID} />
              {panelMedian === null ? null : <path class="m" d={`M${x(panelMedian)} 0V${HEIGHT}`} />}
              {box ? (
                <>
                  <path
                    class="w"
                    d={`M${x(box.low)} ${MID}H${x(box.high)}M${x(box.low)} ${MID - 5}v10M${x(box.high)} ${MID - 5}v10`}
                  />
                  <rect
                    x={x(box.q1)}
                    y={MID - 8}
                    width={Math.max(1, x(box.q3) - x(box.q1)).toFixed(1)}
                    height={16}
                  />
                  <path class="md" d={`M${x(box.median)} ${MID - 8}v16`} />
                  {box.outliers.map((v) => (
                    <circle cx={x(v)} cy={MID} r={2.5} />
                  ))}
                </>
              ) : null}
            </svg>
          </div>
        );
      })}
      <svg viewBox={`0 0 ${WIDTH} 16`} aria-hidden="true" focusable="false">
        {TICKS.map((tick) => (
          <text x={x(tick)} y={12} class="ax">
            {tick}
          </text>
        ))}
      </svg>
    </figure>
  );
}
