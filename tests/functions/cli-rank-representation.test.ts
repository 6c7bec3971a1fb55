import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankCommand } from '../../functions/cli/rank.ts';
import { RankingSection } from '../../functions/pages/console/ranking-section.tsx';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { innovation, smallCompetition } from '../unit/fixtures.ts';

/** The small competition: I-1 (kabkota) is first, I-2 (prov) second; one winner; at least one prov. */
function files(rules?: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'juri-rules-'));
  const config = { ...smallCompetition() } as Record<string, unknown>;
  config.final = { weights: { desk: 40, interview: 60 }, ...(rules ? { rules } : {}) };
  const paths = {
    config: join(dir, 'config.json'),
    innovations: join(dir, 'innovations.csv'),
    scores: join(dir, 'scores.csv'),
  };
  writeFileSync(paths.config, JSON.stringify(config));
  writeFileSync(
    paths.innovations,
    [
      'id,title,agency,region,category,submitted_at',
      'I-1,Satu,Dinas,Sikka,kabkota,2024-09-01T00:00:00Z',
      'I-2,Dua,Dinas,Belu,prov,2024-09-01T00:00:00Z',
      'I-3,Tiga,Dinas,Sikka,kabkota,2024-09-01T00:00:00Z',
    ].join('\n'),
  );
  const desk = ['j1', 'j2'].flatMap((j) =>
    ['I-1', 'I-2', 'I-3'].flatMap((i, n) => ['a', 'b'].map((c) => `desk,${i},${j},${c},${90 - n * 10}`)),
  );
  const interview = ['j1', 'j2'].flatMap((j) =>
    ['I-1', 'I-2'].map((i, n) => `interview,${i},${j},x,${9 - n}`),
  );
  writeFileSync(paths.scores, ['stage,innovation,juror,criterion,value', ...desk, ...interview].join('\n'));
  return paths;
}

const rank = (rules: unknown, extra: { json?: boolean; whatIf?: boolean } = {}) =>
  rankCommand({ ...files(rules), stage: 'final', json: false, lang: 'id', ...extra });

describe('the console ranking with representation rules', () => {
  it('flags the winners the rules choose and says why', () => {
    const competition = smallCompetition();
    const ruled = {
      ...competition,
      final: { ...competition.final, top: 1, rules: { minPerCategory: { prov: 1 } } },
    };
    const innovations = [innovation('I-1', 'Sikka', 'kabkota'), innovation('I-2', 'Belu', 'prov')];
    const scored = (i: string, n: number) => [
      ...['j1', 'j2'].flatMap((j) =>
        ['a', 'b'].map((c) => ({
          stage: 'desk',
          innovation: i,
          juror: j,
          criterion: c,
          value: String(90 - n * 10),
        })),
      ),
      ...['j1', 'j2'].map((j) => ({
        stage: 'interview',
        innovation: i,
        juror: j,
        criterion: 'x',
        value: String(9 - n),
      })),
    ];
    const result = rankCompetition(ruled, innovations, [...scored('I-1', 0), ...scored('I-2', 1)]);
    const html = String(
      RankingSection({ competition: ruled, lang: 'id', result, innovations, category: undefined }),
    );
    expect(html).toContain('dilewati: tempatnya diberikan kepada I-2 melalui kuota kategori Provinsi');
    expect(html).toContain('masuk melalui kuota kategori Provinsi');
    expect(html.match(/Top 1</g)?.length).toBe(1);
  });
});

describe('juri rank with representation rules', () => {
  it('marks the winner the rules choose, and says why the first-ranked is not one', () => {
    const out = rank({ minPerCategory: { prov: 1 } });
    expect(out).toContain('Aturan keterwakilan');
    expect(out).toMatch(/I-1 .*dilewati: tempatnya diberikan kepada I-2 melalui kuota kategori Provinsi/);
    expect(out).toMatch(/I-2 .* ya +masuk melalui kuota kategori Provinsi/);
  });

  it('adds the outcome to the JSON only with rules', () => {
    const ruled = JSON.parse(rank({ minPerCategory: { prov: 1 } }, { json: true }));
    expect(ruled.representation.selected).toEqual([
      { id: 'I-2', rank: 2, quota: { kind: 'category', id: 'prov' } },
    ]);
    expect(ruled.ranking.map((e: { advances: boolean }) => e.advances)).toEqual([false, true]);
    expect(Object.keys(JSON.parse(rank(undefined, { json: true })))).toEqual([
      'stage',
      'ranking',
      'problems',
    ]);
  });

  it('shows the Top N with and without the rules in the what-if', () => {
    const out = rank({ minPerCategory: { prov: 1 } }, { whatIf: true });
    expect(out).toContain('Top 1 tanpa aturan keterwakilan: I-1');
    expect(out).toContain('Top 1 dengan aturan keterwakilan: I-2 (kuota kategori Provinsi)');
    const json = JSON.parse(rank({ minPerCategory: { prov: 1 } }, { whatIf: true, json: true }));
    expect(json.representation).toMatchObject({ without: ['I-1'], with: ['I-2'] });
  });
});
