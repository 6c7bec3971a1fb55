import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { seedCompetition } from '../browser/seed.ts';
import { fixedClock, testServices } from '../helpers/services.ts';

const CID = 'koin-yanlik-ntt-2024';
const BEFORE = '2024-12-20T08:59:00+08:00';
const AFTER = '2024-12-20T10:00:00+08:00';

let store: ReturnType<typeof openSqliteStore>;
let clock: ReturnType<typeof fixedClock>;
let services: Services;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  clock = fixedClock(BEFORE);
  services = testServices({ store, clock });
  app = createApp(() => services);
});
afterEach(() => store.close());

/** The heading levels in document order. */
function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

interface ApiEntry {
  id: string;
  rank: number;
  scoreText: string;
}

describe('the announcement a journalist can quote (issue 23)', () => {
  it('names the panel, the decision day and place, "Nilai (dari 100)", links winners, explains the code', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    clock.set(AFTER);
    const page = await (await app.request(`https://juri.example/pengumuman/${CID}`)).text();
    const api = (await (await app.request(`/api/pengumuman/${CID}`)).json()) as {
      code: string;
      entries: ApiEntry[];
    };

    for (const juror of services.competition.jurors) expect(page).toContain(juror.name);
    expect(page).toContain('Dr. Yohanes Bria, M.Si.</bdi> — Ketua');
    expect(page).toContain('Ditetapkan oleh dewan juri di Kupang, Jumat, 20 Desember 2024');
    expect(page.match(/Nilai \(dari 100\)/g)).toHaveLength(api.entries.length);
    expect(page).toContain(`juri verify &lt;berkas&gt; --expect ${api.code}`);
    expect(page).toContain('docs/record.md');

    // Each winner whose agency consented links to its catalogue page; the others to nothing.
    const consented = new Set(
      seeded.innovations.filter((i) => i.details?.consent === 'Ya, setuju').map((i) => i.id),
    );
    for (const e of api.entries) {
      const link = `href="/inovasi/${CID}/${e.id}"`;
      if (consented.has(e.id)) expect(page).toContain(link);
      else expect(page).not.toContain(link);
    }
    expect(api.entries.some((e) => !consented.has(e.id))).toBe(true);

    // Headings in order: never a jump of more than one level down.
    const levels = headingLevels(page);
    expect(levels[0]).toBe(1);
    for (const [i, level] of levels.entries()) {
      if (i > 0)
        expect(level - (levels[i - 1] ?? 1), `heading ${i}: ${levels.join(',')}`).toBeLessThanOrEqual(1);
    }
  });

  it("has a link-preview card of the Top 10 at a stable address, with the page's own digits", async () => {
    await seedCompetition(services, { interviewDone: true });
    const early = await app.request(`/pengumuman/${CID}/kartu.svg`);
    expect(early.status).toBe(200);
    const earlyCard = await early.text();
    expect(earlyCard).toContain('Belum diumumkan');
    expect(earlyCard).not.toMatch(/\d{2},\d{2}/);

    clock.set(AFTER);
    const page = await (await app.request(`https://juri.example/pengumuman/${CID}`)).text();
    const meta = (property: string) =>
      new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(page)?.[1] ?? '';
    expect(meta('og:image')).toBe(`https://juri.example/pengumuman/${CID}/kartu.svg`);
    expect(meta('og:image:type')).toBe('image/svg+xml');
    expect(meta('og:title')).not.toBe('');
    expect(meta('og:description')).not.toBe('');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image"/>');

    const res = await app.request(`/pengumuman/${CID}/kartu.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const card = await res.text();
    expect(card).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
    expect(card).not.toMatch(/href=|<script|<image/);
    const api = (await (await app.request(`/api/pengumuman/${CID}`)).json()) as {
      code: string;
      entries: ApiEntry[];
    };
    for (const e of api.entries.slice(0, 10)) expect(card).toContain(`class="s">${e.scoreText}</text>`);
    expect(card).toContain(api.code);
  });
});
