import type { Lang } from './i18n.ts';

/** 87.4512 → "87,45" in Indonesian, "87.45" in English. */
export function formatScore(value: number, lang: Lang, decimals = 2): string {
  const text = value.toFixed(decimals);
  return lang === 'id' ? text.replace('.', ',') : text;
}
