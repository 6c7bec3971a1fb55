import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import {
  requestsSince,
  type SheetEnv,
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  typeScores,
  visible,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

const perJuror = (): Competition => ({ ...loadNtt2024(), sheet: { mode: 'perJuror' } });

/** Both stages, as the demo runs them: setup, scores, sync, setup for the finalists, scores, sync. */
async function judge(env: SheetEnv): Promise<SyncRecord> {
  await seedInnovations(env, 16);
  await provisionSheet(env.services);
  await typeScores(env, scoreFor, 'desk');
  await runSync(env.services, { trigger: 'cli' });
  await provisionSheet(env.services);
  await typeScores(env, (s, j, i, c) => (c === 1 ? '8,5' : scoreFor(s, j, i, c)), 'interview');
  return runSync(env.services, { trigger: 'cli' });
}

describe('sheet.mode "perJuror": a spreadsheet per juror', () => {
  it('ranks exactly as the shared sheet does, from one workbook per juror', async () => {
    const shared = await judge(await startEnv());
    const env = await startEnv(perJuror());
    const independent = await judge(env);
    expect(independent.result?.final).toEqual(shared.result?.final);
    expect(independent.result?.stages).toEqual(shared.result?.stages);
    expect(
      independent.progress?.map(({ stage, juror, assigned, scored }) => [stage, juror, assigned, scored]),
    ).toEqual(shared.progress?.map(({ stage, juror, assigned, scored }) => [stage, juror, assigned, scored]));

    // juri.xlsx (the secretariat's) and one .xlsx per juror in the same folder.
    const files = readdirSync(env.dir).filter((f) => f.endsWith('.xlsx'));
    expect(files).toHaveLength(6);
    const j2 = await env.spreadsheetOf('j2');
    expect(visible(await env.server.snapshot(j2)).map((t) => t.title)).toEqual([
      'Maria Nahak – Proposal',
      'Maria Nahak – Wawancara',
      'Petunjuk',
    ]);
    // The secretariat's spreadsheet holds the outputs, and no juror tab.
    const main = visible(await env.server.snapshot()).map((t) => t.title);
    expect(main[0]).toBe('Petunjuk');
    expect(main).toContain('» Peringkat Akhir');
    expect(main.some((t) => t.includes('Proposal') && !t.startsWith('»'))).toBe(false);
  });

  it('reads every juror’s spreadsheet once per sync (1 + J reads), writes only the secretariat’s', async () => {
    const env = await startEnv(perJuror());
    await seedInnovations(env, 10);
    const setup = await provisionSheet(env.services);
    expect(setup.books?.map((b) => [b.key, b.created])).toEqual([
      ['j1', true],
      ['j2', true],
      ['j3', true],
      ['j4', true],
      ['j5', true],
    ]);
    expect(setup.books?.[0]?.url).toBe(env.server.fileOf(setup.books?.[0]?.spreadsheetId ?? ''));
    const again = await provisionSheet(env.services);
    expect(again.books?.every((b) => !b.created)).toBe(true);
    expect(readdirSync(env.dir).filter((f) => f.endsWith('.xlsx'))).toHaveLength(6);

    await typeScores(env, scoreFor, 'desk');
    let mark = env.server.log.length;
    const first = await runSync(env.services, { trigger: 'cli' });
    expect(first.status).toBe('written');
    expect(requestsSince(env, mark)).toEqual({ reads: 6, writes: 1 });
    expect(first.requests).toEqual({ reads: 6, writes: 1 });
    const writes = env.server.log.slice(mark).filter((e) => e.kind === 'write');
    const ids = writes.map((w) => /\/spreadsheets\/([^/:]+)/.exec(w.path)?.[1]);
    expect(new Set(ids)).toEqual(new Set([env.server.spreadsheetId]));
    mark = env.server.log.length;
    const second = await runSync(env.services, { trigger: 'cli' });
    expect(second.status).toBe('unchanged');
    expect(requestsSince(env, mark)).toEqual({ reads: 6, writes: 0 });
  });
});
