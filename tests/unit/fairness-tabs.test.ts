import { describe, expect, it } from 'vitest';
import type { Competition } from '../../shared/domain/competition.ts';
import { fairnessReport } from '../../shared/domain/fairness/report.ts';
import { unadjustedPlaces } from '../../shared/domain/fairness/stage-scores.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { beritaAcara } from '../../shared/messages/berita-acara.ts';
import { FAIRNESS_TEXT, render } from '../../shared/messages/fairness.ts';
import { buildOutputTabs } from '../../shared/sheet/output-tabs.ts';
import { innovation, smallCompetition } from './fixtures.ts';

function judged(competition: Competition) {
  const innovations = ['I-1', 'I-2', 'I-3', 'I-5', 'I-6'].map((id, i) =>
    innovation(id, 'Sumba Timur', i % 2 === 0 ? 'prov' : 'kabkota'),
  );
  const scores = innovations.flatMap((inn, i) =>
    ['j1', 'j2', 'j3'].flatMap((juror, j) => [
      ...['a', 'b'].map((criterion) => ({
        stage: 'desk',
        innovation: inn.id,
        juror,
        criterion,
        value: String(60 + i * 5 + j * 3),
      })),
      { stage: 'interview', innovation: inn.id, juror, criterion: 'x', value: String(5 + ((i + j) % 4)) },
    ]),
  );
  const result = rankCompetition(competition, innovations, scores);
  return {
    competition,
    innovations,
    result,
    fairness: fairnessReport(competition, result, { resamples: 200 }),
  };
}

const base = smallCompetition();
const input = (c: Competition, lang: 'id' | 'en') => {
  const { innovations, result, fairness } = judged(c);
  return { competition: c, innovations, result, progress: [], rejections: [], lang, fairness };
};

describe('the fairness tabs', () => {
  it('"Uji Metode" and "Stabilitas Peringkat" in Indonesian, "Method Test" and "Rank Stability" in English', () => {
    const id = buildOutputTabs(input(base, 'id'));
    const en = buildOutputTabs(input(base, 'en'));
    const title = (tabs: typeof id, key: string) => tabs.find((t) => t.key === key)?.title;
    expect(title(id, 'method-test')).toBe('» Uji Metode');
    expect(title(id, 'rank-stability')).toBe('» Stabilitas Peringkat');
    expect(title(en, 'method-test')).toBe('» Method Test');
    expect(title(en, 'rank-stability')).toBe('» Rank Stability');
    const method =
      id
        .find((t) => t.key === 'method-test')
        ?.rows.map((r) => r.join(' '))
        .join('\n') ?? '';
    expect(method).toContain('Cara menghitung yang berlaku: Rata-rata');
    expect(method).toContain('Rata-rata (z)');
    const stability = id.find((t) => t.key === 'rank-stability');
    expect(stability?.rows.some((r) => r[1] === 'I-1' && typeof r[4] === 'number')).toBe(true);
  });

  it('are left out when a sync has no report (older records)', () => {
    const { fairness: _omit, ...rest } = input(base, 'id');
    expect(buildOutputTabs(rest).some((t) => t.key === 'method-test')).toBe(false);
  });

  it('a stage that advances per category gets a what-if and a bootstrap per category', () => {
    const perCategory: Competition = {
      ...base,
      stages: base.stages.map((s, i) => (i === 0 ? { ...s, advance: { top: 1, per: 'category' } } : s)),
    };
    const { fairness } = judged(perCategory);
    const desk = fairness.stages[0];
    expect(desk?.groups.map((g) => g.category)).toEqual(['prov', 'kabkota']);
    expect(desk?.groups.every((g) => g.top === 1 && g.stability !== null)).toBe(true);
    const tab = buildOutputTabs(input(perCategory, 'id')).find((t) => t.key === 'rank-stability');
    expect(tab?.rows.some((r) => r[0] === 'Proposal — Provinsi')).toBe(true);
  });
});

describe('a one-stage competition', () => {
  it('lists the stage’s bootstrap once: the final says it is the same table', () => {
    const [first] = base.stages;
    if (!first) throw new Error('no stage');
    const single: Competition = {
      ...base,
      stages: [{ ...first, advance: undefined } as Competition['stages'][number]],
      final: { weights: { desk: 1 }, top: 2 },
    };
    const tab = buildOutputTabs(input(single, 'id')).find((t) => t.key === 'rank-stability');
    const cells = tab?.rows.map((r) => String(r[0] ?? '')) ?? [];
    expect(cells).toContain('Sama dengan tabel Proposal di atas (peringkat akhir = tahap itu).');
    expect(tab?.rows.filter((r) => r[1] === 'I-1')).toHaveLength(1);
  });
});

describe('raw and adjusted ranks side by side', () => {
  const rankTab = (c: Competition) =>
    buildOutputTabs(input(c, 'id')).find((t) => t.key === 'rank:desk') ?? { header: [[]], rows: [] };

  it('an adjusted stage’s ranking tab shows the unadjusted rank beside its own', () => {
    // The fixture's jurors order the entries alike, so here the raw rank is the median's rank too.
    const adjusted: Competition = {
      ...base,
      stages: base.stages.map((s, i) =>
        i === 0 ? { ...s, aggregation: { method: 'median', normalize: 'none' } } : s,
      ),
    };
    const tab = rankTab(adjusted);
    expect(tab.header[0]?.slice(0, 4)).toEqual([
      'Peringkat',
      'Seri',
      'Peringkat tanpa penyesuaian (rata-rata nilai asli)',
      'ID',
    ]);
    const { result } = judged(adjusted);
    const desk = result.stages.find((s) => s.stage === 'desk')?.ranking ?? [];
    const places = unadjustedPlaces(adjusted.stages[0] ?? {}, desk);
    expect(tab.rows.map((r) => [r[3], r[2]])).toEqual(desk.map((e) => [e.id, places?.get(e.id)]));
    expect(tab.rows.map((r) => r[2])).toEqual([1, 2, 3, 4, 5]);
  });

  it('a stage with the published rule keeps its tab as it was', () => {
    expect(rankTab(base).header[0]?.slice(0, 3)).toEqual(['Peringkat', 'Seri', 'ID']);
    expect(unadjustedPlaces(base.stages[0] ?? {}, [])).toBeNull();
  });

  it('ranks by the mean of the totals as typed, tie-break-free', () => {
    const ranking = [
      { id: 'I-2', status: 'complete', totals: { j1: 80, j2: 60 } },
      { id: 'I-10', status: 'complete', totals: { j1: 70, j2: 70 } },
      { id: 'I-3', status: 'complete', totals: { j1: 90, j2: 70 } },
      { id: 'I-4', status: 'incomplete', totals: { j1: 99 } },
    ];
    const places = unadjustedPlaces({ aggregation: { method: 'mean', normalize: 'zscore' } }, ranking);
    expect([...(places ?? [])]).toEqual([
      ['I-3', 1],
      ['I-2', 2],
      ['I-10', 3],
    ]);
  });
});

describe('the Berita Acara', () => {
  it('says how a stage is scored when it is not the plain mean', () => {
    const zscored: Competition = {
      ...base,
      stages: base.stages.map((s, i) =>
        i === 0 ? { ...s, aggregation: { method: 'trimmed', normalize: 'zscore' } } : s,
      ),
    };
    const { innovations, result } = judged(zscored);
    const record = {
      competition: zscored,
      result,
      innovations: innovations.map((i) => ({ ...i })),
      cells: [],
      tieDecisions: [],
      fixedAt: '2024-12-20T01:00:00Z',
      version: 1,
      status: 'final',
      previous: null,
      reason: null,
      confirms: null,
      provisionalUntil: null,
      rulesVersion: 'juri-rules/1',
      hash: 'a'.repeat(64),
      competitionId: zscored.id,
    } as unknown as Parameters<typeof beritaAcara>[0];
    const texts = beritaAcara(record, 'id').blocks.map((b) => ('text' in b ? b.text : ''));
    expect(texts).toContain(
      'Nilai tahap Proposal tidak memakai rata-rata biasa, melainkan dihitung dengan cara: Rata-rata terpangkas + standardisasi z.',
    );
    expect(texts).toContain('Lampiran. Stabilitas Peringkat Akhir');
  });
});

describe('plain words', () => {
  it('every sentence exists in both languages and fills every placeholder it names', () => {
    for (const [code, text] of Object.entries(FAIRNESS_TEXT)) {
      const names = [...text.id.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
      expect([...text.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()).toEqual([...names].sort());
      const params = Object.fromEntries(names.map((n) => [n, 1.5]));
      for (const lang of ['id', 'en'] as const) {
        expect(render(code as keyof typeof FAIRNESS_TEXT, params, lang)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('writes p-values as a bound below 0,001', () => {
    expect(render('kendall-p-significant', { p: 1.8e-10 }, 'id')).toBe(
      'Nilai p < 0,001: kesamaan urutan antarjuri ini hampir pasti bukan kebetulan',
    );
    expect(render('kendall-p-chance', { p: 0.2346 }, 'en')).toContain('p-value 0.235');
  });
});
