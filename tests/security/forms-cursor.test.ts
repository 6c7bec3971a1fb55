import { auth as googleAuth } from '@googleapis/forms';
import { afterEach, describe, expect, it } from 'vitest';
import { createFormsResponses } from '../../infra/forms/forms-responses.ts';
import { startFormsStub } from '../intake/forms-stub.ts';
import { appWith, FORM_ID, memoryStore, pushKeys, pushToken, servicesWith } from '../intake/harness.ts';
import { envelope, formResponse, ITEMS } from '../intake/samples.ts';
import { CID } from './helpers.ts';

const stubs: Awaited<ReturnType<typeof startFormsStub>>[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

async function setup() {
  const keys = await pushKeys();
  const stub = await startFormsStub({ formId: FORM_ID, items: ITEMS, responses: [], pageSize: 2 });
  stubs.push(stub);
  const auth = new googleAuth.OAuth2();
  auth.setCredentials({ access_token: 'test-access-token', expiry_date: Date.now() + 3_600_000 });
  const store = memoryStore();
  const app = appWith(
    servicesWith(store, { forms: createFormsResponses({ auth, rootUrl: stub.rootUrl }) }),
    keys,
  );
  const push = async () =>
    (
      await app.request('/intake/pubsub', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await pushToken(keys)}` },
        body: envelope(FORM_ID),
      })
    ).json();
  return { stub, store, push };
}

describe('the Forms API cursor', () => {
  it('finds a response the API lists late with an older timestamp, and stores nothing twice', async () => {
    const { stub, store, push } = await setup();
    stub.state.responses.push(formResponse(FORM_ID, 'resp-2', '2024-10-31T10:00:00Z'));
    expect((await push()).results.map((r: { responseId: string }) => r.responseId)).toEqual(['resp-2']);

    // Submitted two minutes before resp-2, but only visible to the API now.
    stub.state.responses.push(formResponse(FORM_ID, 'resp-1', '2024-10-31T09:58:00Z'));
    const late = await push();
    expect(late.results).toEqual([
      { responseId: 'resp-1', outcome: 'created', innovationId: 'INOV-2024-002' },
    ]);

    // Nothing new: the overlap lists both again, and both are recognised.
    expect((await push()).results).toEqual([]);
    expect((await store.competition(CID).innovations.listInnovations()).map((i) => i.responseId)).toEqual([
      'resp-2',
      'resp-1',
    ]);
    const responses = (await store.competition(CID).archive.listRaw()).filter((r) => r.responseId);
    expect(responses.map((r) => [r.responseId, r.deliveries]).sort()).toEqual([
      ['resp-1', 1],
      ['resp-2', 1],
    ]);
  });

  it('still takes an edit of a response already stored (same id, newer time)', async () => {
    const { stub, store, push } = await setup();
    stub.state.responses.push(formResponse(FORM_ID, 'resp-1', '2024-10-31T10:00:00Z'));
    await push();
    stub.state.responses = [
      formResponse(FORM_ID, 'resp-1', '2024-10-31T10:01:00Z', { 'Judul Inovasi': 'SIGAP (revisi)' }),
    ];
    expect((await push()).results).toEqual([
      { responseId: 'resp-1', outcome: 'updated', innovationId: 'INOV-2024-001' },
    ]);
    expect((await store.competition(CID).innovations.listInnovations())[0]?.title).toBe('SIGAP (revisi)');
  });
});
