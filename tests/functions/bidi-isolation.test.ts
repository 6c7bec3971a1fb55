import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { seedCompetition } from '../browser/seed.ts';
import { fixedClock, secretariatCookie, testServices } from '../helpers/services.ts';

const CID = 'koin-yanlik-ntt-2024';
const AFTER = '2024-12-20T10:00:00+08:00';
/** Arabic first: a title whose first strong letter is right-to-left (issue 20, probe 6). */
const rtl = (text: string) => `خدمة ${text}`;
const ARABIC = /[\u0600-\u06FF]/;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);
/** Text a person never reads on the page itself. */
const UNSHOWN = new Set(['script', 'style', 'title', 'textarea']);

/**
 * Every text node of a page holding right-to-left letters, with whether it is the whole text of an
 * isolating element (`<bdi>` or `dir="auto"`): a title in the middle of "1. … — 93,87" would pull the
 * rank and the score into its direction, an isolated one cannot.
 */
function rtlTexts(html: string): { text: string; isolated: boolean; parent: string }[] {
  const open: { tag: string; attrs: string }[] = [];
  const found: { text: string; isolated: boolean; parent: string }[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|([^<]+)/g)) {
    const [, closing, tag, attrs = '', text] = m;
    if (text !== undefined) {
      const top = open.at(-1);
      if (!ARABIC.test(text) || (top && UNSHOWN.has(top.tag))) continue;
      const isolating = !!top && (top.tag === 'bdi' || /\sdir="auto"/.test(top.attrs));
      const whole = !!top && text.trim() !== '' && m.index !== undefined;
      found.push({
        text: text.trim(),
        isolated: isolating && whole,
        parent: top ? `<${top.tag}${top.attrs}>` : '',
      });
      continue;
    }
    const name = (tag ?? '').toLowerCase();
    if (closing) {
      const at = open.map((o) => o.tag).lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (!VOID.has(name) && !attrs.endsWith('/')) {
      open.push({ tag: name, attrs });
    }
  }
  return found;
}

let store: ReturnType<typeof openSqliteStore>;
let services: Services;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  const base = testServices({ store, clock: fixedClock(AFTER) });
  const competition = {
    ...base.competition,
    feedback: true,
    beritaAcara: { ...base.competition.beritaAcara, public: true },
  };
  services = { ...base, competition };
  app = createApp(() => services);
});

afterEach(() => store.close());

describe('titles in right-to-left script (issue 20, probe 6)', () => {
  it('sit each in an isolating element (<bdi> or dir="auto") on every page that shows them', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true, label: rtl });
    const cookie = await secretariatCookie(app);
    const labels = new Set(seeded.innovations.flatMap((i) => [i.title, i.agency]));
    const shown = seeded.innovations.find((i) => i.details?.consent === 'Ya, setuju')?.id ?? '';
    const pages = [
      `/pengumuman/${CID}`,
      `/pengumuman/${CID}?lang=en`,
      `/pengumuman/${CID}/versi/1`,
      `/pengumuman/${CID}/berita-acara/1`,
      `/inovasi/${CID}`,
      `/inovasi/${CID}/${shown}`,
      '/sekretariat/seleksi',
      '/sekretariat/penilaian',
      '/sekretariat/hasil',
      '/sekretariat/hasil?lang=en',
      '/sekretariat/berita-acara/1',
      '/sekretariat/keadilan',
      '/sekretariat/umpan-balik',
      `/sekretariat/umpan-balik/${shown}`,
    ];
    const unisolated: string[] = [];
    for (const path of pages) {
      const res = await app.request(path, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      const texts = rtlTexts(await res.text());
      expect(texts.length, `${path} shows no title`).toBeGreaterThan(0);
      for (const t of texts) {
        // A title or agency, whole and on its own; never glued to a rank, a score or a sentence.
        if (!t.isolated || !labels.has(t.text))
          unisolated.push(`${path}: ${t.parent} ${JSON.stringify(t.text)}`);
      }
    }
    expect(unisolated).toEqual([]);
  }, 120_000);
});
