import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { caseArb } from './ranking-cases.ts';
import { referenceRank } from './reference-ranking.ts';

describe('ranking engine properties', () => {
  it('agrees with an independent implementation of the published rules', () => {
    fc.assert(
      fc.property(caseArb, ({ competition, innovations, scores }) => {
        const engine = rankCompetition(competition, innovations, scores);
        const reference = referenceRank(competition, innovations, scores);
        for (const stage of [...engine.stages, engine.final]) {
          const ref = new Map((reference[stage.stage] ?? []).map((e) => [e.id, e]));
          expect(stage.ranking.length).toBe(ref.size);
          for (const e of stage.ranking) {
            const r = ref.get(e.id);
            expect({ id: e.id, rank: e.rank, status: e.status, tie: e.tie, advances: e.advances }).toEqual({
              id: r?.id,
              rank: r?.rank,
              status: r?.status,
              tie: r?.tie,
              advances: r?.advances,
            });
            if (e.status === 'complete') expect(e.score ?? Number.NaN).toBeCloseTo(r?.score ?? Number.NaN, 9);
            if (stage.stage !== 'final') expect(e.jurors).toBe(r?.jurors);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the order of the input rows never changes the result', () => {
    fc.assert(
      fc.property(caseArb, fc.infiniteStream(fc.nat()), (c, seeds) => {
        const shuffled = shuffle(c.scores, seeds);
        const innovationsShuffled = shuffle(c.innovations, seeds);
        const a = rankCompetition(c.competition, c.innovations, c.scores);
        const b = rankCompetition(c.competition, innovationsShuffled, shuffled);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });

  it('raising one valid score never lowers that innovation’s score', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 100 }), (c, pick, bump) => {
        // A cell typed twice is counted only while its copies agree, so raise only cells typed once.
        const key = (s: (typeof c.scores)[number]) => `${s.stage}|${s.innovation}|${s.juror}|${s.criterion}`;
        const typedCount = new Map<string, number>();
        for (const s of c.scores)
          if (s.value.trim() !== '') typedCount.set(key(s), (typedCount.get(key(s)) ?? 0) + 1);
        const validDesk = c.scores
          .map((s, i) => ({ s, i }))
          .filter(({ s }) => s.stage === 'desk' && /^\s*\d+([.,]\d+)?\s*$/.test(s.value))
          .filter(({ s }) => Number(s.value.trim().replace(',', '.')) <= 100 && typedCount.get(key(s)) === 1);
        fc.pre(validDesk.length > 0);
        const target = validDesk[pick % validDesk.length];
        if (!target) return;
        const old = Number(target.s.value.trim().replace(',', '.'));
        const raised = Math.min(100, old + bump);
        const scores = c.scores.map((s, i) => (i === target.i ? { ...s, value: String(raised) } : s));
        const before = rankCompetition(c.competition, c.innovations, c.scores).stages[0];
        const after = rankCompetition(c.competition, c.innovations, scores).stages[0];
        const was = before?.ranking.find((e) => e.id === target.s.innovation);
        const now = after?.ranking.find((e) => e.id === target.s.innovation);
        if (was?.status === 'complete' && now?.status === 'complete') {
          expect(now.score ?? 0).toBeGreaterThanOrEqual((was.score ?? 0) - 1e-9);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('ranks are 1-based competition ranks and ties share the better rank', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const stage of rankCompetition(c.competition, c.innovations, c.scores).stages) {
          const ranks = stage.ranking.flatMap((e) => (e.rank === null ? [] : [e.rank]));
          ranks.forEach((rank, i) => {
            expect(rank === i + 1 || rank === ranks[i - 1]).toBe(true);
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});

function shuffle<T>(items: readonly T[], seeds: fc.Stream<number>): T[] {
  const out = [...items];
  const it = seeds[Symbol.iterator]();
  for (let i = out.length - 1; i > 0; i--) {
    const j = (it.next().value ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
