import Database from 'better-sqlite3';
import { type Innovation, isEdit } from '../../shared/domain/innovation.ts';
import type { LifecycleTransition } from '../../shared/domain/lifecycle.ts';
import { type ResultRecord, summaryOf } from '../../shared/domain/record.ts';
import type { ScoreChange } from '../../shared/domain/score-changes.ts';
import { storageUnavailable } from '../../shared/errors.ts';
import type {
  AcceptedSubmission,
  ArchivedPayload,
  IntakeSource,
  PublicResponse,
  RawSubmission,
  Rejection,
  Store,
  SyncInputs,
  SyncRecord,
  UpsertOutcome,
} from '../../shared/ports.ts';
import { innovationRecord } from '../innovation-record.ts';
import { emptyHead, type HeadOfSync, headOfRecord, overlayHead, syncOrder } from '../sync-head.ts';
import { hasEnded, ownProcess, type ProcessIdentity } from './process-identity.ts';

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
  // JSON of a ProcessIdentity; null for leases taken before it was recorded (they wait for expiry).
  { table: 'leases', column: 'holder_process', declaration: 'TEXT' },
];

/** SQLite result codes that mean "the store is unavailable right now, retry later" rather than a bug. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|READONLY|CANTOPEN|FULL|PROTOCOL|NOTADB|CORRUPT)/;

const NUMBER_COUNTER = 'innovation-number';

interface InnovationRow {
  number: number;
  version: number;
  submitted_at: string;
  data: string;
}

/**
 * The local, embedded store: one SQLite file (WAL), shared safely by several processes.
 * Every read-modify-write runs in a BEGIN IMMEDIATE transaction, so the write lock is taken before the read:
 * two connections can never both see "no innovation yet" or the same counter value.
 */
export function openSqliteStore(
  file: string,
  options: { busyTimeoutMs?: number } = {},
): Store & { close(): void } {
  const db = guard(() => {
    const opened = new Database(file);
    // A waiting writer gets this long before SQLITE_BUSY surfaces as storage_unavailable.
    opened.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    opened.pragma('journal_mode = WAL');
    opened.pragma('synchronous = NORMAL');
    opened.exec(SCHEMA);
    migrate(opened);
    return opened;
  });

  const stmt = {
    archive: db.prepare(
      `INSERT INTO raw_submissions
         (competition, id, received_at, source, response_id, body, encoding, deliveries, last_received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (competition, id) DO UPDATE SET deliveries = deliveries + 1,
         last_received_at = max(last_received_at, excluded.last_received_at)`,
    ),
    listRaw: db.prepare<[string], RawRow>(
      `SELECT id, received_at, source, response_id, body, encoding, deliveries, last_received_at
       FROM raw_submissions WHERE competition = ? ORDER BY received_at, id`,
    ),
    getInnovation: db.prepare<[string, string], InnovationRow>(
      'SELECT number, version, submitted_at, data FROM innovations WHERE competition = ? AND response_id = ?',
    ),
    insertInnovation: db.prepare(
      `INSERT INTO innovations (competition, response_id, number, version, submitted_at, data)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    updateInnovation: db.prepare(
      `UPDATE innovations SET version = ?, submitted_at = ?, data = ? WHERE competition = ? AND response_id = ?`,
    ),
    insertHistory: db.prepare(
      'INSERT INTO innovation_history (competition, response_id, version, data) VALUES (?, ?, ?, ?)',
    ),
    listInnovations: db.prepare<[string], { data: string }>(
      'SELECT data FROM innovations WHERE competition = ? ORDER BY number',
    ),
    history: db.prepare<[string, string], { data: string }>(
      'SELECT data FROM innovation_history WHERE competition = ? AND response_id = ? ORDER BY version',
    ),
    getCounter: db.prepare<[string, string], { value: number }>(
      'SELECT value FROM counters WHERE competition = ? AND name = ?',
    ),
    setCounter: db.prepare(
      `INSERT INTO counters (competition, name, value) VALUES (?, ?, ?)
       ON CONFLICT (competition, name) DO UPDATE SET value = excluded.value`,
    ),
    putRejection: db.prepare(
      `INSERT INTO rejections (competition, response_id, received_at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (competition, response_id) DO UPDATE SET received_at = excluded.received_at, data = excluded.data`,
    ),
    listRejections: db.prepare<[string], { data: string }>(
      'SELECT data FROM rejections WHERE competition = ? ORDER BY received_at, response_id',
    ),
    clearRejection: db.prepare('DELETE FROM rejections WHERE competition = ? AND response_id = ?'),
    putSync: db.prepare(
      `INSERT INTO syncs (competition, id, finished_at, sequence, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (competition, id) DO UPDATE SET finished_at = excluded.finished_at,
         sequence = excluded.sequence, data = excluded.data`,
    ),
    lastSync: db.prepare<[string], { data: string }>(
      'SELECT data FROM syncs WHERE competition = ? ORDER BY sequence DESC, finished_at DESC, id DESC LIMIT 1',
    ),
    getSync: db.prepare<[string, string], { data: string }>(
      'SELECT data FROM syncs WHERE competition = ? AND id = ?',
    ),
    getHead: db.prepare<[string], HeadRow>(
      'SELECT inputs_stamp, sync_order, record_id, data FROM sync_heads WHERE competition = ?',
    ),
    // The sync's columns and the stamp are written by separate statements: neither overwrites the other.
    moveHead: db.prepare(
      `INSERT INTO sync_heads (competition, sync_order, record_id, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (competition) DO UPDATE SET sync_order = excluded.sync_order,
         record_id = coalesce(excluded.record_id, record_id), data = excluded.data`,
    ),
    stamp: db.prepare(
      `INSERT INTO sync_heads (competition, inputs_stamp) VALUES (?, ?)
       ON CONFLICT (competition) DO UPDATE SET inputs_stamp = excluded.inputs_stamp`,
    ),
    createSession: db.prepare(
      `INSERT INTO sessions (competition, id, expires_ms) VALUES (?, ?, ?)
       ON CONFLICT (competition, id) DO NOTHING`,
    ),
    sessionActive: db.prepare<[string, string, number], { id: string }>(
      'SELECT id FROM sessions WHERE competition = ? AND id = ? AND revoked = 0 AND expires_ms > ?',
    ),
    revokeSession: db.prepare('UPDATE sessions SET revoked = 1 WHERE competition = ? AND id = ?'),
    addAttempt: db.prepare(
      'INSERT OR IGNORE INTO attempts (competition, client, id, at_ms) VALUES (?, ?, ?, ?)',
    ),
    recentAttempts: db.prepare<[string, string, number, number], { id: string; at_ms: number }>(
      `SELECT id, at_ms FROM attempts WHERE competition = ? AND client = ? AND at_ms >= ?
       ORDER BY at_ms DESC, id DESC LIMIT ?`,
    ),
    clearAttempts: db.prepare('DELETE FROM attempts WHERE competition = ? AND client = ?'),
    getLease: db.prepare<
      [string, string],
      { holder: string; until_ms: number; holder_process: string | null }
    >('SELECT holder, until_ms, holder_process FROM leases WHERE competition = ? AND name = ?'),
    putLease: db.prepare(
      `INSERT INTO leases (competition, name, holder, until_ms, holder_process) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (competition, name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms,
         holder_process = excluded.holder_process`,
    ),
    releaseLease: db.prepare('DELETE FROM leases WHERE competition = ? AND name = ? AND holder = ?'),
    getCursor: db.prepare<[string, string], { value: string }>(
      'SELECT value FROM cursors WHERE competition = ? AND name = ?',
    ),
    setCursor: db.prepare(
      `INSERT INTO cursors (competition, name, value) VALUES (?, ?, ?)
       ON CONFLICT (competition, name) DO UPDATE SET value = excluded.value`,
    ),
    // Create-only: a version number, once taken, is never overwritten.
    insertVersion: db.prepare(
      'INSERT OR IGNORE INTO result_versions (competition, version, data) VALUES (?, ?, ?)',
    ),
    listVersions: db.prepare<[string], { data: string }>(
      'SELECT data FROM result_versions WHERE competition = ? ORDER BY version',
    ),
    getVersion: db.prepare<[string, number], { data: string }>(
      'SELECT data FROM result_versions WHERE competition = ? AND version = ?',
    ),
    latestVersion: db.prepare<[string], { data: string }>(
      'SELECT data FROM result_versions WHERE competition = ? ORDER BY version DESC LIMIT 1',
    ),
    insertChange: db.prepare(
      'INSERT OR IGNORE INTO score_changes (competition, sync_id, seq, data) VALUES (?, ?, ?, ?)',
    ),
    listChanges: db.prepare<[string, number], { data: string }>(
      'SELECT data FROM score_changes WHERE competition = ? ORDER BY sync_id DESC, seq DESC LIMIT ?',
    ),
    countChanges: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM score_changes WHERE competition = ?',
    ),
    putResponse: db.prepare(
      `INSERT INTO public_responses (competition, id, received_at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (competition, id) DO UPDATE SET received_at = excluded.received_at, data = excluded.data`,
    ),
    listResponses: db.prepare<[string], { data: string }>(
      'SELECT data FROM public_responses WHERE competition = ? ORDER BY received_at, id',
    ),
    // Create-only, like a result version: one transition per number.
    appendTransition: db.prepare('INSERT OR IGNORE INTO lifecycle (competition, seq, data) VALUES (?, ?, ?)'),
    listTransitions: db.prepare<[string], { data: string }>(
      'SELECT data FROM lifecycle WHERE competition = ? ORDER BY seq',
    ),
  };

  const appendChanges = db.transaction((competition: string, syncId: string, changes: ScoreChange[]) => {
    changes.forEach((c, i) => {
      stmt.insertChange.run(competition, syncId, i, JSON.stringify(c));
    });
  });

  const stamp = (competition: string) => stmt.stamp.run(competition, crypto.randomUUID());

  /** Newest first, at most `limit` (all when absent), and the total. */
  const listChanges = (competition: string, limit: number | undefined) =>
    guard(() => ({
      changes: stmt.listChanges.all(competition, limit ?? -1).map((r) => JSON.parse(r.data) as ScoreChange),
      total: stmt.countChanges.get(competition)?.n ?? 0,
    }));

  /** Runs an input write and changes the stamp in the same transaction. */
  const stamped = db.transaction((competition: string, write: () => void) => {
    write();
    stamp(competition);
  });

  const saveSync = db.transaction((competition: string, sync: SyncRecord, readHash: string) => {
    stmt.putSync.run(competition, sync.id, sync.finishedAt, sync.sequence ?? 0, JSON.stringify(sync));
    const order = syncOrder(sync);
    const head = stmt.getHead.get(competition);
    if (head?.sync_order && order < head.sync_order) return;
    stmt.moveHead.run(competition, order, sync.id, JSON.stringify(headOfRecord(sync, readHash)));
  });

  /** A sync's record and its changes, in one transaction. */
  const saveLogged = db.transaction(
    (competition: string, sync: SyncRecord, readHash: string, changes: ScoreChange[]) => {
      appendChanges(competition, sync.id, changes);
      saveSync(competition, sync, readHash);
    },
  );

  const upsert = db.transaction(
    (
      competition: string,
      submission: AcceptedSubmission,
      numberToId: (n: number) => string,
    ): { outcome: UpsertOutcome; innovation: Innovation } => {
      const existing = stmt.getInnovation.get(competition, submission.responseId);
      if (!existing) {
        const number = (stmt.getCounter.get(competition, NUMBER_COUNTER)?.value ?? 0) + 1;
        const innovation = innovationRecord(submission, numberToId(number), 1);
        stmt.setCounter.run(competition, NUMBER_COUNTER, number);
        stmt.insertInnovation.run(
          competition,
          submission.responseId,
          number,
          1,
          submission.submittedAt,
          JSON.stringify(innovation),
        );
        stmt.clearRejection.run(competition, submission.responseId);
        stamp(competition);
        return { outcome: 'created', innovation };
      }
      const current = JSON.parse(existing.data) as Innovation;
      if (!isEdit(submission.submittedAt, existing.submitted_at)) {
        return { outcome: 'unchanged', innovation: current };
      }
      const innovation = innovationRecord(submission, current.id, existing.version + 1);
      stmt.insertHistory.run(competition, submission.responseId, existing.version, existing.data);
      stmt.updateInnovation.run(
        innovation.version,
        submission.submittedAt,
        JSON.stringify(innovation),
        competition,
        submission.responseId,
      );
      stmt.clearRejection.run(competition, submission.responseId);
      stamp(competition);
      return { outcome: 'updated', innovation };
    },
  );

  const saveVersion = db.transaction((competition: string, record: ResultRecord): boolean => {
    const written = stmt.insertVersion.run(competition, record.version, JSON.stringify(record)).changes === 1;
    if (written) stamp(competition);
    return written;
  });

  const lastRecord = (competition: string): SyncRecord | null => {
    const head = stmt.getHead.get(competition);
    const row = head?.record_id
      ? stmt.getSync.get(competition, head.record_id)
      : stmt.lastSync.get(competition);
    if (!row) return null;
    const record = JSON.parse(row.data) as SyncRecord;
    return overlayHead(record, head?.data ? (JSON.parse(head.data) as HeadOfSync) : null);
  };

  const newestVersion = (competition: string): ResultRecord | null => {
    const row = stmt.latestVersion.get(competition);
    return row ? (JSON.parse(row.data) as ResultRecord) : null;
  };

  const inputs = db.transaction(
    (competition: string, tail: number): SyncInputs => ({
      roster: {
        innovations: stmt.listInnovations.all(competition).map((r) => JSON.parse(r.data) as Innovation),
        rejections: stmt.listRejections.all(competition).map((r) => JSON.parse(r.data) as Rejection),
      },
      fixed: newestVersion(competition),
      last: lastRecord(competition),
      changes: listChanges(competition, tail),
    }),
  );

  // Several processes share the file: each lease names its process, so a lease whose process was killed
  // (kill -9, a power cut) is taken over at once instead of blocking every sync until it expires.
  const me = JSON.stringify(ownProcess());
  const acquire = db.transaction(
    (competition: string, name: string, holder: string, now: Date, until: Date): boolean => {
      const lease = stmt.getLease.get(competition, name);
      if (lease && lease.holder !== holder && lease.until_ms > now.getTime() && !holderEnded(lease)) {
        return false;
      }
      stmt.putLease.run(competition, name, holder, until.getTime(), me);
      return true;
    },
  );

  return {
    async archiveRaw(competition: string, raw: RawSubmission) {
      guard(() =>
        stmt.archive.run(
          competition,
          raw.id,
          raw.receivedAt,
          raw.source,
          raw.responseId ?? null,
          raw.body,
          raw.encoding ?? null,
          raw.receivedAt,
        ),
      );
    },
    async listRaw(competition) {
      return guard(() => stmt.listRaw.all(competition).map(archivedPayload));
    },
    async upsertInnovation(competition, submission, numberToId) {
      return guard(() => upsert.immediate(competition, submission, numberToId));
    },
    async listInnovations(competition) {
      return guard(() => stmt.listInnovations.all(competition).map((r) => JSON.parse(r.data) as Innovation));
    },
    async innovationHistory(competition, responseId) {
      return guard(() =>
        stmt.history.all(competition, responseId).map((r) => JSON.parse(r.data) as Innovation),
      );
    },
    async recordRejection(competition, rejection) {
      guard(() =>
        stamped.immediate(competition, () =>
          stmt.putRejection.run(
            competition,
            rejection.responseId,
            rejection.receivedAt,
            JSON.stringify(rejection),
          ),
        ),
      );
    },
    async listRejections(competition) {
      return guard(() => stmt.listRejections.all(competition).map((r) => JSON.parse(r.data) as Rejection));
    },
    async clearRejection(competition, responseId) {
      guard(() => stamped.immediate(competition, () => stmt.clearRejection.run(competition, responseId)));
    },
    async syncHead(competition) {
      return guard(() => {
        const head = stmt.getHead.get(competition);
        const inputsStamp = head?.inputs_stamp ?? '';
        if (head?.data) return { ...(JSON.parse(head.data) as HeadOfSync), inputsStamp };
        // A file from before the head: its newest record stands in until the next saveSync.
        const row = stmt.lastSync.get(competition);
        if (row) return { ...headOfRecord(JSON.parse(row.data) as SyncRecord, ''), inputsStamp };
        return head ? emptyHead(inputsStamp) : null;
      });
    },
    async saveSync(competition, sync, options) {
      guard(() => saveLogged.immediate(competition, sync, options?.readHash ?? '', options?.changes ?? []));
    },
    async saveUnchanged(competition, head) {
      guard(() => stmt.moveHead.run(competition, syncOrder(head), null, JSON.stringify(head)));
    },
    async lastSync(competition) {
      return guard(() => lastRecord(competition));
    },
    async syncInputs(competition, _head, tail) {
      // Rows are cheap to read here: no snapshot is needed, and one transaction keeps the lists in step.
      return guard(() => inputs.deferred(competition, tail));
    },
    async acquireLease(competition, name, holder, now, until) {
      return guard(() => acquire.immediate(competition, name, holder, now, until));
    },
    async releaseLease(competition, name, holder) {
      guard(() => stmt.releaseLease.run(competition, name, holder));
    },
    async getCursor(competition, name) {
      return guard(() => stmt.getCursor.get(competition, name)?.value ?? null);
    },
    async setCursor(competition, name, value) {
      guard(() => stmt.setCursor.run(competition, name, value));
    },
    async saveVersion(competition, record) {
      return guard(() => saveVersion.immediate(competition, record));
    },
    async listVersions(competition) {
      return guard(() =>
        // Derived from the hashed record itself, never kept beside it: there is nothing else to edit.
        stmt.listVersions.all(competition).map((r) => summaryOf(JSON.parse(r.data) as ResultRecord)),
      );
    },
    async getVersion(competition, version) {
      return guard(() => {
        const row = stmt.getVersion.get(competition, version);
        return row ? (JSON.parse(row.data) as ResultRecord) : null;
      });
    },
    async latestVersion(competition) {
      return guard(() => newestVersion(competition));
    },
    async appendScoreChanges(competition, syncId, changes, limit = 0) {
      guard(() => appendChanges.immediate(competition, syncId, changes));
      return listChanges(competition, limit);
    },
    async listScoreChanges(competition, limit) {
      return listChanges(competition, limit);
    },
    async savePublicResponse(competition, response) {
      guard(() =>
        stmt.putResponse.run(competition, response.id, response.receivedAt, JSON.stringify(response)),
      );
    },
    async listPublicResponses(competition) {
      return guard(() =>
        stmt.listResponses.all(competition).map((r) => JSON.parse(r.data) as PublicResponse),
      );
    },
    async createSession(competition, id, expiresAt) {
      guard(() => stmt.createSession.run(competition, id, expiresAt.getTime()));
    },
    async sessionActive(competition, id, now) {
      return guard(() => stmt.sessionActive.get(competition, id, now.getTime()) !== undefined);
    },
    async revokeSession(competition, id) {
      guard(() => stmt.revokeSession.run(competition, id));
    },
    async addAttempt(competition, client, attempt) {
      guard(() => stmt.addAttempt.run(competition, client, attempt.id, attempt.at.getTime()));
    },
    async recentAttempts(competition, client, since, limit) {
      return guard(() =>
        stmt.recentAttempts
          .all(competition, client, since.getTime(), Math.max(0, Math.trunc(limit)))
          .map((r) => ({ id: r.id, at: new Date(r.at_ms) })),
      );
    },
    async clearAttempts(competition, client) {
      guard(() => stmt.clearAttempts.run(competition, client));
    },
    async appendTransition(competition, transition) {
      return guard(
        () =>
          stmt.appendTransition.run(competition, transition.seq, JSON.stringify(transition)).changes === 1,
      );
    },
    async listTransitions(competition) {
      return guard(() =>
        stmt.listTransitions.all(competition).map((r) => JSON.parse(r.data) as LifecycleTransition),
      );
    },
    close() {
      db.close();
    },
  };
}

interface HeadRow {
  inputs_stamp: string;
  sync_order: string | null;
  record_id: string | null;
  data: string | null;
}

interface RawRow {
  id: string;
  received_at: string;
  source: IntakeSource;
  response_id: string | null;
  body: string;
  encoding: string | null;
  deliveries: number;
  last_received_at: string | null;
}

function archivedPayload(r: RawRow): ArchivedPayload {
  return {
    id: r.id,
    receivedAt: r.received_at,
    source: r.source,
    ...(r.response_id !== null ? { responseId: r.response_id } : {}),
    body: r.body,
    ...(r.encoding === 'base64' ? { encoding: 'base64' as const } : {}),
    deliveries: r.deliveries,
    lastReceivedAt: r.last_received_at ?? r.received_at,
  };
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

function holderEnded(lease: { holder_process: string | null }): boolean {
  return lease.holder_process !== null && hasEnded(JSON.parse(lease.holder_process) as ProcessIdentity);
}

function guard<T>(work: () => T): T {
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
