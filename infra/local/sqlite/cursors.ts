import type { Cursors } from '../../../shared/ports.ts';
import { guard } from './database.ts';
import type { SqliteScope } from './statements.ts';

export function sqliteCursors({ s, competition }: SqliteScope): Cursors {
  return {
    async getCursor(name) {
      return guard(() => s.cursors.get.get(competition, name)?.value ?? null);
    },
    async setCursor(name, value) {
      guard(() => s.cursors.set.run(competition, name, value));
    },
  };
}
