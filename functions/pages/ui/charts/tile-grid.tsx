import { PROVINCE_REGION } from '../../../../shared/domain/regions.ts';

/**
 * NTT's 22 regencies and cities (and the province) as equal tiles placed roughly where they lie:
 * Flores, Lembata and Alor along the top, Sumba to the south-west, Sabu, Rote and Timor to the south-east.
 * `wide` is that map in 10 columns; `narrow` folds it into 6 columns for a phone, so a label stays at
 * least 12 px instead of shrinking with the whole map. Codes that sit next to each other differ in at
 * least two letters, except TTU and TTS, which every reader in NTT knows.
 */
export const TILES: Record<
  string,
  { code: string; wide: [col: number, row: number]; narrow: [col: number, row: number] }
> = {
  'Manggarai Barat': { code: 'MABR', wide: [1, 1], narrow: [1, 1] },
  Manggarai: { code: 'MGR', wide: [2, 1], narrow: [2, 1] },
  'Manggarai Timur': { code: 'MTIM', wide: [3, 1], narrow: [3, 1] },
  Ngada: { code: 'NGD', wide: [4, 1], narrow: [4, 1] },
  Nagekeo: { code: 'NAGE', wide: [5, 1], narrow: [5, 1] },
  Ende: { code: 'END', wide: [6, 1], narrow: [6, 1] },
  Sikka: { code: 'SKA', wide: [7, 1], narrow: [3, 2] },
  'Flores Timur': { code: 'FLTM', wide: [8, 1], narrow: [4, 2] },
  Lembata: { code: 'LBT', wide: [9, 1], narrow: [5, 2] },
  Alor: { code: 'ALR', wide: [10, 1], narrow: [6, 2] },
  'Sumba Barat Daya': { code: 'SBD', wide: [1, 2], narrow: [1, 3] },
  'Sumba Barat': { code: 'SBAR', wide: [2, 2], narrow: [2, 3] },
  'Sumba Tengah': { code: 'STGH', wide: [3, 2], narrow: [3, 3] },
  'Sumba Timur': { code: 'STM', wide: [4, 2], narrow: [4, 3] },
  'Timor Tengah Utara': { code: 'TTU', wide: [9, 2], narrow: [5, 4] },
  Belu: { code: 'BLU', wide: [10, 2], narrow: [6, 4] },
  'Sabu Raijua': { code: 'SRJ', wide: [5, 3], narrow: [2, 5] },
  'Kota Kupang': { code: 'KOTA', wide: [7, 3], narrow: [3, 5] },
  Kupang: { code: 'KPG', wide: [8, 3], narrow: [4, 5] },
  'Timor Tengah Selatan': { code: 'TTS', wide: [9, 3], narrow: [5, 5] },
  Malaka: { code: 'MLK', wide: [10, 3], narrow: [6, 5] },
  'Rote Ndao': { code: 'RTN', wide: [7, 4], narrow: [3, 6] },
  [PROVINCE_REGION]: { code: 'PROV', wide: [1, 4], narrow: [1, 6] },
};

/** Shade classes s0 (none) … s5 (most); the colours live in TILE_CSS. */
const STEPS = 5;

/** Light to dark blue; on the two darkest the text turns white to keep its contrast. */
export const TILE_CSS = `
.tgm{margin:0}
.tg{display:grid;grid-template-columns:repeat(6,1fr);gap:3px;list-style:none;margin:0;padding:0;max-width:40rem}
.tg li{grid-area:var(--n);border:1px solid #9aa5b1;border-radius:4px;padding:.2rem 0;text-align:center;line-height:1.15;min-width:0}
.tg abbr{display:block;font-size:12px;text-decoration:none;letter-spacing:.02em}
.tg b{display:block;font-size:16px}
@media (min-width:40rem){.tg{grid-template-columns:repeat(10,1fr)}.tg li{grid-area:var(--w)}}
.s0{background:#eef1f4}.s1{background:#cfe0f3}.s2{background:#9cc3ea}.s3{background:#5d9bd5}.s4{background:#2c6fb3;color:#fff}.s5{background:#13315c;color:#fff}
.tkey{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;padding:0;margin:.5rem 0 0;font-size:.8125rem}
.tkey span{display:inline-block;min-width:1.5rem;padding:0 .3rem;margin-right:.25rem;border:1px solid #9aa5b1;border-radius:3px;text-align:center}
.tcodes{font-size:.8125rem;columns:2 11rem;margin:.5rem 0 0;padding:0;list-style:none}
`;

function step(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return 1 + Math.min(STEPS - 1, Math.floor(((count - 1) / max) * STEPS));
}

export function hasTile(region: string): boolean {
  return region in TILES;
}

/** For the colour key: the counts each shade stands for, e.g. "1–2", "3", "4–5". */
export function shadeRanges(max: number): { shade: number; text: string }[] {
  const out: { shade: number; text: string }[] = [{ shade: 0, text: '0' }];
  let from = 1;
  for (let c = 1; c <= max; c++) {
    const last = c === max || step(c + 1, max) !== step(c, max);
    if (!last) continue;
    out.push({ shade: step(c, max), text: from === c ? String(c) : `${from}–${c}` });
    from = c + 1;
  }
  return out;
}

/**
 * Counts per region as a tile map: each tile shows its code and count in text at least 12 px tall (the
 * code's abbr names the region), with a colour key and the list of codes below; the table by region
 * beside it has the same counts for screen readers.
 */
export function TileGrid(props: {
  counts: ReadonlyMap<string, number>;
  label: string;
  legend: string;
  codes: string;
}) {
  const max = Math.max(0, ...props.counts.values());
  return (
    <figure class="tgm">
      <figcaption class="sr">{props.label}</figcaption>
      <ul class="tg" aria-label={props.label}>
        {Object.entries(TILES).map(([region, tile]) => {
          const count = props.counts.get(region) ?? 0;
          // grid-area is "row / column".
          const style = `--w:${tile.wide[1]}/${tile.wide[0]};--n:${tile.narrow[1]}/${tile.narrow[0]}`;
          return (
            <li class={`s${step(count, max)}`} style={style}>
              <abbr title={region}>{tile.code}</abbr> <b>{count}</b>
            </li>
          );
        })}
      </ul>
      <ul class="tkey" aria-label={props.legend}>
        {shadeRanges(max).map((r) => (
          <li>
            <span class={`s${r.shade}`} aria-hidden="true">
              &nbsp;
            </span>
            {r.text}
          </li>
        ))}
      </ul>
      <details>
        <summary>{props.codes}</summary>
        <ul class="tcodes">
          {Object.entries(TILES).map(([region, tile]) => (
            <li>
              <b>{tile.code}</b> {region}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
