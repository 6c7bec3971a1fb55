import { describe, expect, it } from 'vitest';
import type { createApp } from '../../functions/app.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { signedHeaders } from '../intake/harness.ts';
import { answerList } from '../intake/samples.ts';
import { scoreFor, sheetEnvsClosedAfterEach, typeScores } from '../sheets/helpers.ts';
import { judgedApp } from './judged-app.ts';

const CID = 'koin-yanlik-ntt-2024';
const ORIGIN = 'http://localhost';
const _FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };
const AFTER = '2024-12-20T10:00:00+08:00';

const startEnv = sheetEnvsClosedAfterEach();

/** Every public route, each as the public gets it: status, content type and body, per-request nonces aside. */
async function walk(app: ReturnType<typeof createApp>, entryIds: readonly string[]) {
  const routes = [
    `/pengumuman/${CID}`,
    `/pengumuman/${CID}?lang=en`,
    `/pengumuman/${CID}/versi/1`,
    `/api/pengumuman/${CID}`,
    `/api/pengumuman/${CID}/versi/1`,
    `/inovasi/${CID}`,
    `/inovasi/${CID}?lang=en`,
    ...entryIds.map((id) => `/inovasi/${CID}/${id}`),
  ];
  const pages: Record<string, string> = {};
  for (const route of routes) {
    const res = await app.request(route);
    const body = (await res.text()).replace(/nonce="[^"]*"/g, 'nonce=""');
    pages[route] = `${res.status} ${res.headers.get('content-type')}\n${body}`;
  }
  return pages;
}

describe('the walk: every public surface stays on the fixed version', () => {
  it('is byte-identical after a score edit, a sync and a late entry, until a correction is fixed', async () => {
    const { env, services, clock, app, post } = await judgedApp(startEnv);
    expect((await post('/sekretariat/tetapkan', { confirm: 'yes' })).status).toBe(303);
    clock.set(AFTER);
    const fixed = await (await app.request(`/api/pengumuman/${CID}`)).json();
    const ids = (await env.store.competition(CID).innovations.listInnovations()).map((i) => i.id);
    const before = await walk(app, ids);
    expect(before[`/api/pengumuman/${CID}`]).toContain('"status":"announced"');

    // A juror lowers the winner's interview scores; the sync runs.
    const winner = fixed.entries[0].id as string;
    await typeScores(env, (s, j, i, c) => (i === winner ? 1 : scoreFor(s, j, i, c)), 'interview');
    expect((await runSync(services, { trigger: 'cli' })).status).toBe('written');
    // A submission arrives after the window; accepting it first says a correction will be needed.
    const body = JSON.stringify({ responseId: 'late-walk', timestamp: AFTER, answers: answerList() });
    const seconds = String(Math.floor(Date.parse(AFTER) / 1000));
    await app.request('/intake/form', { method: 'POST', headers: await signedHeaders(body, seconds), body });
    const late = { responseId: 'late-walk', confirm: 'yes', reason: 'Surat Bupati: gangguan jaringan' };
    const asked = await post('/sekretariat/terima-terlambat', late);
    expect(asked.status).toBe(409);
    expect(await asked.text()).toContain('ralat');
    expect((await post('/sekretariat/terima-terlambat', { ...late, correction: 'yes' })).status).toBe(303);
    expect(
      (await env.store.competition(CID).innovations.listInnovations()).map((i) => i.responseId),
    ).toContain('late-walk');
    expect((await runSync(services, { trigger: 'cli' })).status).not.toBe('failed');

    expect(await walk(app, ids)).toEqual(before);

    // The correction is fixed: the public surfaces change.
    const reason = 'Nilai wawancara diperbaiki juri; pendaftaran terlambat diterima.';
    const lateId = (await env.store.competition(CID).innovations.listInnovations()).find(
      (i) => i.responseId === 'late-walk',
    )?.id;
    const correction = await post('/sekretariat/tetapkan', {
      confirm: 'yes',
      reason,
      // Not yet in the juror tabs: the panel leaves it out of this correction, with its reason.
      [`exclude-${lateId}`]: 'yes',
      [`exclude-${lateId}-reason`]: 'Belum dinilai; dinilai pada ralat berikutnya.',
    });
    expect(correction.status).toBe(303);
    const after = await walk(app, ids);
    expect(after[`/api/pengumuman/${CID}`]).not.toEqual(before[`/api/pengumuman/${CID}`]);
    expect(after[`/pengumuman/${CID}`]).not.toEqual(before[`/pengumuman/${CID}`]);
    expect(after[`/api/pengumuman/${CID}`]).toContain('"version":2');
  }, 300_000);
});
