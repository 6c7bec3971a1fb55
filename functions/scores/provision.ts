import { assignStage, type StageAssignment } from '../../shared/domain/assignment.ts';
import { calibrationStage, sampleRow } from '../../shared/domain/calibration.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import { isFieldStage } from '../../shared/domain/field.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { t } from '../../shared/messages/catalogue/t.ts';
import { formatNumber } from '../../shared/messages/numbers.ts';
import type { JurorTabSpec, ProvisionOutcome, SheetPlan } from '../../shared/ports.ts';
import { GUIDE_TITLE, guideRows } from '../../shared/sheet/guide-tab.ts';
import {
  columnNameVariants,
  criterionColumns,
  criterionDescription,
  entryCells,
  type JurorColumn,
  type JurorTab,
  jurorBookTitle,
  jurorColumns,
  jurorTabHeader,
  jurorTabs,
  linkFormulas,
  NAMES_ROW,
  totalFormulaTemplate,
} from '../../shared/sheet/juror-tab.ts';
import { calibrationNote, conflictNote } from '../../shared/sheet/layout.ts';
import type { Services } from '../compose/services.ts';
import { firstStagePopulation } from './selection.ts';
import { sheetOf, withSheetLease } from './sheet-needed.ts';

export interface ProvisionReport extends ProvisionOutcome {
  /** Per stage: how many innovations it has and how many rows its juror tabs hold in total. */
  stages: { stage: string; innovations: number; rows: number }[];
  requests: { reads: number; writes: number };
}

/** The spreadsheet's locale: there "8,5" typed is the number 8.5, so strict validation accepts it. */
export const SHEET_LOCALE = 'id_ID';

/**
 * Sets up the juror tabs: per stage one tab per panel juror, rows = the innovations assigned to
 * that juror (a later stage holds those that advanced in the last sync), then the "Petunjuk" tab.
 * Idempotent: re-running appends new innovations and never writes a score or remark cell. Runs under
 * the same lease as the sync. `secretariat`: emails that may edit every protected range besides the
 * juror (default: the config's).
 */
export async function provisionSheet(
  services: Services,
  opts: { secretariat?: string[] } = {},
): Promise<ProvisionReport> {
  const sheet = sheetOf(services);
  return withSheetLease(services, 'setup', async (signal) => {
    const before = sheet.requestCount();
    const { assignments, stages } = await assignStages(services);
    const outcome = await sheet.provision(sheetPlan(services, assignments, opts.secretariat), { signal });
    const after = sheet.requestCount();
    return {
      ...outcome,
      stages,
      requests: { reads: after.reads - before.reads, writes: after.writes - before.writes },
    };
  });
}

/**
 * Who scores what, per stage: the first stage's population (only entries that passed the administrative
 * selection, when there is one), each later stage's the entries that advanced in the last sync.
 */
async function assignStages({ stores, competition }: Services) {
  const [innovations, last] = await Promise.all([
    stores.innovations.listInnovations(),
    stores.syncLog.lastSync(),
  ]);
  const stages: ProvisionReport['stages'] = [];
  let population: Innovation[] = firstStagePopulation(competition, innovations, last);
  const assignments = new Map<string, StageAssignment>();
  competition.stages.forEach((stage, k) => {
    if (k > 0) {
      const previous = last?.result?.stages.find((s) => s.stage === competition.stages[k - 1]?.id);
      const advanced = new Set(previous?.ranking.filter((e) => e.advances).map((e) => e.id) ?? []);
      population = innovations.filter((i) => advanced.has(i.id));
    }
    const assignment = assignStage(competition, stage, population);
    assignments.set(stage.id, assignment);
    const rows = [...assignment.values()].reduce((n, r) => n + r.length, 0);
    stages.push({ stage: stage.id, innovations: population.length, rows });
  });
  return { assignments, stages };
}

/**
 * The whole plan setup hands the sheet: every juror tab with `rows` (stage id → juror id → rows; a tab
 * missing there gets none), the guide, the books (perJuror). The plan always names
 * every tab, because setup rebuilds the looks and protections of exactly the tabs it is given.
 */
export function sheetPlan(
  services: Pick<Services, 'competition' | 'lang'>,
  rows: ReadonlyMap<string, StageAssignment>,
  secretariatEmails?: string[],
): SheetPlan {
  const { competition, lang } = services;
  const specs = jurorTabs(competition).map((tab) =>
    jurorTabSpec(competition, tab, rows.get(tab.stage.id)?.get(tab.juror.id) ?? [], lang),
  );
  const secretariat = secretariatEmails ?? competition.secretariat;
  const books =
    competition.sheet.mode === 'perJuror'
      ? competition.jurors
          .filter((j) => specs.some((s) => s.book === j.id))
          .map((j) => ({
            key: j.id,
            title: jurorBookTitle(competition, j),
            editors: [j.email, ...secretariat],
          }))
      : undefined;
  return {
    jurorTabs: specs,
    ...(books ? { books } : {}),
    guide: { title: GUIDE_TITLE, rows: guideRows(competition, lang), widths: [240, 70, 90, 640] },
    locale: SHEET_LOCALE,
    timeZone: competition.timezone,
    secretariat,
  };
}

const WIDTHS: Record<JurorColumn['kind'], number> = {
  id: 110,
  title: 320,
  agency: 220,
  region: 150,
  link: 90,
  criterion: 130,
  total: 110,
  photos: 220,
  comment: 260,
  note: 240,
};

function scaleMessage(min: number, max: number, lang: Lang): string {
  const [a, b] = [formatNumber(min, lang), formatNumber(max, lang)];
  return t(lang, 'sheet.validation.scale', { min: a, max: b });
}

/** The answers a field verifier picks from (the reader also takes the English ones). */
const ANSWER_CHOICES = ['ya', 'sebagian', 'tidak'] as const;

function answerMessage(lang: Lang): string {
  return t(lang, 'sheet.validation.answers');
}

/** The calibration samples a tab holds: every sample on each tab of the calibration stage, none elsewhere. */
function calibrationSamplesOf(competition: Competition, tab: JurorTab): Innovation[] {
  const samples = competition.calibration?.entries ?? [];
  return samples.length > 0 && calibrationStage(competition)?.id === tab.stage.id
    ? samples.map(sampleRow)
    : [];
}

export function jurorTabSpec(
  competition: Competition,
  tab: JurorTab,
  rows: readonly { innovation: Innovation; conflict: boolean }[],
  lang: Lang,
): JurorTabSpec {
  const columns = jurorColumns(competition, tab.stage);
  const field = isFieldStage(tab.stage);
  const at = (kind: JurorColumn['kind']) => columns.findIndex((c) => c.kind === kind);
  const lastLink = columns.reduce((last, c, i) => (c.kind === 'link' ? i : last), at('region'));
  return {
    ...(competition.sheet.mode === 'perJuror' ? { book: tab.juror.id } : {}),
    title: tab.title,
    header: jurorTabHeader(competition, tab.stage, tab.juror, lang),
    namesRow: NAMES_ROW,
    columnNames: columns.map(columnNameVariants),
    headerNotes: columns.flatMap((c, column) => {
      const note = c.kind === 'criterion' ? criterionDescription(c.criterion, lang) : undefined;
      return note ? [{ row: NAMES_ROW, column, note }] : [];
    }),
    rows: [
      // The calibration samples come first on their stage's tabs, so they are scored before the real entries.
      ...calibrationSamplesOf(competition, tab).map((sample) => ({
        key: sample.id,
        cells: entryCells(sample),
        formulas: linkFormulas(columns, sample),
        locked: false,
        note: calibrationNote(lang),
      })),
      ...rows.map(({ innovation, conflict }) => ({
        key: innovation.id,
        cells: entryCells(innovation),
        formulas: linkFormulas(columns, innovation),
        locked: conflict,
        note: conflict ? conflictNote(lang) : '',
      })),
    ],
    scoreColumns: criterionColumns(columns).map((index) => {
      const column = columns[index];
      const c = column?.kind === 'criterion' ? column.criterion : { min: 0, max: 0 };
      if (field)
        return { index, min: c.min, max: c.max, message: answerMessage(lang), choices: [...ANSWER_CHOICES] };
      return { index, min: c.min, max: c.max, message: scaleMessage(c.min, c.max, lang) };
    }),
    inputColumns: [...criterionColumns(columns), ...(field ? [at('photos')] : []), at('comment')],
    lockedColumns: [...Array.from({ length: lastLink + 1 }, (_, i) => i), ...(field ? [] : [at('total')])],
    // A field verification's answers are words: no total to compute on the sheet.
    rowFormulas: field
      ? []
      : [{ column: at('total'), template: totalFormulaTemplate(columns), numberFormat: '0.00' }],
    noteColumn: at('note'),
    editors: [tab.juror.email],
    widths: columns.map((c) => WIDTHS[c.kind]),
    frozenColumns: 2,
  };
}
