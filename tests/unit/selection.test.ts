import { describe, expect, it } from 'vitest';
import { parseCompetition } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import {
  admitted,
  decideSelection,
  normalizeTitle,
  overrideChanges,
  type SelectionRules,
  selectionSchema,
  titleSimilarity,
} from '../../shared/domain/selection.ts';
import { reasonsLine } from '../../shared/messages/selection.ts';
import { parseSelectionTab, readDecision, selectionTab } from '../../shared/sheet/selection-tab.ts';
import { loadNtt2024 } from '../helpers/services.ts';

function entry(
  n: number,
  fields: Partial<Innovation> = {},
  details: Record<string, string> = {},
): Innovation {
  return {
    id: `INOV-2024-${String(n).padStart(3, '0')}`,
    title: `Inovasi ${n}`,
    agency: 'Dinas Kesehatan',
    region: 'Alor',
    category: 'kabkota',
    submittedAt: new Date(Date.UTC(2024, 8, n)).toISOString(),
    summary: 'Ringkasan.',
    details: { startYear: '2020', proposalUrl: 'https://contoh.example/p.pdf', ...details },
    ...fields,
  };
}

const rules = (r: Partial<SelectionRules> = {}): SelectionRules => selectionSchema.parse(r);

describe('titles', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normalizeTitle('  Sí-KAWIN: Layanan   Terpadu! ')).toBe('si kawin layanan terpadu');
  });

  it('calls near-identical titles similar, and titles with other numbers different', () => {
    expect(titleSimilarity('Posyandu Prima Cegah Stunting', 'POSYANDU PRIMA: cegah stunting')).toBe(1);
    expect(
      titleSimilarity(
        'Posyandu Prima Cegah Stunting Berbasis Desa',
        'Posyandu Prima: Cegah Stunting di Desa',
      ),
    ).toBeGreaterThan(0.8);
    expect(titleSimilarity('Layanan Kesehatan Keliling 1', 'Layanan Kesehatan Keliling 15')).toBe(0);
    expect(titleSimilarity('Bank Sampah Sekolah', 'Klinik Hukum Gratis Warga Desa')).toBeLessThan(0.3);
  });
});

describe('administrative selection rules', () => {
  it('passes an entry that meets every rule', () => {
    const [v] = decideSelection(
      rules({ requiredFields: ['summary', 'proposalUrl'], minYearsRunning: 2 }),
      2024,
      [entry(1)],
    );
    expect(v).toMatchObject({ id: 'INOV-2024-001', rule: 'pass', outcome: 'pass', reasons: [] });
  });

  it('fails a missing required field or link, naming it', () => {
    const [v] = decideSelection(rules({ requiredFields: ['proposalUrl', 'videoUrl'] }), 2024, [entry(1)]);
    expect(v?.rule).toBe('fail');
    expect(v?.reasons).toEqual([{ code: 'missingField', params: { field: 'videoUrl' } }]);
    expect(reasonsLine(v?.reasons ?? [], 'id')).toBe('tautan video belum diisi');
    expect(reasonsLine(v?.reasons ?? [], 'en')).toBe('video link is missing');
  });

  it('fails an innovation not yet running the years asked; an unknown start year is not held against it', () => {
    const verdicts = decideSelection(rules({ minYearsRunning: 2 }), 2024, [
      entry(1, {}, { startYear: '2023' }),
      entry(2, {}, { startYear: '2022' }),
      entry(3, { details: {} }),
    ]);
    expect(verdicts.map((v) => v.rule)).toEqual(['fail', 'pass', 'pass']);
    expect(reasonsLine(verdicts[0]?.reasons ?? [], 'id')).toBe(
      'baru berjalan sejak 2023; harus sudah berjalan minimal 2 tahun (mulai paling lambat 2022)',
    );
  });

  it('fails an entrant type or region that may not take part', () => {
    const verdicts = decideSelection(rules({ categories: ['kabkota'], regions: ['Alor'] }), 2024, [
      entry(1, { category: 'bumd' }),
      entry(2, { region: 'Belu' }),
    ]);
    expect(verdicts.map((v) => v.reasons[0]?.code)).toEqual(['categoryNotEligible', 'regionNotEligible']);
  });

  it('flags the later of two similar titles for a check, and a past winner’s title', () => {
    const verdicts = decideSelection(
      rules({ pastWinners: [{ year: 2023, title: 'Bank Sampah Sekolah' }] }),
      2024,
      [
        entry(2, { title: 'Posyandu Prima, Cegah Stunting' }),
        entry(1, { title: 'Posyandu Prima Cegah Stunting' }),
        entry(3, { title: 'Bank Sampah Sekolah' }),
        entry(4, { title: 'Bank Sampah Sekolah Dasar' }),
      ],
    );
    // The earlier submission (INOV-2024-001) keeps its place; the later one needs a check.
    expect(verdicts.map((v) => [v.id, v.outcome])).toEqual([
      ['INOV-2024-001', 'pass'],
      ['INOV-2024-002', 'check'],
      ['INOV-2024-003', 'fail'],
      ['INOV-2024-004', 'check'],
    ]);
    expect(reasonsLine(verdicts[1]?.reasons ?? [], 'id')).toBe(
      'judul mirip (100%) dengan INOV-2024-001 "Posyandu Prima Cegah Stunting" yang masuk lebih dulu',
    );
    expect(verdicts[2]?.reasons[0]?.code).toBe('sameAsPastWinner');
  });

  it('lets the secretariat’s decision win, and only passing entries go on', () => {
    const list = [entry(1, {}, { startYear: '2024' }), entry(2)];
    const verdicts = decideSelection(
      rules({ minYearsRunning: 1 }),
      2024,
      list,
      new Map([
        ['INOV-2024-001', { decision: 'pass' as const, by: 'Maria', note: 'dimulai Januari 2023' }],
        ['INOV-2024-002', { decision: 'fail' as const, by: 'Yosef', note: 'ditarik pendaftar' }],
      ]),
    );
    expect(verdicts.map((v) => [v.rule, v.outcome])).toEqual([
      ['fail', 'pass'],
      ['pass', 'fail'],
    ]);
    expect(admitted(list, verdicts).map((i) => i.id)).toEqual(['INOV-2024-001']);
  });

  it('logs each change of a decision once, with who, and a cleared one', () => {
    const list = [entry(1), entry(2)];
    const r = rules();
    const first = decideSelection(
      r,
      2024,
      list,
      new Map([['INOV-2024-001', { decision: 'fail' as const, by: 'Maria', note: '' }]]),
    );
    const same = decideSelection(
      r,
      2024,
      list,
      new Map([['INOV-2024-001', { decision: 'fail' as const, by: 'Maria', note: '' }]]),
    );
    const cleared = decideSelection(r, 2024, list);
    expect(overrideChanges([], first, 't1', 's1')).toEqual([
      { id: 'INOV-2024-001', decision: 'fail', by: 'Maria', note: '', at: 't1', sync: 's1' },
    ]);
    expect(overrideChanges(first, same, 't2', 's2')).toEqual([]);
    expect(overrideChanges(same, cleared, 't3', 's3')).toEqual([
      { id: 'INOV-2024-001', decision: 'cleared', by: '', note: '', at: 't3', sync: 's3' },
    ]);
  });

  it('is off unless the config has a selection section, and checks the ids it names', () => {
    const base = loadNtt2024();
    const { selection: _, ...withoutSelection } = base;
    const parsed = parseCompetition(withoutSelection);
    expect(parsed.ok && parsed.value.selection).toBeUndefined();
    const bad = parseCompetition({ ...base, selection: { categories: ['desa'], regions: ['Bali'] } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'selection.categories[0] unknownCategoryId',
      'selection.regions[0] unknownRegion',
    ]);
  });
});

describe('the "Seleksi" tab', () => {
  it('reads the secretariat’s decisions as typed, in either language and any case', () => {
    expect(['Lolos', ' lolos ', 'LULUS', 'pass'].map(readDecision)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(['Tidak lolos', 'tidak  LOLOS', 'gugur', 'fail'].map(readDecision)).toEqual([
      'fail',
      'fail',
      'fail',
      'fail',
    ]);
    expect(readDecision('mungkin')).toBeNull();
    const read = parseSelectionTab([
      [
        'INOV-2024-001',
        't',
        'a',
        'r',
        'k',
        'Perlu dicek',
        'alasan',
        'Lolos',
        'Maria',
        'dicek ulang',
        'Perlu dicek',
      ],
      ['INOV-2024-002', 't', 'a', 'r', 'k', 'Lolos', '', 'nanti', '', '', 'Lolos'],
      ['INOV-2024-003', 't', 'a', 'r', 'k', 'Lolos', ''],
      ['', 'stray'],
    ]);
    expect([...read.overrides]).toEqual([
      ['INOV-2024-001', { decision: 'pass', by: 'Maria', note: 'dicek ulang' }],
    ]);
    expect([...read.unreadable]).toEqual(['INOV-2024-002']);
    expect([...read.typed.keys()]).toEqual(['INOV-2024-001', 'INOV-2024-002']);
  });

  it('writes the typed columns back as typed, and says when one is not understood', () => {
    const competition = loadNtt2024();
    const list = [entry(1), entry(2)];
    const verdicts = decideSelection(
      rules(),
      2024,
      list,
      new Map([['INOV-2024-001', { decision: 'fail' as const, by: 'Maria', note: '' }]]),
    );
    const typed = new Map<string, [string, string, string]>([
      ['INOV-2024-001', ['tidak lolos', 'Maria', '']],
      ['INOV-2024-002', ['nanti', '', '']],
    ]);
    const tab = selectionTab(competition, list, verdicts, typed, 'id');
    expect(tab.title).toBe('Seleksi');
    expect(tab.rows[0]?.slice(7)).toEqual(['tidak lolos', 'Maria', '', 'Tidak lolos']);
    expect(tab.rows[1]?.at(-1)).toBe('Lolos (isian tidak dikenali; ketik Lolos atau Tidak lolos)');
    expect(selectionTab(competition, list, verdicts, typed, 'en').title).toBe('Seleksi');
  });
});
