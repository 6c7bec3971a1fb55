import type { SYNC as ID } from '../id/sync.ts';
import type { English } from '../params.ts';

/** The words of a sync's outcome, for the dashboard, the CLI and the demo's log, in English. */
export const SYNC = {
  'sync.written': 'scores read and ranking tabs written to the Sheet',
  'sync.unchanged': 'nothing changed since the last sync; the Sheet was not rewritten',
  'sync.failed': 'failed',
  'sync.failedUnexpectedly':
    'The sync failed unexpectedly. The previous rankings stay published; try again or run juri doctor.',
  'sync.failedUnexpectedlyWith':
    'The sync failed unexpectedly ({detail}). The previous rankings stay published; try again or run juri doctor.',
} satisfies English<typeof ID>;
