import { describe, expect, it } from 'vitest';
import { shadeRanges, TILES } from '../../functions/pages/charts/tile-grid.tsx';
import { cssString, stackLabels } from '../../functions/pages/stack-table.ts';
import { competitionPhase } from '../../shared/domain/phase.ts';
import type { CompetitionResult, RankedEntry } from '../../shared/domain/ranking.ts';
import { DEFAULT_REGIONS } from '../../shared/domain/regions.ts';
import { loadNtt2024 } from '../helpers/services.ts';

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

describe('the competition phase', () => {
  const competition = loadNtt2024();
  const before = new Date('2024-12-19T10:00:00+08:00');
  const after = new Date('2024-12-20T10:00:00+08:00');
  const entry = (status: 'complete' | 'incomplete'): RankedEntry => ({
    rank: status === 'complete' ? 1 : null,
    id: 'INOV-2024-001',
    score: 80,
    status,
    jurors: 3,
    tie: false,
    advances: true,
    category: 'kabkota',
    categoryRank: 1,
    tieBreak: [],
    totals: {},
  });
  const result = (status: 'complete' | 'incomplete'): CompetitionResult => ({
    stages: competition.stages.map((s) => ({ stage: s.id, ranking: [entry(status)], problems: [] })),
    final: { stage: 'final', ranking: [entry(status)], problems: [] },
    problems: [],
  });
  const base = { competition, now: before, result: undefined, progress: [], selection: undefined };

  it('goes from registration through selection and each stage to the announcement', () => {
    expect(competitionPhase(base)).toEqual({ code: 'intakeOpen' });
    expect(competitionPhase({ ...base, intakeClosesAt: new Date('2024-10-01T00:00:00Z') })).toEqual({
      code: 'intakeClosed',
    });
    const selection = [
      { id: 'INOV-2024-001', rule: 'check' as const, reasons: [], outcome: 'check' as const },
    ];
    expect(competitionPhase({ ...base, selection })).toEqual({ code: 'selection', toCheck: 1 });
    const progress = [
      { stage: 'desk', assigned: 10, scored: 4 },
      { stage: 'desk', assigned: 10, scored: 10 },
    ];
    expect(competitionPhase({ ...base, selection, progress, result: result('incomplete') })).toEqual({
      code: 'judging',
      stage: 'desk',
      scored: 14,
      assigned: 20,
    });
    const both = [...progress, { stage: 'interview', assigned: 5, scored: 0 }];
    expect(competitionPhase({ ...base, progress: both, result: result('incomplete') })).toMatchObject({
      code: 'judging',
      stage: 'interview',
    });
    expect(competitionPhase({ ...base, progress: both, result: result('complete') })).toEqual({
      code: 'judgingDone',
    });
    expect(competitionPhase({ ...base, result: result('complete'), fixed: true })).toEqual({ code: 'fixed' });
    expect(competitionPhase({ ...base, now: after, result: result('complete') })).toEqual({
      code: 'announced',
    });
    // After announceAt but with judging incomplete, nothing is public yet.
    expect(competitionPhase({ ...base, now: after, progress: both, result: result('incomplete') }).code).toBe(
      'judging',
    );
  });
});
