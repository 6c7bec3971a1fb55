import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import { NATIONAL_MS } from '../helpers/budgets.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import {
  requestsSince,
  scaledCompetition,
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  typeScores,
  visible,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

async function budgetFor(competition: Competition, innovations: number) {
  const env = await startEnv(competition);
  await seedInnovations(env, innovations);
  await provisionSheet(env.services);
  await typeScores(env, scoreFor, 'desk');
  const counts = [];
  let mark = env.server.log.length;
  const first = await runSync(env.services, { trigger: 'cli' });
  counts.push({ status: first.status, ...requestsSince(env, mark), recorded: first.requests });
  mark = env.server.log.length;
  const second = await runSync(env.services, { trigger: 'cli' });
  counts.push({ status: second.status, ...requestsSince(env, mark), recorded: second.requests });
  await typeScores(env, (s, j, i, c) => (c === 0 ? 77 : scoreFor(s, j, i, c)), 'desk');
  mark = env.server.log.length;
  const third = await runSync(env.services, { trigger: 'cli' });
  counts.push({ status: third.status, ...requestsSince(env, mark), recorded: third.requests });
  return { env, counts };
}

const EXPECTED = [
  { status: 'written', reads: 1, writes: 1, recorded: { reads: 1, writes: 1 } },
  { status: 'unchanged', reads: 1, writes: 0, recorded: { reads: 1, writes: 0 } },
  { status: 'written', reads: 1, writes: 1, recorded: { reads: 1, writes: 1 } },
];

describe('request budget per sync', () => {
  it('5 jurors × 20 innovations: 1 read + 1 write, then 0 writes when nothing changed', async () => {
    const { env, counts } = await budgetFor(loadNtt2024(), 20);
    expect(counts).toEqual(EXPECTED);
    const tabs = visible((await env.server.snapshot()) ?? []);
    const desk = tabs.find((t) => t.title === '» Peringkat Penilaian Proposal');
    expect(desk?.values.length).toBe(21);
    expect(desk?.values[0]?.[0]).toBe('Peringkat');
  });

  it(
    '60 jurors × 3,500 innovations (3 per entry): the same count',
    async () => {
      const { env, counts } = await budgetFor(scaledCompetition(60, 3), 3500);
      expect(counts).toEqual(EXPECTED);
      const tabs = visible((await env.server.snapshot()) ?? []);
      expect(tabs.find((t) => t.title === '» Peringkat Penilaian Proposal')?.values.length).toBe(3501);
      const progress = tabs.find((t) => t.title === '» Progres Juri');
      // 60 desk tabs + 5 interview tabs; each desk juror holds ~175 rows, all scored.
      expect(progress?.values.length).toBe(66);
      // A hang detector, not a speed check: about 50 s on an idle 2-core machine, 260 s at load 13.
    },
    NATIONAL_MS,
  );
});
