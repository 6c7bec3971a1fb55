import type { PublicResponse, PublicResponses } from '../../../shared/ports.ts';
import { guard, parsed } from './database.ts';
import type { SqliteScope } from './statements.ts';

export function sqlitePublicResponses({ s, competition }: SqliteScope): PublicResponses {
  return {
    async savePublicResponse(response) {
      guard(() =>
        s.publicResponses.put.run(competition, response.id, response.receivedAt, JSON.stringify(response)),
      );
    },
    async listPublicResponses() {
      return guard(() => parsed<PublicResponse>(s.publicResponses.list.all(competition)));
    },
  };
}
