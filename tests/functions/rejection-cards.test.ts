import { describe, expect, it } from 'vitest';
import { secretariatCookie } from '../helpers/services.ts';
import { appWith, memoryStore, servicesWith, signedHeaders } from '../intake/harness.ts';
import { answerList } from '../intake/samples.ts';

const ORIGIN = 'http://localhost';

/** The NTT 2024 window closed on 15 November 2024: everything sent on the 20th comes late. */
async function seleksiWith(submissions: { id: string; answers: Record<string, string | null> }[]) {
  const now = '2024-11-20T02:00:00.000Z';
  const app = appWith(servicesWith(memoryStore(), { clock: { now: () => new Date(now) } }));
  const seconds = String(Math.floor(Date.parse(now) / 1000));
  for (const s of submissions) {
    const body = JSON.stringify({
      responseId: s.id,
      timestamp: '2024-11-20T01:59:00.000Z',
      answers: answerList(s.answers),
    });
    await app.request('/intake/form', { method: 'POST', headers: await signedHeaders(body, seconds), body });
  }
  const cookie = await secretariatCookie(app, ORIGIN);
  return (await app.request('/sekretariat/seleksi', { headers: { cookie } })).text();
}

describe('late and rejected submissions on the Seleksi page', () => {
  it('are cards naming the entry, its agency and region, what was wrong in words, and what to do', async () => {
    const page = await seleksiWith([
      { id: 'late-1', answers: { 'Judul Inovasi': 'Lumbung Pangan Desa' } },
      { id: 'late-2', answers: { 'Judul Inovasi': 'Perahu Pustaka' } },
      {
        id: 'bad-1',
        answers: {
          'Judul Inovasi': 'Sekolah Lapang Iklim',
          'Kabupaten/Kota': 'Atlantis',
          'Kategori Peserta': null,
        },
      },
    ]);
    const rejected = page.slice(page.indexOf('id="ditolak"'));
    expect(rejected).toContain('Sekolah Lapang Iklim');
    expect(rejected).toContain('Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kupang');
    expect(rejected).toContain('Atlantis');
    expect(rejected).toContain('kategori');
    expect(rejected).toContain('Minta pengirim');
    // The late ones are cards of their own above, with the form to accept them; not listed twice.
    expect(rejected).not.toContain('Lumbung Pangan Desa');
    const late = page.slice(page.indexOf('id="terlambat"'), page.indexOf('id="ditolak"'));
    expect(late).toContain('Lumbung Pangan Desa');
    expect(late).toContain('Perahu Pustaka');
    // Words, never the raw keys the intake checks.
    expect(page).not.toMatch(/lastSubmittedTime|startYear|contactEmail|\bregion:/);
  });

  it('gives every control its own id and a label', async () => {
    const page = await seleksiWith([
      { id: 'late-1', answers: { 'Judul Inovasi': 'Lumbung Pangan Desa' } },
      { id: 'late-2', answers: { 'Judul Inovasi': 'Perahu Pustaka' } },
    ]);
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const controls = [...page.matchAll(/<(input|textarea|select)\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/type="(hidden|submit)"/.test(tag));
    expect(controls.length).toBeGreaterThanOrEqual(4);
    for (const tag of controls) {
      const id = /\sid="([^"]+)"/.exec(tag)?.[1];
      expect(id, tag).toBeDefined();
      expect(page, tag).toContain(`for="${id}"`);
    }
  });
});
