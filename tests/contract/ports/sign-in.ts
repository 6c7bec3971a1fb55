import { describe, expect, it } from 'vitest';
import { type PortsOf, uniqueCompetition } from '../store-fixtures.ts';

/** The SignInAttempts port's contract, run against every store adapter by describeStoreContract. */
export function describeSignInContract(stores: PortsOf<'signIn'>) {
  describe('SignInAttempts', () => {
    it('counts sign-in attempts per client, newest first, exactly under concurrency', async () => {
      const cid = uniqueCompetition();
      const t = (s: number) => new Date(Date.UTC(2024, 10, 1, 0, 0, s));
      const ip = '203.0.113.7';
      expect(await stores(cid).signIn.recentAttempts(ip, t(0), 10)).toEqual([]);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          stores(cid).signIn.addAttempt(ip, { id: `a${i + 10}`, at: t(i) }),
        ),
      );
      // Two in the same millisecond are ordered by id.
      await stores(cid).signIn.addAttempt(ip, { id: 'b0', at: t(11) });
      await stores(cid).signIn.addAttempt('198.51.100.1', { id: 'x', at: t(30) });
      const recent = await stores(cid).signIn.recentAttempts(ip, t(3), 50);
      expect(recent.map((a) => [a.id, a.at.toISOString()])).toEqual([
        ['b0', t(11).toISOString()],
        ...Array.from({ length: 9 }, (_, i) => [`a${21 - i}`, t(11 - i).toISOString()]),
      ]);
      expect(await stores(cid).signIn.recentAttempts(ip, t(0), 4)).toHaveLength(4);
      await stores(cid).signIn.clearAttempts(ip);
      expect(await stores(cid).signIn.recentAttempts(ip, t(0), 50)).toEqual([]);
      expect(await stores(cid).signIn.recentAttempts('198.51.100.1', t(0), 50)).toHaveLength(1);
    });
  });
}
