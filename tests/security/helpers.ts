import type { createApp } from '../../functions/app.ts';
import { TEST_SECRETS } from '../helpers/services.ts';
import { NOW, signedHeaders } from '../intake/harness.ts';
import { answerList } from '../intake/samples.ts';

export const CID = 'koin-yanlik-ntt-2024';
export const ADMIN = { authorization: `Bearer ${TEST_SECRETS.adminToken}` };

/** What Code.gs posts for one response, with some answers replaced. */
export function appsScriptBody(responseId: string, overrides: Record<string, string | null> = {}): string {
  return JSON.stringify({
    formId: 'form-1',
    responseId,
    timestamp: new Date(NOW.getTime() - 60_000).toISOString(),
    respondentEmail: '',
    answers: answerList(overrides),
  });
}

export async function postIntake(app: ReturnType<typeof createApp>, body: string) {
  return app.request('/intake/form', { method: 'POST', headers: await signedHeaders(body), body });
}
