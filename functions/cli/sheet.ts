import type { Lang } from '../../shared/domain/i18n.ts';
import { t } from '../../shared/messages/catalogue/t.ts';
import { assertWritable } from '../compose/deployment.ts';
import { composeNode } from '../compose/node.ts';
import { provisionSheet } from '../scores/provision.ts';
import { runSync } from '../scores/sync.ts';
import { syncOutcomeWords } from '../scores/sync-words.ts';

export interface SheetCommandOptions {
  local: boolean;
  dir: string | undefined;
  config: string | undefined;
  /** `--competition`: the default (the only, or the newest not yet announced) when absent. */
  competition?: string | undefined;
  lang: Lang;
}

/** `juri sheet setup` and `juri sync`: the same work as the admin routes, from a terminal. */
export async function runSheetCommand(kind: 'setup' | 'sync', o: SheetCommandOptions): Promise<string> {
  const { services, deployment, close } = await composeNode({ env: process.env, ...o });
  try {
    await assertWritable(deployment, services);
    if (kind === 'setup') {
      const report = await provisionSheet(services);
      const stages = report.stages.map((s) =>
        t(o.lang, 'cli.sheet.stageLine', { stage: s.stage, innovations: s.innovations, rows: s.rows }),
      );
      const books = (report.books ?? []).map((b) => {
        const juror = services.competition.jurors.find((j) => j.id === b.key);
        return `  ${juror?.name ?? b.key} <${juror?.email ?? ''}>: ${b.url}`;
      });
      const reshaped = report.reshaped.map((tab) => `  ${t(o.lang, 'cli.sheet.reshaped', { tab })}`);
      return [
        t(o.lang, 'cli.sheet.ready'),
        ...stages.map((l) => `  ${l}`),
        ...(books.length > 0 ? [t(o.lang, 'cli.sheet.jurorBooks'), ...books] : []),
        ...reshaped,
      ].join('\n');
    }
    const sync = await runSync(services, { trigger: 'cli' });
    const status = syncOutcomeWords(sync.status, o.lang);
    const { reads, writes } = sync.requests;
    return t(o.lang, 'cli.sheet.synced', { status, reads, writes });
  } finally {
    await close();
  }
}
