import type { Lang } from './i18n.ts';

/** The decimal point as the language writes it: a comma in Indonesian, a dot in English. */
function localDecimal(text: string, lang: Lang): string {
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** 87.4512 → "87,45" in Indonesian, "87.45" in English. */
export function formatScore(value: number, lang: Lang, decimals = 2): string {
  return localDecimal(value.toFixed(decimals), lang);
}

/** 0.5 → "0,5" in Indonesian, "0.5" in English; digits as String() gives them, no rounding. */
export function formatNumber(value: number, lang: Lang): string {
  return localDecimal(String(value), lang);
}
