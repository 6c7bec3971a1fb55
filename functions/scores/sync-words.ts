import type { Lang } from '../../shared/domain/i18n.ts';
import type { SyncStatus } from '../../shared/ports.ts';

/** A sync's outcome in words, for the CLI and the demo's log (the dashboard has its own sentences). */
export function syncOutcomeWords(status: SyncStatus, lang: Lang): string {
  const words = {
    written: {
      id: 'nilai dibaca dan tab peringkat ditulis ke Sheet',
      en: 'scores read and ranking tabs written to the Sheet',
    },
    unchanged: {
      id: 'tidak ada perubahan sejak sinkronisasi terakhir; Sheet tidak ditulis ulang',
      en: 'nothing changed since the last sync; the Sheet was not rewritten',
    },
    failed: { id: 'gagal', en: 'failed' },
  } as const;
  return words[status][lang];
}
