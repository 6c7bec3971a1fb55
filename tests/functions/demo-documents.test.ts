import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { DEMO_NOW, runDemo } from '../../functions/cli/demo.ts';
import { rankCommand } from '../../functions/cli/rank.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import type { ResultRecord } from '../../shared/domain/record.ts';
import { verifyRecords } from '../../shared/domain/verify-record.ts';
import { legacyAnnouncementTexts } from '../../shared/messages/announcement-template.ts';
import { csvRecords } from '../helpers/csv.ts';
import { fixedClock, NTT_2024_PATH, secretariatCookie, testServices } from '../helpers/services.ts';

/**
 * Issue 19 on the demo, run once. "One number": every demo entry's final score read back from each of
 * the seven outputs a person sees it in. Each entry must print one digit string everywhere (the decimal
 * separator follows the language; the digits do not). The demo's #1 is exactly 90.445: binary floating
 * point rounds it to 90.44, the display rule (half-up on the exact decimal value) to 90.45.
 */
const CID = 'koin-yanlik-ntt-2024';
let services: ReturnType<typeof testServices>;
const ORIGIN = 'http://localhost';
const OUTPUTS = ['page', 'share', 'csv', 'xlsx', 'workbook', 'beritaAcara', 'rank'] as const;
type Output = (typeof OUTPUTS)[number];

let dir = '';
let store: ReturnType<typeof openSqliteStore>;
let app: ReturnType<typeof createApp>;
let cookie = '';

const quiet = () =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juri-one-number-'));
  await runDemo({ dir, lang: 'id', out: quiet() });
  store = openSqliteStore(join(dir, 'juri.db'));
  services = testServices({ store, clock: fixedClock(DEMO_NOW) });
  app = createApp(() => services);
  cookie = await secretariatCookie(app, ORIGIN);
});

afterAll(() => store?.close());

async function get(path: string, session = true): Promise<Response> {
  const res = await app.request(`${ORIGIN}${path}`, session ? { headers: { cookie } } : {});
  expect(res.status).toBe(200);
  return res;
}

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<');

/** "90,45" (id) → "90.45": the digits, compared across outputs. */
const digits = (text: string) => text.trim().replace(',', '.');

/**
 * A spreadsheet cell as shown: it must hold the rounded number, with a 2-decimal format (the workbook's
 * carries a language tag, [$-421], so LibreOffice and Excel show it with a decimal comma).
 */
function shownCell(cell: ExcelJS.Cell): string {
  expect(typeof cell.value).toBe('number');
  expect(cell.numFmt).toMatch(/^(\[\$-[0-9A-F]+\])?0\.00$/);
  const value = cell.value as number;
  expect(Number(value.toFixed(2))).toBe(value);
  return value.toFixed(2);
}

function column(sheet: ExcelJS.Worksheet | undefined, name: string): number {
  const header = (sheet?.getRow(1).values as unknown[]) ?? [];
  const at = header.indexOf(name);
  expect(at, name).toBeGreaterThan(0);
  return at;
}

describe('one number: the demo’s scores in all seven outputs', () => {
  it('prints one digit string per entry in the page, share text, CSV, xlsx, workbook, Berita Acara and juri rank', async () => {
    const seen = new Map<string, Partial<Record<Output, string>>>();
    const put = (id: string, output: Output, text: string) => {
      const row = seen.get(id) ?? {};
      row[output] = digits(text);
      seen.set(id, row);
    };

    // 1–2. The public page (in rank order, as the JSON lists the ids) and the text people share.
    const api = (await (await get(`/api/pengumuman/${CID}`, false)).json()) as {
      entries: { id: string; title: string }[];
    };
    const page = decode(await (await get(`/pengumuman/${CID}`, false)).text());
    const onPage = [...page.matchAll(/<span class="score">([^<]+)<\/span>/g)].map((m) => m[1] ?? '');
    expect(onPage).toHaveLength(api.entries.length);
    const shared = /<textarea id="teks-pengumuman"[^>]*>([^<]*)<\/textarea>/.exec(page)?.[1] ?? '';
    for (const [i, e] of api.entries.entries()) {
      put(e.id, 'page', onPage[i] ?? '');
      const line = shared.split('\n').find((l) => l.includes(`${e.title} —`)) ?? '';
      put(e.id, 'share', /nilai (\S+)$/.exec(line)?.[1] ?? '(none)');
    }
    // The link preview names the Top 3 without scores: nothing there to disagree.
    const og = /<meta property="og:description" content="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(og).not.toMatch(/\d+,\d\d/);

    // 3. The rankings CSV (Indonesian: ";" and a decimal comma).
    const csv = (await (await get('/sekretariat/ekspor/peringkat.csv')).text()).replace(/^\uFEFF/, '');
    const [header = [], ...rows] = csvRecords(csv, ';');
    const finalAt = header.indexOf('Nilai akhir (0–100)');
    for (const row of rows) if (row[0]) put(row[2] ?? '', 'csv', row[finalAt] ?? '');

    // 4. The same as .xlsx.
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(await (await get('/sekretariat/ekspor/peringkat.xlsx')).arrayBuffer());
    const exported = xlsx.worksheets[0];
    const exportedFinal = column(exported, 'Nilai akhir (0–100)');
    exported?.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value)
        put(String(row.getCell(3).value), 'xlsx', shownCell(row.getCell(exportedFinal)));
    });

    // 5–6. The workbook's final-ranking tab and its Berita Acara tab.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'juri.xlsx'));
    const tab = book.getWorksheet('» Peringkat Akhir');
    const tabFinal = column(tab, 'Nilai Akhir (0–100)');
    tab?.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value)
        put(String(row.getCell(3).value), 'workbook', shownCell(row.getCell(tabFinal)));
    });
    // Every cell's text is isolated in <bdi>: the row is read as plain cells.
    const baPage = decode(await (await get('/sekretariat/berita-acara/1')).text()).replace(/<\/?bdi>/g, '');
    const baTab: string[] = [];
    book.getWorksheet('» Berita Acara')?.eachRow((row) => {
      baTab.push((row.values as unknown[]).slice(1).join('\t'));
    });

    // 7. juri rank on the demo's CSV files.
    const ranked = JSON.parse(
      rankCommand({
        config: NTT_2024_PATH.pathname,
        innovations: join(dir, 'innovations.csv'),
        scores: join(dir, 'scores.csv'),
        stage: 'final',
        json: true,
        lang: 'id',
      }),
    ) as { ranking: { id: string; display: string | null }[] };
    const table = rankCommand({
      config: NTT_2024_PATH.pathname,
      innovations: join(dir, 'innovations.csv'),
      scores: join(dir, 'scores.csv'),
      stage: 'final',
      json: false,
      lang: 'id',
    });
    for (const e of ranked.ranking) {
      if (e.display === null) continue;
      const line = table.split('\n').find((l) => l.includes(` ${e.id} `)) ?? '';
      expect(line, e.id).toContain(` ${e.display.replace('.', ',')} `);
      put(e.id, 'rank', e.display);
      // The Berita Acara prints the final score in the row of its ranking table (page and Sheet tab).
      const baRow = new RegExp(`<td>${e.id}</td>(?:<td>[^<]*</td>){2}<td>([^<]*)</td>`).exec(baPage);
      if (baRow) put(e.id, 'beritaAcara', baRow[1] ?? '');
      const tabRow = baTab.find((r) => r.split('\t')[1] === e.id);
      if (tabRow) expect(digits(tabRow.split('\t')[4] ?? ''), `${e.id} Sheet tab`).toBe(e.display);
    }

    const report = [...seen].map(([id, row]) => `${id}  ${OUTPUTS.map((o) => row[o] ?? '·').join('  ')}`);
    console.log(`entry          ${OUTPUTS.join('  ')}\n${report.join('\n')}`);
    for (const [id, row] of seen) {
      const values = new Set(Object.values(row));
      expect(values.size, `${id}: ${JSON.stringify(row)}`).toBe(1);
    }
    // Every winner shows in all seven; every finalist at least in the exports, the workbook and juri rank.
    const winners = [...seen.values()].filter((row) => Object.keys(row).length === OUTPUTS.length);
    expect(winners).toHaveLength(10);
    expect(seen.get('INOV-2024-001')?.page).toBe('90.45');
    expect(seen.size).toBe(ranked.ranking.filter((e) => e.display !== null).length);
  });
});

describe('the Berita Acara, ready to sign', () => {
  const DEVELOPER_WORDS = ['juri verify', 'docs/', 'juri-rules', 'bootstrap', 'benih', '`'];

  it('opens with the day and date in words, carries its number, and says what happened in plain words', async () => {
    const ba = decode(await (await get('/sekretariat/berita-acara/1')).text());
    expect(ba).toContain('Nomor: 800/1/BA-KOIN/ORG/2024');
    expect(ba).toContain(
      'Pada hari ini, Jumat, tanggal dua puluh bulan Desember tahun dua ribu dua puluh empat, bertempat di Kupang, kami yang bertanda tangan di bawah ini, Dewan Juri Kompetisi Inovasi Pelayanan Publik (KOIN-YANLIK)',
    );
    expect(ba).toContain(
      'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    );
    expect(ba).toMatch(
      /Catatan: Kode verifikasi [0-9A-F-]{14} \(SHA-256 [0-9a-f]{64}\) dapat diperiksa ulang oleh siapa pun dengan perangkat lunak juri\./,
    );
    const body = ba.slice(ba.indexOf('<article'));
    for (const words of DEVELOPER_WORDS) expect(body, words).not.toContain(words);
    // The first stage sends its best on; the last one has no next stage to send them to.
    expect(body).toMatch(/1\. Penilaian Proposal: [^<]*lolos ke tahap berikutnya/);
    // The demo's field verification (issue 24) sits between them: its verifiers check claims, it cuts nothing.
    expect(body).toContain(
      '2. Verifikasi Lapangan: minimal 2 verifikator per inovasi memeriksa klaim proposal di lokasi; inovasi dengan nilai di bawah 60 tidak masuk peringkat akhir.',
    );
    expect(body).toContain('<td><bdi>ya / sebagian / tidak</bdi></td>');
    expect(body).toMatch(
      /3\. Presentasi dan Wawancara: [^<]*tahap terakhir; 10 besar peringkat akhir menjadi pemenang/,
    );
    // Page numbers in print: "Halaman 2 dari 6" at the foot of each page.
    expect(ba).toContain('@bottom-center{content:"Halaman " counter(page) " dari " counter(pages)');
  });

  it('is decided where and when the printed announcement says, not on the day the button was pressed', async () => {
    const set = 'Ditetapkan di Kupang, 20 Desember 2024';
    expect(decode(await (await get(`/pengumuman/${CID}`, false)).text())).toContain(set);
    expect(decode(await (await get('/sekretariat/berita-acara/1')).text())).toContain(set);
  });

  it('has a public copy with the signature blocks and no contacts, linked from the announcement', async () => {
    const page = await (await get(`/pengumuman/${CID}`, false)).text();
    expect(page).toContain(`href="/pengumuman/${CID}/berita-acara/1"`);
    const copy = decode(await (await get(`/pengumuman/${CID}/berita-acara/1`, false)).text());
    expect(copy).toContain('BERITA ACARA PENETAPAN HASIL PENILAIAN');
    expect(copy).toContain('Salinan untuk umum');
    expect(copy).not.toContain('/sekretariat');
    for (const juror of services.competition.jurors) {
      expect(copy).toContain(juror.name);
      expect(copy).not.toContain(juror.email);
      if (juror.phone) expect(copy).not.toContain(juror.phone);
    }
    expect((await app.request(`${ORIGIN}/pengumuman/${CID}/berita-acara/2`)).status).toBe(404);
  });

  it('keeps the public copy closed before announceAt and when the config does not allow it', async () => {
    const before = createApp(() => ({ ...services, clock: fixedClock('2024-12-01T08:00:00+08:00') }));
    expect((await before.request(`${ORIGIN}/pengumuman/${CID}/berita-acara/1`)).status).toBe(404);
    const { beritaAcara: _, ...closed } = services.competition;
    const off = createApp(() => ({ ...services, competition: closed }));
    expect((await off.request(`${ORIGIN}/pengumuman/${CID}/berita-acara/1`)).status).toBe(404);
    expect(await (await off.request(`${ORIGIN}/pengumuman/${CID}`)).text()).not.toContain('/berita-acara/');
  });
});

/**
 * Issue 24 on the demo: the 2024 competition as `juri demo` runs it has a field verification of the 20
 * finalists (gate 60) and a representation rule (at most 1 winner per region, at least 5 from the 3T
 * regencies). Both change who wins; the record, the public page and the Berita Acara say why, and the
 * record verifies. The plain config (rules off) still ranks the same cells the old way.
 */
describe('the demo’s field verification and representation rule (issue 24)', () => {
  const FAILED = 'INOV-2024-008';
  const record = async () => (await store.competition(CID).records.latestVersion()) as ResultRecord;

  it('change the Top 10: the field gate turns one finalist away, the rule skips and lets in, and the record verifies', async () => {
    const fixed = await record();
    expect(fixed.rulesVersion).toBe('juri-rules/5');
    const failed = (fixed.field ?? []).filter((f) => f.result !== 'passed');
    expect(failed).toEqual([expect.objectContaining({ id: FAILED, result: 'failed', passMark: 60 })]);
    expect(fixed.field).toHaveLength(20);
    // By rank alone, on the plain config (no field stage, no rules), the same cells give the old Top 10.
    const plain = JSON.parse(
      rankCommand({
        config: NTT_2024_PATH.pathname,
        innovations: join(dir, 'innovations.csv'),
        scores: join(dir, 'scores.csv'),
        stage: 'final',
        json: true,
        lang: 'id',
      }),
    ) as { ranking: { id: string; advances: boolean }[] };
    const byRank = plain.ranking.filter((e) => e.advances).map((e) => e.id);
    expect(byRank).toEqual(expect.arrayContaining([FAILED, 'INOV-2024-006', 'INOV-2024-009']));
    const announced = ('announced' in fixed ? fixed.announced : []).map((a) => a.id);
    expect(announced).toEqual([
      'INOV-2024-001',
      'INOV-2024-002',
      'INOV-2024-003',
      'INOV-2024-004',
      'INOV-2024-005',
      'INOV-2024-007',
      'INOV-2024-010',
      'INOV-2024-013',
      'INOV-2024-014',
      'INOV-2024-018',
    ]);
    expect(announced).not.toEqual(byRank);
    expect(fixed.representation?.selected.at(-1)).toEqual({
      id: 'INOV-2024-018',
      rank: 17,
      quota: { kind: 'group', id: '3T' },
    });
    expect(fixed.representation?.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['INOV-2024-006', 'max-per-region'],
      ['INOV-2024-009', 'max-per-region'],
      ['INOV-2024-011', 'max-per-region'],
      ['INOV-2024-012', 'max-per-region'],
      ['INOV-2024-016', 'quota'],
    ]);
    const digest = async (t: string) => createHash('sha256').update(t).digest('hex');
    const file = JSON.parse(JSON.stringify(fixed)) as ResultRecord;
    expect((await verifyRecords([file], digest, { legacyText: legacyAnnouncementTexts })).ok).toBe(true);
  });

  it('the public page says who got in through the quota, who was skipped and who failed the field gate', async () => {
    const page = decode(await (await get(`/pengumuman/${CID}`, false)).text());
    expect(page).toContain('masuk melalui kuota 3T');
    expect(page).toContain('<h2>Aturan keterwakilan</h2>');
    expect(page).toContain(
      'INOV-2024-006 · <bdi>Kartu Pasien Terintegrasi RSUD</bdi> (peringkat 6) dilewati: sudah ada 1 pemenang dari Provinsi NTT (batas per wilayah).',
    );
    expect(page).toContain(
      'INOV-2024-016 · <bdi>Satu Data Bansos Terpadu</bdi> (peringkat 14) dilewati: tempatnya diberikan kepada INOV-2024-018 melalui kuota 3T.',
    );
    expect(page).toContain(
      `${FAILED} · <bdi>Air Bersih Tenaga Surya untuk Desa Kering</bdi> tidak lolos verifikasi lapangan: nilai 35,00, di bawah ambang 60`,
    );
    // The public JSON carries the same notes.
    const api = (await (await get(`/api/pengumuman/${CID}`, false)).json()) as {
      representationNotes: unknown[];
      fieldNotes: unknown[];
    };
    expect(api.representationNotes).toHaveLength(6);
    expect(api.fieldNotes).toHaveLength(2);
  });

  it('the Berita Acara has the field verification section and the rule, each skip and the quota place', async () => {
    const ba = decode(await (await get('/sekretariat/berita-acara/1')).text()).replace(/<\/?bdi>/g, '');
    expect(ba).toContain('<h2>Verifikasi Lapangan</h2>');
    expect(ba).toContain(
      'tidak lolos (nilai 35,00, di bawah ambang 60); tidak terpenuhi: Layanan Berjalan seperti di Proposal, Manfaat Dirasakan Warga',
    );
    expect(ba).toContain('Pompa surya di 2 dari 3 desa tidak beroperasi sejak Agustus');
    expect(ba).toContain(
      'Daftar pemenang disusun dengan aturan keterwakilan: paling banyak 1 pemenang per wilayah; paling sedikit 5 dari kelompok 3T (',
    );
    expect(ba).toContain(
      'Kartu Pasien Terintegrasi RSUD (INOV-2024-006), peringkat 6, tidak masuk daftar pemenang karena sudah ada 1 pemenang dari Provinsi NTT, batas per wilayah.',
    );
    expect(ba).toContain(
      'Tanam Kelor Gizi Anak Sekolah (INOV-2024-018), peringkat 17, masuk daftar pemenang melalui kuota 3T; tempat itu semula milik Satu Data Bansos Terpadu (INOV-2024-016), peringkat 14.',
    );
    expect(ba).toContain('Pemenang; masuk melalui kuota 3T');
  });
});
