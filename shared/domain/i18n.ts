/** Users work in Bahasa Indonesia; English is the option. */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type Bilingual = { readonly id: string; readonly en: string };

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** "{name}" placeholders filled from args; an unknown one stays visible rather than vanishing. */
export function fill(
  template: string,
  args: Readonly<Record<string, string | number | undefined>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) =>
    args[k] === undefined ? `{${k}}` : String(args[k]),
  );
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** The English name when English is asked for and one exists; the Indonesian name otherwise. */
export function localName(x: { name: string; nameEn?: string | undefined }, lang: Lang): string {
  return lang === 'en' ? (x.nameEn ?? x.name) : x.name;
}
