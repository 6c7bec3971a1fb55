import type { Lang } from '../../shared/domain/i18n.ts';
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
  const en = o.lang === 'en';
  try {
    await assertWritable(deployment, services);
    if (kind === 'setup') {
      const report = await provisionSheet(services);
      const stages = report.stages.map(
        (s) =>
          `${s.stage}: ${s.innovations} ${en ? 'innovations' : 'inovasi'}, ${s.rows} ${en ? 'rows' : 'baris'}`,
      );
      const books = (report.books ?? []).map((b) => {
        const juror = services.competition.jurors.find((j) => j.id === b.key);
        return `  ${juror?.name ?? b.key} <${juror?.email ?? ''}>: ${b.url}`;
      });
      const reshaped = report.reshaped.map((t) =>
        en
          ? `  "${t}": its shape was changed by hand; left as it is (see the score check tab)`
          : `  "${t}": susunannya diubah manual; dibiarkan apa adanya (lihat tab Periksa Nilai)`,
      );
      return [
        en ? 'Juror tabs are ready.' : 'Tab juri siap.',
        ...stages.map((l) => `  ${l}`),
        ...(books.length > 0
          ? [
              en
                ? "Each juror's own spreadsheet (send each juror their link):"
                : 'Spreadsheet masing-masing juri (kirim tautannya ke juri yang bersangkutan):',
              ...books,
            ]
          : []),
        ...reshaped,
      ].join('\n');
    }
    const sync = await runSync(services, { trigger: 'cli' });
    const status = syncOutcomeWords(sync.status, o.lang);
    return `${en ? 'Sync' : 'Sinkronisasi'}: ${status} (${sync.requests.reads} ${en ? 'read' : 'baca'}, ${sync.requests.writes} ${en ? 'write' : 'tulis'}).`;
  } finally {
    await close();
  }
}
