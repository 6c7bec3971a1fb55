import { describe, expect, it } from 'vitest';
import { type PortsOf, uniqueCompetition } from '../store-fixtures.ts';

/** The Cursors port's contract, run against every store adapter by describeStoreContract. */
export function describeCursorsContract(stores: PortsOf<'cursors'>) {
  describe('Cursors', () => {
    it('stores cursors per name', async () => {
      const cid = uniqueCompetition();
      expect(await stores(cid).cursors.getCursor('forms')).toBeNull();
      await stores(cid).cursors.setCursor('forms', '2024-10-01T00:00:00Z');
      await stores(cid).cursors.setCursor('forms/2', 'x');
      await stores(cid).cursors.setCursor('forms', '2024-10-02T00:00:00Z');
      expect(await stores(cid).cursors.getCursor('forms')).toBe('2024-10-02T00:00:00Z');
      expect(await stores(cid).cursors.getCursor('forms/2')).toBe('x');
      expect(await stores(uniqueCompetition()).cursors.getCursor('forms')).toBeNull();
    });
  });
}
