import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeLocal } from '../../functions/compose/local.ts';
import { numberToId, submission } from '../contract/store-fixtures.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every file juri keeps in the folder, including SQLite's -wal and -shm once it has written. */
function modes(dir: string): Record<string, number> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, mode(join(dir, name))]));
}

describe('JURI_DIR holds contact details: only its owner may read it', () => {
  it('creates the folder 0700 and every file in it 0600, and keeps them so after writes', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'juri-modes-')), 'data');
    const rt = await composeLocal({ dir, lang: 'id' });
    try {
      await rt.services.stores.innovations.upsertInnovation(
        submission('r1', '2024-10-01T00:00:00Z'),
        numberToId,
      );
      // A workbook write goes through a temporary file and a rename.
      await rt.services.sheet?.provision({
        jurorTabs: [],
        secretariat: [],
        locale: 'id_ID',
        timeZone: 'Asia/Makassar',
      });
      expect(mode(dir)).toBe(0o700);
      const files = modes(dir);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['juri.db', 'juri.xlsx', 'secrets.json']));
      for (const [name, bits] of Object.entries(files))
        expect([name, bits.toString(8)]).toEqual([name, '600']);
    } finally {
      await rt.close();
    }
  });

  it('tightens a folder an earlier version left readable', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'juri-modes-')), 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ adminToken: 't', intakeHmac: 'h' }), {
      mode: 0o644,
    });
    chmodSync(join(dir, 'secrets.json'), 0o644);
    const rt = await composeLocal({ dir, lang: 'id' });
    await rt.close();
    expect(mode(dir)).toBe(0o700);
    for (const [name, bits] of Object.entries(modes(dir)))
      expect([name, bits.toString(8)]).toEqual([name, '600']);
  });

  it('leaves a workbook its owner made read-only read-only (only group and others lose their bits)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'juri-modes-')), 'data');
    mkdirSync(dir, { mode: 0o700 });
    const first = await composeLocal({ dir, lang: 'id' });
    await first.close();
    chmodSync(join(dir, 'juri.xlsx'), 0o444);
    const rt = await composeLocal({ dir, lang: 'id' });
    await rt.close();
    expect(mode(join(dir, 'juri.xlsx'))).toBe(0o400);
  });
});
