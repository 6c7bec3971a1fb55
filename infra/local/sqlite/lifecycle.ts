import type { LifecycleTransition } from '../../../shared/domain/lifecycle.ts';
import type { LifecycleLog } from '../../../shared/ports.ts';
import { guard, parsed } from './database.ts';
import type { SqliteScope } from './statements.ts';

export function sqliteLifecycle({ s, competition }: SqliteScope): LifecycleLog {
  return {
    async appendTransition(transition) {
      return guard(
        () => s.lifecycle.append.run(competition, transition.seq, JSON.stringify(transition)).changes === 1,
      );
    },
    async listTransitions() {
      return guard(() => parsed<LifecycleTransition>(s.lifecycle.list.all(competition)));
    },
  };
}
