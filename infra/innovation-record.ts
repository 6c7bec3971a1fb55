import type { Innovation } from '../shared/domain/innovation.ts';
import type { AcceptedSubmission } from '../shared/ports.ts';

/** The stored innovation for a submission, whatever the store. */
export function innovationRecord(submission: AcceptedSubmission, id: string, version: number): Innovation {
  return {
    ...submission.innovation,
    id,
    version,
    responseId: submission.responseId,
    submittedAt: submission.submittedAt,
  };
}
