import { describe, expect, it } from 'vitest';
import { entrySpreads } from '../../shared/domain/fairness/disagreement.ts';
import { intraclassCorrelations, stageIcc } from '../../shared/domain/fairness/icc.ts';
import { jurorProfiles } from '../../shared/domain/fairness/juror-profiles.ts';
import { kendallW, midRanks, stageKendallW } from '../../shared/domain/fairness/kendall-w.ts';
import { krippendorffAlpha, stageAlpha } from '../../shared/domain/fairness/krippendorff-alpha.ts';
import { completeBlock } from '../../shared/domain/fairness/stage-totals.ts';

const stage = (rows: Record<string, Record<string, number>>) => new Map(Object.entries(rows));

const complete = stage({
  'I-10': { j2: 70, j1: 72 },
  'I-9': { j1: 50, j2: 55 },
  'I-2': { j1: 90, j2: 85 },
});
const gappy = stage({
  A: { j1: 70, j2: 72 },
  B: { j1: 50, j3: 55 },
  C: { j2: 90, j3: 85 },
});

describe('complete juror × entry blocks', () => {
  it('orders rows and columns naturally', () => {
    expect(completeBlock(complete)).toEqual({
      entries: ['I-2', 'I-9', 'I-10'],
      jurors: ['j1', 'j2'],
      rows: [
        [90, 85],
        [50, 55],
        [72, 70],
      ],
    });
  });

  it('is null as soon as one juror did not score one entry', () => {
    expect(completeBlock(gappy)).toBeNull();
  });
});

describe('ICC and Kendall’s W need a complete block', () => {
  it('say so with a code when the block has gaps', () => {
    expect(stageIcc(gappy)).toEqual({ kind: 'unavailable', code: 'incomplete-block' });
    expect(stageKendallW(gappy)).toEqual({ kind: 'unavailable', code: 'incomplete-block' });
  });

  it('say so when there is too little to compare', () => {
    expect(stageIcc(stage({ A: { j1: 1, j2: 2 } }))).toEqual({ kind: 'unavailable', code: 'too-small' });
    expect(kendallW([[1], [2]])).toEqual({ kind: 'unavailable', code: 'too-small' });
    expect(intraclassCorrelations([[1, 2], [3]])).toEqual({ kind: 'unavailable', code: 'incomplete-block' });
  });

  it('compute on a complete stage', () => {
    const icc = stageIcc(complete);
    expect(icc.kind).toBe('icc');
    const w = stageKendallW(complete);
    // Both jurors order I-2 > I-10 > I-9.
    expect(w).toMatchObject({ kind: 'kendall-w', w: 1, raters: 2, entries: 3 });
  });

  it('ICCs are null, not NaN, when every total is equal', () => {
    const r = intraclassCorrelations([
      [70.3, 70.3],
      [70.3, 70.3],
      [70.3, 70.3],
    ]);
    expect(r).toMatchObject({ icc11: null, icc21: null, icc31: null, icc2k: null });
  });

  it('W has nothing to say when every juror tied every entry', () => {
    expect(
      kendallW([
        [5, 7],
        [5, 7],
      ]),
    ).toEqual({ kind: 'unavailable', code: 'no-variance' });
  });

  it('mid-ranks share tied places and count t³ − t', () => {
    expect(midRanks([30, 10, 30, 20, 30])).toEqual({ ranks: [4, 1, 4, 2, 4], tieSum: 24 });
  });
});

describe("Krippendorff's α on a stage with gaps", () => {
  it('uses every entry scored by at least two jurors', () => {
    const r = stageAlpha(gappy);
    expect(r).toMatchObject({ kind: 'alpha', level: 'interval', units: 3, values: 6 });
  });

  it('needs two values somewhere, and some variation', () => {
    expect(krippendorffAlpha([[1], [2]], 'interval')).toEqual({
      kind: 'unavailable',
      code: 'too-few-values',
    });
    expect(
      krippendorffAlpha(
        [
          [4, 4],
          [4, 4, 4],
        ],
        'nominal',
      ),
    ).toEqual({
      kind: 'unavailable',
      code: 'no-variance',
    });
  });

  it('is below zero when jurors disagree more than chance', () => {
    const r = krippendorffAlpha(
      [
        [0, 100],
        [100, 0],
        [0, 100],
      ],
      'interval',
    );
    expect(r.kind === 'alpha' && r.alpha < 0).toBe(true);
  });
});

describe('per-entry disagreement', () => {
  const spreadStage = stage({
    A: { j1: 50, j2: 71 },
    B: { j1: 50, j2: 70 },
    C: { j1: 50 },
  });

  it('flags a spread strictly above the default 20 points', () => {
    expect(entrySpreads(spreadStage)).toEqual([
      { id: 'A', jurors: 2, spread: 21, flagged: true },
      { id: 'B', jurors: 2, spread: 20, flagged: false },
      { id: 'C', jurors: 1, spread: null, flagged: false },
    ]);
  });

  it('takes another threshold', () => {
    expect(
      entrySpreads(spreadStage, 15)
        .filter((e) => e.flagged)
        .map((e) => e.id),
    ).toEqual(['A', 'B']);
  });
});

describe('juror leniency and consistency', () => {
  // j3 is 10 points above j1 and j2 everywhere but orders the entries as they do.
  const panel = stage({
    A: { j1: 80, j2: 82, j3: 91 },
    B: { j1: 60, j2: 58, j3: 70 },
    C: { j1: 40, j2: 44, j3: 52 },
    D: { j1: 70, j3: 79 },
    E: { j4: 99 },
  });

  it('leniency is the mean offset from the other jurors’ means on the same entries', () => {
    const j3 = jurorProfiles(panel).find((p) => p.juror === 'j3');
    // Offsets: A 91−81, B 70−59, C 52−42, D 79−70.
    const expected = (10 + 11 + 10 + 9) / 4;
    expect(j3?.leniency).toBeCloseTo(expected, 10);
    expect(j3).toMatchObject({ entries: 4, shared: 4 });
    expect(j3?.consistency).toBeGreaterThan(0.99);
  });

  it('is null without shared entries; consistency is null below 3 shared entries', () => {
    const profiles = jurorProfiles(panel);
    expect(profiles.find((p) => p.juror === 'j4')).toEqual({
      juror: 'j4',
      entries: 1,
      shared: 0,
      leniency: null,
      consistency: null,
    });
    const two = jurorProfiles(stage({ A: { j1: 1, j2: 3 }, B: { j1: 5, j2: 4 } }));
    expect(two.every((p) => p.consistency === null && p.leniency !== null)).toBe(true);
  });

  it('consistency is negative for a juror who orders entries backwards', () => {
    const r = jurorProfiles(
      stage({
        A: { j1: 90, j2: 88, j3: 40 },
        B: { j1: 70, j2: 72, j3: 60 },
        C: { j1: 50, j2: 52, j3: 80 },
      }),
    );
    expect(r.find((p) => p.juror === 'j3')?.consistency).toBeLessThan(-0.9);
  });

  it('lists jurors in natural id order', () => {
    expect(jurorProfiles(stage({ A: { 'J-10': 1, 'J-9': 2 } })).map((p) => p.juror)).toEqual(['J-9', 'J-10']);
  });
});
