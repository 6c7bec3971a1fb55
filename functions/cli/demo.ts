import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvText } from '../../shared/csv.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { admitted } from '../../shared/domain/selection.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAnnouncement } from '../../shared/messages/announcement-template.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { createApp } from '../app.ts';
import { composeLocal, type LocalRuntime } from '../compose/local.ts';
import { runScenario } from '../demo/scenario.ts';
import { listen } from '../http/node-server.ts';
import { readTypedScores } from '../scores/read-scores.ts';

/** The demo runs "on" the morning of the announcement, so every run ends the same way. */
export const DEMO_NOW = '2024-12-20T10:00:00+08:00';

export interface DemoOptions {
  dir: string;
  lang: Lang;
  out: NodeJS.WritableStream;
  /** One workbook per juror (sheet.mode "perJuror") instead of one shared workbook. */
  perJuror?: boolean;
}

/** `juri demo`: the 2024 competition end to end, through the same code a deployment runs. */
export async function runDemo(o: DemoOptions): Promise<void> {
  const fixed = new Date(DEMO_NOW);
  const rt = await composeLocal({
    dir: o.dir,
    lang: o.lang,
    clock: { now: () => fixed },
    ...(o.perJuror ? { sheetMode: 'perJuror' as const } : {}),
  });
  try {
    const server = await listen(createApp(() => rt.services).fetch, 0);
    try {
      await runScenario(rt, server.url, (line) => o.out.write(`${line}\n`));
    } finally {
      await server.close();
    }
    await exportCsv(rt);
    await printTopTen(rt, o);
  } finally {
    await rt.close();
  }
}

/** The announcement as fixed (version 1), rendered from the record's facts. */
async function printTopTen(rt: LocalRuntime, o: DemoOptions) {
  const { stores } = rt.services;
  const record = await stores.records.latestVersion();
  if (!record) {
    throw new AppError('internal', bilingual('error.demoWithoutResult'));
  }
  o.out.write(`\n${recordAnnouncement(record, o.lang).text}\n\n`);
  o.out.write(`Workbook: ${rt.paths.workbook}\n`);
}

/**
 * The same data as CSV, so `juri rank` can recompute the ranking independently: the innovations that
 * passed the administrative selection (the ones the ranking had), and every typed score.
 */
async function exportCsv(rt: LocalRuntime) {
  const { stores } = rt.services;
  const [all, last] = await Promise.all([stores.innovations.listInnovations(), stores.syncLog.lastSync()]);
  const innovations = last?.selection ? admitted(all, last.selection.verdicts) : all;
  writeFileSync(
    join(rt.paths.dir, 'innovations.csv'),
    csvText([
      ['id', 'title', 'agency', 'region', 'category', 'submitted_at'],
      ...innovations.map((i) => [i.id, i.title, i.agency, i.region, i.category, i.submittedAt]),
    ]),
  );
  const entries = await readTypedScores(rt.services);
  writeFileSync(
    join(rt.paths.dir, 'scores.csv'),
    csvText([
      ['stage', 'innovation', 'juror', 'criterion', 'value'],
      ...entries.map((e) => [e.stage, e.innovation, e.juror, e.criterion, e.value]),
    ]),
  );
}
