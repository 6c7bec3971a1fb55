import { lateEntryNeedsCorrection } from '../../shared/domain/lifecycle.ts';
import { validateSubmission } from '../../shared/domain/submission.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { Services } from '../compose/services.ts';
import { storeInnovation } from './ingest.ts';

/**
 * The secretariat's explicit override for a submission that came outside the intake window: it is
 * accepted as it was sent, and the innovation carries who-knows-why (`lateAccepted`) for the record.
 */
export async function acceptLateEntry(
  services: Services,
  responseId: string,
  reason: string,
  options: { correctionAcknowledged?: boolean } = {},
) {
  const { competition, stores, clock } = services;
  const why = reason.trim();
  if (why === '') {
    throw new AppError('bad_request', bilingual('error.lateReasonRequired'));
  }
  // After fixing, the entry joins the live ranking only: the fixed version and every public surface stay
  // as they are until a correction is fixed. Say so first, and go on only once that was acknowledged.
  const latest = (await stores.records.listVersions()).at(-1);
  if (lateEntryNeedsCorrection({ latest: latest ?? null }) && !options.correctionAcknowledged) {
    throw new AppError(
      'conflict',
      bilingual('intake.lateNeedsCorrection', { version: String(latest?.version) }),
    );
  }
  const rejection = (await stores.archive.listRejections()).find((r) => r.responseId === responseId);
  const submission = rejection?.submission;
  const checked = submission ? validateSubmission(competition, submission) : null;
  if (!rejection || !submission || !checked?.ok) {
    throw new AppError('not_found', bilingual('intake.lateNotFound', { responseId }));
  }
  return storeInnovation(services, {
    responseId,
    submittedAt: submission.lastSubmittedTime,
    source: rejection.source,
    rawId: rejection.rawId,
    innovation: {
      ...checked.innovation,
      lateAccepted: { at: clock.now().toISOString(), reason: why.slice(0, 2000) },
    },
  });
}
