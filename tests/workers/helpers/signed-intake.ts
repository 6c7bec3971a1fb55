import { signBody } from '../../../functions/intake/signature.ts';
import { answerList } from '../../intake/samples.ts';

/** A POST /intake/form exactly as infra/deploy/apps-script/Code.gs sends it, signed with the shared secret. */
export async function signedFormSubmission(opts: {
  secret: string;
  responseId: string;
  /** Unix seconds; the receiver refuses more than 5 minutes of skew from its clock. */
  timestamp?: number;
  submittedAt?: string;
  overrides?: Record<string, string | null>;
}): Promise<{ body: string; headers: Record<string, string> }> {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const body = JSON.stringify({
    responseId: opts.responseId,
    timestamp: opts.submittedAt ?? new Date().toISOString(),
    respondentEmail: 'operator@kupangkab.go.id',
    answers: answerList(opts.overrides),
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-juri-timestamp': timestamp,
      'x-juri-signature': await signBody(opts.secret, timestamp, body),
    },
  };
}
