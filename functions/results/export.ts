import type { Competition } from '../../shared/domain/competition.ts';
import { EXPORT_FORMAT, LEGACY_RECORD_FORMAT, type ResultRecord } from '../../shared/domain/record.ts';
import { AppError } from '../../shared/errors.ts';
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
    throw new AppError('not_found', {
      id:
        latest === 0
          ? 'Belum ada hasil yang ditetapkan.'
          : `Versi ${upTo} tidak ada (versi terakhir: ${latest}).`,
      en: latest === 0 ? 'No result has been fixed yet.' : `There is no version ${upTo} (latest: ${latest}).`,
    });
  }
  const chain: ResultRecord[] = [];
  for (let v = 1; v <= upTo; v++) {
    const record = await records.getVersion(v);
    if (!record) {
      throw new AppError('storage_unavailable', {
        id: `Versi ${v} tidak terbaca dari penyimpanan.`,
        en: `Version ${v} could not be read from the store.`,
      });
    }
    chain.push(record);
  }
  if (options.withContacts)
    return { format: EXPORT_FORMAT, records: chain, contacts: contactsOf(competition) };
  const legacy = chain.find((r) => r.format === LEGACY_RECORD_FORMAT);
  if (legacy) {
    throw new AppError('conflict', {
      id: `Versi ${legacy.version} ditetapkan dengan format lama (${LEGACY_RECORD_FORMAT}) yang menyertakan e-mail dan telepon juri di dalam isi yang di-hash; tanpa itu hash-nya tidak bisa diperiksa. Ekspor dengan kontak: juri export-record --with-contacts (berkas hanya terbaca pemiliknya).`,
      en: `Version ${legacy.version} was fixed in the old format (${LEGACY_RECORD_FORMAT}), which hashed the jurors' e-mails and phones with the rest; without them its hash cannot be checked. Export with contacts: juri export-record --with-contacts (a file only its owner reads).`,
    });
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
