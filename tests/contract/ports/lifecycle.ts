import { describe, expect, it } from 'vitest';
import type { LifecyclePhase, LifecycleTransition } from '../../../shared/domain/lifecycle.ts';
import { type PortsOf, uniqueCompetition } from '../store-fixtures.ts';

/** The LifecycleLog port's contract, run against every store adapter by describeStoreContract. */
export function describeLifecycleContract(stores: PortsOf<'lifecycle'>) {
  describe('LifecycleLog', () => {
    it('logs lifecycle transitions once per number, oldest first, one winner among concurrent moves', async () => {
      const cid = uniqueCompetition();
      expect(await stores(cid).lifecycle.listTransitions()).toEqual([]);
      const first = transition(1, { code: 'registration' }, { code: 'judging', stage: 'administrasi' });
      expect(await stores(cid).lifecycle.appendTransition(first)).toBe(true);
      expect(await stores(cid).lifecycle.appendTransition({ ...first, reason: 'menimpa' })).toBe(false);
      const tries = [
        transition(2, first.to, { code: 'fixing' }, 'pendaftaran — “sé” 9 > 10'),
        transition(2, first.to, { code: 'judging', stage: 'wawancara' }),
        { ...transition(2, first.to, { code: 'announced' }), version: 3 },
      ];
      const won = await Promise.all(tries.map((t) => stores(cid).lifecycle.appendTransition(t)));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await stores(cid).lifecycle.listTransitions()).toEqual([first, tries[won.indexOf(true)]]);
      expect(await stores(uniqueCompetition()).lifecycle.listTransitions()).toEqual([]);
    });
  });
}

function transition(
  seq: number,
  from: LifecyclePhase,
  to: LifecyclePhase,
  reason = 'Pendaftaran ditutup',
): LifecycleTransition {
  return { seq, from, to, at: `2024-11-0${seq}T01:00:00.000Z`, by: 'secretariat', reason };
}
