import { innovationNumber } from '../../shared/domain/innovation.ts';
import type { RankedEntry } from '../../shared/domain/ranking.ts';
import type { AcceptedSubmission, Rejection, SyncRecord } from '../../shared/ports.ts';

export const numberToId = (n: number) => innovationNumber(2024, n);

let counter = 0;
/** A competition id no other test (or test file, or earlier run on the same emulator) uses. */
export function uniqueCompetition(prefix = 'c'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${counter}`;
}

export function submission(
  responseId: string,
  submittedAt: string,
  title = `Judul ${responseId}`,
): AcceptedSubmission {
  return {
    responseId,
    submittedAt,
    source: 'apps-script',
    rawId: `raw-${responseId}-${submittedAt}`,
    innovation: {
      title,
      agency: 'Dinas Kesehatan',
      region: 'Kota Kupang',
      category: 'umum',
      summary: 'Layanan kesehatan keliling — ringkasan',
      details: { 'Tahun implementasi': '2022', 'Nama inovator': 'Maria Bano' },
    },
  };
}

export function rejection(responseId: string, receivedAt: string, message: string): Rejection {
  return {
    responseId,
    receivedAt,
    source: 'forms-api',
    rawId: `raw-${responseId}-${receivedAt}`,
    reasons: [{ path: 'region', code: 'regionNotListed', params: { value: message } }],
    answers: { 'Kabupaten/Kota': 'Kupang?', 'Judul inovasi': 'Uji' },
  };
}

function entry(i: number): RankedEntry {
  return {
    rank: i + 1,
    id: numberToId(i + 1),
    score: 87.123456789 - i / 1000,
    status: 'complete',
    jurors: 3,
    tie: i % 97 === 0,
    advances: i < 20,
    category: i % 2 === 0 ? 'umum' : 'khusus',
    categoryRank: Math.floor(i / 2) + 1,
    tieBreak: [81.25 + (i % 7), 77.5 - (i % 5)],
    totals: { [`juri-${i % 60}`]: 88.5, [`juri-${(i + 1) % 60}`]: 86.25, [`juri-${(i + 2) % 60}`]: 86.62 },
  };
}

/** A sync of a national-scale run: 3,500 ranked entries per stage, several MB of JSON. */
export function bigSync(id: string, finishedAt: string): SyncRecord {
  const ranking = Array.from({ length: 3500 }, (_, i) => entry(i));
  const problems = Array.from({ length: 200 }, (_, i) => ({
    stage: 'desk',
    innovation: numberToId(i + 1),
    juror: `juri-${i % 60}`,
    criterion: 'signifikansi',
    value: `${i},5x`,
    code: 'not-a-number' as const,
    reason: `Nilai "${i},5x" bukan angka — ketik misalnya 8,5 ✓ 🙂`,
    cell: `'Desk – j${i % 60}'!D${i + 7}`,
  }));
  return {
    id,
    startedAt: finishedAt,
    finishedAt,
    status: 'written',
    inputHash: `sha256-${id}`,
    requests: { reads: 1, writes: 2 },
    message: 'Sinkronisasi selesai — 3.500 inovasi',
    result: {
      stages: [
        { stage: 'seleksi', ranking, problems: [] },
        { stage: 'desk', ranking, problems },
        { stage: 'interview', ranking: ranking.slice(0, 20), problems: [] },
      ],
      final: { stage: 'final', ranking: ranking.slice(0, 20), problems },
      problems,
    },
    progress: Array.from({ length: 60 }, (_, i) => ({
      stage: 'desk',
      juror: `juri-${i}`,
      assigned: 175,
      scored: 170,
    })),
    sheetState: { 'Peringkat Desk': 12345, Pengumuman: 678 },
  };
}

export function smallSync(
  id: string,
  finishedAt: string,
  status: SyncRecord['status'] = 'unchanged',
): SyncRecord {
  return {
    id,
    startedAt: finishedAt,
    finishedAt,
    status,
    inputHash: `sha256-${id}`,
    requests: { reads: 1, writes: 0 },
  };
}
