import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankCommand } from '../../functions/cli/rank.ts';
import { caseArb } from '../unit/ranking-cases.ts';
import { referenceRank } from '../unit/reference-ranking.ts';

/** RFC 4180 quoting, as a spreadsheet exports it: "8,5" must survive as one value. */
const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;

describe('juri rank --json on generated CSV files', () => {
  it('agrees with the independent implementation for every stage and the final ranking', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juri-rank-ref-'));
    fc.assert(
      fc.property(caseArb, ({ competition, innovations, scores }) => {
        const files = {
          config: join(dir, 'config.json'),
          innovations: join(dir, 'innovations.csv'),
          scores: join(dir, 'scores.csv'),
        };
        writeFileSync(files.config, JSON.stringify(competition));
        writeFileSync(
          files.innovations,
          csv([
            ['id', 'title', 'agency', 'region', 'category', 'submitted_at'],
            ...innovations.map((i) => [i.id, i.title, i.agency, i.region, i.category, i.submittedAt]),
          ]),
        );
        writeFileSync(
          files.scores,
          csv([
            ['stage', 'innovation', 'juror', 'criterion', 'value'],
            ...scores.map((s) => [s.stage, s.innovation, s.juror, s.criterion, s.value]),
          ]),
        );
        const reference = referenceRank(competition, innovations, scores);
        for (const stage of [...competition.stages.map((s) => s.id), 'final']) {
          const out = JSON.parse(rankCommand({ ...files, stage, json: true, lang: 'id' }));
          const expected = new Map((reference[stage] ?? []).map((e) => [e.id, e]));
          expect(out.ranking).toHaveLength(expected.size);
          for (const e of out.ranking) {
            const r = expected.get(e.id);
            expect([e.rank, e.status, e.tie, e.advances]).toEqual([r?.rank, r?.status, r?.tie, r?.advances]);
            if (e.status === 'complete') expect(e.score).toBeCloseTo(r?.score ?? Number.NaN, 9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
