import Papa from 'papaparse';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Bilingual } from '../../shared/domain/i18n.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { readText } from './io.ts';

const INNOVATION_COLUMNS = ['id', 'title', 'agency', 'region', 'category', 'submitted_at'] as const;
const SCORE_COLUMNS = ['stage', 'innovation', 'juror', 'criterion', 'value'] as const;

/** Innovations CSV: id,title,agency,region,category,submitted_at */
export function readInnovationsCsv(path: string): Innovation[] {
  const { records, at } = readCsv(path, INNOVATION_COLUMNS);
  return records.map((r) => ({
    id: (r[at.id] ?? '').trim(),
    title: r[at.title] ?? '',
    agency: r[at.agency] ?? '',
    region: (r[at.region] ?? '').trim(),
    category: (r[at.category] ?? '').trim(),
    submittedAt: r[at.submitted_at] ?? '',
  }));
}

/** Scores CSV: stage,innovation,juror,criterion,value — value exactly as typed. */
export function readScoresCsv(path: string): ScoreEntry[] {
  const { records, at } = readCsv(path, SCORE_COLUMNS);
  return records.map((r, i) => ({
    stage: (r[at.stage] ?? '').trim(),
    innovation: (r[at.innovation] ?? '').trim(),
    juror: (r[at.juror] ?? '').trim(),
    criterion: (r[at.criterion] ?? '').trim(),
    value: r[at.value] ?? '',
    cell: `${path}:${i + 2}`,
  }));
}

/**
 * The data records of a CSV file and where each needed column sits in them. Records are arrays, not
 * objects keyed by the header: at national scale (80,000 score rows) building those objects cost more
 * than parsing. Every record has the header's length (checked), so each index is in range. Rows are
 * numbered as a spreadsheet shows the file: the header is row 1.
 */
function readCsv<C extends string>(
  path: string,
  columns: readonly C[],
): { records: string[][]; at: Record<C, number> } {
  // The delimiter is fixed: Papa Parse would otherwise guess one from the text.
  const parsed = Papa.parse<string[]>(readText(path), { delimiter: ',', skipEmptyLines: true });
  const [header = [], ...records] = parsed.data;
  const error = parsed.errors[0];
  if (error) {
    const row = (error.row ?? 0) + 1;
    const known = QUOTE_ERRORS[error.code];
    const what = known ? bilingual(known) : { id: error.message, en: error.message };
    broken(path, {
      id: t('id', 'cli.csv.rowProblem', { row, problem: what.id }),
      en: t('en', 'cli.csv.rowProblem', { row, problem: what.en }),
    });
  }
  records.forEach((r, i) => {
    if (r.length !== header.length) {
      broken(path, bilingual('cli.csv.fieldCount', { row: i + 2, fields: r.length, header: header.length }));
    }
  });
  // Like an object keyed by the header, a repeated column name means its last occurrence.
  const at = Object.fromEntries(columns.map((c) => [c, header.lastIndexOf(c)])) as Record<C, number>;
  const missing = records.length === 0 ? [] : columns.filter((c) => at[c] < 0);
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      bilingual('cli.csv.missingColumns', { path, missing: missing.join(', '), needed: columns.join(',') }),
    );
  }
  return { records, at };
}

/** Papa Parse's messages for the quoting mistakes it reports (the delimiter is fixed, so no others). */
const QUOTE_ERRORS: Partial<Record<string, 'cli.csv.unclosedQuote' | 'cli.csv.textAfterQuote'>> = {
  MissingQuotes: 'cli.csv.unclosedQuote',
  InvalidQuotes: 'cli.csv.textAfterQuote',
};

function broken(path: string, detail: Bilingual): never {
  throw new AppError('validation_failed', {
    id: t('id', 'cli.csv.broken', { path, detail: detail.id }),
    en: t('en', 'cli.csv.broken', { path, detail: detail.en }),
  });
}
