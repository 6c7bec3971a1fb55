import type { Competition } from '../../shared/domain/competition.ts';
import { EXPORT_FORMAT, LEGACY_RECORD_FORMAT, type ResultRecord } from '../../shared/domain/record.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { ResultRecords } from '../../shared/ports.ts';

/** People's contacts, beside the records (never inside one, never hashed): only when asked for. */
export interface ExportContacts {
  jurors: { id: string; name: string; email: string; phone?: string }[];
  secretariat: string[];
}

export interface RecordExport {
  format: typeof EXPORT_FORMAT;
  /** Version 1 up to the one asked for, oldest first: the whole chain, so that every link can be checked. */
  records: ResultRecord[];
  /** With `withContacts` only: the jurors' and the secretariat's e-mails and phones from the config. */
  contacts?: ExportContacts;
}

export interface ExportOptions {
  /** Put the contacts in (a file for the secretariat's own archive, not for the public). */
  withContacts?: boolean;
}

/**
 * One self-contained file for `juri verify`: the asked-for version and every version before it. Without
 * `withContacts` it holds no e-mail and no phone number: a juri-record/2 has none in it, and a
 * juri-record/1 (which hashed the jurors' contacts with the rest) cannot leave them out and still
 * verify, so it is refused rather than exported with them.
 */
export async function exportRecord(
  records: ResultRecords,
  competition: Competition,
  version?: number,
  options: ExportOptions = {},
): Promise<RecordExport> {
  const latest = (await records.listVersions()).at(-1)?.version ?? 0;
  const upTo = version ?? latest;
  if (upTo < 1 || upTo > latest) {
    throw new AppError(
      'not_found',
      latest === 0
        ? bilingual('results.noResultYet')
        : bilingual('results.noSuchVersion', { version: upTo, latest }),
    );
  }
  const chain: ResultRecord[] = [];
  for (let v = 1; v <= upTo; v++) {
    const record = await records.getVersion(v);
    if (!record) {
      throw new AppError('storage_unavailable', bilingual('results.versionUnreadable', { version: v }));
    }
    chain.push(record);
  }
  if (options.withContacts)
    return { format: EXPORT_FORMAT, records: chain, contacts: contactsOf(competition) };
  const legacy = chain.find((r) => r.format === LEGACY_RECORD_FORMAT);
  if (legacy) {
    throw new AppError(
      'conflict',
      bilingual('results.legacyNeedsContacts', { version: legacy.version, format: LEGACY_RECORD_FORMAT }),
    );
  }
  return { format: EXPORT_FORMAT, records: chain };
}

function contactsOf(competition: Competition): ExportContacts {
  return {
    jurors: competition.jurors.map((j) => ({
      id: j.id,
      name: j.name,
      email: j.email,
      ...(j.phone !== undefined ? { phone: j.phone } : {}),
    })),
    secretariat: [...competition.secretariat],
  };
}
