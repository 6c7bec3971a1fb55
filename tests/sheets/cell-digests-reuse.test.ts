import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { cellDigests } from '../../shared/domain/tab-digests.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import {
  type SheetEnv,
  scoreFor,
  seedInnovations,
  sheetEnvsClosedAfterEach,
  typeInSelection,
  typeScores,
} from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

/**
 * A written sync hashes again only the cells of the juror tabs whose read moved, and takes the others'
 * digests from the head (issue 22). Whatever it skips, the head must say what hashing every cell says.
 */
async function judged(): Promise<SheetEnv> {
  const env = await startEnv();
  await seedInnovations(env, 6);
  await provisionSheet(env.services);
  await typeScores(env, scoreFor, 'desk');
  expect((await runSync(env.services, { trigger: 'scheduled' })).status).toBe('written');
  return env;
}

/**
 * The head's cells digests, and those of every cell of the sync's record hashed again, as read back from
 * the store and as the sync answered it (a digest taken wrongly as unchanged keeps the tab's stored cells
 * too, so the store alone would agree with it).
 */
async function digestsNowAndWhole(env: SheetEnv, record: SyncRecord) {
  const syncLog = env.store.competition(env.services.competition.id).syncLog;
  const head = await syncLog.syncHead();
  const last = await syncLog.lastSync();
  expect(cellDigests(last?.cells ?? [])).toEqual(cellDigests(record.cells ?? []));
  // A tab without typed cells (no score yet) has no digest: '' in the head.
  const saved = Object.fromEntries(
    Object.entries(head?.tabs ?? {}).flatMap(([k, s]) => (s.cells === '' ? [] : [[k, s.cells]])),
  );
  return { saved, whole: Object.fromEntries(cellDigests(last?.cells ?? [])) };
}

describe('the cells digests of the juror tabs nobody edited', () => {
  it('one edited cell: one change logged, and the head says what every cell hashed again says', async () => {
    const env = await judged();
    await typeScores(
      env,
      (s, j, i, c) => (j === 'j1' && i === 'INOV-2024-002' && c === 0 ? 61 : scoreFor(s, j, i, c)),
      'desk',
    );
    const edited = await runSync(env.services, { trigger: 'scheduled' });
    expect(edited.status).toBe('written');
    const { saved, whole } = await digestsNowAndWhole(env, edited);
    expect(Object.keys(whole).length).toBeGreaterThan(1);
    expect(saved).toEqual(whole);
    const changes = await env.store.competition(env.services.competition.id).changeLog.listScoreChanges(10);
    expect(changes.changes.filter((c) => c.syncId === edited.id)).toHaveLength(1);
  });

  it('an entry kept out by the secretariat changes tabs whose read did not move: all are hashed again', async () => {
    const env = await judged();
    await typeInSelection(env, 'INOV-2024-004', ['tidak lolos', 'Yosef', '']);
    const kept = await runSync(env.services, { trigger: 'scheduled' });
    expect(kept.status).toBe('written');
    expect(kept.cells?.some((c) => c.innovation === 'INOV-2024-004')).toBe(false);
    const { saved, whole } = await digestsNowAndWhole(env, kept);
    expect(saved).toEqual(whole);
  });
});
