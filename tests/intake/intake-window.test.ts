import { describe, expect, it } from 'vitest';
import { secretariatCookie } from '../helpers/services.ts';
import { appWith, memoryStore, servicesWith, signedHeaders } from './harness.ts';
import { answerList } from './samples.ts';

const CID = 'koin-yanlik-ntt-2024';
const ORIGIN = 'http://localhost';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };

/** The NTT 2024 window is 1 September – 15 November 2024 (WITA); the clock stands at `now`. */
function setup(now: string) {
  const store = memoryStore();
  const clock = { now: () => new Date(now) };
  const app = appWith(servicesWith(store, { clock }));
  const seconds = String(Math.floor(Date.parse(now) / 1000));
  const submit = async (
    responseId: string,
    timestamp: string,
    overrides: Record<string, string | null> = {},
  ) => {
    const body = JSON.stringify({ responseId, timestamp, answers: answerList(overrides) });
    return app.request('/intake/form', { method: 'POST', headers: await signedHeaders(body, seconds), body });
  };
  const login = () => secretariatCookie(app, ORIGIN);
  return { store, app, submit, login };
}

describe('the intake window (intake.opensAt / intake.closesAt)', () => {
  it('archives a submission after closesAt but does not accept it, and tells the sender plainly (200)', async () => {
    const { store, submit } = setup('2024-11-20T02:00:00.000Z');
    const res = await submit('late-1', '2024-11-20T01:59:00.000Z');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ responseId: 'late-1', outcome: 'rejected' });
    expect(body.message).toContain('pendaftaran sudah ditutup pada 2024-11-15 WITA');
    expect(store.archived.map((r) => r.responseId)).toEqual(['late-1']);
    expect(await store.competition(CID).innovations.listInnovations()).toEqual([]);
    const [rejection] = await store.competition(CID).archive.listRejections();
    expect(rejection?.reasons.map((r) => r.code)).toEqual(['intakeClosed']);
    expect(rejection?.submission?.responseId).toBe('late-1');
  });

  it('counts a bare closing day to its end in the competition’s zone, and refuses before opensAt', async () => {
    const { store, submit } = setup('2024-11-15T15:00:00.000Z');
    // 23:30 WITA on the closing day is still in time; 00:00 WITA the next day is not.
    expect((await submit('in-time', '2024-11-15T15:30:00.000Z')).status).toBe(201);
    expect((await (await submit('too-late', '2024-11-15T16:00:00.000Z')).json()).outcome).toBe('rejected');
    const early = await (await submit('too-early', '2024-08-31T15:59:00.000Z')).json();
    expect(early.message).toContain('pendaftaran belum dibuka');
    expect((await store.competition(CID).innovations.listInnovations()).map((i) => i.responseId)).toEqual([
      'in-time',
    ]);
  });

  it('keeps an accepted entry as it was when its Form response is edited after closing', async () => {
    const { store, submit } = setup('2024-11-20T02:00:00.000Z');
    await submit('r1', '2024-10-01T00:00:00.000Z', { 'Judul Inovasi': 'Judul Asli' });
    const edit = await submit('r1', '2024-11-20T01:00:00.000Z', { 'Judul Inovasi': 'Judul Diubah' });
    expect((await edit.json()).outcome).toBe('rejected');
    const [innovation] = await store.competition(CID).innovations.listInnovations();
    expect(innovation?.title).toBe('Judul Asli');
  });

  it('shows late submissions to the secretariat, who may accept one only by an explicit, logged override', async () => {
    const { store, app, submit, login } = setup('2024-11-20T02:00:00.000Z');
    await submit('late-1', '2024-11-20T01:59:00.000Z');
    const cookie = await login();
    const page = await (await app.request('/sekretariat/seleksi', { headers: { cookie } })).text();
    expect(page).toContain('Kiriman di luar jadwal pendaftaran (1)');
    expect(page).toContain('late-1');
    expect(page).toContain('pendaftaran sudah ditutup');
    const accept = (fields: Record<string, string>) =>
      app.request(`${ORIGIN}/sekretariat/terima-terlambat`, {
        method: 'POST',
        headers: { ...FORM, cookie },
        body: new URLSearchParams({ responseId: 'late-1', ...fields }).toString(),
      });
    expect((await accept({ reason: 'Gangguan jaringan' })).status).toBe(400);
    const noReason = await accept({ confirm: 'yes', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Alasan penerimaan pendaftaran terlambat wajib diisi');
    expect(await store.competition(CID).innovations.listInnovations()).toEqual([]);
    const ok = await accept({ confirm: 'yes', reason: 'Gangguan jaringan di Kabupaten Alor, surat Bupati' });
    expect(ok.status).toBe(303);
    const [innovation] = await store.competition(CID).innovations.listInnovations();
    expect(innovation).toMatchObject({
      id: 'INOV-2024-001',
      lateAccepted: {
        at: '2024-11-20T02:00:00.000Z',
        reason: 'Gangguan jaringan di Kabupaten Alor, surat Bupati',
      },
    });
    expect(await store.competition(CID).archive.listRejections()).toEqual([]);

    // The Apps Script retries the same submission (its first answer was lost): one entry, no new rejection.
    for (let retry = 0; retry < 2; retry += 1) {
      const again = await submit('late-1', '2024-11-20T01:59:00.000Z');
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ outcome: 'unchanged', innovationId: 'INOV-2024-001' });
    }
    expect(await store.competition(CID).archive.listRejections()).toEqual([]);
    expect(await store.competition(CID).innovations.listInnovations()).toHaveLength(1);
  });
});

describe('late submissions as the secretariat reads them', () => {
  it('shows each as a card with its title, agency and region, and a confirm box of its own', async () => {
    const { app, submit, login } = setup('2024-11-20T02:00:00.000Z');
    await submit('late-1', '2024-11-20T01:59:00.000Z', { 'Judul Inovasi': 'Posyandu Digital Sabu' });
    await submit('late-2', '2024-11-20T01:58:00.000Z', { 'Judul Inovasi': 'Kupang Bebas Antre' });
    const page = await (
      await app.request('/sekretariat/seleksi', { headers: { cookie: await login() } })
    ).text();
    expect(page).toContain('<h3 dir="auto">Posyandu Digital Sabu</h3>');
    expect(page).toContain('<h3 dir="auto">Kupang Bebas Antre</h3>');
    const ids = [...page.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('what was wrong, in words', () => {
  it('names the question, never a raw key, on the late card', async () => {
    const { app, submit, login } = setup('2024-11-20T02:00:00.000Z');
    await submit('late-1', '2024-11-20T01:59:00.000Z');
    const page = await (
      await app.request('/sekretariat/seleksi', { headers: { cookie: await login() } })
    ).text();
    expect(page).toContain('pendaftaran sudah ditutup');
    expect(page).not.toContain('lastSubmittedTime:');
  });
});
