import type { Lang } from '../../shared/domain/i18n.ts';
import { type MessageKey, t } from '../../shared/messages/catalogue/t.ts';
import type { SyncStatus } from '../../shared/ports.ts';

const OUTCOME = {
  written: 'sync.written',
  unchanged: 'sync.unchanged',
  failed: 'sync.failed',
} as const satisfies Record<SyncStatus, MessageKey>;

/** A sync's outcome in words, for the CLI and the demo's log (the dashboard has its own sentences). */
export function syncOutcomeWords(status: SyncStatus, lang: Lang): string {
  return t(lang, OUTCOME[status]);
}
