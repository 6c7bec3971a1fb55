import { assignStage } from '../../shared/domain/assignment.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import type { JurorTabSpec, ProvisionOutcome } from '../../shared/ports.ts';
import {
  conflictNote,
  JUROR_INFO_COLUMNS,
  jurorTabHeader,
  jurorTabs,
  noteColumn,
} from '../../shared/sheet/layout.ts';
import { outputTabKeys } from '../../shared/sheet/output-tabs.ts';
import type { Services } from '../compose/services.ts';
import { firstStagePopulation } from './selection.ts';
import { sheetOf, withSheetLease } from './sheet-needed.ts';

export interface ProvisionReport extends ProvisionOutcome {
  /** Per stage: how many innovations it has and how many rows its juror tabs hold in total. */
  stages: { stage: string; innovations: number; rows: number }[];
  requests: { reads: number; writes: number };
}

/**
 * Sets up the shared sheet: per stage one tab per panel juror, rows = the innovations assigned to
 * that juror (a later stage holds those that advanced in the last sync). Idempotent: re-running
 * appends new innovations and never writes a score cell. Runs under the same lease as the sync.
 * `secretariat`: emails that may edit every protected range besides the juror (default: the config's).
 */
export async function provisionSheet(
  services: Services,
  opts: { secretariat?: string[] } = {},
): Promise<ProvisionReport> {
  const sheet = sheetOf(services);
  return withSheetLease(services, 'setup', async () => {
    const { store, competition, lang } = services;
    const before = sheet.requestCount();
    const [innovations, last] = await Promise.all([
      store.listInnovations(competition.id),
      store.lastSync(competition.id),
    ]);
    const stages: ProvisionReport['stages'] = [];
    // Only entries that passed the administrative selection (when there is one) reach the first stage.
    let population: Innovation[] = firstStagePopulation(competition, innovations, last);
    const assignments = new Map<string, ReturnType<typeof assignStage>>();
    competition.stages.forEach((stage, k) => {
      if (k > 0) {
        const previous = last?.result?.stages.find((s) => s.stage === competition.stages[k - 1]?.id);
        const advanced = new Set(previous?.ranking.filter((e) => e.advances).map((e) => e.id) ?? []);
        population = innovations.filter((i) => advanced.has(i.id));
      }
      const assignment = assignStage(competition, stage, population);
      assignments.set(stage.id, assignment);
      const rows = [...assignment.values()].reduce((n, r) => n + r.length, 0);
      stages.push({ stage: stage.id, innovations: population.length, rows });
    });
    const specs: JurorTabSpec[] = jurorTabs(competition).map((tab) => {
      const rows = assignments.get(tab.stage.id)?.get(tab.juror.id) ?? [];
      return {
        title: tab.title,
        header: jurorTabHeader(tab.stage, lang),
        rows: rows.map(({ innovation, conflict }) => ({
          key: innovation.id,
          cells: [innovation.id, innovation.title, innovation.agency, innovation.region],
          locked: conflict,
          note: conflictNote(lang),
        })),
        scoreColumns: tab.stage.criteria.map((c, i) => ({
          index: JUROR_INFO_COLUMNS + i,
          min: c.min,
          max: c.max,
        })),
        noteColumn: noteColumn(tab.stage),
        editors: [tab.juror.email],
        widths: [110, 320, 220, 150, ...tab.stage.criteria.map(() => 130), 280],
        frozenColumns: 2,
      };
    });
    const outcome = await sheet.provision({
      jurorTabs: specs,
      outputKeys: outputTabKeys(competition),
      expectedRows: innovations.length,
      secretariat: opts.secretariat ?? competition.secretariat,
    });
    const after = sheet.requestCount();
    return {
      ...outcome,
      stages,
      requests: { reads: after.reads - before.reads, writes: after.writes - before.writes },
    };
  });
}
