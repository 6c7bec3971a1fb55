import Database from 'better-sqlite3';
import { storageUnavailable } from '../../../shared/errors.ts';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS raw_submissions (
  competition TEXT NOT NULL, id TEXT NOT NULL, received_at TEXT NOT NULL, source TEXT NOT NULL,
  response_id TEXT, body TEXT NOT NULL, PRIMARY KEY (competition, id));
CREATE TABLE IF NOT EXISTS innovations (
  competition TEXT NOT NULL, response_id TEXT NOT NULL, number INTEGER NOT NULL, version INTEGER NOT NULL,
  submitted_at TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (competition, response_id), UNIQUE (competition, number));
CREATE TABLE IF NOT EXISTS innovation_history (
  competition TEXT NOT NULL, response_id TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (competition, response_id, version));
CREATE TABLE IF NOT EXISTS counters (
  competition TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (competition, name));
CREATE TABLE IF NOT EXISTS rejections (
  competition TEXT NOT NULL, response_id TEXT NOT NULL, received_at TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (competition, response_id));
CREATE TABLE IF NOT EXISTS syncs (
  competition TEXT NOT NULL, id TEXT NOT NULL, finished_at TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (competition, id));
CREATE INDEX IF NOT EXISTS syncs_by_finish ON syncs (competition, finished_at);
CREATE TABLE IF NOT EXISTS sync_cells (
  competition TEXT NOT NULL, owner TEXT NOT NULL, tab TEXT NOT NULL, digest TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (competition, owner, tab, digest));
CREATE TABLE IF NOT EXISTS sync_heads (
  competition TEXT NOT NULL PRIMARY KEY, inputs_stamp TEXT NOT NULL DEFAULT '', sync_order TEXT,
  record_id TEXT, data TEXT);
CREATE TABLE IF NOT EXISTS leases (
  competition TEXT NOT NULL, name TEXT NOT NULL, holder TEXT NOT NULL, until_ms INTEGER NOT NULL,
  PRIMARY KEY (competition, name));
CREATE TABLE IF NOT EXISTS cursors (
  competition TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (competition, name));
CREATE TABLE IF NOT EXISTS result_versions (
  competition TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (competition, version));
CREATE TABLE IF NOT EXISTS score_changes (
  competition TEXT NOT NULL, sync_id TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (competition, sync_id, seq));
CREATE TABLE IF NOT EXISTS public_responses (
  competition TEXT NOT NULL, id TEXT NOT NULL, received_at TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (competition, id));
CREATE TABLE IF NOT EXISTS sessions (
  competition TEXT NOT NULL, id TEXT NOT NULL, expires_ms INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (competition, id));
CREATE TABLE IF NOT EXISTS attempts (
  competition TEXT NOT NULL, client TEXT NOT NULL, id TEXT NOT NULL, at_ms INTEGER NOT NULL,
  PRIMARY KEY (competition, client, id));
CREATE INDEX IF NOT EXISTS attempts_by_client ON attempts (competition, client, at_ms);
CREATE TABLE IF NOT EXISTS lifecycle (
  competition TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (competition, seq));
`;

/** Columns added after the first release: a file from then gets them on open. */
const MIGRATIONS: { table: string; column: string; declaration: string; backfill?: string }[] = [
  { table: 'raw_submissions', column: 'deliveries', declaration: 'INTEGER NOT NULL DEFAULT 1' },
  {
    table: 'raw_submissions',
    column: 'last_received_at',
    declaration: 'TEXT',
    backfill: 'UPDATE raw_submissions SET last_received_at = received_at',
  },
  { table: 'raw_submissions', column: 'encoding', declaration: 'TEXT' },
  {
    table: 'syncs',
    column: 'sequence',
    declaration: 'INTEGER NOT NULL DEFAULT 0',
    backfill: "UPDATE syncs SET sequence = coalesce(json_extract(data, '$.sequence'), 0)",
  },
  // JSON list of the sync_cells rows holding the record's cells (cell-tabs.ts); null: the record holds them.
  { table: 'syncs', column: 'cell_tabs', declaration: 'TEXT' },
  // JSON of a ProcessIdentity; null for leases taken before it was recorded (they wait for expiry).
  { table: 'leases', column: 'holder_process', declaration: 'TEXT' },
];

/** SQLite result codes that mean "the store is unavailable right now, retry later" rather than a bug. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|READONLY|CANTOPEN|FULL|PROTOCOL|NOTADB|CORRUPT)/;

/**
 * One SQLite file (WAL), shared safely by several processes. Every read-modify-write runs in a BEGIN
 * IMMEDIATE transaction, so the write lock is taken before the read: two connections can never both see
 * "no innovation yet" or the same counter value.
 */
export function openDatabase(file: string, options: { busyTimeoutMs?: number } = {}): Db {
  return guard(() => {
    const opened = new Database(file);
    // A waiting writer gets this long before SQLITE_BUSY surfaces as storage_unavailable.
    opened.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    opened.pragma('journal_mode = WAL');
    opened.pragma('synchronous = NORMAL');
    opened.exec(SCHEMA);
    migrate(opened);
    return opened;
  });
}
/** Under the write lock, so that two processes opening an old file add each column once. */
function migrate(db: Database.Database): void {
  const has = (table: string, column: string) =>
    db
      .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
      .all()
      .some((c) => c.name === column);
  // Versions once kept their summary in a column of its own, which nothing checked (issue 20, 10b).
  const summaryColumn = has('result_versions', 'summary');
  if (MIGRATIONS.every((m) => has(m.table, m.column)) && !summaryColumn) return;
  db.transaction(() => {
    if (summaryColumn) db.exec('ALTER TABLE result_versions DROP COLUMN summary');
    for (const m of MIGRATIONS) {
      if (has(m.table, m.column)) continue;
      db.exec(`ALTER TABLE ${m.table} ADD COLUMN ${m.column} ${m.declaration}`);
      if (m.backfill) db.exec(m.backfill);
    }
    db.exec('CREATE INDEX IF NOT EXISTS syncs_by_sequence ON syncs (competition, sequence, finished_at)');
  }).immediate();
}

export function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toStorageError(error);
  }
}

function toStorageError(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (!UNAVAILABLE_CODES.test(code)) return error;
  return storageUnavailable(error);
}

/** The `data` column of each row, parsed. */
export function parsed<T>(rows: { data: string }[]): T[] {
  return rows.map((r) => JSON.parse(r.data) as T);
}
