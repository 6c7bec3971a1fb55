import { type Context, Hono } from 'hono';
import { csvText } from '../../../shared/csv.ts';
import { type Competition, finalTop } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { Innovation } from '../../../shared/domain/innovation.ts';
import type { CompetitionResult, RankedEntry } from '../../../shared/domain/ranking.ts';
import type { SelectionVerdict } from '../../../shared/domain/selection.ts';
import { SUBMISSION_FIELDS } from '../../../shared/domain/submission-fields.ts';
import { section } from '../../../shared/messages/catalogue/section.ts';
import { formatShortInstant } from '../../../shared/messages/moments.ts';
import { scoreDigits, scoreText } from '../../../shared/messages/numbers.ts';
import { FIELD_NAMES, outcomeText, reasonsLine } from '../../../shared/messages/selection.ts';
import type { AppEnv } from '../../compose/services.ts';
import { rowsOf } from '../console/ranking-section.tsx';
import { requireSessionPage } from '../console/session.ts';

/**
 * The secretariat's downloads (behind the session): the rankings and the entries as .xlsx (exceljs)
 * and CSV. The CSV follows the reader's language: Indonesian Excel expects ";" between
 * fields and a decimal comma, English "," and a dot.
 */
export const exportRoutes = new Hono<AppEnv>();
exportRoutes.use('*', requireSessionPage());

/** An official score in a table: printed by scoreText in a CSV, a rounded number in a workbook. */
type Scored = Pick<RankedEntry, 'score' | 'display'>;

/** One table before it becomes a file: numbers stay numbers until the format decides. */
interface Table {
  name: string;
  header: string[];
  rows: (string | number | Scored | null)[][];
}

const WORDS = { id: section('id', 'results.export.'), en: section('en', 'results.export.') };

function categoryNames(competition: Competition, lang: Lang): Map<string, string> {
  return new Map(competition.categories.map((c) => [c.id, localName(c, lang)]));
}

export function rankingTable(
  competition: Competition,
  result: CompetitionResult | undefined,
  innovations: readonly Innovation[],
  lang: Lang,
  category: string | undefined,
): Table {
  const w = WORDS[lang];
  const byId = new Map(innovations.map((i) => [i.id, i]));
  const names = categoryNames(competition, lang);
  const stages = competition.stages.filter((s) => (competition.final.weights[s.id] ?? 0) > 0);
  const top = finalTop(competition);
  const header = [
    w.rank,
    w.tie,
    w.id,
    w.title,
    w.agency,
    w.region,
    w.category,
    ...stages.map((s) => `${localName(s, lang)} (0–100)`),
    w.final,
    w.status,
    `${w.top} ${top}`,
    w.categoryRank,
  ];
  const rows = (result ? rowsOf(result) : [])
    .filter((r) => category === undefined || r.category === category)
    .map((r) => {
      const i = byId.get(r.id);
      const e = r.furthest;
      return [
        r.isFinal ? e.rank : null,
        r.isFinal && e.tie ? '=' : '',
        r.id,
        i?.title ?? '',
        i?.agency ?? '',
        i?.region ?? '',
        names.get(r.category) ?? r.category,
        ...stages.map((s) => r.stageScores.get(s.id) ?? null),
        r.isFinal ? e : null,
        e.status === 'complete' ? w.complete : w.incomplete,
        r.isFinal && e.advances ? w.top : '',
        r.isFinal ? e.categoryRank : null,
      ];
    });
  return { name: w.rankings, header, rows };
}

/** Every entry with every field it was submitted with (contacts included: the secretariat follows up). */
export function entriesTable(
  competition: Competition,
  innovations: readonly Innovation[],
  verdicts: readonly SelectionVerdict[] | undefined,
  lang: Lang,
): Table {
  const w = WORDS[lang];
  const names = categoryNames(competition, lang);
  const byVerdict = new Map((verdicts ?? []).map((v) => [v.id, v]));
  const core = new Set(['title', 'agency', 'region', 'category']);
  const fields = SUBMISSION_FIELDS.filter((f) => !core.has(f));
  const header = [
    w.id,
    w.title,
    w.agency,
    w.region,
    w.category,
    w.submittedAt,
    w.version,
    ...(verdicts ? [w.selection, w.selectionReasons, w.decidedBy] : []),
    ...fields.map((f) => FIELD_NAMES[f][lang]),
    w.respondentEmail,
  ];
  const rows = [...innovations]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => {
      const v = byVerdict.get(i.id);
      return [
        i.id,
        i.title,
        i.agency,
        i.region,
        names.get(i.category) ?? i.category,
        formatShortInstant(i.submittedAt, competition.timezone, lang),
        i.version ?? 1,
        ...(verdicts
          ? [
              v ? outcomeText(v.outcome, lang) : '',
              v ? reasonsLine(v.reasons, lang) : '',
              v?.override?.by ?? '',
            ]
          : []),
        ...fields.map((f) => (f === 'summary' ? (i.summary ?? '') : (i.details?.[f] ?? ''))),
        i.details?.respondentEmail ?? '',
      ];
    });
  return { name: w.entries, header, rows };
}

/** A cell Excel would run as a formula (=, +, -, @ first) is written as text with a leading apostrophe. */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function tableToCsv(table: Table, lang: Lang): string {
  const cells = table.rows.map((row) =>
    row.map((v) => {
      if (v === null) return '';
      if (typeof v === 'number') return String(v);
      if (typeof v === 'object') return v.score === null ? '' : scoreText(v, lang);
      return inert(v);
    }),
  );
  return csvText([table.header, ...cells], { delimiter: lang === 'id' ? ';' : ',', bom: true });
}

async function send(c: Context<AppEnv>, table: Table, file: string, format: string) {
  const lang = c.get('lang');
  const { competition } = c.get('services');
  c.header('cache-control', 'no-store');
  c.header('content-disposition', `attachment; filename="${competition.id}-${file}.${format}"`);
  if (format === 'csv') {
    c.header('content-type', 'text/csv; charset=utf-8');
    return c.body(tableToCsv(table, lang));
  }
  // A score cell holds the number its digits say, shown with exactly those 2 decimals.
  const scoreColumns = table.header.flatMap((_, i) =>
    table.rows.some((row) => typeof row[i] === 'object' && row[i] !== null) ? [i] : [],
  );
  const rows = table.rows.map((row) =>
    row.map((v) => {
      if (v === null || typeof v !== 'object') return v;
      const digits = scoreDigits(v);
      return digits === null ? null : Number(digits);
    }),
  );
  const bytes = await c.get('services').xlsx.tablesToXlsx([{ ...table, rows, scoreColumns }]);
  c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return c.body(new Uint8Array(bytes).buffer);
}

const FORMATS = ['csv', 'xlsx'] as const;

for (const format of FORMATS) {
  exportRoutes.get(`/peringkat.${format}`, (c) => rankings(c, format));
  exportRoutes.get(`/inovasi.${format}`, (c) => entries(c, format));
}

async function rankings(c: Context<AppEnv>, format: string) {
  const { competition, stores } = c.get('services');
  const [innovations, sync] = await Promise.all([
    stores.innovations.listInnovations(),
    stores.syncLog.lastSync(),
  ]);
  const asked = c.req.query('kategori');
  const category = competition.categories.some((k) => k.id === asked) ? asked : undefined;
  const table = rankingTable(competition, sync?.result, innovations, c.get('lang'), category);
  return send(c, table, category ? `peringkat-${category}` : 'peringkat', format);
}

async function entries(c: Context<AppEnv>, format: string) {
  const { competition, stores } = c.get('services');
  const [innovations, sync] = await Promise.all([
    stores.innovations.listInnovations(),
    stores.syncLog.lastSync(),
  ]);
  const verdicts = competition.selection ? (sync?.selection?.verdicts ?? []) : undefined;
  return send(c, entriesTable(competition, innovations, verdicts, c.get('lang')), 'inovasi', format);
}
