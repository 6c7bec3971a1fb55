import { describe, expect, it } from 'vitest';
import { type PortsOf, uniqueCompetition } from '../store-fixtures.ts';

/** The Sessions port's contract, run against every store adapter by describeStoreContract. */
export function describeSessionsContract(stores: PortsOf<'sessions'>) {
  describe('Sessions', () => {
    it('keeps a session until it is revoked or expires', async () => {
      const cid = uniqueCompetition();
      const t = (h: number) => new Date(Date.UTC(2024, 10, 1, h));
      expect(await stores(cid).sessions.sessionActive('s1', t(0))).toBe(false);
      await stores(cid).sessions.createSession('s1', t(4));
      await stores(cid).sessions.createSession('s2', t(4));
      expect(await stores(cid).sessions.sessionActive('s1', t(1))).toBe(true);
      expect(await stores(uniqueCompetition()).sessions.sessionActive('s1', t(1))).toBe(false);
      await stores(cid).sessions.revokeSession('s1');
      await stores(cid).sessions.revokeSession('never-created');
      expect(await stores(cid).sessions.sessionActive('s1', t(1))).toBe(false);
      expect(await stores(cid).sessions.sessionActive('s2', t(1))).toBe(true);
      expect(await stores(cid).sessions.sessionActive('s2', t(4))).toBe(false);
    });
  });
}
