import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { type Competition, parseCompetition } from '../../shared/domain/competition.ts';
import { withStageScores } from '../../shared/domain/fairness/stage-scores.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { type ResultRecord, recordHashInput } from '../../shared/domain/record.ts';
import { stableMean } from '../../shared/domain/scoring.ts';
import { verifyRecords } from '../../shared/domain/verify-record.ts';
import { legacyAnnouncementTexts } from '../../shared/messages/announcement-template.ts';
import { sha256 as digest, firstFinalVersion, innovation, smallCompetition } from './fixtures.ts';
import { caseArb } from './ranking-cases.ts';

type Method = NonNullable<Competition['stages'][number]['aggregation']>;

function withMethod(c: Competition, method: Method): Competition {
  return { ...c, stages: c.stages.map((s) => ({ ...s, aggregation: method })) };
}

/** Desk scores typed as one value per criterion (a = b), so each juror's total is that value. */
function desk(rows: Record<string, Record<string, number>>): ScoreEntry[] {
  return Object.entries(rows).flatMap(([inn, byJuror]) =>
    Object.entries(byJuror).flatMap(([juror, v]) =>
      ['a', 'b'].map((criterion) => ({ stage: 'desk', innovation: inn, juror, criterion, value: String(v) })),
    ),
  );
}

const fourJurors = () => {
  const base = smallCompetition();
  return {
    ...base,
    jurors: [
      ...base.jurors,
      { id: 'j4', name: 'J4', email: 'j4@example.org', affiliation: '', region: 'Sikka', conflicts: [] },
    ],
  };
};

describe('the stage aggregation setting', () => {
  it('is optional; absent, it stays out of the parsed config so existing hashes do not move', () => {
    const c = smallCompetition();
    expect('aggregation' in (c.stages[0] ?? {})).toBe(false);
    expect('fairness' in c).toBe(false);
    const set = parseCompetition({
      ...c,
      stages: c.stages.map((s) => ({ ...s, aggregation: { normalize: 'zscore' } })),
      fairness: { disagreementPoints: 15, bootstrapResamples: 500, seed: 7 },
    });
    expect(set.ok && set.value.stages[0]?.aggregation).toEqual({ method: 'mean', normalize: 'zscore' });
    expect(set.ok && set.value.fairness).toEqual({
      disagreementPoints: 15,
      bootstrapResamples: 500,
      seed: 7,
    });
  });

  it('refuses an unknown method', () => {
    const c = smallCompetition();
    const bad = parseCompetition({
      ...c,
      stages: c.stages.map((s) => ({ ...s, aggregation: { method: 'max' } })),
    });
    expect(bad.ok).toBe(false);
  });

  it('with the defaults, the ranking hook hands back the very same candidates', () => {
    const candidates = [{ id: 'A', score: 70, totals: { j1: 60, j2: 80 } }];
    expect(withStageScores({}, candidates)).toBe(candidates);
    expect(withStageScores({ aggregation: { method: 'mean', normalize: 'none' } }, candidates)).toBe(
      candidates,
    );
  });

  it('spelling out the defaults changes no result, bit for bit (generated cases)', () => {
    fc.assert(
      fc.property(caseArb, ({ competition, innovations, scores }) => {
        const plain = rankCompetition(competition, innovations, scores);
        const spelled = rankCompetition(
          withMethod(competition, { method: 'mean', normalize: 'none' }),
          innovations,
          scores,
        );
        expect(spelled).toEqual(plain);
        for (const stage of plain.stages) {
          for (const e of stage.ranking) expect(e.score).toBe(stableMean(Object.values(e.totals)));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('other aggregations in the ranking', () => {
  // Sumba Timur: none of the four jurors has a conflict with these entries.
  const innovations = ['I-1', 'I-2', 'I-3'].map((id) => innovation(id, 'Sumba Timur'));
  const scores = desk({
    'I-1': { j1: 90, j2: 60, j3: 60, j4: 60 },
    'I-2': { j1: 70, j2: 68, j3: 68, j4: 66 },
    'I-3': { j1: 66, j2: 64, j3: 62, j4: 64 },
  });

  it('trimmed drops the highest and lowest total with 4 jurors; median takes the middle', () => {
    const c = fourJurors();
    const mean = rankCompetition(c, innovations, scores).stages[0]?.ranking;
    const trimmed = rankCompetition(
      withMethod(c, { method: 'trimmed', normalize: 'none' }),
      innovations,
      scores,
    ).stages[0]?.ranking;
    const median = rankCompetition(
      withMethod(c, { method: 'median', normalize: 'none' }),
      innovations,
      scores,
    ).stages[0]?.ranking;
    expect(mean?.map((e) => [e.id, e.score])).toEqual(
      [
        ['I-1', 67.5],
        ['I-2', 68],
        ['I-3', 64],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    );
    expect(trimmed?.find((e) => e.id === 'I-1')?.score).toBe(60);
    expect(trimmed?.[0]?.id).toBe('I-2');
    expect(median?.find((e) => e.id === 'I-2')?.score).toBe(68);
    // The audit trail keeps the totals as counted.
    expect(trimmed?.find((e) => e.id === 'I-1')?.totals).toEqual({ j1: 90, j2: 60, j3: 60, j4: 60 });
  });

  it('z-scoring: shifting one juror’s every total by the same amount changes no ranking', () => {
    const c = withMethod(fourJurors(), { method: 'mean', normalize: 'zscore' });
    const shifted = scores.map((s) => (s.juror === 'j1' ? { ...s, value: String(Number(s.value) - 8) } : s));
    const order = (sc: ScoreEntry[]) =>
      rankCompetition(c, innovations, sc).stages[0]?.ranking.map((e) => e.id);
    expect(order(shifted)).toEqual(order(scores));
  });

  it('z-scoring removes a harsh juror’s effect on the entries they happened to score', () => {
    // j1 is harsh and scored I-1, I-2, I-3; j3 is lenient and scored I-3, I-5, I-6; j2 the rest.
    // (j3 declared a conflict with I-4, so there is no I-4 here.)
    const c = withMethod(smallCompetition(), { method: 'mean', normalize: 'zscore' });
    const inns = ['I-1', 'I-2', 'I-3', 'I-5', 'I-6'].map((id) => innovation(id, 'Sumba Timur'));
    const typed = desk({
      'I-1': { j1: 70, j2: 85 },
      'I-2': { j1: 60, j2: 80 },
      'I-3': { j1: 50, j3: 90 },
      'I-6': { j2: 75, j3: 95 },
      'I-5': { j2: 70, j3: 88 },
    });
    const raw = rankCompetition(smallCompetition(), inns, typed).stages[0]?.ranking;
    const z = rankCompetition(c, inns, typed).stages[0]?.ranking;
    // Raw means favour what the lenient juror saw (I-6 first, I-5 second); z-scored, I-1 is in the Top 2.
    expect(raw?.slice(0, 2).map((e) => e.id)).toEqual(['I-6', 'I-5']);
    expect(z?.slice(0, 2).map((e) => e.id)).toEqual(['I-1', 'I-6']);
    expect(z?.filter((e) => e.advances).map((e) => e.id)).toEqual(['I-1', 'I-6']);
  });
});

describe('fixed results and the rules version', () => {
  const CHECK = { legacyText: legacyAnnouncementTexts };
  const record = async (competition: Competition) => {
    const inns = ['I-1', 'I-2', 'I-3', 'I-5', 'I-6'].map((id) => innovation(id, 'Sumba Timur'));
    const cells = desk({
      'I-1': { j1: 70, j2: 85 },
      'I-2': { j1: 60, j2: 80 },
      'I-3': { j1: 50, j3: 90 },
      'I-6': { j2: 75, j3: 95 },
      'I-5': { j2: 70, j3: 88 },
    });
    return firstFinalVersion({ competition, innovations: inns, cells });
  };

  // Since juri-rules/3 (assignment enforced) every new record names /3; /1 and /2 stay for old records.
  // Issue 24 (deliberate change): a z-scored stage is fixed under /4, which z-scores a juror only from
  // the stage's `minEntries` scored entries (default 8; /1–/3 used 3).
  it('a record is fixed under juri-rules/3, or /4 when a stage is z-scored, and a configured aggregation verifies', async () => {
    expect((await record(smallCompetition())).rulesVersion).toBe('juri-rules/3');
    const trimmed = await record(withMethod(smallCompetition(), { method: 'trimmed', normalize: 'none' }));
    expect(trimmed.rulesVersion).toBe('juri-rules/3');
    const z = await record(
      withMethod(smallCompetition(), { method: 'mean', normalize: 'zscore', minEntries: 3 }),
    );
    expect(z.rulesVersion).toBe('juri-rules/4');
    expect(z.result.stages[0]?.ranking[0]?.id).toBe('I-1');
    expect((await verifyRecords([z], digest, CHECK)).ok).toBe(true);
  });

  it('juri-rules/4 z-scores no juror with fewer than 8 entries by default: each keeps the raw totals', async () => {
    const raw = await record(smallCompetition());
    const z = await record(withMethod(smallCompetition(), { method: 'mean', normalize: 'zscore' }));
    expect(z.rulesVersion).toBe('juri-rules/4');
    const order = (r: typeof z) => r.result.stages[0]?.ranking.map((e) => [e.id, e.score]);
    expect(order(z)).toEqual(order(raw));
    // The same cells under /3 (minimum 3) are z-scored: the record names its rules, and they decide.
    const asThree = { ...z, rulesVersion: 'juri-rules/3' } as ResultRecord;
    const resealed = { ...asThree, hash: await digest(recordHashInput(asThree)) };
    expect((await verifyRecords([resealed], digest, CHECK)).ok).toBe(false);
    expect((await verifyRecords([z], digest, CHECK)).ok).toBe(true);
  });

  it('juri-rules/1 means the plain mean: re-checked under /1, a z-scored result is refuted', async () => {
    const z = await record(
      withMethod(smallCompetition(), { method: 'mean', normalize: 'zscore', minEntries: 3 }),
    );
    const asOne = { ...z, rulesVersion: 'juri-rules/1' } as ResultRecord;
    const resealed = { ...asOne, hash: await digest(recordHashInput(asOne)) };
    const report = await verifyRecords([resealed], digest, CHECK);
    expect(report.ok).toBe(false);
  });
});
