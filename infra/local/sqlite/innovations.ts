import { type Innovation, isEdit } from '../../../shared/domain/innovation.ts';
import type {
  AcceptedSubmission,
  InnovationStore,
  RawSubmission,
  UpsertOutcome,
} from '../../../shared/ports.ts';
import { innovationRecord } from '../../innovation-record.ts';
import { archiveRow } from './archive.ts';
import { guard, parsed } from './database.ts';
import { type InnovationRow, type SqliteScope, stamp } from './statements.ts';

const NUMBER_COUNTER = 'innovation-number';

type Upserted = { outcome: UpsertOutcome; innovation: Innovation };

/** Innovations in SQLite: the number counter and the first insert in one BEGIN IMMEDIATE transaction. */
export function sqliteInnovations(scope: SqliteScope): InnovationStore {
  const { db, s, competition } = scope;
  const upsert = db.transaction(
    (submission: AcceptedSubmission, numberToId: (n: number) => string, raw?: RawSubmission): Upserted => {
      // The payload and the innovation in one transaction: both land or neither.
      if (raw) archiveRow(scope, raw);
      const existing = s.innovations.get.get(competition, submission.responseId);
      if (!existing) return create(scope, submission, numberToId);
      const current = JSON.parse(existing.data) as Innovation;
      if (!isEdit(submission.submittedAt, existing.submitted_at)) {
        return { outcome: 'unchanged', innovation: current };
      }
      return update(scope, submission, existing, current);
    },
  );
  return {
    async upsertInnovation(submission, numberToId, raw) {
      return guard(() => upsert.immediate(submission, numberToId, raw));
    },
    async listInnovations() {
      return guard(() => readInnovations(scope));
    },
    async innovationHistory(responseId) {
      return guard(() => parsed<Innovation>(s.innovations.history.all(competition, responseId)));
    },
  };
}

/** Every innovation, by number (also read by a sync's inputs, inside their transaction). */
export function readInnovations({ s, competition }: SqliteScope): Innovation[] {
  return parsed<Innovation>(s.innovations.list.all(competition));
}

function create(
  scope: SqliteScope,
  submission: AcceptedSubmission,
  numberToId: (n: number) => string,
): Upserted {
  const { s, competition } = scope;
  const number = (s.innovations.getCounter.get(competition, NUMBER_COUNTER)?.value ?? 0) + 1;
  const innovation = innovationRecord(submission, numberToId(number), 1);
  s.innovations.setCounter.run(competition, NUMBER_COUNTER, number);
  s.innovations.insert.run(
    competition,
    submission.responseId,
    number,
    1,
    submission.submittedAt,
    JSON.stringify(innovation),
  );
  s.archive.clearRejection.run(competition, submission.responseId);
  stamp(scope);
  return { outcome: 'created', innovation };
}

function update(
  scope: SqliteScope,
  submission: AcceptedSubmission,
  existing: InnovationRow,
  current: Innovation,
): Upserted {
  const { s, competition } = scope;
  const innovation = innovationRecord(submission, current.id, existing.version + 1);
  s.innovations.insertHistory.run(competition, submission.responseId, existing.version, existing.data);
  s.innovations.update.run(
    innovation.version,
    submission.submittedAt,
    JSON.stringify(innovation),
    competition,
    submission.responseId,
  );
  s.archive.clearRejection.run(competition, submission.responseId);
  stamp(scope);
  return { outcome: 'updated', innovation };
}
