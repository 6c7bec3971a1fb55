import type { CompetitionStores, StoreAdapter } from '../../shared/ports.ts';
import { storeAdapter } from '../store-adapter.ts';
import { sqliteArchive } from './sqlite/archive.ts';
import { sqliteChangeLog } from './sqlite/change-log.ts';
import { sqliteCursors } from './sqlite/cursors.ts';
import { openDatabase } from './sqlite/database.ts';
import { sqliteInnovations } from './sqlite/innovations.ts';
import { sqliteLeases } from './sqlite/leases.ts';
import { sqliteLifecycle } from './sqlite/lifecycle.ts';
import { sqlitePublicResponses } from './sqlite/public-responses.ts';
import { sqliteRecords } from './sqlite/records.ts';
import { sqliteSessions } from './sqlite/sessions.ts';
import { sqliteSignIn } from './sqlite/sign-in.ts';
import { prepareStatements, type SqliteScope } from './sqlite/statements.ts';
import { sqliteSyncLog } from './sqlite/sync-log.ts';

/**
 * The local, embedded store: one SQLite file (WAL), shared safely by several processes; every
 * competition's rows in the same tables, each port bound to one competition.
 */
export function openSqliteStore(
  file: string,
  options: { busyTimeoutMs?: number } = {},
): StoreAdapter & { close(): void } {
  const db = openDatabase(file, options);
  const s = prepareStatements(db);
  const adapter = storeAdapter((competition) => sqliteStores({ db, s, competition }));
  return { competition: adapter.competition, close: () => db.close() };
}

function sqliteStores(scope: SqliteScope): CompetitionStores {
  return {
    innovations: sqliteInnovations(scope),
    archive: sqliteArchive(scope),
    syncLog: sqliteSyncLog(scope),
    leases: sqliteLeases(scope),
    cursors: sqliteCursors(scope),
    records: sqliteRecords(scope),
    changeLog: sqliteChangeLog(scope),
    publicResponses: sqlitePublicResponses(scope),
    sessions: sqliteSessions(scope),
    signIn: sqliteSignIn(scope),
    lifecycle: sqliteLifecycle(scope),
  };
}
