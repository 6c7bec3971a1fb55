import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runSync } from '../../functions/scores/sync.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { type ResultRecord, recordHashInput } from '../../shared/domain/record.ts';
import { recordAnnouncement } from '../../shared/messages/announcement-template.ts';
import {
  type SheetEnv,
  scoreFor,
  sheetEnvsClosedAfterEach,
  submission,
  typeScores,
} from '../sheets/helpers.ts';
import { judgedApp } from './judged-app.ts';

const run = promisify(execFile);
const JURI = new URL('../../bin/juri.js', import.meta.url).pathname;
const CID = 'koin-yanlik-ntt-2024';
const ORIGIN = 'http://localhost';
const _FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };
const AFTER = '2024-12-20T10:00:00+08:00';

const startEnv = sheetEnvsClosedAfterEach();

const judged = () => judgedApp(startEnv);

async function exportFile(get: (p: string) => Promise<Response>, version: number): Promise<string> {
  const res = await get(`/sekretariat/rekaman/${version}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain(`juri-rekaman-${CID}-v${version}.json`);
  const file = join(mkdtempSync(join(tmpdir(), 'juri-record-')), `v${version}.json`);
  writeFileSync(file, await res.text());
  return file;
}

async function verify(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [JURI, 'verify', file]);
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

/** Rewrites the interview scores of one entry: what a juror typing late would do. */
async function editInterview(env: SheetEnv, id: string, value: number) {
  await typeScores(env, (s, j, i, c) => (i === id ? value : scoreFor(s, j, i, c)), 'interview');
}

describe('penetapan hasil (fixing the result)', () => {
  it('needs the ticked confirmation; then fixes version 1, which the public page shows with its hash from announceAt', async () => {
    const { post, get, json, clock, env } = await judged();
    const refused = await post('/sekretariat/tetapkan');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Centang kotak konfirmasi');
    expect(await env.store.competition(CID).records.latestVersion()).toBeNull();

    const fixed = await post('/sekretariat/tetapkan', { confirm: 'yes' });
    expect(fixed.status).toBe(303);
    expect(fixed.headers.get('location')).toBe('/sekretariat/hasil?tetap=1#penetapan');
    const record = (await env.store.competition(CID).records.latestVersion()) as ResultRecord;
    expect(record).toMatchObject({
      version: 1,
      status: 'final',
      previous: null,
      format: 'juri-record/2',
      rulesVersion: 'juri-rules/3',
    });
    expect(record.hash).toBe(createHash('sha256').update(recordHashInput(record)).digest('hex'));
    const dashboard = await (await get('/sekretariat/hasil?tetap=1')).text();
    expect(dashboard).toContain('Hasil versi 1 ditetapkan');
    expect(dashboard).toContain(`/sekretariat/berita-acara/1`);

    // Before announceAt nothing leaks, fixed or not.
    expect(await json(`/api/pengumuman/${CID}`)).toMatchObject({ status: 'embargoed' });
    clock.set(AFTER);
    const announced = await json(`/api/pengumuman/${CID}`);
    expect(announced).toMatchObject({ status: 'announced', version: 1, latestVersion: 1, hash: record.hash });
    expect(announced.code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const page = await (await get(`/pengumuman/${CID}`, false)).text();
    expect(page).toContain(record.hash);
    expect(page).toContain(announced.code);
    expect(page).toContain('Hasil ditetapkan, versi 1');

    // Pressing again with nothing changed makes no new version.
    const again = await post('/sekretariat/tetapkan', { confirm: 'yes', reason: 'Tekan dua kali' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Hasil sama dengan versi 1');
  });

  it('keeps the public page on the fixed version after a late edit and a sync, until a correction with a reason; both versions stay readable', async () => {
    const { post, get, json, clock, env } = await judged();
    await post('/sekretariat/tetapkan', { confirm: 'yes' });
    clock.set(AFTER);
    const v1 = await json(`/api/pengumuman/${CID}`);
    const first = v1.entries[0];
    // The juror lowers every interview score of the winner, and the secretariat presses "Sinkronkan sekarang".
    await editInterview(env, first.id, 1);
    expect((await post('/sekretariat/sinkron')).status).toBe(303);

    expect(await json(`/api/pengumuman/${CID}`)).toEqual(v1);
    const results = await (await get('/sekretariat/hasil')).text();
    expect(results).toContain('BERBEDA dari versi 1');
    expect(results).toContain('keluar dari jajaran pemenang');
    const judging = await (await get('/sekretariat/penilaian')).text();
    expect(judging).toContain('perubahan nilai terjadi SETELAH hasil ditetapkan');
    expect(judging).toContain('setelah penetapan versi 1');
    expect(judging).toContain('class="after"');

    const noReason = await post('/sekretariat/tetapkan', { confirm: 'yes' });
    expect(noReason.status).toBe(409);
    expect(await noReason.text()).toContain('Ralat hanya bisa diterbitkan dengan alasan tertulis');
    expect(await json(`/api/pengumuman/${CID}`)).toEqual(v1);

    const reason =
      'Nilai wawancara juri j2 untuk pemenang pertama salah ketik; dikoreksi sesuai lembar asli.';
    expect((await post('/sekretariat/tetapkan', { confirm: 'yes', reason })).status).toBe(303);
    const v2 = await json(`/api/pengumuman/${CID}`);
    expect(v2).toMatchObject({ version: 2, latestVersion: 2, correction: { reason, previousVersion: 1 } });
    expect(v2.entries.map((e: { id: string }) => e.id)).not.toContain(first.id);
    const [one, two] = [
      await env.store.competition(CID).records.getVersion(1),
      await env.store.competition(CID).records.getVersion(2),
    ];
    expect(two?.previous).toEqual({ version: 1, hash: one?.hash });

    const page = await (await get(`/pengumuman/${CID}`, false)).text();
    expect(page).toContain('Diperbarui Jumat, 20 Desember 2024');
    expect(page).toContain(reason);
    expect(page).toContain(`href="/pengumuman/${CID}/versi/1"`);
    const old = await get(`/pengumuman/${CID}/versi/1`, false);
    expect(old.status).toBe(200);
    const oldText = await old.text();
    expect(oldText).toContain(v1.hash);
    expect(oldText).toContain('Ini versi 1 yang sudah diganti');
    expect(oldText).toContain(first.title);
    expect(await json(`/api/pengumuman/${CID}/versi/1`)).toEqual({ ...v1, latestVersion: 2 });
    expect((await get(`/pengumuman/${CID}/versi/3`, false)).status).toBe(404);

    // `juri verify` confirms the exported chain…
    const file = await exportFile(get, 2);
    const ok = await verify(file);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('TERKONFIRMASI');
    // …and refutes it when one typed value in it is edited, naming the entry…
    const exported = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
    const cell = exported.records[1].cells.find(
      (c: { stage: string; innovation: string }) =>
        c.stage === 'interview' && c.innovation === v2.entries[0].id,
    );
    cell.value = '1';
    writeFileSync(`${file}.typed.json`, JSON.stringify(exported));
    const typed = await verify(`${file}.typed.json`);
    expect(typed.code).toBe(1);
    expect(typed.out).toContain('DITOLAK');
    expect(typed.out).toContain('Versi 2: isi tidak cocok dengan hash-nya');
    expect(typed.out).toContain(`peringkat akhir: ${v2.entries[0].id} — nilai tersimpan`);
    // …and when a chain link is broken, even with the record's own hash made to match again.
    const broken = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
    broken.records[1].previous.hash = 'f'.repeat(64);
    broken.records[1].hash = createHash('sha256').update(recordHashInput(broken.records[1])).digest('hex');
    writeFileSync(`${file}.chain.json`, JSON.stringify(broken));
    const chain = await verify(`${file}.chain.json`);
    expect(chain.code).toBe(1);
    expect(chain.out).toContain('Versi 2: rantai terputus');
    expect(chain.out).not.toContain('isi tidak cocok');
  });

  it('keeps the announced page as fixed when an entry is edited or a late one is accepted, and the next sync runs', async () => {
    const { post, json, clock, env } = await judged();
    await post('/sekretariat/tetapkan', { confirm: 'yes' });
    clock.set(AFTER);
    const fixed = await json(`/api/pengumuman/${CID}`);
    const winner = (await env.store.competition(CID).innovations.listInnovations()).find(
      (i) => i.id === fixed.entries[0].id,
    );
    if (!winner?.responseId) throw new Error('no winner');
    await env.store.competition(CID).innovations.upsertInnovation(
      {
        ...submission(Number(winner.responseId.slice(-5)), { title: 'Judul yang diubah setelah penetapan' }),
        submittedAt: '2024-12-20T01:00:00.000Z',
      },
      (n) => innovationNumber(2024, n),
    );
    await env.store
      .competition(CID)
      .innovations.upsertInnovation(submission(99), (n) => innovationNumber(2024, n));
    const titles = (await env.store.competition(CID).innovations.listInnovations()).map((i) => i.title);
    expect(titles).toContain('Judul yang diubah setelah penetapan');
    expect(titles).toHaveLength(25);
    expect((await post('/sekretariat/sinkron')).status).toBe(303);
    expect(await json(`/api/pengumuman/${CID}`)).toEqual(fixed);
  });

  it('refuses while a tie at the last winning place is undecided, and fixes once the panel’s decision is recorded', async () => {
    const { post, get, services, env } = await judged();
    const live = (await env.store.competition(CID).syncLog.lastSync())?.result?.final;
    // Two finalists get the same top marks from everyone; the winners' list is then cut between them.
    const [a, b] = live?.ranking ?? [];
    if (!a || !b) throw new Error('no final ranking');
    const top = (stage: string) => (stage === 'desk' ? 95 : 10);
    await typeScores(env, (s, j, i, c) => (i === a.id || i === b.id ? top(s) : scoreFor(s, j, i, c)));
    await runSync(services, { trigger: 'cli' });
    const ranking = (await env.store.competition(CID).syncLog.lastSync())?.result?.final.ranking ?? [];
    const tied = ranking.filter((e) => e.rank === 1);
    expect(tied.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    const rank = 1;
    services.competition = { ...services.competition, final: { ...services.competition.final, top: rank } };

    const refused = await post('/sekretariat/tetapkan', { confirm: 'yes' });
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).toContain(`Peringkat ${rank} dibagi pada batas pemenang`);
    expect(text).toContain(`name="tie-${rank}-order"`);

    const note = 'Dewan juri memilih berdasarkan dampak bagi warga kepulauan (rapat pleno 18 Desember 2024).';
    const ok = await post('/sekretariat/tetapkan', {
      confirm: 'yes',
      [`tie-${rank}-order`]: `${b.id}, ${a.id}`,
      [`tie-${rank}-note`]: note,
    });
    expect(ok.status).toBe(303);
    const record = await env.store.competition(CID).records.latestVersion();
    expect(record?.tieDecisions).toEqual([{ rank, order: [b.id, a.id], note }]);
    expect(record && recordAnnouncement(record, 'id').text).not.toContain('(=)');
    const minutes = await (await get('/sekretariat/berita-acara/1')).text();
    expect(minutes).toContain(note);
    expect(minutes).toContain(`${b.id} &gt; ${a.id}`);
  });

  it('prints a Berita Acara with the competition, stages, rubric, panel, conflicts, ranking, hash and signatures', async () => {
    const { post, get, env } = await judged();
    await post('/sekretariat/tetapkan', { confirm: 'yes' });
    const record = (await env.store.competition(CID).records.latestVersion()) as ResultRecord;
    const res = await get('/sekretariat/berita-acara/1');
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const text of [
      'BERITA ACARA PENETAPAN HASIL PENILAIAN',
      'Kompetisi Inovasi Pelayanan Publik (KOIN-YANLIK)',
      'II. Tahapan, Kriteria dan Bobot Penilaian',
      'Signifikansi',
      '30,0%',
      'III. Dewan Juri',
      'Dr. Yohanes Bria, M.Si.',
      'IV. Konflik Kepentingan yang Dikecualikan',
      'wilayah yang sama',
      'V. Peringkat Akhir',
      'VI. Nilai Sama dan Keputusan Dewan Juri',
      record.hash,
      'Ketua',
      'Anggota',
      '@page{size:A4',
    ]) {
      expect(page).toContain(text);
    }
    expect((await get('/sekretariat/berita-acara/1', false)).status).toBe(303);
    // The next sync writes the same minutes into the Sheet's "Berita Acara" tab, beside "Riwayat Nilai".
    await runSync(env.services, { trigger: 'cli' });
    const tabs = await env.server.snapshot();
    const minutes = tabs.find((t) => t.title === '» Berita Acara' && !t.hidden);
    const flat = JSON.stringify(minutes);
    expect(flat).toContain('BERITA ACARA PENETAPAN HASIL PENILAIAN');
    expect(flat).toContain(record.hash);
    expect(tabs.some((t) => t.title === '» Riwayat Nilai' && !t.hidden)).toBe(true);
    // The Sheet's announcement tab now carries the fixed announcement, with its version and hash.
    const announcement = JSON.stringify(tabs.find((t) => t.title === '» Pengumuman' && !t.hidden));
    expect(announcement).toContain(`Hasil ditetapkan, versi 1 — SHA-256 ${record.hash}`);
  });
});
