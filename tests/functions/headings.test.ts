import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { seedCompetition } from '../browser/seed.ts';
import { fixedClock, secretariatCookie, testServices } from '../helpers/services.ts';

const CID = 'koin-yanlik-ntt-2024';
const HTML = { accept: 'text/html,application/xhtml+xml' };
const store = openSqliteStore(':memory:');
const base = testServices({ store, clock: fixedClock('2024-12-20T10:00:00+08:00'), localForm: true });
const services = {
  ...base,
  competition: {
    ...base.competition,
    feedback: true,
    beritaAcara: { ...base.competition.beritaAcara, public: true },
  },
};
const app = createApp(() => services);
let cookie = '';
let shown = '';

beforeAll(async () => {
  const seeded = await seedCompetition(services, { interviewDone: true });
  shown = seeded.innovations.find((i) => i.details?.consent === 'Ya, setuju')?.id ?? '';
  cookie = await secretariatCookie(app);
}, 120_000);

afterAll(() => store.close());

/** The heading levels of a page in document order, scripts and styles left out. */
function headings(html: string): number[] {
  const body = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
  return [...body.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
}

/** Where a page's outline breaks: not one h1 first, or a level skipped on the way down (h1 → h3). */
function outlineFaults(levels: number[]): string[] {
  const faults: string[] = [];
  if (levels[0] !== 1) faults.push(`starts with h${levels[0] ?? '-'}`);
  if (levels.filter((l) => l === 1).length !== 1) faults.push(`${levels.filter((l) => l === 1).length} h1`);
  levels.forEach((level, i) => {
    const before = levels[i - 1];
    if (before !== undefined && level > before + 1) faults.push(`h${before} → h${level}`);
  });
  return faults;
}

/** Ids used twice, and form controls no label names (by for= or aria-label). */
function controlFaults(html: string): string[] {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const faults = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `id ${id} twice`);
  for (const [tag] of html.matchAll(/<(input|textarea|select)\b[^>]*>/g)) {
    if (/type="(hidden|submit)"/.test(tag) || /aria-label="/.test(tag)) continue;
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    if (!id || !html.includes(`for="${id}"`)) faults.push(`unlabelled ${tag}`);
  }
  return faults;
}

describe('headings in order and labelled controls on every page (issue 23)', () => {
  it('one h1, then no level skipped, ids used once, every control labelled: on the console, the public pages, Berita Acara and the 404', async () => {
    const pages = [
      '/sekretariat',
      '/sekretariat/seleksi',
      '/sekretariat/penilaian',
      '/sekretariat/keadilan',
      '/sekretariat/keadilan?tahap=final',
      '/sekretariat/hasil',
      '/sekretariat/pengaturan',
      '/sekretariat/berita-acara/1',
      '/sekretariat/umpan-balik',
      `/sekretariat/umpan-balik/${shown}`,
      `/pengumuman/${CID}`,
      `/pengumuman/${CID}?lang=en`,
      `/pengumuman/${CID}/versi/1`,
      `/pengumuman/${CID}/berita-acara/1`,
      `/inovasi/${CID}`,
      `/inovasi/${CID}/${shown}`,
      '/daftar',
      '/tidak-ada',
      '/sekretariat/berita-acara/99',
    ];
    const faults: Record<string, string[]> = {};
    for (const path of pages) {
      const res = await app.request(path, { headers: { ...HTML, cookie } });
      expect([200, 404], path).toContain(res.status);
      const html = await res.text();
      faults[path] = [...outlineFaults(headings(html)), ...controlFaults(html)];
    }
    expect(faults).toEqual(Object.fromEntries(pages.map((p) => [p, []])));
  }, 300_000);
});
