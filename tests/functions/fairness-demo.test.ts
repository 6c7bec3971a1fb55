import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { DEMO_NOW, runDemo } from '../../functions/cli/demo.ts';
import { rankCommand } from '../../functions/cli/rank.ts';
import { composeLocal } from '../../functions/compose/local.ts';
import { JUROR_LENIENCY } from '../../functions/demo/innovations.ts';
import { demoCompetition } from '../../functions/demo/kipp.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { NTT_2024_PATH, secretariatCookie, testServices } from '../helpers/services.ts';

/**
 * The 2024 demo end to end: the jurors' habits (JUROR_LENIENCY: j2 marks 5 points low, j5 6 high)
 * must show in the fairness report, the Sheet's tabs, the dashboard and the Berita Acara.
 */
const CID = 'koin-yanlik-ntt-2024';
const ORIGIN = 'http://localhost';
/** Every page of the secretariat's console, the fairness page included, as pages.test.ts sets it (issue 23). */
const BUDGET = 40 * 1024;
let dir = '';
let store: ReturnType<typeof openSqliteStore>;
let app: ReturnType<typeof createApp>;

const quiet = () =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juri-fairness-demo-'));
  await runDemo({ dir, lang: 'id', out: quiet() });
  store = openSqliteStore(join(dir, 'juri.db'));
  // The competition the demo ran (its field verification and representation rule included).
  const services = testServices({ store, competition: demoCompetition() });
  app = createApp(() => services);
}, 120_000);

afterAll(() => store?.close());

const session = () => secretariatCookie(app, ORIGIN);

async function text(path: string): Promise<string> {
  const res = await app.request(`${ORIGIN}${path}`, { headers: { cookie: await session() } });
  expect(res.status).toBe(200);
  return res.text();
}

function rows(book: ExcelJS.Workbook, name: string): string[] {
  const out: string[] = [];
  book.getWorksheet(name)?.eachRow((row) => out.push((row.values as unknown[]).slice(1).join(' | ')));
  return out;
}

describe('the demo’s calibration round', () => {
  it('every desk juror scored both samples, and their private summaries show j2 harsh and j5 lenient', async () => {
    const sync = await store.competition(CID).syncLog.lastSync();
    const summaries = sync?.calibration?.jurors ?? [];
    expect(summaries.map((j) => [j.juror, j.scored, j.of])).toEqual(
      ['j1', 'j2', 'j3', 'j4', 'j5'].map((j) => [j, 2, 2]),
    );
    const by = new Map(summaries.map((j) => [j.juror, j]));
    expect(by.get('j2')?.band).toBe('harsh');
    expect(by.get('j5')?.band).toBe('lenient');
    // The samples never reach a ranking, the record's cells or the fairness report.
    const record = await store.competition(CID).records.latestVersion();
    expect(JSON.stringify([sync?.result, sync?.fairness, record])).not.toContain('KALIBRASI');
  });
});

describe('the demo’s harsh juror, seen by the fairness report', () => {
  it('the demo really has a harsh and a lenient juror', () => {
    expect(JUROR_LENIENCY.j2).toBeLessThan(0);
    expect(JUROR_LENIENCY.j5).toBeGreaterThan(0);
  });

  it('names j2 harsh and j5 lenient, and shows INOV-2024-007 gained by not drawing j2 (a conflict of region)', async () => {
    const sync = await store.competition(CID).syncLog.lastSync();
    const report = sync?.fairness;
    expect(report?.stages.map((s) => s.stage)).toEqual(['desk', 'interview', 'final']);
    for (const stage of report?.stages.slice(0, 2) ?? []) {
      const by = new Map(stage.jurors.map((j) => [j.juror, j.leniency ?? 0]));
      expect(by.get('j2')).toBeLessThan(-5);
      expect(by.get('j5')).toBeGreaterThan(5);
      const first = stage.draws[0];
      expect(first).toMatchObject({ id: 'INOV-2024-007', absent: ['j2'] });
      expect(first?.shift).toBeGreaterThan(1);
      expect(stage.reliability?.icc.kind).toBe('icc');
    }
    const final = report?.stages.at(-1);
    expect(final?.groups[0]?.top).toBe(10);
    expect(final?.groups[0]?.stability?.entries.some((e) => e.nearCutoff)).toBe(true);
  });

  it('writes the "Uji Metode" and "Stabilitas Peringkat" tabs into the demo workbook', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'juri.xlsx'));
    const visible = book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(visible).toEqual(expect.arrayContaining(['» Uji Metode', '» Stabilitas Peringkat']));
    const method = rows(book, '» Uji Metode').join('\n');
    expect(method).toContain('Maria Goreti Nahak, M.A. rata-rata memberi');
    expect(method).toContain('poin di bawah juri lain untuk inovasi yang sama');
    expect(method).toMatch(
      /INOV-2024-007: nilainya \d+,\d\d poin lebih tinggi karena juri yang menilainya rata-rata lebih longgar .*tanpa j2/,
    );
    expect(method).toContain('↓ keluar');
    expect(method).toContain('ICC(2,k)');
    const stability = rows(book, '» Stabilitas Peringkat').join('\n');
    expect(stability).toContain('Peluang masuk 10 besar');
    expect(stability).toContain('◆');
  });

  it('the judging page’s card names the harsh juror and links to the full page, within the page budget', async () => {
    const body = await text('/sekretariat/penilaian');
    expect(body).toContain('Keadilan Penilaian');
    // By name, not by code (issue 23).
    expect(body).toContain('Juri ketat: Dr. Maria Goreti Nahak, M.A.. Juri longgar: Benediktus Tefa.');
    expect(body).not.toMatch(/\bj[25]\b/);
    expect(body).toContain('href="/sekretariat/keadilan"');
    expect(new TextEncoder().encode(body).length).toBeLessThan(BUDGET);
  });

  it('the fairness page explains every number in a sentence, Indonesian first, English on request', async () => {
    const id = await text('/sekretariat/keadilan');
    for (const words of [
      'ICC(2,1) — satu juri',
      'ICC(2,k) — rata-rata juri',
      'α Krippendorff (interval)',
      'W Kendall (koreksi nilai sama)',
      'kesamaan urutan antarjuri ini hampir pasti bukan kebetulan',
      'rata-rata memberi 7,',
      'Pengaruh juri yang kebetulan menilai',
      'Stabilitas peringkat: 10 besar',
      'dekat batas 10 besar',
      'dinilai oleh semua 5 juri',
    ]) {
      expect(id).toContain(words);
    }
    expect(new TextEncoder().encode(id).length).toBeLessThan(BUDGET);
    const en = await text('/sekretariat/keadilan?lang=en');
    expect(en).toContain('Fairness of the Judging');
    expect(en).toContain('points below the other jurors for the same innovations');
    expect(en).toContain('scores 1.');
    expect(en).not.toContain('juri lain');
  });

  it('names each statistic in words with a line of what it means, the symbol in a tooltip (issue 23)', async () => {
    const id = await text('/sekretariat/keadilan');
    const table = id.slice(
      id.indexOf('<table class="wide stk t-rel">'),
      id.indexOf('</table>', id.indexOf('t-rel')),
    );
    for (const [symbol, words, meaning] of [
      ['ICC(2,1) — satu juri', 'Konsistensi nilai satu juri', 'Seberapa mirip nilai para juri'],
      ['ICC(2,k) — rata-rata juri', 'Keandalan nilai rata-rata juri', 'Seberapa andal rata-rata'],
      ['α Krippendorff (interval)', 'Kesepakatan juri', 'juga bila tidak semua juri'],
      ['W Kendall (koreksi nilai sama)', 'Kesamaan urutan', 'urutan inovasi menurut'],
      ['nilai p (χ²)', 'Peluang kebetulan', 'makin kecil'],
    ]) {
      expect(table).toContain(`<abbr title="${symbol}">${words}</abbr>`);
      expect(table).toContain(meaning);
    }
    const en = await text('/sekretariat/keadilan?lang=en');
    expect(en).toContain('<abbr title="Krippendorff’s α (interval)">Agreement among jurors</abbr>');
    // The judging page's card says the agreement in words too, the symbol in its tooltip.
    const card = await text('/sekretariat/penilaian');
    expect(card).toContain('<abbr title="α Krippendorff (interval)">kesepakatan juri</abbr>');
  });

  it('names the entries in the fairness lists by title with their ids', async () => {
    const id = await text('/sekretariat/keadilan');
    const lists = [...id.matchAll(/<li>([^<]*(?:<[^/][^>]*>[^<]*<\/[^>]+>[^<]*)*)<\/li>/g)].map(
      (m) => m[1] ?? '',
    );
    const withIds = lists.filter((l) => /INOV-2024-\d{3}/.test(l));
    expect(withIds.length).toBeGreaterThan(3);
    for (const line of withIds) {
      for (const m of line.matchAll(/INOV-2024-\d{3}/g)) {
        expect(line.slice(0, m.index), line).toMatch(/\($/);
      }
    }
    expect(id).toContain('<bdi>Jemput Bola Akta Kelahiran di Puskesmas</bdi> (INOV-2024-007): nilainya');
  });

  it('keeps the score log in words: the juror’s tab and cell, "kosong", a decimal comma, local time (issue 23)', async () => {
    const body = await text('/sekretariat/penilaian');
    const log = body.slice(body.indexOf('id="riwayat"'));
    const table = log.slice(0, log.indexOf('</table>'));
    expect(table).toContain('<td>Benediktus Tefa – Wawancara, sel J25</td>');
    expect(table).toContain('<td>kosong</td>');
    expect(table).toMatch(/<td>7,5<\/td>/);
    expect(table).toMatch(/<td>\d{4}-\d\d-\d\d \d\d\.\d\d WITA<\/td>/);
    expect(table).not.toMatch(/∅|!J25|<td><code>7\.5/);
    const en = await text('/sekretariat/penilaian?lang=en');
    expect(en).toContain('Benediktus Tefa – Wawancara, cell J25');
    expect(en).toContain('<td>empty</td>');
  });

  it('needs a session', async () => {
    const res = await app.request(`${ORIGIN}/sekretariat/keadilan`);
    expect(res.status).toBe(303);
  });

  it('appends the final ranking’s stability to the Berita Acara', async () => {
    const body = await text('/sekretariat/berita-acara/1');
    expect(body).toContain('Lampiran. Stabilitas Peringkat Akhir');
    // Written for the panel: how the appendix is computed, without the bootstrap's seed.
    expect(body).toMatch(/diulang [\d.]+ kali dengan juri-juri penilainya diambil secara acak/);
    expect(body).toContain('Peluang masuk 10 besar');
  });

  it('juri rank --what-if on the demo’s CSV files: a table, or JSON', () => {
    const files = {
      config: NTT_2024_PATH.pathname,
      innovations: join(dir, 'innovations.csv'),
      scores: join(dir, 'scores.csv'),
    };
    const table = rankCommand({ ...files, stage: 'interview', json: false, lang: 'id', whatIf: true });
    expect(table).toContain('Uji metode: 10 besar dengan cara hitung lain — Presentasi dan Wawancara');
    expect(table).toMatch(/INOV-2024-009 .*↓ keluar/);
    expect(table).toContain('Rata-rata + standardisasi z: 10 besar sama dengan aturan yang berlaku');
    const json = JSON.parse(rankCommand({ ...files, stage: 'final', json: true, lang: 'id', whatIf: true }));
    expect(json.stage).toBe('final');
    expect(json.groups[0].top).toBe(10);
    expect(json.groups[0].methods).toHaveLength(6);
    expect(json.groups[0].methods[0]).toMatchObject({
      aggregation: 'mean',
      normalization: 'none',
      enters: [],
      leaves: [],
    });
    // Without the flag the documented shape is untouched.
    const plain = JSON.parse(rankCommand({ ...files, stage: 'final', json: true, lang: 'id' }));
    expect(Object.keys(plain)).toEqual(['stage', 'ranking', 'problems']);
  });

  it('a sync with nothing new keeps the report as it was, without running the bootstrap again', async () => {
    const before = await store.competition(CID).syncLog.lastSync();
    const fixed = new Date(DEMO_NOW);
    const rt = await composeLocal({ dir, lang: 'id', clock: { now: () => fixed } });
    try {
      const again = await runSync(rt.services, { trigger: 'cli' });
      expect(again.status).toBe('unchanged');
      // Nothing is copied: the pages read the last full record, whose report is the one computed before.
      expect((await rt.services.stores.syncLog.lastSync())?.fairness).toEqual(before?.fairness);
      expect(again.requests).toEqual({ reads: 1, writes: 0 });
    } finally {
      await rt.close();
    }
  });
});
