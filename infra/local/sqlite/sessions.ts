import type { Sessions } from '../../../shared/ports.ts';
import { guard } from './database.ts';
import type { SqliteScope } from './statements.ts';

export function sqliteSessions({ s, competition }: SqliteScope): Sessions {
  return {
    async createSession(id, expiresAt) {
      guard(() => s.sessions.create.run(competition, id, expiresAt.getTime()));
    },
    async sessionActive(id, now) {
      return guard(() => s.sessions.active.get(competition, id, now.getTime()) !== undefined);
    },
    async revokeSession(id) {
      guard(() => s.sessions.revoke.run(competition, id));
    },
  };
}
