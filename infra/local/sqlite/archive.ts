import type { ArchivedPayload, RawSubmission, Rejection, SubmissionArchive } from '../../../shared/ports.ts';
import { guard, parsed } from './database.ts';
import { type RawRow, type SqliteScope, stamp } from './statements.ts';

/** Raw payloads and standing rejections in SQLite; a rejection's write changes the inputs stamp with it. */
export function sqliteArchive(scope: SqliteScope): SubmissionArchive {
  const { db, s, competition } = scope;
  /** Runs an input write and changes the stamp in the same transaction. */
  const stamped = db.transaction((write: () => void) => {
    write();
    stamp(scope);
  });
  return {
    async archiveRaw(raw) {
      guard(() => archiveRow(scope, raw));
    },
    async listRaw() {
      return guard(() => s.archive.listRaw.all(competition).map(archivedPayload));
    },
    async recordRejection(rejection) {
      guard(() =>
        stamped.immediate(() =>
          s.archive.putRejection.run(
            competition,
            rejection.responseId,
            rejection.receivedAt,
            JSON.stringify(rejection),
          ),
        ),
      );
    },
    async listRejections() {
      return guard(() => readRejections(scope));
    },
    async clearRejection(responseId) {
      guard(() => stamped.immediate(() => s.archive.clearRejection.run(competition, responseId)));
    },
  };
}

/** Stores a payload, or counts one more delivery of it (also run inside an innovation's upsert). */
export function archiveRow({ s, competition }: SqliteScope, raw: RawSubmission): void {
  s.archive.archive.run(
    competition,
    raw.id,
    raw.receivedAt,
    raw.source,
    raw.responseId ?? null,
    raw.body,
    raw.encoding ?? null,
    raw.receivedAt,
  );
}

/** Every standing rejection, first received first (also read by a sync's inputs). */
export function readRejections({ s, competition }: SqliteScope): Rejection[] {
  return parsed<Rejection>(s.archive.listRejections.all(competition));
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
