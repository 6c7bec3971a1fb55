import { PROVINCE_REGION } from '../../../shared/domain/regions.ts';

/**
 * NTT's 22 regencies and cities (and the province) as equal tiles placed roughly where they lie:
 * Flores, Lembata and Alor along the top, Sumba to the south-west, Sabu, Rote and Timor to the south-east.
 */
const TILES: Record<string, { col: number; row: number; code: string }> = {
  'Manggarai Barat': { col: 0, row: 0, code: 'MBR' },
  Manggarai: { col: 1, row: 0, code: 'MGR' },
  'Manggarai Timur': { col: 2, row: 0, code: 'MTM' },
  Ngada: { col: 3, row: 0, code: 'NGD' },
  Nagekeo: { col: 4, row: 0, code: 'NGK' },
  Ende: { col: 5, row: 0, code: 'END' },
  Sikka: { col: 6, row: 0, code: 'SKA' },
  'Flores Timur': { col: 7, row: 0, code: 'FLT' },
  Lembata: { col: 8, row: 0, code: 'LBT' },
  Alor: { col: 9, row: 0, code: 'ALR' },
  'Sumba Barat Daya': { col: 0, row: 1, code: 'SBD' },
  'Sumba Barat': { col: 1, row: 1, code: 'SBR' },
  'Sumba Tengah': { col: 2, row: 1, code: 'STG' },
  'Sumba Timur': { col: 3, row: 1, code: 'STM' },
  'Timor Tengah Utara': { col: 8, row: 1, code: 'TTU' },
  Belu: { col: 9, row: 1, code: 'BLU' },
  'Sabu Raijua': { col: 4, row: 2, code: 'SRJ' },
  'Kota Kupang': { col: 6, row: 2, code: 'KKG' },
  Kupang: { col: 7, row: 2, code: 'KPG' },
  'Timor Tengah Selatan': { col: 8, row: 2, code: 'TTS' },
  Malaka: { col: 9, row: 2, code: 'MLK' },
  'Rote Ndao': { col: 6, row: 3, code: 'RTN' },
  [PROVINCE_REGION]: { col: 0, row: 3, code: 'PROV' },
};

const SIZE = 38;
const GAP = 2;
/** Shade classes s0 (none) … s5 (most); the colours live in TILE_CSS. */
const STEPS = 5;

/** Light to dark blue; on the two darkest the text turns white to keep its contrast. */
export const TILE_CSS = `
.tg rect{stroke:#9aa5b1;stroke-width:.5}
.tg text{text-anchor:middle;font-size:9px;fill:#1b1f24}
.tg .c{font-size:14px;font-weight:700}
.s0 rect{fill:#eef1f4}.s1 rect{fill:#cfe0f3}.s2 rect{fill:#9cc3ea}.s3 rect{fill:#5d9bd5}.s4 rect{fill:#2c6fb3}.s5 rect{fill:#13315c}
.s4 text,.s5 text{fill:#fff}
`;

function step(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return 1 + Math.min(STEPS - 1, Math.floor(((count - 1) / max) * STEPS));
}

export function hasTile(region: string): boolean {
  return region in TILES;
}

/** Counts per region as a tile map; every tile names its region and count for screen readers. */
export function TileGrid(props: { counts: ReadonlyMap<string, number>; label: string }) {
  const max = Math.max(0, ...props.counts.values());
  const width = 10 * SIZE + 9 * GAP;
  const height = 4 * SIZE + 3 * GAP;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="tg-t" class="chart tg">
      <title id="tg-t">{props.label}</title>
      {Object.entries(TILES).map(([region, tile]) => {
        const count = props.counts.get(region) ?? 0;
        return (
          <g
            class={`s${step(count, max)}`}
            transform={`translate(${tile.col * (SIZE + GAP)} ${tile.row * (SIZE + GAP)})`}
          >
            <title>{`${region}: ${count}`}</title>
            <rect width={SIZE} height={SIZE} rx={3} />
            <text x={SIZE / 2} y={14}>
              {tile.code}
            </text>
            <text x={SIZE / 2} y={31} class="c">
              {count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
