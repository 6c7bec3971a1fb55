import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { seedCompetition } from '../browser/seed.ts';
import { fixedClock, loadNtt2024, secretariatCookie, testServices } from '../helpers/services.ts';

const CID = 'koin-yanlik-ntt-2024';
const ORIGIN = 'http://localhost';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };

let store: ReturnType<typeof openSqliteStore>;
let clock: ReturnType<typeof fixedClock>;
let services: Services;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  clock = fixedClock('2024-12-20T08:00:00+08:00');
  // As behind one trusted proxy (TRUSTED_PROXY=x-forwarded-for): the last X-Forwarded-For hop is the client.
  services = testServices({
    store,
    clock,
    competition: { ...loadNtt2024(), publicTest: { days: 7 } },
    clientAddress: { header: 'x-forwarded-for', hops: 1 },
  });
  app = createApp(() => services);
});
afterEach(() => store.close());

const cookie = () => secretariatCookie(app, ORIGIN);

function respond(fields: Record<string, string>, ip = '203.0.113.7') {
  return app.request(`${ORIGIN}/pengumuman/${CID}/tanggapan`, {
    method: 'POST',
    headers: { ...FORM, 'x-forwarded-for': ip },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('uji publik (public test before the final result)', () => {
  it('publishes the first fixed result as provisional, takes limited public responses for the secretariat, then confirms it as final', async () => {
    const { record } = await seedCompetition(services, { interviewDone: true });
    expect(record).toMatchObject({ version: 1, status: 'provisional' });
    expect(record?.provisionalUntil).toBe('2024-12-27T00:00:00.000Z');
    clock.set('2024-12-20T10:00:00+08:00');

    const page = await (await app.request(`/pengumuman/${CID}`)).text();
    expect(page).toContain('Hasil sementara (uji publik) sampai Jumat, 27 Desember 2024 08.00 WITA');
    expect(page).toContain(`action="/pengumuman/${CID}/tanggapan"`);
    expect(await (await app.request(`/api/pengumuman/${CID}`)).json()).toMatchObject({
      result: 'provisional',
    });

    const message = 'Mohon diperiksa kembali nilai INOV-2024-003; data layanan kami sudah diperbarui.';
    const sent = await respond({ name: 'Warga Alor', contact: '0812-1111-2222', message });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Tanggapan Anda sudah diterima sekretariat');
    expect(await (await respond({ message: 'lagi' })).text()).toContain('Terlalu banyak tanggapan');
    expect(await (await respond({ message: '   ' }, '198.51.100.1')).text()).toContain('tidak boleh kosong');
    const big = await respond({ message: 'x'.repeat(9000) }, '198.51.100.2');
    expect(big.status).toBe(400);
    // Responses are shown only to the secretariat, never on the public page.
    expect(await (await app.request(`/pengumuman/${CID}`)).text()).not.toContain(message);
    const c = await cookie();
    const dashboard = await (await app.request('/sekretariat/hasil', { headers: { cookie: c } })).text();
    expect(dashboard).toContain('Tanggapan uji publik (1)');
    expect(dashboard).toContain(message);
    expect(dashboard).toContain('Kukuhkan sebagai hasil akhir');

    const confirmed = await app.request(`${ORIGIN}/sekretariat/tetapkan`, {
      method: 'POST',
      headers: { ...FORM, cookie: c },
      body: new URLSearchParams({ mode: 'confirm', confirm: 'yes' }).toString(),
    });
    expect(confirmed.status).toBe(303);
    const final = await store.competition(CID).records.latestVersion();
    expect(final).toMatchObject({ version: 2, status: 'final', confirms: 1, reason: null });
    expect(final?.previous).toEqual({ version: 1, hash: record?.hash });
    const after = await (await app.request(`/pengumuman/${CID}`)).text();
    expect(after).not.toContain('Hasil sementara');
    expect(after).not.toContain('/tanggapan"');
    expect(await (await respond({ message: 'terlambat' }, '198.51.100.3')).text()).toContain(
      'Masa uji publik sudah berakhir',
    );
  });

  describe('its limits hold against a sender who writes its own headers', () => {
    const sendAs = (headers: Record<string, string>, fields: Record<string, string>) =>
      app.request(`${ORIGIN}/pengumuman/${CID}/tanggapan`, {
        method: 'POST',
        headers: { ...FORM, ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    const accepted = async (res: Response) => (await res.text()).includes('sudah diterima sekretariat');

    beforeEach(async () => {
      await seedCompetition(services, { interviewDone: true });
      clock.set('2024-12-20T10:00:00+08:00');
    });

    it('never reads a header no trusted proxy wrote: forged addresses share the one real sender', async () => {
      services.clientAddress = 'socket';
      expect(await accepted(await sendAs({ 'x-forwarded-for': '192.0.2.1' }, { message: 'satu' }))).toBe(
        true,
      );
      const forged = [{ 'x-forwarded-for': '192.0.2.2' }, { 'cf-connecting-ip': '192.0.2.3' }];
      for (const headers of forged) {
        expect(await (await sendAs(headers, { message: 'lagi' })).text()).toContain(
          'Terlalu banyak tanggapan',
        );
      }
      // Behind a trusted proxy, what the client wrote before the proxy's own hop is ignored too.
      services.clientAddress = { header: 'x-forwarded-for', hops: 1 };
      const behind = (spoof: string) => ({ 'x-forwarded-for': `${spoof}, 203.0.113.9` });
      expect(await accepted(await sendAs(behind('192.0.2.4'), { message: 'dua' }))).toBe(true);
      expect(await (await sendAs(behind('192.0.2.5'), { message: 'tiga' })).text()).toContain(
        'Terlalu banyak tanggapan',
      );
    });

    it('takes one response per e-mail or phone, however it is spelled', async () => {
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      expect(
        await accepted(await sendAs(from('192.0.2.10'), { contact: '0812-1111-2222', message: 'a' })),
      ).toBe(true);
      const again = await sendAs(from('192.0.2.11'), { contact: '+62 812 1111 2222', message: 'b' });
      expect(await again.text()).toContain('sudah diterima untuk hasil ini');
      expect(
        await accepted(await sendAs(from('192.0.2.12'), { contact: 'Warga@Contoh.id', message: 'c' })),
      ).toBe(true);
      const mail = await sendAs(from('192.0.2.13'), { contact: 'warga@contoh.id', message: 'd' });
      expect(await mail.text()).toContain('sudah diterima untuk hasil ini');
      expect(await store.competition(CID).publicResponses.listPublicResponses()).toHaveLength(2);
    });

    it('caps the responses from everyone in an hour, then takes them again', async () => {
      const version = (await store.competition(CID).records.latestVersion())?.version ?? 0;
      for (let n = 0; n < 300; n += 1) {
        await store.competition(CID).publicResponses.savePublicResponse({
          id: `r${n}`,
          receivedAt: clock.now().toISOString(),
          version,
          name: '',
          contact: '',
          message: 'banjir',
        });
      }
      const flood = await sendAs({ 'x-forwarded-for': '192.0.2.20' }, { message: 'asli' });
      expect(await flood.text()).toContain('sedang sangat banyak');
      clock.set('2024-12-20T11:01:00+08:00');
      expect(await accepted(await sendAs({ 'x-forwarded-for': '192.0.2.21' }, { message: 'asli' }))).toBe(
        true,
      );
    });
  });
});
