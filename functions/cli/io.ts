import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Competition, parseCompetition, parseCompetitions } from '../../shared/domain/competition.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import type { Issue } from '../../shared/domain/issues.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { issueText } from '../../shared/messages/issues.ts';

/** Reads and validates a competition config file; errors list every path that is wrong. */
export function readCompetition(path: string | URL): Competition {
  return checkedCompetition(readJson(path), String(path));
}

/** Validates a config read from anywhere; `source` names it in the error. */
export function checkedCompetition(input: unknown, source: string): Competition {
  const parsed = parseCompetition(input);
  if (parsed.ok) return parsed.value;
  throw invalidConfig(parsed.issues, source);
}

function invalidConfig(issues: readonly Issue[], source: string): AppError {
  const list = (l: Lang) => issues.map((i) => `  - ${i.path}: ${issueText(i, l)}`).join('\n');
  return new AppError('validation_failed', {
    id: t('id', 'cli.io.invalidConfig', { source, issues: list('id') }),
    en: t('en', 'cli.io.invalidConfig', { source, issues: list('en') }),
  });
}

/**
 * A deployment's competitions from a path: a config file, a file holding a list of configs, or a folder
 * whose `*.json` files are one config each (read in name order).
 */
export function readCompetitions(path: string): Competition[] {
  const input = readConfigInput(path);
  const parsed = parseCompetitions(input);
  if (parsed.ok) return parsed.value;
  throw invalidConfig(parsed.issues, path);
}

/** What a config path holds as JSON: the file's content, or a folder's files as a list. */
export function readConfigInput(path: string): unknown {
  if (!isFolder(path)) return readJson(path);
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJson(join(path, name)));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readJson(path: string | URL): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new AppError('validation_failed', bilingual('cli.io.notJson', { path: String(path), detail }), {
      cause,
    });
  }
}

export function readText(path: string | URL): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError('not_found', bilingual('cli.io.unreadable', { path: String(path) }), { cause });
  }
}
