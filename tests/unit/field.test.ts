import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { type Competition, parseCompetition } from '../../shared/domain/competition.ts';
import { fieldFacts } from '../../shared/domain/field.ts';
import { readAnswer, readAnswerScore } from '../../shared/domain/field-answers.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import {
  buildRecordBody,
  currentRulesVersion,
  type ResultRecord,
  recordHashInput,
} from '../../shared/domain/record.ts';
import { verifyRecords } from '../../shared/domain/verify-record.ts';
import { legacyAnnouncementTexts } from '../../shared/messages/announcement-template.ts';
import { issueText } from '../../shared/messages/issues.ts';
import { findingText } from '../../shared/messages/record.ts';
import { firstFinalVersion, innovation, sha256, smallCompetition } from './fixtures.ts';

const CHECK = { legacyText: legacyAnnouncementTexts };

/** desk (top 3 go on) → field verification of those 3 → the final from desk, weighted or gated. */
function fieldCompetition(field: Record<string, unknown>, weights: Record<string, number> = { desk: 1 }) {
  const parsed = parseCompetition({
    id: 'uji-2024',
    name: 'Uji',
    announceAt: '2024-12-20',
    categories: [{ id: 'kabkota', name: 'Kabupaten/Kota' }],
    jurors: [
      { id: 'j1', name: 'J1', email: 'j1@example.org', region: 'Kota Kupang' },
      { id: 'j2', name: 'J2', email: 'j2@example.org', region: 'Ende' },
      { id: 'v1', name: 'V1', email: 'v1@example.org', region: 'Alor' },
      { id: 'v2', name: 'V2', email: 'v2@example.org', region: 'Sikka' },
    ],
    stages: [
      {
        id: 'desk',
        name: 'Proposal',
        minJurors: 2,
        jurors: ['j1', 'j2'],
        criteria: [{ id: 'a', name: 'A', weight: 1, min: 0, max: 100 }],
        advance: { top: 3, per: 'overall' },
      },
      {
        id: 'lapangan',
        name: 'Verifikasi Lapangan',
        kind: 'field',
        minJurors: 1,
        jurors: ['v1', 'v2'],
        criteria: [
          { id: 'jalan', name: 'Layanan berjalan', weight: 2 },
          { id: 'warga', name: 'Dirasakan warga', weight: 1 },
        ],
        ...field,
      },
    ],
    final: { weights, top: 2 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const innovations = ['I-1', 'I-2', 'I-3', 'I-4'].map((id) => innovation(id, 'Kupang'));
const desk = (id: string, value: string): ScoreEntry[] =>
  ['j1', 'j2'].map((juror) => ({ stage: 'desk', innovation: id, juror, criterion: 'a', value }));
const verify = (id: string, juror: string, jalan: string, warga: string, note?: string): ScoreEntry[] => [
  { stage: 'lapangan', innovation: id, juror, criterion: 'jalan', value: jalan },
  { stage: 'lapangan', innovation: id, juror, criterion: 'warga', value: warga },
  ...(note ? [{ stage: 'lapangan', innovation: id, juror, criterion: 'catatan', value: note }] : []),
];
const cells: ScoreEntry[] = [
  ...desk('I-1', '90'),
  ...desk('I-2', '80'),
  ...desk('I-3', '70'),
  ...desk('I-4', '60'),
  ...verify('I-1', 'v1', 'Tidak', 'sebagian', 'Layanan belum berjalan di desa sasaran'),
  ...verify('I-2', 'v1', 'ya', 'YA'),
  ...verify('I-3', 'v2', 'ya', 'tidak'),
  { stage: 'lapangan', innovation: 'I-3', juror: 'v2', criterion: 'foto', value: 'https://x.example/1.jpg' },
];

describe('field verification (issue 24)', () => {
  it('reads the answers in either language and any case, and nothing else', () => {
    expect(['Ya', ' yes ', 'Sebagian', 'partly', 'TIDAK', 'no', ''].map(readAnswer)).toEqual([
      'yes',
      'yes',
      'partly',
      'partly',
      'no',
      'no',
      'empty',
    ]);
    expect(readAnswer('2')).toBeUndefined();
    expect(['ya', 'sebagian', 'tidak', 'mungkin'].map((a) => readAnswerScore(a))).toEqual([
      2,
      1,
      0,
      'not-a-number',
    ]);
  });

  it("keeps a scoring stage's config as it was: no kind, no gate, no field scale", () => {
    const c = smallCompetition();
    expect(Object.hasOwn(c.stages[0] ?? {}, 'kind')).toBe(false);
    expect(Object.hasOwn(c.stages[0] ?? {}, 'gate')).toBe(false);
    expect(currentRulesVersion(c)).toBe('juri-rules/3');
  });

  it("gives field criteria the answers' scale and refuses what does not fit a field stage", () => {
    const c = fieldCompetition({});
    expect(c.stages[1]?.criteria.map((x) => [x.min, x.max])).toEqual([
      [0, 2],
      [0, 2],
    ]);
    expect(currentRulesVersion(c)).toBe('juri-rules/5');
    const bad = parseCompetition({
      ...c,
      stages: [
        { ...c.stages[0], gate: { passMark: 50 } },
        {
          ...c.stages[1],
          advance: { top: 1 },
          criteria: [{ id: 'foto', name: 'F', weight: 1, min: 1, max: 5 }],
        },
      ],
    });
    expect(bad.ok).toBe(false);
    const codes = bad.ok ? [] : bad.issues.map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['gateNeedsField', 'fieldAdvance', 'fieldScale', 'fieldReservedId']),
    );
    for (const i of bad.ok ? [] : bad.issues) expect(issueText(i, 'id')).not.toBe(i.code);
  });

  it('as a score: yes 100, partly 50, no 0, weighted, blended into the final weights', () => {
    const c = fieldCompetition({}, { desk: 1, lapangan: 1 });
    const result = rankCompetition(c, innovations, cells, { enforceAssignment: true });
    const field = result.stages[1];
    const score = (id: string) => field?.ranking.find((e) => e.id === id)?.score;
    expect(score('I-1')).toBeCloseTo((2 * 0 + 1 * 50) / 3, 9);
    expect(score('I-2')).toBe(100);
    expect(score('I-3')).toBeCloseTo(200 / 3, 9);
    // The note and photo cells are kept, never a problem.
    expect(result.problems).toEqual([]);
    // desk 90/80/70, halved with the field's 16.7/100/66.7: I-2 (90), I-3 (68.3), I-1 (53.3).
    expect(result.final.ranking.map((e) => e.id)).toEqual(['I-2', 'I-3', 'I-1']);
    expect(result.final.ranking.map((e) => e.advances)).toEqual([true, true, false]);
  });

  it('as a gate: an entry below the pass mark is out of the final, with its unmet claims as the reason', () => {
    const c = fieldCompetition({ gate: { passMark: 50 } });
    const result = rankCompetition(c, innovations, cells, { enforceAssignment: true });
    expect(result.final.ranking.map((e) => e.id)).toEqual(['I-2', 'I-3']);
    const facts = fieldFacts(c.stages, result, cells);
    expect(facts.find((f) => f.id === 'I-1')).toEqual({
      stage: 'lapangan',
      id: 'I-1',
      result: 'failed',
      score: 50 / 3,
      passMark: 50,
      verifiers: ['v1'],
      no: ['jalan'],
      partly: ['warga'],
    });
    expect(facts.find((f) => f.id === 'I-3')?.result).toBe('passed');
  });

  it('holds an entry incomplete until the gate has verified it', () => {
    const c = fieldCompetition({ gate: { passMark: 50 } });
    const unverified = cells.filter((x) => !(x.stage === 'lapangan' && x.innovation === 'I-2'));
    const result = rankCompetition(c, innovations, unverified, { enforceAssignment: true });
    const i2 = result.final.ranking.find((e) => e.id === 'I-2');
    expect([i2?.status, i2?.rank]).toEqual(['incomplete', null]);
  });

  it('is fixed under juri-rules/5 with its facts, and verifies; an altered answer is found', async () => {
    const c = fieldCompetition({ gate: { passMark: 50 } });
    const record = await firstFinalVersion({ competition: c, innovations, cells });
    expect(record.rulesVersion).toBe('juri-rules/5');
    expect(record.field?.map((f) => [f.id, f.result])).toEqual([
      ['I-1', 'failed'],
      ['I-2', 'passed'],
      ['I-3', 'passed'],
    ]);
    expect(record.announced.map((a) => a.id)).toEqual(['I-2', 'I-3']);
    const file = JSON.parse(JSON.stringify(record)) as ResultRecord;
    expect((await verifyRecords([file], sha256, CHECK)).ok).toBe(true);

    const forged = structuredClone(file);
    forged.field = (forged.field ?? []).map((f) => (f.id === 'I-1' ? { ...f, result: 'passed' } : f));
    const resealed = { ...forged, hash: await sha256(recordHashInput(forged)) };
    const report = await verifyRecords([resealed], sha256, CHECK);
    expect(report.findings).toEqual([{ code: 'field-differs', version: 1, innovations: ['I-1'] }]);
    expect(findingText(report.findings[0] as never, 'id')).toContain('I-1');
  });

  it('leaves a record without a field stage as it was: its rules, no field key', () => {
    const c: Competition = smallCompetition();
    const body = buildRecordBody({
      competition: c,
      innovations: [innovation('I-1')],
      cells: [],
      version: 1,
      status: 'final',
      fixedAt: '2024-12-19T01:00:00.000Z',
      previous: null,
      reason: null,
      confirms: null,
      provisionalUntil: null,
      sourceSync: null,
      tieDecisions: [],
    });
    expect(body.rulesVersion).toBe('juri-rules/3');
    expect(Object.hasOwn(body, 'field')).toBe(false);
  });
});
