import { describe, expect, it } from 'vitest';
import { type PortsOf, resultRecord, uniqueCompetition } from '../store-fixtures.ts';

/** The ResultRecords port's contract, run against every store adapter by describeStoreContract. */
export function describeRecordsContract(stores: PortsOf<'records'>) {
  describe('ResultRecords', () => {
    it('saves each result version once: a taken number is never overwritten', async () => {
      const cid = uniqueCompetition();
      expect(await stores(cid).records.latestVersion()).toBeNull();
      expect(await stores(cid).records.listVersions()).toEqual([]);
      expect(await stores(cid).records.saveVersion(resultRecord(1))).toBe(true);
      const rival = { ...resultRecord(1), reason: 'menimpa', hash: 'hash-other' };
      expect(await stores(cid).records.saveVersion(rival)).toBe(false);
      expect(await stores(cid).records.getVersion(1)).toEqual(resultRecord(1));
      expect(await stores(cid).records.saveVersion(resultRecord(2))).toBe(true);
      expect(await stores(cid).records.latestVersion()).toEqual(resultRecord(2));
      expect((await stores(cid).records.listVersions()).map((v) => [v.version, v.hash, v.reason])).toEqual([
        [1, 'hash-1', null],
        [2, 'hash-2', resultRecord(2).reason],
      ]);
      expect(await stores(cid).records.getVersion(3)).toBeNull();
      expect(await stores(uniqueCompetition()).records.latestVersion()).toBeNull();
    });

    it('lets exactly one of several concurrent fixers take a version number', async () => {
      const cid = uniqueCompetition();
      const tries = Array.from({ length: 5 }, (_, i) => ({ ...resultRecord(1), hash: `hash-try-${i}` }));
      const won = await Promise.all(tries.map((r) => stores(cid).records.saveVersion(r)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = tries[won.indexOf(true)];
      expect(await stores(cid).records.getVersion(1)).toEqual(winner);
    });

    it('round-trips a national-scale record (3,500 entries, 75,000 cells) exactly', async () => {
      const cid = uniqueCompetition();
      const big = resultRecord(1, 75_000);
      expect(JSON.stringify(big).length).toBeGreaterThan(4 * 1024 * 1024);
      expect(await stores(cid).records.saveVersion(big)).toBe(true);
      expect(await stores(cid).records.getVersion(1)).toEqual(big);
      expect(await stores(cid).records.latestVersion()).toEqual(big);
    });
  });
}
