/** Users work in Bahasa Indonesia; English is the option. */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type Bilingual = { readonly id: string; readonly en: string };

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}
