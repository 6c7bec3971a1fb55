import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { criterionMeans, feedbackFor, median } from '../../shared/domain/feedback.ts';
import { CONTACT_EMAIL, CONTACT_PHONE, seedCompetition } from '../browser/seed.ts';
import { fixedClock, loadNtt2024, secretariatCookie, testServices } from '../helpers/services.ts';

const ORIGIN = 'http://localhost';
const BUDGET = 50 * 1024;
let store: ReturnType<typeof openSqliteStore>;
let clock: ReturnType<typeof fixedClock>;
let services: Services;
let app: ReturnType<typeof createApp>;

const signedIn = () => secretariatCookie(app, ORIGIN);

beforeEach(() => {
  store = openSqliteStore(':memory:');
  clock = fixedClock('2024-12-19T10:00:00+08:00');
  services = testServices({ store, clock });
  app = createApp(() => services);
});
afterEach(() => store.close());

describe('feedback sheets', () => {
  it('compares an entry’s mean per criterion with the stage’s median, from counted cells only', () => {
    const competition = loadNtt2024();
    const desk = competition.stages[0];
    const entries = ['j1', 'j2', 'j3'].flatMap((juror, k) =>
      (desk?.criteria ?? []).map((c) => ({
        stage: 'desk',
        innovation: 'A',
        juror,
        criterion: c.id,
        value: String(60 + 10 * k),
      })),
    );
    const result = {
      stages: [
        {
          stage: 'desk',
          problems: [],
          ranking: [
            {
              id: 'A',
              rank: 1,
              score: 70,
              status: 'complete' as const,
              jurors: 2,
              tie: false,
              advances: true,
              category: 'kabkota',
              categoryRank: 1,
              tieBreak: [],
              // j3 did not count (e.g. a conflict): its 80s stay out.
              totals: { j1: 60, j2: 70 },
            },
          ],
        },
      ],
      final: { stage: 'final', ranking: [], problems: [] },
      problems: [],
    };
    const means = criterionMeans(competition, result, entries);
    expect(means.desk?.A?.latar).toBe(65);
    const sheet = feedbackFor(competition, result, means, 'A');
    expect(sheet[0]?.criteria[0]).toEqual({ criterion: 'latar', mean: 65, median: 65 });
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('is off unless the config asks for it', async () => {
    services.competition = { ...services.competition, feedback: false };
    await seedCompetition(services, { interviewDone: true });
    clock.set('2024-12-20T10:00:00+08:00');
    const cookie = await signedIn();
    expect((await app.request('/sekretariat/umpan-balik', { headers: { cookie } })).status).toBe(404);
  });

  it('waits for the announcement, then gives one page per entry: no juror names, no contacts', async () => {
    const seeded = await seedCompetition(services, { interviewDone: true });
    const cookie = await signedIn();
    expect(await (await app.request('/sekretariat/umpan-balik', { headers: { cookie } })).text()).toContain(
      'tersedia setelah hasil diumumkan',
    );
    const winner = seeded.result.final.ranking[0]?.id ?? '';
    expect((await app.request(`/sekretariat/umpan-balik/${winner}`, { headers: { cookie } })).status).toBe(
      404,
    );
    clock.set('2024-12-20T10:00:00+08:00');
    const later = await signedIn();
    const index = await (
      await app.request('/sekretariat/umpan-balik', { headers: { cookie: later } })
    ).text();
    expect(index).toContain(`href="/sekretariat/umpan-balik/${winner}"`);
    const res = await app.request(`/sekretariat/umpan-balik/${winner}`, { headers: { cookie: later } });
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).toContain('Lembar Umpan Balik');
    for (const text of [
      'Latar Belakang &amp; Tujuan',
      'Median tahap',
      'Penilaian Proposal',
      'Presentasi dan Wawancara',
    ]) {
      expect(body).toContain(text);
    }
    expect(body).toMatch(/Peringkat akhir: 1 dari 20 finalis/);
    for (const juror of services.competition.jurors) {
      expect(body).not.toContain(juror.name);
      expect(body).not.toMatch(new RegExp(`\\b${juror.id}\\b`));
    }
    for (let i = 1; i <= seeded.innovations.length; i++) {
      expect(body).not.toContain(CONTACT_PHONE(i));
      expect(body).not.toContain(CONTACT_EMAIL(i));
    }
    expect(body).not.toContain('<script');
    // What a juror wrote in the remarks column reaches the entrant, without the juror's name.
    const commented = seeded.innovations[0]?.id ?? '';
    const withRemark = await (
      await app.request(`/sekretariat/umpan-balik/${commented}`, { headers: { cookie: later } })
    ).text();
    expect(withRemark).toContain('Catatan dewan juri');
    expect(withRemark).toContain('Data dampak perlu diperbarui.');
    for (const juror of services.competition.jurors) expect(withRemark).not.toContain(juror.name);
    expect(new TextEncoder().encode(body).length).toBeLessThan(BUDGET);
    // Needs the session.
    expect((await app.request(`/sekretariat/umpan-balik/${winner}`)).status).toBe(303);
  });
});
