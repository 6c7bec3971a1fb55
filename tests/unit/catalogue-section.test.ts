import { describe, expect, it } from 'vitest';
import { LANGS } from '../../shared/domain/i18n.ts';
import { ID, type MessageKey } from '../../shared/messages/catalogue/id.ts';
import { section } from '../../shared/messages/catalogue/section.ts';
import { t } from '../../shared/messages/catalogue/t.ts';

describe('section(lang, prefix): a group of catalogued words at once, for a layout naming many cells', () => {
  it('gives every message under the prefix, by the rest of its key, as t() renders it', () => {
    for (const lang of LANGS) {
      const out = section(lang, 'sheet.out.');
      const keys = (Object.keys(ID) as MessageKey[]).filter((k) => k.startsWith('sheet.out.'));
      expect(Object.keys(out).sort()).toEqual(keys.map((k) => k.slice('sheet.out.'.length)).sort());
      for (const key of keys)
        expect(out[key.slice('sheet.out.'.length) as keyof typeof out]).toBe(
          t(lang, key as 'sheet.out.rank'),
        );
    }
  });

  it('keeps the Indonesian column names the record stores, and leaves parameters for the caller', () => {
    expect(section('id', 'sheet.jurorTab.').title).toBe('Judul Inovasi');
    expect(section('en', 'sheet.jurorTab.').title).toBe('Innovation title');
    expect(section('id', 'sheet.out.').moreChanges).toContain('{n}');
  });

  it('takes no message of a neighbouring prefix', () => {
    expect(Object.keys(section('id', 'sheet.jurorTab.'))).not.toContain('missing');
  });
});
