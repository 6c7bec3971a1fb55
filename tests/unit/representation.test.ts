import { describe, expect, it } from 'vitest';
import { parseCompetition } from '../../shared/domain/competition.ts';
import type { RankedEntry, StageResult } from '../../shared/domain/ranking.ts';
import { announcedFacts, type ResultRecord, rankRecord, sealRecord } from '../../shared/domain/record.ts';
import { applyRepresentation, type RepresentedEntry } from '../../shared/domain/representation.ts';
import type { RepresentationRules } from '../../shared/domain/representation-rules.ts';
import { verifyRecords } from '../../shared/domain/verify-record.ts';
import { legacyAnnouncementTexts, recordAnnouncement } from '../../shared/messages/announcement-template.ts';
import { beritaAcara } from '../../shared/messages/berita-acara.ts';
import { issueText } from '../../shared/messages/issues.ts';
import { findingText } from '../../shared/messages/record.ts';
import { buildOutputTabs, OUTPUT_KEYS } from '../../shared/sheet/output-tabs.ts';
import { firstFinalVersion, innovation, sha256, smallCompetition } from './fixtures.ts';

/** A final ranking of these ids in this order, ranks 1, 2, 3, …. */
function ranking(ids: string[]): StageResult {
  const entry = (id: string, i: number): RankedEntry => ({
    rank: i + 1,
    id,
    score: 90 - i,
    status: 'complete',
    jurors: 3,
    tie: false,
    advances: false,
    category: '',
    categoryRank: null,
    tieBreak: [],
    totals: {},
  });
  return { stage: 'final', ranking: ids.map(entry), problems: [] };
}

/** Entries A1…: id, region, category. */
const ENTRIES: RepresentedEntry[] = [
  { id: 'A', region: 'Belu', category: 'prov' },
  { id: 'B', region: 'Belu', category: 'kab' },
  { id: 'C', region: 'Belu', category: 'kab' },
  { id: 'D', region: 'Ende', category: 'kab' },
  { id: 'E', region: 'Alor', category: 'kab' },
  { id: 'F', region: 'Sikka', category: 'prov' },
  { id: 'G', region: 'Alor', category: 'kab' },
];
const ORDER = ENTRIES.map((e) => e.id);
const apply = (rules: RepresentationRules, top = 4) =>
  applyRepresentation(ranking(ORDER), top, ENTRIES, rules, ['prov', 'kab']);

describe('representation rules on the final selection', () => {
  it('without a rule the top places win, nothing skipped', () => {
    const out = apply({});
    expect(out.selected.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(out.skipped).toEqual([]);
    expect(out.unmet).toEqual([]);
  });

  it('skips an entry whose region is full and takes the next one', () => {
    const out = apply({ maxPerRegion: 2 });
    expect(out.selected.map((s) => s.id)).toEqual(['A', 'B', 'D', 'E']);
    expect(out.skipped).toEqual([{ id: 'C', rank: 3, reason: 'max-per-region', region: 'Belu', max: 2 }]);
  });

  it('gives a place to the best-ranked entry of an unmet category, from the lowest-ranked winner no rule holds', () => {
    const out = apply({ minPerCategory: { prov: 2 } });
    expect(out.selected).toEqual([
      { id: 'A', rank: 1 },
      { id: 'B', rank: 2 },
      { id: 'C', rank: 3 },
      { id: 'F', rank: 6, quota: { kind: 'category', id: 'prov' } },
    ]);
    expect(out.skipped).toEqual([
      { id: 'D', rank: 4, reason: 'quota', quota: { kind: 'category', id: 'prov' }, by: 'F' },
    ]);
  });

  it('reserves places for a named region group, and never for an entry that breaks a maximum', () => {
    const rules = { maxPerRegion: 1, groups: { '3T': ['Alor', 'Sikka'] }, minPerGroup: { '3T': 2 } };
    const out = apply(rules);
    // Walk: A (Belu), B and C skipped (Belu full), D, E, F: two of 3T already.
    expect(out.selected.map((s) => s.id)).toEqual(['A', 'D', 'E', 'F']);
    expect(out.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['B', 'max-per-region'],
      ['C', 'max-per-region'],
    ]);
    const tight = apply({ ...rules, minPerGroup: { '3T': 2 } }, 2);
    // A and D by rank; 3T needs two: D then A give their places to E and F (G: Alor is then full).
    expect(tight.selected).toEqual([
      { id: 'E', rank: 5, quota: { kind: 'group', id: '3T' } },
      { id: 'F', rank: 6, quota: { kind: 'group', id: '3T' } },
    ]);
    expect(tight.unmet).toEqual([]);
  });

  it('keeps a winner another minimum needs, and names a minimum it cannot meet', () => {
    const out = apply(
      { minPerCategory: { prov: 1, kab: 1 }, groups: { far: ['Rote Ndao'] }, minPerGroup: { far: 1 } },
      2,
    );
    expect(out.selected.map((s) => s.id)).toEqual(['A', 'B']);
    expect(out.unmet).toEqual([{ kind: 'group', id: 'far', min: 1, got: 0 }]);
  });

  it('is the same whatever order the entries are listed in', () => {
    const rules = { maxPerRegion: 2, minPerCategory: 2 };
    const a = apply(rules);
    const b = applyRepresentation(ranking(ORDER), 4, [...ENTRIES].reverse(), rules, ['prov', 'kab']);
    expect(b).toEqual(a);
  });
});

describe('representation rules in the config', () => {
  const config = (rules: unknown, top = 1) => {
    const c = JSON.parse(JSON.stringify(smallCompetition()));
    c.final = { ...c.final, top, rules };
    return parseCompetition(c);
  };
  const said = (rules: unknown, top?: number) => {
    const parsed = config(rules, top);
    return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${issueText(i, 'id')}`);
  };

  it('names unknown regions, categories and groups, in Indonesian', () => {
    expect(
      said({ groups: { '3T': ['Atlantis'] }, minPerCategory: { pusat: 1 }, minPerGroup: { '4T': 1 } }, 3),
    ).toEqual([
      'final.rules.groups.3T[0]: wilayah "Atlantis" tidak ada dalam daftar wilayah',
      'final.rules.minPerCategory.pusat: kategori "pusat" tidak ada dalam daftar kategori',
      'final.rules.minPerGroup.4T: kelompok wilayah "4T" tidak ada dalam final.rules.groups',
    ]);
  });

  it('refuses rules that cannot all be met', () => {
    expect(said({ minPerCategory: 1 }, 1)).toEqual([
      'final.rules: jumlah kuota minimum (2) melebihi jumlah pemenang (1): aturan ini tidak mungkin dipenuhi',
    ]);
    const c = config({ maxPerRegion: 1, groups: { '3T': ['Alor'] }, minPerGroup: { '3T': 2 } }, 2);
    expect(c.ok ? [] : c.issues.map((i) => `${i.path}: ${issueText(i, 'en')}`)).toEqual([
      'final.rules.minPerGroup.3T: is more than the limit per region allows for this group (1)',
    ]);
    expect(config({ maxPerRegion: 1 }, 2).ok).toBe(true);
  });

  it('keeps the key out of a config without rules', () => {
    expect('rules' in smallCompetition().final).toBe(false);
  });
});

describe('representation rules in the record', () => {
  // Desk: I-1..I-3 advance 2; interview picks 1. Top 1 by rank is the best; the minimum gives it to prov.
  const cells = [
    ...['j1', 'j2'].flatMap((juror) =>
      ['I-1', 'I-2', 'I-3'].flatMap((i, n) =>
        ['a', 'b'].map((criterion) => ({
          stage: 'desk',
          juror,
          innovation: i,
          criterion,
          value: String(90 - n * 10),
        })),
      ),
    ),
    ...['j1', 'j2'].flatMap((juror) =>
      ['I-1', 'I-2'].map((i, n) => ({
        stage: 'interview',
        juror,
        innovation: i,
        criterion: 'x',
        value: String(9 - n),
      })),
    ),
  ];
  const innovations = [
    innovation('I-1', 'Sikka', 'kabkota'),
    innovation('I-2', 'Belu', 'prov'),
    innovation('I-3'),
  ];
  const competition = (rules?: unknown) => {
    const c = JSON.parse(JSON.stringify(smallCompetition()));
    if (rules) c.final.rules = rules;
    const parsed = parseCompetition(c);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.value;
  };
  const check = (records: ResultRecord[]) =>
    verifyRecords(records, sha256, { legacyText: legacyAnnouncementTexts });

  it('without rules names juri-rules/3 and no representation, as before', async () => {
    const record = await firstFinalVersion({ competition: competition(), innovations, cells });
    expect(record.rulesVersion).toBe('juri-rules/3');
    expect('representation' in record).toBe(false);
    expect(record.announced.map((a) => a.id)).toEqual(['I-1']);
  });

  it('with rules is fixed under juri-rules/4, stores the outcome, and verifies', async () => {
    const record = await firstFinalVersion({
      competition: competition({ minPerCategory: { prov: 1 } }),
      innovations,
      cells,
    });
    expect(record.rulesVersion).toBe('juri-rules/4');
    expect(record.representation).toEqual({
      selected: [{ id: 'I-2', rank: 2, quota: { kind: 'category', id: 'prov' } }],
      skipped: [{ id: 'I-1', rank: 1, reason: 'quota', quota: { kind: 'category', id: 'prov' }, by: 'I-2' }],
      unmet: [],
    });
    expect(record.announced.map((a) => [a.rank, a.id])).toEqual([[2, 'I-2']]);
    expect(announcedFacts(record)).toEqual(record.announced);
    expect((await check([record])).ok).toBe(true);
  });

  it('says who got in through which quota on the public announcement and in the Berita Acara', async () => {
    const record = await firstFinalVersion({
      competition: competition({ minPerCategory: { prov: 1 } }),
      innovations,
      cells,
    });
    const announcement = recordAnnouncement(record, 'id');
    expect(announcement.entries.map((e) => [e.rank, e.id, e.quota])).toEqual([
      [2, 'I-2', 'masuk melalui kuota kategori Provinsi'],
    ]);
    expect(recordAnnouncement(record, 'en').entries[0]?.quota).toBe('in through the Provinsi category quota');
    const paragraphs = beritaAcara(record, 'id').blocks.flatMap((b) => (b.kind === 'para' ? [b.text] : []));
    expect(paragraphs).toContain(
      'Daftar pemenang disusun dengan aturan keterwakilan: paling sedikit 1 dari kategori Provinsi.',
    );
    expect(paragraphs).toContain(
      'Inovasi I-2 (I-2), peringkat 2, masuk daftar pemenang melalui kuota kategori Provinsi; tempat itu semula milik Inovasi I-1 (I-1), peringkat 1.',
    );
  });

  it('the final ranking tab of the workbook says who got in through a quota and who was skipped', () => {
    const c = competition({ minPerCategory: { prov: 1 } });
    const result = rankRecord('juri-rules/4', c, innovations, cells);
    const tabs = buildOutputTabs({
      competition: c,
      innovations,
      result,
      progress: [],
      rejections: [],
      lang: 'id',
    });
    const tab = tabs.find((t) => t.key === OUTPUT_KEYS.finalRanking);
    expect(tab?.header[0]?.at(-1)).toBe('Aturan keterwakilan');
    expect(tab?.rows.map((r) => [r[2], r.at(-1)])).toEqual([
      ['I-1', 'dilewati: tempatnya diberikan kepada I-2 melalui kuota kategori Provinsi'],
      ['I-2', 'masuk melalui kuota kategori Provinsi'],
    ]);
    const plain = buildOutputTabs({
      competition: competition(),
      innovations,
      result,
      progress: [],
      rejections: [],
      lang: 'id',
    }).find((t) => t.key === OUTPUT_KEYS.finalRanking);
    expect(plain?.header[0]).not.toContain('Aturan keterwakilan');
  });

  it('refutes a record whose stored outcome was changed, naming the entries', async () => {
    const record = await firstFinalVersion({
      competition: competition({ minPerCategory: { prov: 1 } }),
      innovations,
      cells,
    });
    const forged = await sealRecord(
      { ...record, representation: { selected: [{ id: 'I-1', rank: 1 }], skipped: [], unmet: [] } },
      sha256,
    );
    const report = await check([forged]);
    expect(report.ok).toBe(false);
    const finding = report.findings.find((f) => f.code === 'representation-differs');
    expect(finding && findingText(finding, 'id')).toBe(
      'Versi 1: pemenang menurut aturan keterwakilan berbeda dari yang tersimpan (I-1, I-2).',
    );
  });
});
