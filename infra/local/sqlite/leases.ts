import type { Leases } from '../../../shared/ports.ts';
import { hasEnded, ownProcess, type ProcessIdentity } from '../process-identity.ts';
import { guard } from './database.ts';
import type { SqliteScope } from './statements.ts';

/**
 * Leases in SQLite. Several processes share the file: each lease names its process, so a lease whose
 * process was killed (kill -9, a power cut) is taken over at once instead of blocking every sync until
 * it expires.
 */
export function sqliteLeases({ db, s, competition }: SqliteScope): Leases {
  const me = JSON.stringify(ownProcess());
  const acquire = db.transaction((name: string, holder: string, now: Date, until: Date): boolean => {
    const lease = s.leases.get.get(competition, name);
    if (lease && lease.holder !== holder && lease.until_ms > now.getTime() && !holderEnded(lease)) {
      return false;
    }
    s.leases.put.run(competition, name, holder, until.getTime(), me);
    return true;
  });
  return {
    async acquireLease(name, holder, now, until) {
      return guard(() => acquire.immediate(name, holder, now, until));
    },
    async releaseLease(name, holder) {
      guard(() => s.leases.release.run(competition, name, holder));
    },
  };
}

function holderEnded(lease: { holder_process: string | null }): boolean {
  return lease.holder_process !== null && hasEnded(JSON.parse(lease.holder_process) as ProcessIdentity);
}
