import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankCommand } from '../../functions/cli/rank.ts';
import { isAppError } from '../../shared/errors.ts';
import { NTT_2024_PATH } from '../helpers/services.ts';

const CRITERIA = [
  'latar',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumberdaya',
  'keberlanjutan',
];
const INNOVATIONS = [
  'id,title,agency,region,category,submitted_at',
  'INOV-2024-001,"Posyandu ""Prima"", Cegah Stunting",Dinas Kesehatan,Timor Tengah Utara,kabkota,2024-09-01T10:00:00+08:00',
].join('\n');

function files(innovations: string, scores: string) {
  const dir = mkdtempSync(join(tmpdir(), 'juri-rank-csv-'));
  const paths = { innovations: join(dir, 'innovations.csv'), scores: join(dir, 'scores.csv') };
  writeFileSync(paths.innovations, innovations);
  writeFileSync(paths.scores, scores);
  return paths;
}

const rank = (f: { innovations: string; scores: string }) =>
  JSON.parse(rankCommand({ config: NTT_2024_PATH.pathname, ...f, stage: 'desk', json: true, lang: 'id' }));

function failure(f: { innovations: string; scores: string }) {
  try {
    rank(f);
  } catch (error) {
    if (isAppError(error)) return { id: error.messageIn('id'), en: error.messageIn('en') };
    throw error;
  }
  throw new Error('expected juri rank to refuse the files');
}

describe('juri rank reads CSV files as a spreadsheet exports them', () => {
  it('takes a BOM, CRLF lines, blank lines, quoted fields and columns in any order', () => {
    const scores = [
      '\uFEFFvalue,juror,criterion,innovation,stage',
      ...['j1', 'j2', 'j3'].flatMap((j) =>
        CRITERIA.map((c) => `"${j === 'j2' ? '80,5' : '80'}",${j},${c}, INOV-2024-001 ,desk`),
      ),
      '',
      '"tujuh puluh",j4,latar,INOV-2024-001,desk',
    ].join('\r\n');
    const out = rank(files(INNOVATIONS, `${scores}\r\n`));
    expect(out.ranking).toEqual([expect.objectContaining({ id: 'INOV-2024-001', jurors: 3, rank: 1 })]);
    expect(out.ranking[0].score).toBeCloseTo((80 + 80.5 + 80) / 3, 12);
    expect(out.problems).toEqual([
      expect.objectContaining({
        juror: 'j4',
        criterion: 'latar',
        value: 'tujuh puluh',
        reason: 'bukan angka',
      }),
    ]);
  });

  it('refuses a record with more or fewer fields than the header, in both languages', () => {
    const scores = ['stage,innovation,juror,criterion,value', 'desk,INOV-2024-001,j1,latar,8,5'].join('\n');
    const f = files(INNOVATIONS, scores);
    const { id, en } = failure(f);
    expect(id).toBe(`${f.scores}: CSV rusak — baris 2 punya 6 kolom, header 5`);
    expect(en).toBe(`${f.scores}: broken CSV — row 2 has 6 fields, the header 5`);
  });

  it('refuses an unterminated quoted field', () => {
    const scores = ['stage,innovation,juror,criterion,value', 'desk,INOV-2024-001,j1,latar,"8', ''].join(
      '\n',
    );
    const f = files(INNOVATIONS, scores);
    const { id, en } = failure(f);
    expect(id).toBe(`${f.scores}: CSV rusak — baris 2: tanda kutip tidak ditutup`);
    expect(en).toBe(`${f.scores}: broken CSV — row 2: a quoted field is not closed`);
  });

  it('names the missing columns', () => {
    const scores = ['stage,innovation,juror,value', 'desk,INOV-2024-001,j1,8'].join('\n');
    expect(failure(files(INNOVATIONS, scores)).en).toContain('missing column(s) criterion');
  });
});
