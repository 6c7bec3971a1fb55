import { describe, expect, it } from 'vitest';
import { type PortsOf, uniqueCompetition } from '../store-fixtures.ts';

/** The PublicResponses port's contract, run against every store adapter by describeStoreContract. */
export function describePublicResponsesContract(stores: PortsOf<'publicResponses'>) {
  describe('PublicResponses', () => {
    it('keeps public responses to a provisional result, oldest first', async () => {
      const cid = uniqueCompetition();
      const response = (id: string, at: string) => ({
        id,
        receivedAt: at,
        version: 1,
        name: 'Warga Kupang',
        contact: '0812 0000 0000',
        message: 'Mohon periksa nilai INOV-2024-003 — “sé”',
      });
      await stores(cid).publicResponses.savePublicResponse(response('b', '2024-12-21T02:00:00.000Z'));
      await stores(cid).publicResponses.savePublicResponse(response('a', '2024-12-21T01:00:00.000Z'));
      expect((await stores(cid).publicResponses.listPublicResponses()).map((r) => r.id)).toEqual(['a', 'b']);
      expect((await stores(cid).publicResponses.listPublicResponses())[0]).toEqual(
        response('a', '2024-12-21T01:00:00.000Z'),
      );
    });
  });
}
