import { assignStage } from '../shared/domain/assignment.ts';
import type { ScoreEntry } from '../shared/domain/cells.ts';
import { type Competition, parseCompetition } from '../shared/domain/competition.ts';
import { type Innovation, innovationNumber } from '../shared/domain/innovation.ts';
import { rankCompetition } from '../shared/domain/ranking.ts';
import { NTT_REGIONS, PROVINCE_REGION } from '../shared/domain/regions.ts';
import { entriesOf } from '../shared/domain/typed-cells.ts';
import { seededRandom } from '../shared/seeded-random.ts';
import { jurorReadRange, parseJurorTab, SheetColumns } from '../shared/sheet/juror-read.ts';
import { entryCells, jurorColumns, jurorTabHeader, jurorTabs } from '../shared/sheet/juror-tab.ts';
import { conflictNote } from '../shared/sheet/layout.ts';

/**
 * Seeded competitions at the scales the benchmark reports. Everything here is pure and depends only on
 * the scale and the seed, so every run (and the workerd run) sees the same cells.
 */
export interface Scale {
  name: 'small' | 'ntt' | 'provincial' | 'national' | 'national-7000';
  label: string;
  entries: number;
  jurors: number;
  /** Jurors per entry at the desk stage; every juror when absent. */
  perEntry?: number;
  /** How many entries advance to the interview, and how many jurors sit on its panel. */
  interviewTop: number;
  interviewJurors: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  small: {
    name: 'small',
    label: 'small: 12 entries × 3 jurors (inside workerd only, for what a written sync costs at any size)',
    entries: 12,
    jurors: 3,
    interviewTop: 5,
    interviewJurors: 3,
  },
  ntt: {
    name: 'ntt',
    label: 'NTT: 80 entries × 7 jurors, everyone scores everything',
    entries: 80,
    jurors: 7,
    interviewTop: 20,
    interviewJurors: 7,
  },
  provincial: {
    name: 'provincial',
    label: 'provincial-plus: 500 entries, 15 jurors, 5 per entry',
    entries: 500,
    jurors: 15,
    perEntry: 5,
    interviewTop: 50,
    interviewJurors: 5,
  },
  national: {
    name: 'national',
    label: 'national: 3,500 entries, 60 jurors, 3 per entry, 7 criteria; 300 to interview',
    entries: 3500,
    jurors: 60,
    perEntry: 3,
    interviewTop: 300,
    interviewJurors: 5,
  },
  'national-7000': {
    name: 'national-7000',
    label: 'twice national: 7,000 entries, 120 jurors, 3 per entry',
    entries: 7000,
    jurors: 120,
    perEntry: 3,
    interviewTop: 300,
    interviewJurors: 5,
  },
};

export const SEED = 20241220;

const REGIONS = [PROVINCE_REGION, ...NTT_REGIONS];
const CATEGORIES = ['prov', 'kabkota', 'bumd'] as const;
const WORDS = ['Layanan', 'Digital', 'Terpadu', 'Desa', 'Sehat', 'Cepat', 'Keliling', 'Mandiri', 'Inklusif'];

/** The NTT 2024 config with the scale's jurors, per-entry assignment and interview cut. */
export function competitionFor(base: unknown, scale: Scale): Competition {
  const config = base as Record<string, unknown> & { stages: Record<string, unknown>[] };
  const jurors = Array.from({ length: scale.jurors }, (_, i) => ({
    id: `j${i + 1}`,
    name: `Juri ${i + 1}`,
    email: `juri${i + 1}@example.org`,
    region: REGIONS[(i * 5 + 1) % REGIONS.length] ?? 'Kupang',
  }));
  const [desk, interview] = config.stages;
  const parsed = parseCompetition({
    ...config,
    id: `bench-${scale.name}`,
    jurors,
    stages: [
      {
        ...desk,
        advance: { top: scale.interviewTop, per: 'overall' },
        ...(scale.perEntry ? { jurorsPerInnovation: scale.perEntry } : {}),
      },
      {
        ...interview,
        ...(scale.interviewJurors < scale.jurors
          ? { jurors: jurors.slice(0, scale.interviewJurors).map((j) => j.id) }
          : {}),
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** The entries, as the store would list them (numbers in submission order). */
export function innovationsFor(scale: Scale, seed = SEED): Innovation[] {
  const random = seededRandom(seed);
  return Array.from({ length: scale.entries }, (_, k) => {
    const n = k + 1;
    const word = () => WORDS[Math.floor(random() * WORDS.length)] ?? 'Layanan';
    return {
      id: innovationNumber(2024, n),
      title: `${word()} ${word()} ${word()} ${n}`,
      agency: `Dinas ${word()} ${1 + (n % 40)}`,
      region: REGIONS[Math.floor(random() * REGIONS.length)] ?? 'Kupang',
      category: CATEGORIES[n % CATEGORIES.length] ?? 'kabkota',
      submittedAt: new Date(Date.UTC(2024, 8, 1) + n * 60_000).toISOString(),
      responseId: `resp-${String(n).padStart(5, '0')}`,
      version: 1,
    };
  });
}

/** What a juror types in one cell: mostly whole numbers, some decimals with a comma, a few slips. */
export type Typist = (stage: string, juror: string, innovation: string, criterion: number) => string;

export function typistFor(competition: Competition, innovations: readonly Innovation[], seed = SEED): Typist {
  const quality = new Map(innovations.map((i, k) => [i.id, 45 + ((k * 7919 + seed) % 50)]));
  const jurorBias = new Map(competition.jurors.map((j, k) => [j.id, ((k * 37) % 11) - 5]));
  return (stage, juror, innovation, criterion) => {
    let h = seed ^ 0x9e3779b9;
    for (const part of [stage, juror, innovation, String(criterion)]) {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193) >>> 0;
    }
    const r = h / 4294967296;
    if (r < 0.002) return ''; // left blank: an incomplete row
    if (r > 0.9995) return ['n/a', '101', '8.5.1'][h % 3] ?? 'n/a'; // a slip the problem tab reports
    const q = (quality.get(innovation) ?? 60) + (jurorBias.get(juror) ?? 0) + ((h >>> 8) % 17) - 8;
    if (stage === 'interview') return String(Math.max(1, Math.min(10, Math.round(q / 10))));
    const score = Math.max(0, Math.min(100, q));
    return (h >>> 4) % 10 === 0 ? `${score},5`.replace('100,5', '100') : String(score);
  };
}

/** A juror tab as the Sheets API returns it: the whole tab from A1, trailing empty cells left off. */
export interface TabRead {
  range: string;
  values: string[][];
}

export interface Dataset {
  scale: Scale;
  competition: Competition;
  innovations: Innovation[];
  tabs: TabRead[];
  /** The advancing entries' ids, per stage (the interview tabs list the desk stage's). */
  entries: ScoreEntry[];
  /** The exact body of the one values.batchGet a sync makes (juror tabs, then the _juri cell). */
  payload: string;
}

/**
 * Builds the juror tabs as provisioning lays them out (assignment by assignStage, conflicts blank) and
 * fills them with the typist's values; the interview tabs list the entries the desk ranking advances.
 */
export function datasetFor(base: unknown, scale: Scale, seed = SEED): Dataset {
  const competition = competitionFor(base, scale);
  const innovations = innovationsFor(scale, seed);
  const type = typistFor(competition, innovations, seed);
  const tabs = jurorTabs(competition);
  const values = new Map<string, string[][]>();
  let population: Innovation[] = innovations;
  const entries: ScoreEntry[] = [];
  for (const stage of competition.stages) {
    const assignment = assignStage(competition, stage, population);
    const columns = jurorColumns(competition, stage);
    for (const tab of tabs.filter((t) => t.stage.id === stage.id)) {
      const header = jurorTabHeader(competition, stage, tab.juror, 'id').map(trimRow);
      const rows = (assignment.get(tab.juror.id) ?? []).map(({ innovation, conflict }) => {
        const fixed = entryCells(innovation);
        let criterion = 0;
        // Cells as the read returns them: links without a URL and the total formula read blank.
        const cells = columns.map((column, i) => {
          if (column.kind === 'criterion') {
            const c = criterion++;
            return conflict ? '' : type(stage.id, tab.juror.id, innovation.id, c);
          }
          if (column.kind === 'note') return conflict ? conflictNote() : '';
          return i < fixed.length ? (fixed[i] ?? '') : '';
        });
        return trimRow(cells);
      });
      const tabValues = [...header, ...rows];
      values.set(tab.title, tabValues);
      const into = new SheetColumns(stage, tabValues.length);
      parseJurorTab(tab, tabValues, () => false, columns, into);
      for (const entry of entriesOf({ stages: [into.columns], stray: [] })) entries.push(entry);
    }
    const ranked = rankCompetition(
      { ...competition, stages: competition.stages.slice(0, competition.stages.indexOf(stage) + 1) },
      innovations,
      entries,
    );
    const advanced = new Set(
      ranked.stages
        .at(-1)
        ?.ranking.filter((e) => e.advances)
        .map((e) => e.id),
    );
    population = population.filter((i) => advanced.has(i.id));
  }
  const reads = tabs.map((tab) => ({ range: jurorReadRange(tab), values: values.get(tab.title) ?? [] }));
  return { scale, competition, innovations, tabs: reads, entries, payload: batchGetBody(reads) };
}

function trimRow(row: string[]): string[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end);
}

/** The JSON the Sheets API answers values.batchGet with (FORMATTED_VALUE, ROWS). */
export function batchGetBody(reads: readonly TabRead[], meta = '{"gen":1}'): string {
  return JSON.stringify({
    spreadsheetId: 'bench-sheet',
    valueRanges: [
      ...reads.map((r) => ({
        range: r.range,
        majorDimension: 'ROWS',
        ...(r.values.length > 0 ? { values: r.values } : {}),
      })),
      { range: "'_juri'!A1", majorDimension: 'ROWS', values: [[meta]] },
    ],
  });
}
