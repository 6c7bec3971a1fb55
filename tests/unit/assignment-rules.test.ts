import { describe, expect, it } from 'vitest';
import { assignStage } from '../../shared/domain/assignment.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { type ResultRecord, RULES, recordHashInput } from '../../shared/domain/record.ts';
import { verifyRecords } from '../../shared/domain/verify-record.ts';
import { legacyAnnouncementTexts } from '../../shared/messages/announcement-template.ts';
import { problemText } from '../../shared/messages/problems.ts';
import { sha256 as digest, firstFinalVersion, innovation, smallCompetition } from './fixtures.ts';

const CHECK = { legacyText: legacyAnnouncementTexts };

/** Two jurors per entry on the desk stage; every juror of the panel types a score for every entry. */
function everyoneScores() {
  const base = smallCompetition();
  const competition = {
    ...base,
    stages: base.stages.map((s, k) => (k === 0 ? { ...s, jurorsPerInnovation: 2 } : s)),
  };
  const innovations = ['I-1', 'I-2', 'I-3'].map((id) => innovation(id, 'Sumba Timur'));
  const stage = competition.stages[0];
  if (!stage) throw new Error('no stage');
  const assignment = assignStage(competition, stage, innovations);
  const cells: ScoreEntry[] = innovations.flatMap((i) =>
    competition.jurors.flatMap((j) =>
      ['a', 'b'].map((criterion) => ({
        stage: 'desk',
        innovation: i.id,
        juror: j.id,
        criterion,
        // The unassigned juror types 100 everywhere, so counting them changes every score.
        value: assignment.get(j.id)?.some((r) => r.innovation.id === i.id) ? '60' : '100',
      })),
    ),
  );
  return { competition, innovations, cells, assignment };
}

describe('jurorsPerInnovation enforced (juri-rules/3)', () => {
  it('counts only the assigned jurors and reports the others as not assigned, in words', () => {
    const { competition, innovations, cells, assignment } = everyoneScores();
    const result = RULES['juri-rules/3'](competition, innovations, cells);
    const desk = result.stages[0];
    for (const entry of desk?.ranking ?? []) {
      expect(entry.jurors).toBe(2);
      expect(entry.score).toBeCloseTo(60, 10);
      const assigned = [...assignment].filter(([, rows]) => rows.some((r) => r.innovation.id === entry.id));
      expect(Object.keys(entry.totals).sort()).toEqual(assigned.map(([j]) => j).sort());
    }
    const reported = desk?.problems.filter((p) => p.code === 'not-assigned') ?? [];
    // One unassigned juror per entry, two criteria each.
    expect(reported).toHaveLength(3 * 2);
    expect(reported.every((p) => p.value === '100')).toBe(true);
    expect(problemText(reported[0] ?? { code: 'not-assigned' }, 'id')).toBe(
      'inovasi ini tidak dibagikan kepada juri ini; nilai tidak dihitung',
    );
  });

  it('the rules before /3 counted the third juror: the flag is what changes the result', () => {
    const { competition, innovations, cells } = everyoneScores();
    const old = RULES['juri-rules/2'](competition, innovations, cells);
    expect(old.stages[0]?.ranking.every((e) => e.jurors === 3)).toBe(true);
    expect(rankCompetition(competition, innovations, cells).stages[0]?.problems).toEqual([]);
  });

  it('without jurorsPerInnovation every panel juror is assigned: nothing is reported', () => {
    const competition = smallCompetition();
    const { innovations, cells } = everyoneScores();
    const result = RULES['juri-rules/3'](competition, innovations, cells);
    expect(result.stages[0]?.problems.filter((p) => p.code === 'not-assigned')).toEqual([]);
  });

  it('a record fixed under /2 with the third juror counted still verifies under /2; a new one is /3 and verifies', async () => {
    const { competition, innovations, cells } = everyoneScores();
    const now = await firstFinalVersion({ competition, innovations, cells });
    expect(now.rulesVersion).toBe('juri-rules/3');
    expect((await verifyRecords([now], digest, CHECK)).ok).toBe(true);
    // The same facts as a record of the old rules: its result counted all three jurors.
    const oldBody = {
      ...now,
      rulesVersion: 'juri-rules/2' as const,
      result: RULES['juri-rules/2'](competition, now.innovations, now.cells),
    };
    const old: ResultRecord = { ...oldBody, hash: await digest(recordHashInput(oldBody)) };
    expect((await verifyRecords([old], digest, CHECK)).ok).toBe(true);
    // Relabelled /3 without re-ranking, it is refuted: /3 does not count the third juror.
    const relabelled = { ...old, rulesVersion: 'juri-rules/3' as const };
    const resealed = { ...relabelled, hash: await digest(recordHashInput(relabelled)) };
    expect((await verifyRecords([resealed], digest, CHECK)).ok).toBe(false);
  });
});
