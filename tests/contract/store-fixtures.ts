import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import type { RankedEntry } from '../../shared/domain/ranking.ts';
import { LEGACY_RECORD_FORMAT, type ResultRecord, RULES_VERSION } from '../../shared/domain/record.ts';
import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import type { AcceptedSubmission, CompetitionStores, Rejection, SyncRecord } from '../../shared/ports.ts';
import { loadNtt2024 } from '../helpers/services.ts';

/** A competition's ports as one port's contract sees them: only those it exercises. */
export type PortsOf<K extends keyof CompetitionStores> = (competition: string) => Pick<CompetitionStores, K>;

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
    requests: { reads: 1, writes: 1 },
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

/** A result version as the store sees it (the store does not check hashes); `cells` sizes it. */
export function resultRecord(version: number, cellCount = 3, base?: ResultRecord): ResultRecord {
  const big = cellCount > 1000;
  const result = big
    ? (bigSync('x', '2024-12-20T01:00:00.000Z').result as ResultRecord['result'])
    : { stages: [], final: { stage: 'final', ranking: [], problems: [] }, problems: [] };
  return {
    ...(base ?? {}),
    format: LEGACY_RECORD_FORMAT,
    rulesVersion: RULES_VERSION,
    competitionId: 'c',
    version,
    status: 'final',
    fixedAt: `2024-12-${String(10 + version).padStart(2, '0')}T01:00:00.000Z`,
    previous: version === 1 ? null : { version: version - 1, hash: `hash-${version - 1}` },
    reason: version === 1 ? null : `Ralat ke-${version}: nilai juri j2 salah ketik — “8,5” bukan “85”`,
    confirms: null,
    provisionalUntil: null,
    sourceSync: { id: 'sync-000000001', finishedAt: '2024-12-10T00:00:00.000Z' },
    competition: loadNtt2024(),
    innovations: [
      {
        id: numberToId(1),
        title: 'Layanan Sé',
        agency: 'Dinas',
        region: 'Kupang',
        category: 'prov',
        submittedAt: '2024-10-01T00:00:00.000Z',
      },
    ],
    cells: Array.from({ length: cellCount }, (_, i) => ({
      stage: i % 2 === 0 ? 'desk' : 'interview',
      juror: `juri-${i % 60}`,
      innovation: numberToId((i % 3500) + 1),
      criterion: `k${i % 7}`,
      value: i % 11 === 0 ? `${i % 10},5` : String(i % 100),
      cell: `'Penilaian Proposal – juri-${i % 60}'!E${(i % 3500) + 4}`,
    })),
    result,
    tieDecisions: [],
    announcement: { id: `Pengumuman versi ${version}`, en: `Announcement version ${version}` },
    hash: `hash-${version}`,
  };
}

export function scoreChange(syncId: string, i: number, old = ''): ScoreChange {
  return {
    stage: 'desk',
    juror: `j${(i % 5) + 1}`,
    innovation: numberToId(i + 1),
    criterion: 'latar',
    cell: `'Penilaian Proposal – j${(i % 5) + 1}'!E${i + 4}`,
    old,
    new: `${i},5`,
    seenAt: `2024-11-${syncId.slice(-2)}T00:00:00.000Z`,
    syncId,
    afterVersion: null,
  };
}

/** A desk cell of juror `juror` for the i-th entry, typed as `value`. */
const deskCell = (juror: string, i: number, value: string): ScoreEntry => ({
  stage: 'desk',
  juror,
  innovation: numberToId(i + 1),
  criterion: 'latar',
  value,
  cell: `'Desk – ${juror}'!E${i + 4}`,
});

/** Three juror tabs' cells, only j2's first cell given: a one-cell edit moves one tab. */
export const deskCellsWith = (j2: string): ScoreEntry[] => [
  ...[0, 1, 2].map((i) => deskCell('j1', i, '8')),
  deskCell('j2', 0, j2),
  deskCell('j2', 1, '7,5'),
  deskCell('j3', 0, '6'),
];
