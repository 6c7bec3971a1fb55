import { describe, expect, it } from 'vitest';
import { shadeRanges, TILES } from '../../functions/pages/ui/charts/tile-grid.tsx';
import { cssString, stackLabels } from '../../functions/pages/ui/stack-table.ts';
import { DEFAULT_REGIONS } from '../../shared/domain/regions.ts';

/** Positions differing in at least two characters, counted from the left. */
function differences(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) n += 1;
  return n;
}

describe('the tile map', () => {
  it('has one tile per region, none on the same spot, in both layouts', () => {
    expect(Object.keys(TILES).sort()).toEqual([...DEFAULT_REGIONS].sort());
    for (const layout of ['wide', 'narrow'] as const) {
      const spots = Object.values(TILES).map((t) => t[layout].join(','));
      expect(new Set(spots).size, layout).toBe(spots.length);
    }
    for (const t of Object.values(TILES)) expect(t.narrow[0]).toBeLessThanOrEqual(6);
  });

  it('never puts two codes a letter apart next to each other (TTU/TTS excepted: every reader knows them)', () => {
    const familiar = new Set(['TTU', 'TTS']);
    for (const layout of ['wide', 'narrow'] as const) {
      const tiles = Object.values(TILES);
      for (const a of tiles) {
        for (const b of tiles) {
          if (a === b || (familiar.has(a.code) && familiar.has(b.code))) continue;
          const [ac, ar] = a[layout];
          const [bc, br] = b[layout];
          if (Math.abs(ac - bc) <= 1 && Math.abs(ar - br) <= 1) {
            expect(
              differences(a.code, b.code),
              `${layout}: ${a.code} beside ${b.code}`,
            ).toBeGreaterThanOrEqual(2);
          }
        }
      }
    }
  });

  it('says in its colour key which counts each shade stands for', () => {
    expect(shadeRanges(0)).toEqual([{ shade: 0, text: '0' }]);
    expect(shadeRanges(4).map((r) => r.text)).toEqual(['0', '1', '2', '3', '4']);
    const ten = shadeRanges(10);
    expect(ten.map((r) => r.text)).toEqual(['0', '1–2', '3–4', '5–6', '7–8', '9–10']);
    expect(ten.map((r) => r.shade)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('phone labels of stacked tables', () => {
  it('escapes whatever a config names a stage, so nothing leaves the CSS string', () => {
    expect(cssString('Nilai akhir')).toBe('"Nilai akhir"');
    const hostile = cssString('x"}</style><script>alert(1)</script>');
    expect(hostile.slice(1, -1)).not.toMatch(/["<>{}]/);
    expect(stackLabels('t', ['A', null, 'C'])).toBe(
      '@media (max-width:40rem){table.t td:nth-child(1)::before{content:"A: "}table.t td:nth-child(3)::before{content:"C: "}}',
    );
  });
});
