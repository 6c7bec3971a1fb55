import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { type Competition, parseCompetition } from '../../shared/domain/competition.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { AppError } from '../../shared/errors.ts';
import { issueText } from '../../shared/messages/issues.ts';

/** Reads and validates a competition config file; errors list every path that is wrong. */
export function readCompetition(path: string | URL): Competition {
  return checkedCompetition(readJson(path), String(path));
}

/** Validates a config read from anywhere; `source` names it in the error. */
export function checkedCompetition(input: unknown, source: string): Competition {
  const parsed = parseCompetition(input);
  if (parsed.ok) return parsed.value;
  const list = (l: Lang) => parsed.issues.map((i) => `  - ${i.path}: ${issueText(i, l)}`).join('\n');
  throw new AppError('validation_failed', {
    id: `Konfigurasi kompetisi ${source} tidak valid:\n${list('id')}`,
    en: `Competition config ${source} is not valid:\n${list('en')}`,
  });
}

function readJson(path: string | URL): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new AppError(
      'validation_failed',
      { id: `${path} bukan JSON yang valid: ${detail}`, en: `${path} is not valid JSON: ${detail}` },
      { cause },
    );
  }
}

function readText(path: string | URL): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError(
      'not_found',
      { id: `Berkas ${path} tidak bisa dibaca.`, en: `Cannot read file ${path}.` },
      { cause },
    );
  }
}

function readCsv(path: string, columns: readonly string[]): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(readText(path), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true });
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new AppError(
      'validation_failed',
      { id: `${path}: CSV rusak — ${detail}`, en: `${path}: broken CSV — ${detail}` },
      { cause },
    );
  }
  const header = Object.keys(rows[0] ?? {});
  const missing = rows.length === 0 ? [] : columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new AppError('validation_failed', {
      id: `${path}: kolom ${missing.join(', ')} tidak ada (dibutuhkan: ${columns.join(',')})`,
      en: `${path}: missing column(s) ${missing.join(', ')} (needed: ${columns.join(',')})`,
    });
  }
  return rows;
}

/** Innovations CSV: id,title,agency,region,category,submitted_at */
export function readInnovationsCsv(path: string): Innovation[] {
  return readCsv(path, ['id', 'title', 'agency', 'region', 'category', 'submitted_at']).map((r) => ({
    id: (r.id ?? '').trim(),
    title: r.title ?? '',
    agency: r.agency ?? '',
    region: (r.region ?? '').trim(),
    category: (r.category ?? '').trim(),
    submittedAt: r.submitted_at ?? '',
  }));
}

/** Scores CSV: stage,innovation,juror,criterion,value — value exactly as typed. */
export function readScoresCsv(path: string): ScoreEntry[] {
  return readCsv(path, ['stage', 'innovation', 'juror', 'criterion', 'value']).map((r, i) => ({
    stage: (r.stage ?? '').trim(),
    innovation: (r.innovation ?? '').trim(),
    juror: (r.juror ?? '').trim(),
    criterion: (r.criterion ?? '').trim(),
    value: r.value ?? '',
    cell: `${path}:${i + 2}`,
  }));
}
