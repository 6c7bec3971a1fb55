import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../shared/domain/phone.ts';
import { sortableInstant } from '../../shared/domain/sortable-instant.ts';
import {
  type FormSubmission,
  mapAnswers,
  matchRegion,
  validateSubmission,
} from '../../shared/domain/submission.ts';
import { issueFields } from '../../shared/messages/issues.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import { answerList, NTT_2024_ANSWERS } from '../intake/samples.ts';

const competition = loadNtt2024();

function submission(overrides: Record<string, string | null> = {}): FormSubmission {
  return {
    responseId: 'ACYDBNj-resp-1',
    lastSubmittedTime: '2024-10-30T02:15:00.000Z',
    respondentEmail: 'operator@kupangkab.go.id',
    answers: answerList(overrides),
  };
}

function reasonsFor(overrides: Record<string, string | null>, lang: 'id' | 'en' = 'id') {
  const result = validateSubmission(competition, submission(overrides));
  if (result.ok) throw new Error('expected a rejection');
  return issueFields(result.reasons, lang);
}

describe('mapAnswers', () => {
  it('matches question titles regardless of case, spacing and punctuation', () => {
    const mapped = mapAnswers(competition.form, [
      { title: '  judul   INOVASI ', values: ['A'] },
      { title: 'Kabupaten / Kota', values: ['Belu'] },
    ]);
    expect(mapped).toEqual({ title: 'A', region: 'Belu' });
  });

  it('matches question ids and takes the first non-empty of several questions', () => {
    const form = { fields: { region: ['q-prov', 'q-kab'] }, categoryAnswers: {} };
    const mapped = mapAnswers(form, [
      { questionId: 'q-prov', values: [] },
      { questionId: 'q-kab', values: ['Alor'] },
    ]);
    expect(mapped).toEqual({ region: 'Alor' });
  });

  it('joins checkbox answers', () => {
    const mapped = mapAnswers(competition.form, [{ title: 'Implementasi', values: ['Desa', ' Kota '] }]);
    expect(mapped.implementation).toBe('Desa, Kota');
  });
});

describe('matchRegion', () => {
  const regions = competition.regions;
  it.each([
    ['Kab. Kupang', 'Kupang'],
    ['Kabupaten Kupang', 'Kupang'],
    ['KUPANG', 'Kupang'],
    ['Kota  Kupang', 'Kota Kupang'],
    ['kab timor tengah selatan', 'Timor Tengah Selatan'],
    ['TTU', 'Timor Tengah Utara'],
    ['Sumba Barat-Daya', 'Sumba Barat Daya'],
    ['Pemprov NTT', 'Provinsi NTT'],
    ['Provinsi Nusa Tenggara Timur', 'Provinsi NTT'],
  ])('%s → %s', (typed, expected) => {
    expect(matchRegion(typed, regions, competition.regionAliases)).toBe(expected);
  });

  it('refuses a place outside the list', () => {
    expect(matchRegion('Kabupaten Bantul', regions, competition.regionAliases)).toBeUndefined();
  });
});

describe('normalizePhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(0380) 821234', '+62380821234'],
  ])('%s → %s', (typed, expected) => {
    expect(normalizePhone(typed)).toBe(expected);
  });
  it.each(['12345', '0812', '+1 415 555 0100', 'nomor saya 0812'])('refuses %s', (typed) => {
    expect(normalizePhone(typed)).toBeUndefined();
  });
});

describe('validateSubmission', () => {
  it('accepts the NTT 2024 sample and puts contacts in details only', () => {
    const result = validateSubmission(competition, submission());
    expect(result).toEqual({
      ok: true,
      innovation: {
        title: NTT_2024_ANSWERS['Judul Inovasi'],
        agency: NTT_2024_ANSWERS['Nama Perangkat Daerah / BUMD'],
        region: 'Kupang',
        category: 'kabkota',
        summary: NTT_2024_ANSWERS['Ringkasan Inovasi (maks. 200 kata)'],
        details: {
          startYear: '2021',
          background: NTT_2024_ANSWERS['Latar Belakang dan Tujuan'],
          novelty: NTT_2024_ANSWERS['Kebaruan / Nilai Tambah'],
          implementation: NTT_2024_ANSWERS.Implementasi,
          significance: NTT_2024_ANSWERS.Signifikansi,
          adaptability: NTT_2024_ANSWERS.Adaptabilitas,
          resources: NTT_2024_ANSWERS['Sumber Daya'],
          sustainability: NTT_2024_ANSWERS['Strategi Keberlanjutan'],
          proposalUrl: 'https://drive.google.com/file/d/1AbCdEf/view',
          videoUrl: 'https://youtu.be/dQw4w9WgXcQ',
          contactName: 'Maria Seran',
          contactPhone: '+6281234567890',
          contactEmail: 'maria.seran@example.org',
          respondentEmail: 'operator@kupangkab.go.id',
        },
      },
    });
  });

  it('accepts a category by id or by name as well as by the answer table', () => {
    for (const typed of ['bumd', 'Badan Usaha Milik Daerah', 'badan usaha milik daerah (BUMD)']) {
      const result = validateSubmission(competition, submission({ 'Kategori Peserta': typed }));
      expect(result.ok && result.innovation.category).toBe('bumd');
    }
  });

  it('names every missing required field, in Indonesian', () => {
    const reasons = reasonsFor({
      'Judul Inovasi': '',
      'Nama Perangkat Daerah / BUMD': null,
      'Kabupaten/Kota': '   ',
      'Kategori Peserta': null,
    });
    expect(reasons).toEqual([
      { field: 'title', message: 'wajib diisi' },
      { field: 'agency', message: 'wajib diisi' },
      { field: 'region', message: 'wajib diisi' },
      { field: 'category', message: 'wajib diisi' },
    ]);
  });

  it('names each invalid field with a reason', () => {
    const reasons = reasonsFor({
      'Kabupaten/Kota': 'Kabupaten Bantul',
      'Kategori Peserta': 'Swasta',
      'Tahun Mulai Diterapkan': '2024',
      'Ringkasan Inovasi (maks. 200 kata)': Array.from({ length: 201 }, () => 'kata').join(' '),
      'Tautan Proposal (PDF)': 'lihat lampiran',
      'Nomor HP Narahubung': '12345',
      'Email Narahubung': 'maria@',
    });
    expect(reasons.map((r) => r.field)).toEqual([
      'region',
      'category',
      'startYear',
      'summary',
      'proposalUrl',
      'contactPhone',
      'contactEmail',
    ]);
    expect(reasons[0]?.message).toContain('Kabupaten Bantul');
    expect(reasons[1]?.message).toContain('Perangkat Daerah Provinsi');
    expect(reasons[2]?.message).toBe('harus antara 1945 dan 2023');
    expect(reasons[3]?.message).toBe('maksimal 200 kata (sekarang 201 kata)');
  });

  it('refuses a year that is not a year', () => {
    expect(reasonsFor({ 'Tahun Mulai Diterapkan': 'dua ribu' })[0]).toEqual({
      field: 'startYear',
      message: 'harus tahun (4 angka), contoh 2021',
    });
  });

  it('speaks English when asked', () => {
    expect(reasonsFor({ 'Judul Inovasi': null }, 'en')).toEqual([{ field: 'title', message: 'is required' }]);
  });

  it('maps by field name when the competition has no form section', () => {
    const { form: _form, ...bare } = competition;
    const result = validateSubmission(bare, {
      responseId: 'r',
      lastSubmittedTime: '2024-10-30T02:15:00.000Z',
      answers: [
        { title: 'title', values: ['T'] },
        { title: 'agency', values: ['A'] },
        { title: 'region', values: ['Alor'] },
        { title: 'category', values: ['prov'] },
      ],
    });
    expect(result).toEqual({
      ok: true,
      innovation: { title: 'T', agency: 'A', region: 'Alor', category: 'prov', details: {} },
    });
  });
});

describe('sortableInstant', () => {
  it('orders instants of different precision correctly as strings', () => {
    const a = sortableInstant('2024-10-30T02:15:00Z');
    const b = sortableInstant('2024-10-30T02:15:00.5Z');
    const c = sortableInstant('2024-10-30T10:15:00.600+08:00');
    expect(a).toBe('2024-10-30T02:15:00.000000000Z');
    expect(a < b && b < c).toBe(true);
  });
});
