import { EXPORT_FORMAT, type ResultRecord } from '../../shared/domain/record.ts';
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../../shared/ports.ts';

export interface RecordExport {
  format: typeof EXPORT_FORMAT;
  /** Version 1 up to the one asked for, oldest first: the whole chain, so that every link can be checked. */
  records: ResultRecord[];
}

/** One self-contained file for `juri verify`: the asked-for version and every version before it. */
export async function exportRecord(
  store: Store,
  competition: string,
  version?: number,
): Promise<RecordExport> {
  const latest = (await store.listVersions(competition)).at(-1)?.version ?? 0;
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
  const records: ResultRecord[] = [];
  for (let v = 1; v <= upTo; v++) {
    const record = await store.getVersion(competition, v);
    if (!record) {
      throw new AppError('storage_unavailable', {
        id: `Versi ${v} tidak terbaca dari penyimpanan.`,
        en: `Version ${v} could not be read from the store.`,
      });
    }
    records.push(record);
  }
  return { format: EXPORT_FORMAT, records };
}
