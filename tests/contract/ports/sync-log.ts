import { describe, expect, it } from 'vitest';
import { bigSync, type PortsOf, smallSync, uniqueCompetition } from '../store-fixtures.ts';

/** The SyncLog port's contract, run against every store adapter by describeStoreContract. */
export function describeSyncLogContract(stores: PortsOf<'syncLog'>) {
  describe('SyncLog', () => {
    it('saves syncs and returns the one that finished last', async () => {
      const cid = uniqueCompetition();
      expect(await stores(cid).syncLog.lastSync()).toBeNull();
      await stores(cid).syncLog.saveSync(smallSync('s2', '2024-11-02T00:00:00.000Z'));
      await stores(cid).syncLog.saveSync(smallSync('s1', '2024-11-01T00:00:00.000Z'));
      expect(await stores(cid).syncLog.lastSync()).toEqual(smallSync('s2', '2024-11-02T00:00:00.000Z'));
      const redone = { ...smallSync('s2', '2024-11-02T00:00:00.000Z', 'failed'), message: 'Kuota habis' };
      await stores(cid).syncLog.saveSync(redone);
      expect(await stores(cid).syncLog.lastSync()).toEqual(redone);
      expect(await stores(uniqueCompetition()).syncLog.lastSync()).toBeNull();
    });

    it('round-trips a national-scale sync result (3,500 entries) exactly', async () => {
      const cid = uniqueCompetition();
      const big = bigSync('big-1', '2024-12-20T01:00:00.000Z');
      expect(JSON.stringify(big).length).toBeGreaterThan(1024 * 1024);
      await stores(cid).syncLog.saveSync(big);
      expect(await stores(cid).syncLog.lastSync()).toEqual(big);
      // A smaller, later record replaces it as the last one.
      await stores(cid).syncLog.saveSync(smallSync('small-2', '2024-12-20T02:00:00.000Z'));
      expect(await stores(cid).syncLog.lastSync()).toEqual(smallSync('small-2', '2024-12-20T02:00:00.000Z'));
    });

    it('returns the sync with the highest sequence, whatever the clocks or ids say', async () => {
      const cid = uniqueCompetition();
      const same = '2024-11-02T00:00:00.000Z';
      // Two instances whose clocks disagree, and ids that sort the other way round.
      await stores(cid).syncLog.saveSync({ ...smallSync('b', same), sequence: 1 });
      await stores(cid).syncLog.saveSync({ ...smallSync('a', same), sequence: 2 });
      expect((await stores(cid).syncLog.lastSync())?.id).toBe('a');
      await stores(cid).syncLog.saveSync({ ...smallSync('c', '2024-11-01T23:59:00.000Z'), sequence: 3 });
      expect((await stores(cid).syncLog.lastSync())?.id).toBe('c');
    });
  });
}
