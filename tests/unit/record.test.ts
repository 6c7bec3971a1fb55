import { describe, expect, it } from 'vitest';
import { parseCompetition } from '../../shared/domain/competition.ts';
import type { RankedEntry, StageResult } from '../../shared/domain/ranking.ts';
import {
  buildRecordBody,
  type ResultRecord,
  recordHashInput,
  sealRecord,
  verificationCode,
} from '../../shared/domain/record.ts';
import { rankingDifferences } from '../../shared/domain/record-diff.ts';
import { diffCells } from '../../shared/domain/score-changes.ts';
import { checkTieDecisions, decidedRanking, tieGroups } from '../../shared/domain/ties.ts';
import { intakeState } from '../../shared/domain/timeline.ts';
import { verifyRecords } from '../../shared/domain/verify-record.ts';
import { legacyAnnouncementTexts } from '../../shared/messages/announcement-template.ts';
import { issueText } from '../../shared/messages/issues.ts';
import { findingText } from '../../shared/messages/record.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import { sha256 as digest } from './fixtures.ts';

const CHECK = { legacyText: legacyAnnouncementTexts };

describe('the timeline in the config', () => {
  const base = () => JSON.parse(JSON.stringify(loadNtt2024()));

  it('says which step comes too late, by path, in Indonesian and English', () => {
    const config = base();
    config.intake = { opensAt: '2024-11-16', closesAt: '2024-11-15' };
    config.stages[1].deadline = '2024-12-21T10:00';
    config.stages[0].deadline = '2024-12-19';
    const parsed = parseCompetition(config);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const said = parsed.issues.map((i) => `${i.path}: ${issueText(i, 'id')}`);
    expect(said).toContain(
      'intake.closesAt: intake.opensAt harus lebih awal dari intake.closesAt (waktu setempat pada zona waktu kompetisi)',
    );
    expect(said).toContain(
      'stages[1].deadline: stages[1].deadline harus lebih awal dari announceAt (waktu setempat pada zona waktu kompetisi)',
    );
    expect(parsed.issues.map((i) => issueText(i, 'en'))).toContain(
      "stages[1].deadline must come before announceAt (local time in the competition's time zone)",
    );
  });

  it('rejects a malformed time and an unknown chair', () => {
    const config = base();
    config.intake = { opensAt: '1 September', closesAt: '2024-11-15' };
    config.chair = 'j9';
    const parsed = parseCompetition(config);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(['intake.opensAt', 'chair']);
  });

  it('opens at the start of the opening day and closes at the end of the closing day, in the competition’s zone', () => {
    const c = loadNtt2024();
    expect(intakeState(c, new Date('2024-08-31T15:59:59Z'))).toBe('not-yet-open');
    expect(intakeState(c, new Date('2024-08-31T16:00:00Z'))).toBe('open');
    expect(intakeState(c, new Date('2024-11-15T15:59:59Z'))).toBe('open');
    expect(intakeState(c, new Date('2024-11-15T16:00:00Z'))).toBe('closed');
    expect(intakeState({ ...c, intake: undefined }, new Date('2030-01-01'))).toBe('open');
  });
});

describe('the score change log', () => {
  const cell = (innovation: string, value: string, criterion = 'latar') => ({
    stage: 'desk',
    juror: 'j1',
    innovation,
    criterion,
    value,
    cell: `'Penilaian Proposal – j1'!E${innovation.slice(-1)}`,
  });
  const seen = { at: '2024-11-02T00:00:00.000Z', syncId: 'sync-000000002', afterVersion: 1 };

  it('records typed, edited and cleared cells with old and new text; unchanged cells are not changes', () => {
    const before = [cell('I1', '8'), cell('I2', '7'), cell('I3', '6')];
    const after = [cell('I1', '8'), cell('I2', '7,5'), cell('I4', '9')];
    const changes = diffCells(before, after, seen);
    expect(changes.map((c) => [c.innovation, c.old, c.new, c.cell, c.afterVersion])).toEqual([
      ['I2', '7', '7,5', "'Penilaian Proposal – j1'!E2", 1],
      ['I3', '6', '', "'Penilaian Proposal – j1'!E3", 1],
      ['I4', '', '9', "'Penilaian Proposal – j1'!E4", 1],
    ]);
    expect(changes.every((c) => c.seenAt === seen.at && c.syncId === seen.syncId)).toBe(true);
  });

  it('treats `8,5` → `8.5` as a change: the text typed is what is kept', () => {
    expect(diffCells([cell('I1', '8,5')], [cell('I1', '8.5')], seen)).toHaveLength(1);
  });
});

function entry(id: string, rank: number | null, score: number | null, tie = false): RankedEntry {
  return {
    id,
    rank,
    score,
    tie,
    status: 'complete',
    jurors: 3,
    advances: rank !== null && rank <= 3,
    category: 'prov',
    categoryRank: rank,
    tieBreak: [],
    totals: {},
  };
}

describe('ties among the winners', () => {
  const final: StageResult = {
    stage: 'final',
    problems: [],
    ranking: [
      entry('A', 1, 90),
      entry('B', 2, 80, true),
      entry('C', 2, 80, true),
      entry('D', 2, 80, true),
      entry('E', 5, 70),
    ],
  };

  it('finds the group at the last winning place and requires a decision with a note for it', () => {
    expect(tieGroups(final, 3)).toEqual([{ rank: 2, ids: ['B', 'C', 'D'], atCutoff: true }]);
    expect(tieGroups(final, 4)).toEqual([{ rank: 2, ids: ['B', 'C', 'D'], atCutoff: false }]);
    expect(checkTieDecisions(final, 3, []).map((p) => p.code)).toEqual(['tie-undecided']);
    expect(checkTieDecisions(final, 4, [])).toEqual([]);
    const wrong = checkTieDecisions(final, 3, [{ rank: 2, order: ['B', 'C'], note: '' }]);
    expect(wrong.map((p) => p.code)).toEqual(['tie-decision-members', 'tie-decision-note']);
    expect(checkTieDecisions(final, 3, [{ rank: 5, order: ['E'], note: 'x' }]).map((p) => p.code)).toEqual([
      'tie-decision-unknown-group',
      'tie-undecided',
    ]);
  });

  it('applies the panel’s order as consecutive ranks; only the places up to the top win', () => {
    const decided = decidedRanking(final, 3, [{ rank: 2, order: ['D', 'B', 'C'], note: 'pleno' }]);
    expect(decided.ranking.map((e) => [e.id, e.rank, e.tie, e.advances])).toEqual([
      ['A', 1, false, true],
      ['D', 2, false, true],
      ['B', 3, false, true],
      ['C', 4, false, false],
      ['E', 5, false, false],
    ]);
  });

  it('tells the live ranking from the fixed one, naming who joins or leaves the winners', () => {
    const live: StageResult = {
      ...final,
      ranking: [entry('A', 1, 90), entry('E', 2, 85), entry('B', 3, 80)],
    };
    const diffs = rankingDifferences(final, live, 3);
    expect(diffs.map((d) => [d.id, d.fixedRank, d.liveRank, d.winner])).toEqual([
      ['B', 2, 3, null],
      ['C', 2, null, 'leaves'],
      ['D', 2, null, 'leaves'],
      ['E', 5, 2, 'joins'],
    ]);
    expect(rankingDifferences(final, final, 3)).toEqual([]);
  });
});

describe('records and their chain', () => {
  async function chain(): Promise<ResultRecord[]> {
    const competition = loadNtt2024();
    const input = {
      competition,
      innovations: [],
      cells: [],
      status: 'final' as const,
      reason: null,
      confirms: null,
      provisionalUntil: null,
      sourceSync: null,
      tieDecisions: [],
    };
    const one = await sealRecord(
      buildRecordBody({ ...input, version: 1, fixedAt: '2024-12-19T01:00:00.000Z', previous: null }),
      digest,
    );
    const two = await sealRecord(
      buildRecordBody({
        ...input,
        version: 2,
        fixedAt: '2024-12-21T01:00:00.000Z',
        previous: { version: 1, hash: one.hash },
        reason: 'ralat',
      }),
      digest,
    );
    return [one, two];
  }

  it('hashes the canonical JSON of everything but the hash, and gives a short code to read aloud', async () => {
    const [one] = await chain();
    expect(one?.hash).toBe(await digest(recordHashInput(one as ResultRecord)));
    expect(recordHashInput(one as ResultRecord)).not.toContain('"hash"');
    expect(verificationCode('3f2a91c07d4e55aa')).toBe('3F2A-91C0-7D4E');
  });

  it('confirms an intact chain and names a missing version, a wrong start and an unknown rules version', async () => {
    const [one, two] = (await chain()) as [ResultRecord, ResultRecord];
    expect((await verifyRecords([one, two], digest, CHECK)).ok).toBe(true);
    const gap = await verifyRecords([two], digest, CHECK);
    expect(gap.findings.map((f) => f.code)).toEqual(['chain-start']);
    const rules = { ...one, rulesVersion: 'juri-rules/99' } as unknown as ResultRecord;
    const resealed = { ...rules, hash: await digest(recordHashInput(rules)) };
    const report = await verifyRecords([resealed], digest, CHECK);
    expect(report.findings.map((f) => f.code)).toEqual(['rules-unknown']);
    expect(findingText(report.findings[0] as never, 'id')).toContain(
      'tidak mengenal versi aturan "juri-rules/99"',
    );
    expect(findingText(report.findings[0] as never, 'en')).toContain('does not know the rules version');
  });
});
