import type { IntakeSource } from '../../../shared/ports.ts';
import type { Db } from './database.ts';

/**
 * Every statement the SQLite ports run, prepared once per open file. Each takes the competition as its
 * first parameter: the rows of all competitions share the tables, and a port binds its own id.
 */
export function prepareStatements(db: Db) {
  return {
    innovations: innovationStatements(db),
    archive: archiveStatements(db),
    syncLog: syncLogStatements(db),
    leases: leaseStatements(db),
    cursors: cursorStatements(db),
    records: recordStatements(db),
    changeLog: changeLogStatements(db),
    publicResponses: publicResponseStatements(db),
    sessions: sessionStatements(db),
    signIn: signInStatements(db),
    lifecycle: lifecycleStatements(db),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/** One competition's view of the file: its ports run these with `competition` bound. */
export interface SqliteScope {
  db: Db;
  s: Statements;
  competition: string;
}

export interface InnovationRow {
  number: number;
  version: number;
  submitted_at: string;
  data: string;
}

function innovationStatements(db: Db) {
  return {
    get: db.prepare<[string, string], InnovationRow>(
      'SELECT number, version, submitted_at, data FROM innovations WHERE competition = ? AND response_id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO innovations (competition, response_id, number, version, submitted_at, data)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    update: db.prepare(
      `UPDATE innovations SET version = ?, submitted_at = ?, data = ? WHERE competition = ? AND response_id = ?`,
    ),
    insertHistory: db.prepare(
      'INSERT INTO innovation_history (competition, response_id, version, data) VALUES (?, ?, ?, ?)',
    ),
    list: db.prepare<[string], { data: string }>(
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
  };
}

export interface RawRow {
  id: string;
  received_at: string;
  source: IntakeSource;
  response_id: string | null;
  body: string;
  encoding: string | null;
  deliveries: number;
  last_received_at: string | null;
}

function archiveStatements(db: Db) {
  return {
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
    putRejection: db.prepare(
      `INSERT INTO rejections (competition, response_id, received_at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (competition, response_id) DO UPDATE SET received_at = excluded.received_at, data = excluded.data`,
    ),
    listRejections: db.prepare<[string], { data: string }>(
      'SELECT data FROM rejections WHERE competition = ? ORDER BY received_at, response_id',
    ),
    clearRejection: db.prepare('DELETE FROM rejections WHERE competition = ? AND response_id = ?'),
  };
}

/** A saved record: its JSON, and the sync_cells rows holding its cells when it does not (cell-tabs.ts). */
export interface SyncRow {
  data: string;
  cell_tabs: string | null;
}

export interface HeadRow {
  inputs_stamp: string;
  sync_order: string | null;
  record_id: string | null;
  data: string | null;
}

function syncLogStatements(db: Db) {
  return {
    putSync: db.prepare(
      `INSERT INTO syncs (competition, id, finished_at, sequence, data, cell_tabs) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (competition, id) DO UPDATE SET finished_at = excluded.finished_at,
         sequence = excluded.sequence, data = excluded.data, cell_tabs = excluded.cell_tabs`,
    ),
    lastSync: db.prepare<[string], SyncRow>(
      'SELECT data, cell_tabs FROM syncs WHERE competition = ? ORDER BY sequence DESC, finished_at DESC, id DESC LIMIT 1',
    ),
    getSync: db.prepare<[string, string], SyncRow>(
      'SELECT data, cell_tabs FROM syncs WHERE competition = ? AND id = ?',
    ),
    getCellTabs: db.prepare<[string, string], { cell_tabs: string | null }>(
      'SELECT cell_tabs FROM syncs WHERE competition = ? AND id = ?',
    ),
    putCells: db.prepare(
      'INSERT OR REPLACE INTO sync_cells (competition, owner, tab, digest, data) VALUES (?, ?, ?, ?, ?)',
    ),
    getCells: db.prepare<[string, string, string, string], { data: string }>(
      'SELECT data FROM sync_cells WHERE competition = ? AND owner = ? AND tab = ? AND digest = ?',
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
  };
}

function leaseStatements(db: Db) {
  return {
    get: db.prepare<[string, string], { holder: string; until_ms: number; holder_process: string | null }>(
      'SELECT holder, until_ms, holder_process FROM leases WHERE competition = ? AND name = ?',
    ),
    put: db.prepare(
      `INSERT INTO leases (competition, name, holder, until_ms, holder_process) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (competition, name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms,
         holder_process = excluded.holder_process`,
    ),
    release: db.prepare('DELETE FROM leases WHERE competition = ? AND name = ? AND holder = ?'),
  };
}

function cursorStatements(db: Db) {
  return {
    get: db.prepare<[string, string], { value: string }>(
      'SELECT value FROM cursors WHERE competition = ? AND name = ?',
    ),
    set: db.prepare(
      `INSERT INTO cursors (competition, name, value) VALUES (?, ?, ?)
       ON CONFLICT (competition, name) DO UPDATE SET value = excluded.value`,
    ),
  };
}

function recordStatements(db: Db) {
  return {
    // Create-only: a version number, once taken, is never overwritten.
    insert: db.prepare('INSERT OR IGNORE INTO result_versions (competition, version, data) VALUES (?, ?, ?)'),
    list: db.prepare<[string], { data: string }>(
      'SELECT data FROM result_versions WHERE competition = ? ORDER BY version',
    ),
    get: db.prepare<[string, number], { data: string }>(
      'SELECT data FROM result_versions WHERE competition = ? AND version = ?',
    ),
    latest: db.prepare<[string], { data: string }>(
      'SELECT data FROM result_versions WHERE competition = ? ORDER BY version DESC LIMIT 1',
    ),
  };
}

function changeLogStatements(db: Db) {
  return {
    insert: db.prepare(
      'INSERT OR IGNORE INTO score_changes (competition, sync_id, seq, data) VALUES (?, ?, ?, ?)',
    ),
    list: db.prepare<[string, number], { data: string }>(
      'SELECT data FROM score_changes WHERE competition = ? ORDER BY sync_id DESC, seq DESC LIMIT ?',
    ),
    count: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM score_changes WHERE competition = ?',
    ),
  };
}

function publicResponseStatements(db: Db) {
  return {
    put: db.prepare(
      `INSERT INTO public_responses (competition, id, received_at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (competition, id) DO UPDATE SET received_at = excluded.received_at, data = excluded.data`,
    ),
    list: db.prepare<[string], { data: string }>(
      'SELECT data FROM public_responses WHERE competition = ? ORDER BY received_at, id',
    ),
  };
}

function sessionStatements(db: Db) {
  return {
    create: db.prepare(
      `INSERT INTO sessions (competition, id, expires_ms) VALUES (?, ?, ?)
       ON CONFLICT (competition, id) DO NOTHING`,
    ),
    active: db.prepare<[string, string, number], { id: string }>(
      'SELECT id FROM sessions WHERE competition = ? AND id = ? AND revoked = 0 AND expires_ms > ?',
    ),
    revoke: db.prepare('UPDATE sessions SET revoked = 1 WHERE competition = ? AND id = ?'),
  };
}

function signInStatements(db: Db) {
  return {
    add: db.prepare('INSERT OR IGNORE INTO attempts (competition, client, id, at_ms) VALUES (?, ?, ?, ?)'),
    recent: db.prepare<[string, string, number, number], { id: string; at_ms: number }>(
      `SELECT id, at_ms FROM attempts WHERE competition = ? AND client = ? AND at_ms >= ?
       ORDER BY at_ms DESC, id DESC LIMIT ?`,
    ),
    clear: db.prepare('DELETE FROM attempts WHERE competition = ? AND client = ?'),
  };
}

function lifecycleStatements(db: Db) {
  return {
    // Create-only, like a result version: one transition per number.
    append: db.prepare('INSERT OR IGNORE INTO lifecycle (competition, seq, data) VALUES (?, ?, ?)'),
    list: db.prepare<[string], { data: string }>(
      'SELECT data FROM lifecycle WHERE competition = ? ORDER BY seq',
    ),
  };
}

/** Changes the competition's inputs stamp: every intake or result write does, in its own transaction. */
export function stamp({ s, competition }: SqliteScope): void {
  s.syncLog.stamp.run(competition, crypto.randomUUID());
}
