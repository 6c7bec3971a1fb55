import type { ScoreChange } from '../../../shared/domain/score-changes.ts';
import type { ScoreChangeLog } from '../../../shared/ports.ts';
import { guard, parsed } from './database.ts';
import type { SqliteScope } from './statements.ts';

/** The score change log in SQLite: one row per change, keyed by sync and position (re-appending is harmless). */
export function sqliteChangeLog(scope: SqliteScope): ScoreChangeLog {
  const append = changeAppender(scope);
  return {
    async appendScoreChanges(syncId, changes, limit = 0) {
      guard(() => append.immediate(syncId, changes));
      return listChanges(scope, limit);
    },
    async listScoreChanges(limit) {
      return listChanges(scope, limit);
    },
  };
}

/** The transaction that appends one sync's changes (also run inside a sync's save). */
export function changeAppender({ db, s, competition }: SqliteScope) {
  return db.transaction((syncId: string, changes: ScoreChange[]) => {
    changes.forEach((c, i) => {
      s.changeLog.insert.run(competition, syncId, i, JSON.stringify(c));
    });
  });
}

/** Newest first, at most `limit` (all when absent), and the total. */
export function listChanges({ s, competition }: SqliteScope, limit: number | undefined) {
  return guard(() => ({
    changes: parsed<ScoreChange>(s.changeLog.list.all(competition, limit ?? -1)),
    total: s.changeLog.count.get(competition)?.n ?? 0,
  }));
}
