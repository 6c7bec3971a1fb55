import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finding, findAllUserWords, findUserWords, WORDS_HOME } from '../helpers/user-words.ts';

const ROOT = join(import.meta.dirname, '../..');

/**
 * Files whose words are not words of juri's, so they stay where they are, each for its reason.
 * - The demo's data: what the fictional entrants, jurors and secretariat type (titles, remarks, a name),
 *   the same whatever the reader's language, and what the demo adds to its config (a field stage's claims).
 * - Place names: NTT's regencies and cities, and the province's government (the default organizer), are
 *   proper names, in every language.
 * - The local Sheets server imitates the Google Sheets API, errors included: its texts are Google's own
 *   (English only), which the Sheets adapter and its tests read as the real API's. books.ts too: Google's
 *   404 text, its default title 'Untitled spreadsheet', and a create the imitation refuses, in the API's words;
 *   dimensions.ts: Google's refusals of a row insert or delete.
 */
const NOT_JURIS_WORDS = new Set([
  'functions/demo/innovations.ts',
  'functions/demo/jurors.ts',
  'functions/demo/kipp.ts',
  'functions/demo/secretariat.ts',
  'shared/domain/regions.ts',
  'infra/local-sheets/a1.ts',
  'infra/local-sheets/books.ts',
  'infra/local-sheets/dimensions.ts',
  'infra/local-sheets/server.ts',
  'infra/local-sheets/structure.ts',
  'infra/local-sheets/values.ts',
]);

const where = (found: readonly Finding[]) => found.map((f) => `${f.file}:${f.line}: ${f.text}`).join('\n');

describe('words for a person live in shared/messages/ (the lint of issue 21)', () => {
  const byFile = findAllUserWords(ROOT);

  it('finds none in a file outside the lists', () => {
    const strays = [...byFile].filter(([file]) => !NOT_JURIS_WORDS.has(file)).flatMap(([, found]) => found);
    expect(where(strays), `Move these words into ${WORDS_HOME}catalogue/ (id and en)`).toBe('');
  });
});

describe('the lint catches a probe and lets code through', () => {
  const tag = `words-probe-${process.pid}`;
  const PROBES: Record<string, string> = {
    [`functions/pages/${tag}.tsx`]: 'export const probe = () => <p>Hasil sudah ditetapkan</p>;\n',
    [`shared/domain/${tag}.ts`]: "export const probe = 'The result is fixed.';\n",
    [`infra/local/${tag}.ts`]: 'export const probe = (n: number) => `$' + '{n} inovasi belum dinilai`;\n',
    // A log line with a colon and a semicolon is a sentence, not a CSS declaration.
    [`infra/local/${tag}-log.ts`]:
      'export const probe = (f: string) => `juri: $' + '{f} could not be written yet; trying again`;\n',
    [`functions/pages/${tag}-label.tsx`]: 'export const probe = () => <input aria-label="Nama juri" />;\n',
    [`functions/pages/${tag}-heading.tsx`]: 'export const probe = () => <h2>Peringkat</h2>;\n',
    [`shared/messages/${tag}.ts`]: "export const probe = 'Hasil sudah ditetapkan.';\n",
    [`functions/pages/${tag}-code.tsx`]: [
      "import { z } from 'zod';",
      "const css = '.card{margin:0 0 1rem}';",
      "const style = 'display: none; margin-left: 2px;';",
      "const sql = 'SELECT id FROM innovations WHERE competition = ?';",
      "const key = 'sync.failed';",
      "const header = { 'Content-Type': 'text/html' };",
      "const pem = '-----BEGIN PRIVATE KEY-----';",
      'const bug = (n: number) => new RangeError(`JSON nested deeper than $' + '{n} levels`);',
      'export const probe = () => <a class="btn primary wide" href="/sekretariat/hasil" data-testid="fix it">',
      '  {css}{style}{sql}{key}{header}{pem}{z}{String(bug)}',
      '</a>;',
      '',
    ].join('\n'),
  };

  beforeAll(() => {
    for (const [path, source] of Object.entries(PROBES)) {
      mkdirSync(dirname(join(ROOT, path)), { recursive: true });
      writeFileSync(join(ROOT, path), source);
    }
  });
  afterAll(() => {
    for (const path of Object.keys(PROBES)) rmSync(join(ROOT, path));
  });

  const flagged = () => [...findAllUserWords(ROOT).keys()].filter((file) => file.includes(tag)).sort();

  it('fails on a sentence, a label and a heading written outside shared/messages/, and on nothing else', () => {
    expect(flagged()).toEqual(
      [
        `functions/pages/${tag}.tsx`,
        `functions/pages/${tag}-heading.tsx`,
        `functions/pages/${tag}-label.tsx`,
        `infra/local/${tag}.ts`,
        `infra/local/${tag}-log.ts`,
        `shared/domain/${tag}.ts`,
      ].sort(),
    );
  });

  it('names the line and the words', () => {
    const found = findUserWords('x.ts', "const a = 1;\nexport const probe = 'Tab juri siap.';\n");
    expect(found).toEqual([{ file: 'x.ts', line: 2, text: 'Tab juri siap.' }]);
  });
});
