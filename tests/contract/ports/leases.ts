import { describe, expect, it } from 'vitest';
import { type PortsOf, uniqueCompetition } from '../store-fixtures.ts';

/** The Leases port's contract, run against every store adapter by describeStoreContract. */
export function describeLeasesContract(stores: PortsOf<'leases'>) {
  describe('Leases', () => {
    it('keeps a lease exclusive until it expires or is released', async () => {
      const cid = uniqueCompetition();
      const t = (min: number) => new Date(Date.UTC(2024, 10, 1, 0, min));
      expect(await stores(cid).leases.acquireLease('sync', 'a', t(0), t(5))).toBe(true);
      expect(await stores(cid).leases.acquireLease('sync', 'b', t(1), t(6))).toBe(false);
      expect(await stores(cid).leases.acquireLease('other', 'b', t(1), t(6))).toBe(true);
      // The holder may extend its own lease.
      expect(await stores(cid).leases.acquireLease('sync', 'a', t(2), t(8))).toBe(true);
      expect(await stores(cid).leases.acquireLease('sync', 'b', t(6), t(9))).toBe(false);
      // Only the holder can release it.
      await stores(cid).leases.releaseLease('sync', 'b');
      expect(await stores(cid).leases.acquireLease('sync', 'b', t(7), t(9))).toBe(false);
      await stores(cid).leases.releaseLease('sync', 'a');
      expect(await stores(cid).leases.acquireLease('sync', 'b', t(7), t(9))).toBe(true);
      // After expiry anyone may take it.
      expect(await stores(cid).leases.acquireLease('sync', 'c', t(9), t(12))).toBe(true);
      expect(await stores(cid).leases.acquireLease('sync', 'b', t(10), t(13))).toBe(false);
      await stores(cid).leases.releaseLease('sync', 'c');
      await stores(cid).leases.releaseLease('sync', 'c');
    });

    it("keeps a taken-over lease its new holder's when the one it expired on releases it late", async () => {
      const cid = uniqueCompetition();
      const t = (min: number) => new Date(Date.UTC(2024, 10, 1, 0, min));
      expect(await stores(cid).leases.acquireLease('sync', 'a', t(0), t(5))).toBe(true);
      // a stalled past its lease; b took it over; a wakes up, finishes and releases.
      expect(await stores(cid).leases.acquireLease('sync', 'b', t(6), t(11))).toBe(true);
      await stores(cid).leases.releaseLease('sync', 'a');
      expect(await stores(cid).leases.acquireLease('sync', 'c', t(7), t(12))).toBe(false);
      // Nor does a's renewal take it back.
      expect(await stores(cid).leases.acquireLease('sync', 'a', t(7), t(12))).toBe(false);
      await stores(cid).leases.releaseLease('sync', 'b');
      expect(await stores(cid).leases.acquireLease('sync', 'c', t(8), t(12))).toBe(true);
    });

    it('grants a free lease to exactly one of many concurrent takers', async () => {
      const cid = uniqueCompetition();
      const now = new Date('2024-11-01T00:00:00Z');
      const until = new Date('2024-11-01T00:05:00Z');
      const holders = Array.from({ length: 10 }, (_, i) => `worker-${i}`);
      const granted = await Promise.all(
        holders.map((h) => stores(cid).leases.acquireLease('sync', h, now, until)),
      );
      expect(granted.filter(Boolean)).toHaveLength(1);
    });
  });
}
