import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { sha256Hex } from '../../shared/digest.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { verificationCode } from '../../shared/domain/record.ts';
import type { TieDecision } from '../../shared/domain/ties.ts';
import { readExport, verifyRecords } from '../../shared/domain/verify-record.ts';
import { AppError } from '../../shared/errors.ts';
import { legacyAnnouncementTexts, recordAnnouncement } from '../../shared/messages/announcement-template.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { findingText } from '../../shared/messages/record.ts';
import { assertWritable } from '../compose/deployment.ts';
import { composeNode } from '../compose/node.ts';
import { exportRecord } from '../results/export.ts';
import { fixResult } from '../results/fix.ts';

export interface StoreCommandOptions {
  local: boolean;
  dir: string | undefined;
  config: string | undefined;
  /** `--competition`: the default (the only, or the newest not yet announced) when absent. */
  competition?: string | undefined;
  lang: Lang;
}

/** `juri finalize`: fixes the next result version from the last sync (see functions/results/fix.ts). */
export async function finalizeCommand(
  o: StoreCommandOptions & {
    reason: string | undefined;
    ties: string | undefined;
    confirm: boolean;
    /** `ID=reason` per innovation the panel leaves out. */
    exclude?: string[] | undefined;
    /** The reason the result stands without the jurors who typed no score, and who says so. */
    absent?: string | undefined;
    by?: string | undefined;
  },
): Promise<string> {
  const tieDecisions = o.ties ? readTies(o.ties) : [];
  const exclusions = (o.exclude ?? []).map(readExclusion);
  if (o.absent !== undefined && !o.by?.trim()) {
    throw new AppError('bad_request', bilingual('error.acknowledgeNeedsBy'));
  }
  const { services, deployment, close } = await composeNode({ env: process.env, ...o });
  try {
    await assertWritable(deployment, services);
    const record = await fixResult(services, {
      reason: o.reason,
      tieDecisions,
      confirm: o.confirm,
      exclusions,
      ...(o.absent !== undefined ? { acknowledgeAbsent: { by: o.by ?? '', reason: o.absent } } : {}),
    });
    const kind = t(o.lang, record.status === 'provisional' ? 'cli.record.provisional' : 'cli.record.final');
    return [
      t(o.lang, 'cli.record.fixed', { version: record.version, kind }),
      `SHA-256: ${record.hash}`,
      t(o.lang, 'cli.record.verificationCode', { code: verificationCode(record.hash) }),
    ].join('\n');
  } finally {
    await close();
  }
}

/** `--exclude INOV-2024-095=diterima terlambat, tidak sempat dinilai` → `{ id, reason }`. */
function readExclusion(text: string): { id: string; reason: string } {
  const at = text.indexOf('=');
  if (at <= 0) {
    throw new AppError('bad_request', bilingual('cli.record.excludeFormat', { text }));
  }
  return { id: text.slice(0, at).trim(), reason: text.slice(at + 1).trim() };
}

/**
 * `juri export-record <version>`: the version and every one before it, in one JSON file. With
 * `--with-contacts` the file holds e-mails and phones, so only its owner may read it (0600).
 */
export async function exportRecordCommand(
  o: StoreCommandOptions & { version: string | undefined; out: string | undefined; withContacts: boolean },
): Promise<string> {
  const version = o.version === undefined ? undefined : Number(o.version);
  if (version !== undefined && !Number.isInteger(version)) {
    throw new AppError('bad_request', bilingual('cli.record.badVersion', { version: String(o.version) }));
  }
  const { services, close } = await composeNode({ env: process.env, ...o });
  try {
    const file = await exportRecord(services.stores.records, services.competition, version, {
      withContacts: o.withContacts,
    });
    const last = file.records.at(-1);
    const out = o.out ?? `juri-rekaman-${services.competition.id}-v${last?.version ?? 0}.json`;
    const mode = o.withContacts ? 0o600 : 0o644;
    writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`, { mode });
    // The mode above applies only to a new file: an existing one keeps its own until told.
    chmodSync(out, mode);
    return t(o.lang, 'cli.record.wrote', {
      file: out,
      version: String(last?.version),
      hash: String(last?.hash),
    });
  } finally {
    await close();
  }
}

/**
 * `juri verify <file> [--expect <code>]`: ok → the confirmation and the announcement rendered from the
 * facts (to read, not checked); refuted → every finding, in plain words.
 */
export async function verifyCommand(
  path: string,
  lang: Lang,
  expect?: string,
): Promise<{ ok: boolean; text: string }> {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError('validation_failed', bilingual('cli.record.unreadableJson', { path }), { cause });
  }
  const read = readExport(input);
  if (!read.ok) {
    return {
      ok: false,
      text: [t(lang, 'cli.record.refuted'), ...read.findings.map((f) => `- ${findingText(f, lang)}`)].join(
        '\n',
      ),
    };
  }
  const report = await verifyRecords(read.records, sha256Hex, {
    legacyText: legacyAnnouncementTexts,
    expect,
  });
  const last = read.records.at(-1);
  if (report.ok && last) {
    return {
      ok: true,
      text: [
        t(lang, 'cli.record.confirmed'),
        t(lang, 'cli.record.confirmedDetail', { version: last.version, rules: last.rulesVersion }),
        `SHA-256 v${last.version}: ${last.hash}`,
        t(
          lang,
          expect === undefined ? 'cli.record.verificationCode' : 'cli.record.verificationCodeAsPublished',
          { code: verificationCode(last.hash) },
        ),
        '',
        recordAnnouncement(last, lang).text,
      ].join('\n'),
    };
  }
  const shown = report.findings.slice(0, 50).map((f) => `- ${findingText(f, lang)}`);
  const more = report.findings.length - shown.length;
  if (more > 0) shown.push(t(lang, 'cli.record.moreFindings', { n: more }));
  return { ok: false, text: [t(lang, 'cli.record.refuted'), ...shown].join('\n') };
}

function readTies(path: string): TieDecision[] {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as TieDecision[];
    // A code, not words: it is caught below, and the person reads tiesFormat.
    if (!Array.isArray(parsed)) throw new TypeError('ties_not_array');
    return parsed.map((d) => ({
      rank: Number(d.rank),
      order: d.order.map(String),
      note: String(d.note ?? ''),
    }));
  } catch (cause) {
    throw new AppError(
      'validation_failed',
      { id: tiesFormat(path, 'id'), en: tiesFormat(path, 'en') },
      { cause },
    );
  }
}

/** The shape a --ties file must have, its example's braces kept out of the catalogue's {parameters}. */
function tiesFormat(path: string, lang: Lang): string {
  const example = `[{"rank": 10, "order": ["INOV-…", "INOV-…"], "note": "${t(lang, 'cli.record.tiesNote')}"}]`;
  return t(lang, 'cli.record.tiesFormat', { path, example });
}
