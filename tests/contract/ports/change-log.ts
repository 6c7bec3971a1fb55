import { describe, expect, it } from 'vitest';
import { type PortsOf, scoreChange, uniqueCompetition } from '../store-fixtures.ts';

/** The ScoreChangeLog port's contract, run against every store adapter by describeStoreContract. */
export function describeChangeLogContract(stores: PortsOf<'changeLog'>) {
  describe('ScoreChangeLog', () => {
    it('appends score changes per sync and lists them newest first with the total', async () => {
      const cid = uniqueCompetition();
      expect(await stores(cid).changeLog.listScoreChanges()).toEqual({ changes: [], total: 0 });
      const first = [0, 1, 2].map((i) => scoreChange('sync-000000001', i));
      const second = [3, 4].map((i) => scoreChange('sync-000000002', i, '7'));
      expect(await stores(cid).changeLog.appendScoreChanges('sync-000000001', first)).toEqual({
        changes: [],
        total: 3,
      });
      // Each append answers the newest `limit` as listScoreChanges would now (the sync publishes them).
      const afterSecond = await stores(cid).changeLog.appendScoreChanges('sync-000000002', second, 4);
      expect(await stores(cid).changeLog.appendScoreChanges('sync-000000002', second, 4)).toEqual(
        afterSecond,
      );
      expect(await stores(cid).changeLog.appendScoreChanges('sync-000000003', [], 5000)).toEqual(
        await stores(cid).changeLog.listScoreChanges(),
      );
      const all = await stores(cid).changeLog.listScoreChanges();
      expect(all.total).toBe(5);
      expect(all.changes).toEqual([...second].reverse().concat([...first].reverse()));
      expect(afterSecond).toEqual({ changes: all.changes.slice(0, 4), total: 5 });
      const newest = await stores(cid).changeLog.listScoreChanges(3);
      expect(newest).toEqual({ changes: all.changes.slice(0, 3), total: 5 });
    });
  });
}
