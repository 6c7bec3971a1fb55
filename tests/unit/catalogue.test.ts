import { describe, expect, it } from 'vitest';
import { EN } from '../../shared/messages/catalogue/en.ts';
import { ID } from '../../shared/messages/catalogue/id.ts';
import type { English } from '../../shared/messages/catalogue/params.ts';
import { t } from '../../shared/messages/catalogue/t.ts';

/** The `{name}`s of a text, as `fill` sees them. */
const paramsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue (shared/messages/catalogue/): one table per language, checked by the typecheck', () => {
  it('renders a message in either language, its parameters filled in', () => {
    expect(t('id', 'fixedVersion', { n: 3 })).toBe('Hasil ditetapkan, versi 3');
    expect(t('en', 'fixedVersion', { n: 3 })).toBe('Fixed result, version 3');
    expect(t('id', 'rank')).toBe('Peringkat');
  });

  it('refuses, at compile time, a wrong or missing parameter and an English table that drifts', () => {
    // Each line below fails `tsc` without its @ts-expect-error: a parameter the text lacks, one left out,
    // a key that does not exist, an English text that drops a parameter, a key missing in English.
    // The calls are only typechecked, never run.
    const wrongCalls = () => [
      // @ts-expect-error 'count' is not a parameter of fixedVersion
      t('id', 'fixedVersion', { count: 3 }),
      // @ts-expect-error fixedVersion needs {n}
      t('en', 'fixedVersion'),
      // @ts-expect-error no such key
      t('id', 'noSuchMessage'),
    ];
    const indonesian = { a: 'Versi {n}', b: 'Peringkat' } as const;
    // @ts-expect-error the English text drops {n}
    const dropsParam = { a: 'Version', b: 'Rank' } satisfies English<typeof indonesian>;
    // @ts-expect-error the English table lacks b
    const lacksKey = { a: 'Version {n}' } satisfies English<typeof indonesian>;
    expect([wrongCalls, dropsParam, lacksKey]).toHaveLength(3);
  });

  it('has the same keys and the same parameters in both languages', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ID).sort());
    for (const [key, text] of Object.entries(ID)) {
      expect(paramsOf(EN[key as keyof typeof EN]), key).toEqual(paramsOf(text));
    }
  });
});
