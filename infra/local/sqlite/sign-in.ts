import type { SignInAttempts } from '../../../shared/ports.ts';
import { guard } from './database.ts';
import type { SqliteScope } from './statements.ts';

export function sqliteSignIn({ s, competition }: SqliteScope): SignInAttempts {
  return {
    async addAttempt(client, attempt) {
      guard(() => s.signIn.add.run(competition, client, attempt.id, attempt.at.getTime()));
    },
    async recentAttempts(client, since, limit) {
      return guard(() =>
        s.signIn.recent
          .all(competition, client, since.getTime(), Math.max(0, Math.trunc(limit)))
          .map((r) => ({ id: r.id, at: new Date(r.at_ms) })),
      );
    },
    async clearAttempts(client) {
      guard(() => s.signIn.clear.run(competition, client));
    },
  };
}
