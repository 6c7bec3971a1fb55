import { createHash } from 'node:crypto';
import { type Competition, parseCompetition } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { buildRecordBody, type RecordInput, sealRecord } from '../../shared/domain/record.ts';

/** A small two-stage competition whose numbers are easy to check by hand. */
export function smallCompetition(overrides: Record<string, unknown> = {}): Competition {
  const parsed = parseCompetition({
    id: 'uji-2024',
    name: 'Uji',
    announceAt: '2024-12-20',
    categories: [
      { id: 'prov', name: 'Provinsi' },
      { id: 'kabkota', name: 'Kabupaten/Kota' },
    ],
    jurors: [
      { id: 'j1', name: 'J1', email: 'j1@example.org', region: 'Kota Kupang' },
      { id: 'j2', name: 'J2', email: 'j2@example.org', region: 'Ende' },
      { id: 'j3', name: 'J3', email: 'j3@example.org', region: 'Alor', conflicts: ['I-4'] },
    ],
    stages: [
      {
        id: 'desk',
        name: 'Proposal',
        minJurors: 2,
        criteria: [
          { id: 'a', name: 'A', weight: 30, min: 0, max: 100 },
          { id: 'b', name: 'B', weight: 70, min: 0, max: 100 },
        ],
        tieBreak: ['b'],
        advance: { top: 2, per: 'overall' },
      },
      {
        id: 'interview',
        name: 'Wawancara',
        minJurors: 2,
        criteria: [{ id: 'x', name: 'X', weight: 1, min: 1, max: 10 }],
        tieBreak: ['x'],
        advance: { top: 1, per: 'overall' },
      },
    ],
    final: { weights: { desk: 40, interview: 60 } },
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

export function innovation(id: string, region = 'Sikka', category = 'kabkota'): Innovation {
  return {
    id,
    title: `Inovasi ${id}`,
    agency: 'Dinas',
    region,
    category,
    submittedAt: '2024-09-01T00:00:00Z',
  };
}

/** SHA-256 (hex), as `juri verify` hashes a record. */
export const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex');

/** Version 1 of a final result, fixed on 19 December 2024 from these cells and sealed. */
export function firstFinalVersion(input: Pick<RecordInput, 'competition' | 'innovations' | 'cells'>) {
  return sealRecord(
    buildRecordBody({
      ...input,
      version: 1,
      status: 'final',
      fixedAt: '2024-12-19T01:00:00.000Z',
      previous: null,
      reason: null,
      confirms: null,
      provisionalUntil: null,
      sourceSync: null,
      tieDecisions: [],
    }),
    sha256,
  );
}
