/**
 * `npm run bench:fairness`: what the fairness report costs, at national scale (3,500 entries, each
 * scored by 3 of 60 jurors, Top 300) and at NTT scale (80 entries × 5 jurors, two stages), against
 * baselines measured in the same process. Seeded data, median of 5 runs after one warm-up run
 * (the warm-up is reported too: a fresh Worker or function instance pays it). Prints markdown.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { ScoreEntry } from '../shared/domain/cells.ts';
import { type Competition, parseCompetition } from '../shared/domain/competition.ts';
import { rankStability } from '../shared/domain/fairness/rank-stability.ts';
import { fairnessReport } from '../shared/domain/fairness/report.ts';
import { orderStage } from '../shared/domain/fairness/score-order.ts';
import { stageTotals } from '../shared/domain/fairness/stage-totals.ts';
import type { Innovation } from '../shared/domain/innovation.ts';
import { rankCompetition } from '../shared/domain/ranking.ts';
import { seededRandom } from '../shared/seeded-random.ts';

const RUNS = 5;
const CRITERIA = [
  'latar',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumberdaya',
  'keberlanjutan',
];

interface Scenario {
  competition: Competition;
  innovations: Innovation[];
  scores: ScoreEntry[];
}

/** Jurors sit in one region and the entries in others, so no conflict of interest drops a score. */
function scenario(o: {
  entries: number;
  jurors: number;
  perEntry: number;
  top: number;
  stages: string[];
  seed: number;
}): Scenario {
  const random = seededRandom(o.seed);
  const jurorIds = Array.from({ length: o.jurors }, (_, i) => `j${String(i + 1).padStart(2, '0')}`);
  const parsed = parseCompetition({
    id: 'bench',
    name: 'Bench',
    announceAt: '2025-12-20',
    categories: [{ id: 'kabkota', name: 'Kabupaten/Kota' }],
    jurors: jurorIds.map((id) => ({ id, name: id, email: `${id}@example.org`, region: 'Kota Kupang' })),
    stages: o.stages.map((id, s) => ({
      id,
      name: id,
      minJurors: o.perEntry,
      jurorsPerInnovation: o.perEntry,
      criteria: CRITERIA.map((c) => ({ id: c, name: c, weight: 1, min: 0, max: 100 })),
      ...(s < o.stages.length - 1 ? { advance: { top: o.top * 2, per: 'overall' } } : {}),
    })),
    final: { weights: Object.fromEntries(o.stages.map((id, s) => [id, s + 1])), top: o.top },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const habit = new Map(jurorIds.map((j) => [j, (random() - 0.5) * 12]));
  const innovations: Innovation[] = Array.from({ length: o.entries }, (_, i) => ({
    id: `INOV-${i + 1}`,
    title: `Inovasi ${i + 1}`,
    agency: 'Dinas',
    region: 'Sikka',
    category: 'kabkota',
    submittedAt: '2025-09-01T00:00:00Z',
  }));
  const scores: ScoreEntry[] = [];
  for (const stage of o.stages) {
    for (const inn of innovations) {
      const quality = 40 + random() * 50;
      const panel = new Set<string>();
      while (panel.size < o.perEntry) panel.add(jurorIds[Math.floor(random() * o.jurors)] ?? 'j01');
      for (const juror of panel) {
        for (const criterion of CRITERIA) {
          const v = Math.min(100, Math.max(0, quality + (habit.get(juror) ?? 0) + (random() - 0.5) * 16));
          scores.push({ stage, innovation: inn.id, juror, criterion, value: String(Math.round(v * 2) / 2) });
        }
      }
    }
  }
  return { competition: parsed.value, innovations, scores };
}

function measure(work: () => unknown): { first: number; median: number } {
  let start = performance.now();
  work();
  const first = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(RUNS / 2)] ?? 0 };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

const ms = (v: number) =>
  v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en');

const rows: string[][] = [];
function row(scale: string, step: string, m: { first: number; median: number }, baseline: number) {
  rows.push([
    scale,
    step,
    ms(m.median),
    ms(m.first),
    `${(m.median / baseline).toFixed(baseline > 0 ? 0 : 1)}×`,
  ]);
}

// National: one stage, 3,500 entries × 3 of 60 jurors, the Top 300 win.
const national = scenario({ entries: 3500, jurors: 60, perEntry: 3, top: 300, stages: ['desk'], seed: 2025 });
const nationalResult = rankCompetition(national.competition, national.innovations, national.scores);
const nationalStage = stageTotals(
  (nationalResult.stages[0]?.ranking ?? []).filter((e) => e.status === 'complete'),
);
const meanPass = measure(() => orderStage(nationalStage, 'mean'));
row(
  'national',
  'baseline: one mean aggregation pass (score and order 3,500 entries)',
  meanPass,
  meanPass.median,
);
row(
  'national',
  'the ranking itself (`rankCompetition`, 73,500 typed cells)',
  measure(() => rankCompetition(national.competition, national.innovations, national.scores)),
  meanPass.median,
);
row(
  'national',
  'bootstrap: 2,000 resamples, Top 300 (`rankStability`)',
  measure(() => rankStability(nationalStage, { top: 300, seed: 1 })),
  meanPass.median,
);
row(
  'national',
  'whole fairness report (what-if × 6, α, juror levels and profiles, bootstrap)',
  measure(() => fairnessReport(national.competition, nationalResult)),
  meanPass.median,
);

// NTT 2025: 80 entries, 5 jurors each, a desk stage (Top 20 advance) and an interview, Top 10 win.
const ntt = scenario({
  entries: 80,
  jurors: 5,
  perEntry: 5,
  top: 10,
  stages: ['desk', 'interview'],
  seed: 2024,
});
const nttResult = rankCompetition(ntt.competition, ntt.innovations, ntt.scores);
const nttStage = stageTotals((nttResult.stages[0]?.ranking ?? []).filter((e) => e.status === 'complete'));
const nttMean = measure(() => orderStage(nttStage, 'mean'));
row('NTT', 'baseline: one mean aggregation pass (80 entries)', nttMean, nttMean.median);
row(
  'NTT',
  'the ranking itself (`rankCompetition`)',
  measure(() => rankCompetition(ntt.competition, ntt.innovations, ntt.scores)),
  nttMean.median,
);
row(
  'NTT',
  'whole fairness report (2 stages + final, 2,000 resamples each)',
  measure(() => fairnessReport(ntt.competition, nttResult)),
  nttMean.median,
);

const header = ['Scale', 'Step', 'Median (ms)', 'First run (ms)', 'vs baseline'];
const lines = [
  `Machine: ${cpuModel()} (${cpus().length} cores), Node ${process.version}. Median of ${RUNS} runs after one warm-up run.`,
  '',
  `| ${header.join(' | ')} |`,
  `| ${header.map((_h, i) => (i >= 2 ? '---:' : '---')).join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
