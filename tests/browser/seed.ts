import type { Services } from '../../functions/compose/services.ts';
import { fixResult } from '../../functions/results/fix.ts';
import { assignStage } from '../../shared/domain/assignment.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Competition, Stage } from '../../shared/domain/competition.ts';
import { fairnessReport } from '../../shared/domain/fairness/report.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { type CompetitionResult, rankCompetition } from '../../shared/domain/ranking.ts';
import type { ResultRecord } from '../../shared/domain/record.ts';
import { hasConflict, panelOf } from '../../shared/domain/scoring.ts';
import type { AcceptedSubmission, SyncRecord } from '../../shared/ports.ts';
import type { JurorProgress } from '../../shared/sheet/layout.ts';

const SUBJECTS = [
  'Layanan Kesehatan Keliling',
  'Sistem Antrean Daring Puskesmas',
  'Posyandu Digital',
  'Sekolah Lapang Iklim',
  'Air Bersih untuk Desa',
  'Perizinan Satu Pintu Daring',
  'Jemput Bola Akta Kelahiran',
  'Pasar Ikan Higienis',
  'Gerakan Literasi Desa',
  'Ambulans Desa Siaga',
  'Pelaporan Warga Cepat Tanggap',
  'Lumbung Pangan Keluarga',
  'Tenun Ikat Go Digital',
  'Sapi Sehat Petani Sejahtera',
];

const AGENCIES = [
  'Dinas Kesehatan',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Pertanian',
  'Bappeda',
  'RSUD',
];

const REGIONS = [
  'Kota Kupang',
  'Kupang',
  'Timor Tengah Selatan',
  'Sikka',
  'Ende',
  'Manggarai Barat',
  'Sumba Timur',
  'Belu',
  'Flores Timur',
  'Alor',
  'Rote Ndao',
  'Ngada',
  'Provinsi NTT',
  'Lembata',
  'Sumba Barat Daya',
  'Malaka',
];

/** Lenient j2 and harsh j4, so the box plots have something to show. */
const BIAS: Record<string, number> = { j1: 0, j2: 9, j3: -1, j4: -10, j5: 2 };

/** A deterministic pseudo-random number in [0, 1) from a text key (no shared state). */
function noise(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

export const CONTACT_PHONE = (i: number) => `0812-7000-${String(1000 + i)}`;
export const CONTACT_EMAIL = (i: number) => `narahubung.${i}@contoh-pemda.go.id`;

interface Seed {
  submission: AcceptedSubmission;
  quality: number;
  /** Innovations sharing a noise key get identical scores: a real tie. */
  noiseKey: string;
}

function seeds(count: number, label: (text: string) => string): Seed[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    // #4 copies #3 (same region, same quality, same noise) so the two tie on every stage.
    const twin = n === 4;
    const region = (twin || n === 3 ? REGIONS[2] : REGIONS[i % REGIONS.length]) ?? 'Kota Kupang';
    const category = region === 'Provinsi NTT' ? 'prov' : n % 7 === 0 ? 'bumd' : 'kabkota';
    const subject = SUBJECTS[i % SUBJECTS.length] ?? 'Inovasi';
    return {
      quality: twin ? 93 : n === 3 ? 93 : 45 + Math.round(noise(`q${n}`) * 50),
      noiseKey: twin ? 'n3' : `n${n}`,
      submission: {
        responseId: `resp-${String(n).padStart(3, '0')}`,
        submittedAt: new Date(Date.UTC(2024, 8, 1, 8, n)).toISOString(),
        source: 'local',
        rawId: `raw-${n}`,
        innovation: {
          title: label(`${subject} ${n}`),
          agency: label(`${AGENCIES[i % AGENCIES.length] ?? 'Dinas'} ${region}`),
          region,
          category,
          summary: `Inovasi ${subject.toLowerCase()} mempercepat layanan bagi warga ${region} dan telah diterapkan sejak 2022.`,
          details: {
            contactName: `Narahubung ${n}`,
            contactPhone: CONTACT_PHONE(n),
            contactEmail: CONTACT_EMAIL(n),
            startYear: String(2018 + (n % 5)),
            proposalUrl: `https://dokumen.example.org/proposal-${n}.pdf`,
            // Every fifth agency does not agree to the public catalogue.
            consent: n % 5 === 0 ? 'Tidak' : 'Ya, setuju',
          },
        },
      },
    };
  });
}

function cellValue(value: number): string {
  // Jurors type decimals with a comma; keep some whole numbers too.
  return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
}

function scoresFor(
  competition: Competition,
  stage: Stage,
  population: readonly Innovation[],
  quality: ReadonlyMap<string, Seed>,
  skip: (innovation: Innovation, juror: string) => boolean,
): ScoreEntry[] {
  const out: ScoreEntry[] = [];
  for (const juror of panelOf(competition, stage)) {
    population.forEach((innovation, row) => {
      if (hasConflict(juror, innovation) || skip(innovation, juror.id)) return;
      const seed = quality.get(innovation.id);
      stage.criteria.forEach((criterion, col) => {
        const base = (seed?.quality ?? 60) + (BIAS[juror.id] ?? 0);
        const jitter = (noise(`${seed?.noiseKey}-${juror.id}-${criterion.id}`) - 0.5) * 14;
        const pct = Math.max(0, Math.min(100, base + jitter)) / 100;
        const raw = criterion.min + pct * (criterion.max - criterion.min);
        const step = criterion.max - criterion.min > 20 ? 1 : 0.5;
        out.push({
          stage: stage.id,
          innovation: innovation.id,
          juror: juror.id,
          criterion: criterion.id,
          value: cellValue(Math.round(raw / step) * step),
          cell: `'${stage.name} – ${juror.id}'!${String.fromCharCode(69 + col)}${row + 2}`,
        });
      });
    });
  }
  return out;
}

/** "ya" for every claim, from each verifier the stage assigns to each finalist (no conflict). */
function verifiedAnswers(
  competition: Competition,
  stage: Stage,
  finalists: readonly Innovation[],
): ScoreEntry[] {
  return [...assignStage(competition, stage, finalists)].flatMap(([juror, rows]) =>
    rows
      .filter((r) => !r.conflict)
      .flatMap((r) =>
        stage.criteria.map((c) => ({
          stage: stage.id,
          innovation: r.innovation.id,
          juror,
          criterion: c.id,
          value: 'ya',
        })),
      ),
  );
}

function progressOf(
  competition: Competition,
  result: CompetitionResult,
  innovations: readonly Innovation[],
  scores: readonly ScoreEntry[],
): JurorProgress[] {
  const byId = new Map(innovations.map((i) => [i.id, i]));
  return competition.stages.flatMap((stage) => {
    const ids = result.stages.find((s) => s.stage === stage.id)?.ranking.map((e) => e.id) ?? [];
    return panelOf(competition, stage).map((juror) => {
      const assigned = ids.filter((id) => {
        const innovation = byId.get(id);
        return innovation !== undefined && !hasConflict(juror, innovation);
      });
      const typed = (id: string) =>
        scores.filter((s) => s.stage === stage.id && s.juror === juror.id && s.innovation === id).length;
      const scored = assigned.filter((id) => typed(id) === stage.criteria.length);
      const pending = assigned.filter((id) => typed(id) < stage.criteria.length);
      const emptyCells = pending.reduce((n, id) => n + stage.criteria.length - typed(id), 0);
      return {
        stage: stage.id,
        juror: juror.id,
        assigned: assigned.length,
        scored: scored.length,
        pending,
        emptyCells,
      };
    });
  });
}

async function plant(services: Services, count: number, label: (text: string) => string = (t) => t) {
  const { competition, stores } = services;
  const innovations: Innovation[] = [];
  const quality = new Map<string, Seed>();
  for (const seed of seeds(count, label)) {
    const { innovation } = await stores.innovations.upsertInnovation(seed.submission, (n) =>
      innovationNumber(competition.year ?? 2024, n),
    );
    innovations.push(innovation);
    quality.set(innovation.id, seed);
  }
  return { innovations, quality };
}

/** Only the innovations, as intake would have stored them (for a real sync to rank). */
export async function seedInnovations(services: Services, count = 20): Promise<Innovation[]> {
  return (await plant(services, count)).innovations;
}

export interface Seeded {
  innovations: Innovation[];
  result: CompetitionResult;
  sync: SyncRecord;
  scores: ScoreEntry[];
  /** Version 1, when the seed fixed the result. */
  record: ResultRecord | null;
}

/**
 * Fills the store with 40 innovations (or `count`) (contacts in details), generated scores for both stages
 * and the sync record a real sync would have saved. `interviewDone: false` leaves some
 * interview cells empty, so the final ranking is incomplete and the announcement must wait. `label`
 * rewrites every title and agency (e.g. into right-to-left text).
 */
export async function seedCompetition(
  services: Services,
  opts: { interviewDone: boolean; count?: number; fix?: boolean; label?: (text: string) => string },
): Promise<Seeded> {
  const { competition, stores, clock } = services;
  const { innovations, quality } = await plant(services, opts.count ?? 40, opts.label);
  const desk = competition.stages[0];
  const interview = competition.stages.findLast((s) => s.kind !== 'field');
  if (!desk || !interview || desk === interview) throw new Error('the NTT config has two scoring stages');
  const deskScores = scoresFor(competition, desk, innovations, quality, () => false);
  // Two cells a person would have to fix: text in a number cell, and a score above the scale.
  const weak = deskScores.filter(
    (e) => e.innovation === innovations[29]?.id || e.innovation === innovations[30]?.id,
  );
  const first = weak[0];
  const second = weak.find((e) => e.innovation !== first?.innovation && e.juror !== first?.juror);
  if (first) first.value = '8,5x';
  if (second) second.value = '105';
  const advanced = rankCompetition(competition, innovations, deskScores)
    .stages[0]?.ranking.filter((e) => e.advances)
    .map((e) => e.id);
  const finalists = innovations.filter((i) => advanced?.includes(i.id));
  const interviewScores = scoresFor(
    competition,
    interview,
    finalists,
    quality,
    (innovation, juror) => !opts.interviewDone && juror >= 'j3' && finalists.indexOf(innovation) % 3 === 0,
  );
  // The field verification (issue 24): every assigned verifier finds every claim as the proposal says.
  const fieldScores = competition.stages
    .filter((s) => s.kind === 'field')
    .flatMap((stage) => verifiedAnswers(competition, stage, finalists));
  const scores = [...deskScores, ...fieldScores, ...interviewScores];
  const result = rankCompetition(competition, innovations, scores);
  const now = clock.now().toISOString();
  const sync: SyncRecord = {
    id: `seed-${now}`,
    startedAt: now,
    finishedAt: now,
    status: 'written',
    inputHash: 'seed',
    requests: { reads: 1, writes: 1 },
    result,
    progress: progressOf(competition, result, innovations, scores),
    cells: scores,
    comments: [
      {
        stage: desk.id,
        juror: 'j2',
        innovation: innovations[0]?.id ?? '',
        text: 'Data dampak perlu diperbarui.',
        cell: "'Maria Nahak – Proposal'!O6",
      },
    ],
    fairness: fairnessReport(competition, result),
  };
  await stores.syncLog.saveSync(sync);
  // Complete judging is fixed as version 1, as the secretariat would before the announcement.
  const record = (opts.fix ?? opts.interviewDone) ? await fixResult(services, {}) : null;
  await stores.archive.recordRejection({
    responseId: 'resp-rejected-1',
    receivedAt: now,
    source: 'local',
    rawId: 'raw-rejected-1',
    reasons: [{ path: 'region', code: 'regionNotListed', params: { value: 'Kupang Barat' } }],
    answers: { 'Nomor HP Narahubung': '0813-9999-0000', 'Email Narahubung': 'ditolak@contoh-pemda.go.id' },
  });
  return { innovations, result, sync, scores, record };
}
