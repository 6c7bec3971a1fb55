import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { CONTACT_EMAIL, CONTACT_PHONE, seedCompetition } from '../browser/seed.ts';
import { fixedClock, testServices } from '../helpers/services.ts';

const CID = 'koin-yanlik-ntt-2024';
const BUDGET = 50 * 1024;
let store: ReturnType<typeof openSqliteStore>;
let clock: ReturnType<typeof fixedClock>;
let services: Services;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  clock = fixedClock('2024-12-19T10:00:00+08:00');
  services = testServices({ store, clock });
  app = createApp(() => services);
});
afterEach(() => store.close());

function noPii(body: string, count: number) {
  for (let i = 1; i <= count; i++) {
    expect(body).not.toContain(CONTACT_PHONE(i));
    expect(body).not.toContain(CONTACT_EMAIL(i));
  }
  expect(body).not.toMatch(/Narahubung \d/);
}

describe('the public catalogue', () => {
  it('opens only after the announcement', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    const res = await app.request(`/inovasi/${CID}`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).toContain(
      'Katalog dibuka setelah hasil diumumkan pada Jumat, 20 Desember 2024 pukul 09.00 WITA.',
    );
    for (const i of seeded.innovations) expect(body).not.toContain(i.title);
    expect((await app.request(`/inovasi/${CID}/${seeded.innovations[0]?.id}`)).status).toBe(404);
  });

  it('lists every entry whose agency consented, with no contact, within the budget', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    clock.set('2024-12-20T10:00:00+08:00');
    const res = await app.request(`/inovasi/${CID}`);
    const body = await res.text();
    const consented = seeded.innovations.filter((i) => i.details?.consent === 'Ya, setuju');
    const declined = seeded.innovations.filter((i) => i.details?.consent === 'Tidak');
    expect(declined.length).toBeGreaterThan(0);
    for (const i of consented) expect(body).toContain(`href="/inovasi/${CID}/${i.id}"`);
    for (const i of declined) expect(body).not.toContain(`/inovasi/${CID}/${i.id}"`);
    expect(body).toContain(`${consented.length} inovasi ditampilkan`);
    expect(body).toContain('<meta property="og:title"');
    noPii(body, seeded.innovations.length);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect([...body.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([` nonce="${nonce}"`]);
    expect(new TextEncoder().encode(body).length).toBeLessThan(BUDGET);
  });

  it('fits the budget at the size of NTT 2025 (80 entries)', async () => {
    await seedCompetition(services, { interviewDone: true, count: 80 });
    clock.set('2024-12-20T10:00:00+08:00');
    const body = await (await app.request(`/inovasi/${CID}`)).text();
    expect(body).toContain('64 inovasi ditampilkan');
    expect(new TextEncoder().encode(body).length).toBeLessThan(BUDGET);
  });

  it('filters by search words, region, category and start year without a script (GET)', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    clock.set('2024-12-20T10:00:00+08:00');
    const listed = (body: string) =>
      [...body.matchAll(/href="\/inovasi\/[^/]+\/(INOV-[^"]+)"/g)].map((m) => m[1]);
    const consented = seeded.innovations.filter((i) => i.details?.consent === 'Ya, setuju');
    const alor = await (await app.request(`/inovasi/${CID}?wilayah=Alor`)).text();
    expect(listed(alor).sort()).toEqual(
      consented
        .filter((i) => i.region === 'Alor')
        .map((i) => i.id)
        .sort(),
    );
    const words = await (await app.request(`/inovasi/${CID}?q=posyandu+digital`)).text();
    expect(listed(words).length).toBeGreaterThan(0);
    for (const id of listed(words))
      expect(seeded.innovations.find((i) => i.id === id)?.title).toMatch(/Posyandu Digital/);
    const year = await (await app.request(`/inovasi/${CID}?tahun=2020&kategori=kabkota`)).text();
    for (const id of listed(year)) {
      const i = seeded.innovations.find((x) => x.id === id);
      expect([i?.details?.startYear, i?.category]).toEqual(['2020', 'kabkota']);
    }
  });

  it('gives each entry its own page with the summary and links, and no contact', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    clock.set('2024-12-20T10:00:00+08:00');
    const entry = seeded.innovations.find((i) => i.details?.consent === 'Ya, setuju');
    const res = await app.request(`/inovasi/${CID}/${entry?.id}`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).toContain(entry?.summary);
    expect(body).toContain(`href="${entry?.details?.proposalUrl}" rel="nofollow noopener noreferrer ugc"`);
    noPii(body, seeded.innovations.length);
    expect(body).not.toContain('<script');
    const declined = seeded.innovations.find((i) => i.details?.consent === 'Tidak');
    const refused = await app.request(`/inovasi/${CID}/${declined?.id}`);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toContain('Halaman tidak ditemukan');
    expect((await app.request('/inovasi/tidak-ada')).status).toBe(404);
  });
});
