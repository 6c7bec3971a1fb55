import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { exportRecord } from '../../functions/results/export.ts';
import { type ResultRecord, recordHash, verificationCode } from '../../shared/domain/record.ts';
import { type Finding, readExport, verifyRecords } from '../../shared/domain/verify-record.ts';
import {
  ANNOUNCEMENT_TEMPLATES,
  type AnnouncementTemplate,
  legacyAnnouncementTexts,
  recordAnnouncement,
} from '../../shared/messages/announcement-template.ts';
import { findingText } from '../../shared/messages/record.ts';
import type { ResultRecords } from '../../shared/ports.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import { sha256 as digest } from './fixtures.ts';

const CHECK = { legacyText: legacyAnnouncementTexts };

/**
 * Records exported by juri, kept as an auditor holds them: each must verify under its own format and
 * rules forever. A change that makes one fail breaks every record fixed in that format.
 */
const GOLDEN = {
  one: {
    file: 'record-juri-record-1.json',
    what: 'the demo, fixed and exported before the record held only facts (juri-record/1)',
    hash: '596aee350d41cf69112ba64615a407481d4de081bf4f9ebec7c5df86f9b6778f',
  },
  two: {
    file: 'record-juri-record-2.json',
    what: 'the demo, fixed and exported as facts only (juri-record/2, RFC 8785, juri-rules/3)',
    hash: '82dd3ad3372e3ae07dfea72998bcd276c8638a0835744840adc42b0ac4569ce5',
  },
};

function golden(which: keyof typeof GOLDEN): ResultRecord[] {
  const text = readFileSync(new URL(`../fixtures/${GOLDEN[which].file}`, import.meta.url), 'utf8');
  const read = readExport(JSON.parse(text));
  if (!read.ok) throw new Error(`${GOLDEN[which].file} is not an export`);
  return read.records;
}

async function resealed(record: ResultRecord): Promise<ResultRecord> {
  return { ...record, hash: await recordHash(record, digest) };
}

const codes = (findings: readonly Finding[]) => findings.map((f) => f.code);

describe('golden records', () => {
  for (const which of ['one', 'two'] as const) {
    it(`still verifies: ${GOLDEN[which].what}`, async () => {
      const records = golden(which);
      const report = await verifyRecords(records, digest, CHECK);
      expect(report.findings).toEqual([]);
      expect(report.ok).toBe(true);
      expect(records.at(-1)?.hash).toBe(GOLDEN[which].hash);
    });
  }

  it('holds no e-mail and no phone number in the new format', () => {
    const text = readFileSync(new URL(`../fixtures/${GOLDEN.two.file}`, import.meta.url), 'utf8');
    expect(text).not.toMatch(/@|"phone"|"email"/);
  });
});

describe('the announcement template', () => {
  const original = structuredClone(ANNOUNCEMENT_TEMPLATES['juri-text/1']) as AnnouncementTemplate;
  afterEach(() => {
    ANNOUNCEMENT_TEMPLATES['juri-text/1'] = structuredClone(original);
  });

  it('can be reworded without touching a juri-record/2: its facts still verify, its text reads the new words', async () => {
    ANNOUNCEMENT_TEMPLATES['juri-text/1'] = {
      ...original,
      intro: { ...original.intro, id: 'Dengan bangga dewan juri {name} mengumumkan {top} inovasi terbaik:' },
      line: { ...original.line, id: '{rank}){tie} {title} ({agency}, {region}): {score}' },
    };
    const [record] = golden('two');
    expect((await verifyRecords(golden('two'), digest, CHECK)).ok).toBe(true);
    const text = recordAnnouncement(record as ResultRecord, 'id').text;
    expect(text).toContain('Dengan bangga dewan juri');
    expect(text).toContain('1) SIAP KAWIN');
  });

  it('is what a juri-record/1 hashed, so rewording it there is seen, and named by entry', async () => {
    ANNOUNCEMENT_TEMPLATES['juri-text/1'] = {
      ...original,
      line: { ...original.line, id: '{rank}. {title} — {score}' },
    };
    const report = await verifyRecords(golden('one'), digest, CHECK);
    expect(codes(report.findings)).toContain('announcement-line-differs');
  });
});

describe('juri verify, hardened', () => {
  it('compares the last version with the published verification code', async () => {
    const records = golden('two');
    const code = verificationCode(GOLDEN.two.hash);
    expect((await verifyRecords(records, digest, { ...CHECK, expect: code.toLowerCase() })).ok).toBe(true);
    expect((await verifyRecords(records, digest, { ...CHECK, expect: GOLDEN.two.hash })).ok).toBe(true);
    const wrong = await verifyRecords(records, digest, { ...CHECK, expect: '0000-0000-0000' });
    expect(codes(wrong.findings)).toEqual(['expect-mismatch']);
    expect(findingText(wrong.findings[0] as Finding, 'id')).toBe(
      `Kode verifikasi rekaman ini ${code}, bukan 0000-0000-0000 yang diumumkan.`,
    );
  });

  it('refutes a correction whose reason was removed', async () => {
    const [one] = golden('two') as [ResultRecord];
    const two = await resealed({
      ...one,
      version: 2,
      fixedAt: '2024-12-21T01:00:00.000Z',
      previous: { version: 1, hash: one.hash },
      reason: null,
    });
    const report = await verifyRecords([one, two], digest, CHECK);
    expect(codes(report.findings)).toEqual(['correction-unexplained']);
    expect(findingText(report.findings[0] as Finding, 'en')).toBe(
      'Version 2 changes the result (it is not a plain confirmation) but gives no reason.',
    );
    const explained = await resealed({ ...two, reason: 'Ralat: nilai salah ketik.' });
    expect((await verifyRecords([one, explained], digest, CHECK)).ok).toBe(true);
  });

  it('says which entry a tampered rank belongs to, and what the typed scores give', async () => {
    const [one] = golden('two') as [ResultRecord];
    const tampered = structuredClone(one);
    const second = tampered.result.final.ranking[1];
    if (!second) throw new Error('no second entry');
    second.rank = 3;
    const report = await verifyRecords([await resealed(tampered)], digest, CHECK);
    expect(codes(report.findings)).toEqual(['entry-differs']);
    expect(findingText(report.findings[0] as Finding, 'id')).toBe(
      `Versi 1, peringkat akhir: ${second.id} — peringkat tersimpan 3, dihitung 2 dari nilai yang diketik.`,
    );
  });

  it('names the entry whose title or agency was changed, in either format', async () => {
    const [two] = golden('two') as [ResultRecord];
    const forged = structuredClone(two);
    const winner = forged.innovations.find((i) => i.id === 'INOV-2024-001');
    if (!winner) throw new Error('no winner');
    winner.title = 'Judul palsu';
    const report = await verifyRecords([await resealed(forged)], digest, CHECK);
    expect(report.findings).toEqual([
      {
        code: 'announced-differs',
        version: 1,
        innovation: 'INOV-2024-001',
        field: 'title',
        stored: 'SIAP KAWIN: Layanan Terpadu Pencatatan Perkawinan dan Kependudukan',
        computed: 'Judul palsu',
      },
    ]);

    const [one] = golden('one') as [ResultRecord];
    const old = structuredClone(one);
    const agency = old.innovations.find((i) => i.id === 'INOV-2024-001');
    if (!agency) throw new Error('no winner');
    agency.agency = 'Instansi palsu';
    const oldReport = await verifyRecords([await resealed(old)], digest, CHECK);
    expect(codes(oldReport.findings)).toEqual(['announcement-line-differs']);
    expect(findingText(oldReport.findings[0] as Finding, 'id')).toContain(
      'INOV-2024-001 — teks pengumuman berbunyi',
    );
    expect(findingText(oldReport.findings[0] as Finding, 'id')).toContain('Instansi palsu');
  });

  it('refutes a hand edit that was not resealed by its hash, in each format’s own canonical form', async () => {
    for (const which of ['one', 'two'] as const) {
      const [record] = golden(which) as [ResultRecord];
      const edited = { ...record, fixedAt: '2024-12-22T01:00:00.000Z' };
      const report = await verifyRecords([edited], digest, CHECK);
      expect(codes(report.findings)).toEqual(['hash-mismatch']);
    }
  });
});

describe('exports without personal data', () => {
  const storeOf = (records: ResultRecord[]) =>
    ({
      listVersions: async () => records.map((r) => ({ version: r.version })),
      getVersion: async (v: number) => records[v - 1] ?? null,
    }) as unknown as ResultRecords;

  it('writes no e-mail or phone by default; contacts only beside the records when asked for', async () => {
    const competition = loadNtt2024();
    const plain = await exportRecord(storeOf(golden('two')), competition);
    expect(JSON.stringify(plain)).not.toMatch(/@|"phone"/);
    expect(plain.contacts).toBeUndefined();
    const full = await exportRecord(storeOf(golden('two')), competition, undefined, { withContacts: true });
    expect(full.contacts?.jurors[0]).toMatchObject({ id: 'j1', email: competition.jurors[0]?.email });
    expect(full.records).toEqual(plain.records);
    expect((await verifyRecords(full.records, digest, CHECK)).ok).toBe(true);
  });

  it('refuses a juri-record/1 chain without contacts: that format hashed them', async () => {
    await expect(exportRecord(storeOf(golden('one')), loadNtt2024())).rejects.toMatchObject({
      code: 'conflict',
    });
    const full = await exportRecord(storeOf(golden('one')), loadNtt2024(), 1, { withContacts: true });
    expect((await verifyRecords(full.records, digest, CHECK)).ok).toBe(true);
  });
});
