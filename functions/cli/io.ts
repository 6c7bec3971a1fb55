import { readFileSync } from 'node:fs';
import { type Competition, parseCompetition } from '../../shared/domain/competition.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
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

export function readText(path: string | URL): string {
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
