import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { assignStage } from '../../shared/domain/assignment.ts';
import { type Competition, parseCompetition } from '../../shared/domain/competition.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import type { StoreAdapter } from '../../shared/ports.ts';
import { jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { loadNtt2024, secretariatCookie } from '../helpers/services.ts';
import { EMULATOR_DEADLINE, emulatorFirestore } from '../setup/firestore-emulator.ts';
import { type SheetEnv, scoreFor, sheetEnvsClosedAfterEach, submission, typeScores } from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();
const LATE = 'INOV-2024-007';

/** The NTT config without the selection, three of the five jurors per entry at the desk stage. */
function threePerEntry(): Competition {
  const { selection: _, ...base } = loadNtt2024();
  const parsed = parseCompetition({
    ...base,
    stages: base.stages.map((s, k) => (k === 0 ? { ...s, jurorsPerInnovation: 3 } : s)),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** The environment's services on the SQLite store, or on the Firestore emulator (closed after the test). */
function withStore(env: SheetEnv, backend: 'sqlite' | 'firestore'): Services {
  if (backend === 'sqlite') return env.services;
  const db = emulatorFirestore(inject('firestoreEmulatorHost'), `juri-roster-${Date.now()}`);
  onTestFinished(() => db.terminate());
  const store: StoreAdapter = createFirestoreStore(db, EMULATOR_DEADLINE);
  return { ...env.services, stores: store.competition(env.services.competition.id) };
}

async function seed(services: Services, from: number, to: number, region?: string) {
  for (let n = from; n <= to; n++) {
    await services.stores.innovations.upsertInnovation(submission(n, region ? { region } : {}), (k) =>
      innovationNumber(2024, k),
    );
  }
}

/** The ids in each desk tab's rows, by juror. */
async function deskRows(env: SheetEnv): Promise<Map<string, string[]>> {
  const tabs = await env.server.snapshot();
  return new Map(
    jurorTabs(env.services.competition)
      .filter((t) => t.stage.id === 'desk')
      .map((t) => [
        t.juror.id,
        (tabs.find((x) => x.title === t.title)?.values ?? [])
          .map((r) => String(r[0] ?? ''))
          .filter((id) => id.startsWith('INOV-')),
      ]),
  );
}

describe('the juror tabs follow the roster', () => {
  for (const backend of ['sqlite', 'firestore'] as const) {
    it(`an entry accepted after setup gets its rows at the next sync, conflicts applied (${backend} store)`, async () => {
      const env = await startEnv(threePerEntry());
      const services = withStore(env, backend);
      const { competition } = services;
      await seed(services, 1, 6);
      await provisionSheet(services);
      await typeScores(env, scoreFor, 'desk');
      const first = await runSync(services, { trigger: 'cli' });
      expect(first.rowsPlaced).toBeUndefined();
      const typedBefore = (await env.server.snapshot()).filter((t) => !t.hidden && t.title.includes('–'));

      // A late entry from Kota Kupang, j1's region: j1 must not get it.
      await seed(services, 7, 7, 'Kota Kupang');
      const innovations = await services.stores.innovations.listInnovations();
      const desk = competition.stages[0];
      if (!desk) throw new Error('no desk stage');
      const assigned = [...assignStage(competition, desk, innovations)]
        .filter(([, rows]) => rows.some((r) => r.innovation.id === LATE))
        .map(([juror]) => juror);
      expect(assigned).toHaveLength(3);
      expect(assigned).not.toContain('j1');

      const second = await runSync(services, { trigger: 'cli' });
      expect(second.status).toBe('written');
      expect(second.rowsPlaced).toEqual([{ stage: 'desk', innovation: LATE, jurors: assigned }]);
      const rows = await deskRows(env);
      for (const [juror, ids] of rows) expect(ids.includes(LATE)).toBe(assigned.includes(juror));
      // Progress counts the new rows: each assigned juror has one more entry, still to score.
      for (const juror of assigned) {
        const p = second.progress?.find((x) => x.stage === 'desk' && x.juror === juror);
        const before = first.progress?.find((x) => x.stage === 'desk' && x.juror === juror);
        expect(p?.assigned).toBe((before?.assigned ?? 0) + 1);
        expect(p?.pending).toEqual([LATE]);
      }
      expect(second.result?.stages[0]?.ranking.find((e) => e.id === LATE)?.status).toBe('incomplete');
      // The dashboard says where the entry went: the tabs of the jurors it was assigned to.
      const app = createApp(() => services);
      const cookie = await secretariatCookie(app, 'http://localhost');
      const dashboard = await (await app.request('/sekretariat/penilaian', { headers: { cookie } })).text();
      const titles = jurorTabs(competition)
        .filter((t) => t.stage.id === 'desk' && assigned.includes(t.juror.id))
        .map((t) => `&quot;${t.title}&quot;`);
      expect(dashboard).toContain(`${LATE} → tab ${titles.join(', ')}`);
      // Nothing typed was overwritten: every typed cell reads as before.
      const after = await env.server.snapshot();
      for (const tab of typedBefore) {
        const now = after.find((t) => t.title === tab.title);
        tab.values.forEach((row, r) => {
          expect(now?.values[r]).toEqual(row);
        });
      }

      // The next sync has nothing to place; once the new rows are scored, the entry counts.
      const third = await runSync(services, { trigger: 'cli' });
      expect(third.rowsPlaced).toBeUndefined();
      await typeScores(env, (s, j, i, c) => (i === LATE ? 80 : scoreFor(s, j, i, c)), 'desk');
      const fourth = await runSync(services, { trigger: 'cli' });
      expect(fourth.result?.stages[0]?.ranking.find((e) => e.id === LATE)).toMatchObject({
        status: 'complete',
        jurors: 3,
      });
    }, 120_000);
  }
});
