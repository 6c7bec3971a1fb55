import type { sheets_v4 } from '@googleapis/sheets';
import { lazyXlsxWriter } from '../infra/export/lazy-xlsx-writer.ts';
import type { Competition } from '../shared/domain/competition.ts';
import { type Innovation, innovationNumber } from '../shared/domain/innovation.ts';
import type { StoreAdapter } from '../shared/ports.ts';
import type { Typist } from './generate.ts';
import { oauth, typeScores } from './sheet-typing.ts';
import { createSheetsScoreSheet, NO_PUSH_KEYS, provisionSheet, runSync, type Services } from './targets.ts';

/** The services a local-mode sync runs on: this store, and the Sheets adapter on the local server. */
export function localServices(
  competition: Competition,
  store: StoreAdapter,
  server: { url: string; spreadsheetId: string },
  token: string,
): Services {
  return {
    competition,
    stores: store.competition(competition.id),
    sheet: createSheetsScoreSheet({
      spreadsheetId: server.spreadsheetId,
      auth: oauth(token),
      rootUrl: server.url,
      retry: { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 4, maxRetryAfterMs: 5 },
    }),
    forms: undefined,
    formsWatchTopic: undefined,
    clock: { now: () => new Date() },
    secrets: {
      intakeHmac: undefined,
      adminToken: undefined,
      pubsubAudience: undefined,
      pubsubServiceAccount: undefined,
    },
    lang: 'id',
    pubsubKeys: NO_PUSH_KEYS,
    xlsx: lazyXlsxWriter,
  };
}

/** Every entry stored, both stages set up, typed and synced: a competition at the end of its judging. */
export async function judgeBothStages(
  services: Services,
  innovations: readonly Innovation[],
  sheets: { client: sheets_v4.Sheets; spreadsheetId: string; type: Typist },
): Promise<void> {
  const { competition, stores } = services;
  for (const [k, i] of innovations.entries()) {
    await stores.innovations.upsertInnovation(
      {
        responseId: i.responseId ?? `resp-${k}`,
        submittedAt: i.submittedAt,
        source: 'local',
        rawId: `raw-${k}`,
        innovation: { title: i.title, agency: i.agency, region: i.region, category: i.category },
      },
      (n) => innovationNumber(2024, n),
    );
  }
  const { client, spreadsheetId, type } = sheets;
  const [desk, interview] = competition.stages;
  await provisionSheet(services);
  await typeScores(client, spreadsheetId, competition, type, desk?.id ?? 'desk');
  await runSync(services, { trigger: 'cli' });
  await provisionSheet(services);
  await typeScores(client, spreadsheetId, competition, type, interview?.id ?? 'interview');
  await runSync(services, { trigger: 'cli' });
}
