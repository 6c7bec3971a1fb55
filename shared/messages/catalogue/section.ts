import type { Lang } from '../../domain/i18n.ts';
import { EN } from './en.ts';
import { ID, type MessageKey } from './id.ts';

/** The messages whose keys start with `Prefix`, by the rest of their key: 'sheet.out.' → rank, title, … */
export type Section<Prefix extends string> = {
  readonly [Key in MessageKey as Key extends `${Prefix}${infer Rest}` ? Rest : never]: string;
};

/**
 * One group of catalogued words in `lang` at once, for a layout that names many cells (a sheet's
 * headers): section('id', 'sheet.out.').rank is t('id', 'sheet.out.rank'). A message's `{name}`
 * parameters stay in its text for the caller to fill.
 */
export function section<Prefix extends string>(lang: Lang, prefix: Prefix): Section<Prefix> {
  const table: Readonly<Record<string, string>> = lang === 'en' ? EN : ID;
  const entries = Object.entries(table).filter(([key]) => key.startsWith(prefix));
  return Object.fromEntries(
    entries.map(([key, text]) => [key.slice(prefix.length), text]),
  ) as Section<Prefix>;
}
