import { describe, expect, it } from 'vitest';
import { compareScored, orderStage } from '../../shared/domain/fairness/score-order.ts';
import { DEFAULT_METHOD, SCORING_METHODS, whatIf } from '../../shared/domain/fairness/what-if.ts';

const stage = (rows: Record<string, Record<string, number>>) => new Map(Object.entries(rows));

/**
 * Three jurors, five entries, Top 2. h is harsh and scored only P, Q and R; l is lenient and scored
 * S and T and one of the others. Raw means favour the entries the lenient juror saw; z-scoring
 * removes that.
 */
const lenientDecides = stage({
  P: { h: 70, m: 85 },
  Q: { h: 60, m: 80 },
  R: { h: 50, l: 90 },
  S: { m: 75, l: 95 },
  T: { m: 70, l: 88 },
});

describe('what-if: Top N under every scoring method', () => {
  it('has all six methods, the published one first', () => {
    expect(SCORING_METHODS).toHaveLength(6);
    expect(SCORING_METHODS[0]).toEqual(DEFAULT_METHOD);
    const r = whatIf(lenientDecides, 2);
    expect(r.columns.map((c) => `${c.method.aggregation}/${c.method.normalization}`)).toEqual([
      'mean/none',
      'trimmed/none',
      'median/none',
      'mean/zscore',
      'trimmed/zscore',
      'median/zscore',
    ]);
  });

  it('marks who enters and who leaves relative to the default', () => {
    const r = whatIf(lenientDecides, 2);
    const [raw] = r.columns;
    // Raw means: S 85, T 79, P 77.5, R 70, Q 70.
    expect(raw?.top).toEqual(['S', 'T']);
    expect(raw?.enters).toEqual([]);
    expect(raw?.leaves).toEqual([]);
    const z = r.columns.find((c) => c.method.aggregation === 'mean' && c.method.normalization === 'zscore');
    expect(z?.top).toEqual(['P', 'S']);
    expect(z?.enters).toEqual(['P']);
    expect(z?.leaves).toEqual(['T']);
  });

  it('gives one row per entry in any Top N, in the default order, with a change per method', () => {
    const r = whatIf(lenientDecides, 2);
    expect(r.rows.map((row) => row.id)).toEqual(['S', 'T', 'P']);
    const p = r.rows.find((row) => row.id === 'P');
    expect(p?.cells[0]).toMatchObject({ rank: 3, score: 77.5, inTop: false, change: 'out' });
    expect(p?.cells[3]).toMatchObject({ rank: 1, inTop: true, change: 'enters' });
    const t = r.rows.find((row) => row.id === 'T');
    expect(t?.cells[3]).toMatchObject({ inTop: false, change: 'leaves' });
    expect(t?.cells[0]).toMatchObject({ inTop: true, change: 'stays' });
  });

  it('reports jurors z-scoring left as typed', () => {
    const r = whatIf(lenientDecides, 2);
    expect(r.unchanged).toEqual([]);
    const sparse = whatIf(stage({ A: { j1: 50, j2: 60 }, B: { j1: 70 } }), 1);
    expect(sparse.unchanged.map((u) => u.juror)).toEqual(['j1', 'j2']);
  });

  it('leaves out entries without totals', () => {
    const r = whatIf(stage({ A: { j1: 50 }, B: {} }), 5);
    expect(r.columns[0]?.top).toEqual(['A']);
  });
});

describe('tie-break-free order', () => {
  it('equal scores (to 4 decimals) go by natural id: INOV-9 before INOV-10', () => {
    const order = orderStage(
      stage({ 'INOV-10': { j: 80 }, 'INOV-9': { j: 80.00001 }, 'INOV-2': { j: 90 } }),
      'mean',
    );
    expect(order.map((e) => e.id)).toEqual(['INOV-2', 'INOV-9', 'INOV-10']);
  });

  it('a real difference at the 4th decimal still counts', () => {
    expect(compareScored({ id: 'B', score: 80.0002 }, { id: 'A', score: 80.0001 })).toBeLessThan(0);
  });
});
