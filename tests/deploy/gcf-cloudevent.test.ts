import type { forms_v1 } from '@googleapis/forms';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import { startFormsStub } from '../intake/forms-stub.ts';
import { answerList, QUESTION_IDS } from '../intake/samples.ts';
import { EMULATOR_DEADLINE, emulatorFirestore } from '../setup/firestore-emulator.ts';
import {
  type LocalTokenServer,
  makeLocalServiceAccount,
  startLocalTokenServer,
} from '../workers/helpers/local-token-server.ts';
import { buildOnce, type RunningFunction, removeBuild, startFunction } from './functions-framework.ts';

const PROJECT = `juri-gcf-ce-${process.pid}`;
const CID = 'koin-yanlik-ntt-2024';
const FORM_ID = 'form-gcf-cloudevent';

const ITEMS: forms_v1.Schema$Item[] = Object.entries(QUESTION_IDS).map(([title, questionId]) => ({
  title,
  questionItem: { question: { questionId, textQuestion: {} } },
}));

function formResponse(responseId: string, lastSubmittedTime: string): forms_v1.Schema$FormResponse {
  const answers = Object.fromEntries(
    answerList()
      .filter((a) => a.values.length > 0)
      .map((a) => {
        const questionId = QUESTION_IDS[a.title] ?? a.title;
        return [questionId, { questionId, textAnswers: { answers: a.values.map((value) => ({ value })) } }];
      }),
  );
  return { formId: FORM_ID, responseId, createTime: lastSubmittedTime, lastSubmittedTime, answers };
}

let fn: RunningFunction;
let source = '';
let tokens: LocalTokenServer;
let forms: Awaited<ReturnType<typeof startFormsStub>>;

/** The Pub/Sub-triggered function: Eventarc delivers the Forms watch notification as a CloudEvent. */
beforeAll(async () => {
  const account = await makeLocalServiceAccount();
  tokens = await startLocalTokenServer(account);
  forms = await startFormsStub({
    formId: FORM_ID,
    items: ITEMS,
    responses: [formResponse('ce-resp-1', '2024-09-02T01:00:00.000Z')],
  });
  source = await buildOnce('cloudevent');
  fn = await startFunction({
    source,
    target: 'juriFormsPubsub',
    signatureType: 'cloudevent',
    env: {
      JURI_MODE: 'google',
      GOOGLE_PROJECT_ID: PROJECT,
      COMPETITION_FILE: 'competition.json',
      FORM_ID,
      INTAKE_HMAC_SECRET: 'gcf-test-intake-secret',
      ADMIN_TOKEN: 'gcf-test-admin-token',
      FIRESTORE_EMULATOR_HOST: inject('firestoreEmulatorHost'),
      FIRESTORE_DEADLINE_MS: String(EMULATOR_DEADLINE.deadlineMs),
      // Forms API calls need a token; outside Google Cloud a key stands in for ADC.
      GOOGLE_SERVICE_ACCOUNT_JSON: account.keyFileJson,
      GOOGLE_TOKEN_URL: tokens.url,
      FORMS_ROOT_URL: forms.rootUrl,
    },
  });
});

afterAll(async () => {
  fn?.stop();
  removeBuild(source);
  await Promise.all([tokens?.close(), forms?.close()]);
});

function publish(eventType: string) {
  return fetch(`${fn.base}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'ce-id': `evt-${eventType}`,
      'ce-specversion': '1.0',
      'ce-source': `//pubsub.googleapis.com/projects/${PROJECT}/topics/juri-forms`,
      'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
    },
    body: JSON.stringify({
      message: { attributes: { eventType, formId: FORM_ID, watchId: 'w1' }, messageId: `m-${eventType}` },
      subscription: `projects/${PROJECT}/subscriptions/eventarc-juri-forms`,
    }),
  });
}

describe('Cloud Functions CloudEvent entry (Forms watch via Pub/Sub)', () => {
  it('lists the new responses and stores each one', async () => {
    const res = await publish('RESPONSES');
    expect(res.status, fn.output()).toBeLessThan(300);
    const db = emulatorFirestore(inject('firestoreEmulatorHost'), PROJECT);
    const innovations = await createFirestoreStore(db, EMULATOR_DEADLINE)
      .competition(CID)
      .innovations.listInnovations();
    await db.terminate();
    expect(innovations.map((i) => i.responseId)).toEqual(['ce-resp-1']);
    expect(forms.state.requests.every((r) => r.authorization?.startsWith('Bearer local-access-'))).toBe(true);
  });

  it('ignores a SCHEMA notification', async () => {
    const before = forms.state.requests.length;
    expect((await publish('SCHEMA')).status).toBeLessThan(300);
    expect(forms.state.requests.length).toBe(before);
  });
});
