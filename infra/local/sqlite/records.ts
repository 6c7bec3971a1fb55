import { type ResultRecord, summaryOf } from '../../../shared/domain/record.ts';
import type { ResultRecords } from '../../../shared/ports.ts';
import { guard, parsed } from './database.ts';
import { type SqliteScope, stamp } from './statements.ts';

/** Fixed result versions in SQLite: create-only rows; a version written changes the inputs stamp. */
export function sqliteRecords(scope: SqliteScope): ResultRecords {
  const { db, s, competition } = scope;
  const save = db.transaction((record: ResultRecord): boolean => {
    const written = s.records.insert.run(competition, record.version, JSON.stringify(record)).changes === 1;
    if (written) stamp(scope);
    return written;
  });
  return {
    async saveVersion(record) {
      return guard(() => save.immediate(record));
    },
    async listVersions() {
      return guard(() =>
        // Derived from the hashed record itself, never kept beside it: there is nothing else to edit.
        parsed<ResultRecord>(s.records.list.all(competition)).map(summaryOf),
      );
    },
    async getVersion(version) {
      return guard(() => {
        const row = s.records.get.get(competition, version);
        return row ? (JSON.parse(row.data) as ResultRecord) : null;
      });
    },
    async latestVersion() {
      return guard(() => newestVersion(scope));
    },
  };
}

/** The newest fixed version (also read by a sync's inputs). */
export function newestVersion({ s, competition }: SqliteScope): ResultRecord | null {
  const row = s.records.latest.get(competition);
  return row ? (JSON.parse(row.data) as ResultRecord) : null;
}
