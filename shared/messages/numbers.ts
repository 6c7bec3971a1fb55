import type { Lang } from '../domain/i18n.ts';
import type { RankedEntry } from '../domain/ranking.ts';

/** The decimal point as the language writes it: a comma in Indonesian, a dot in English. */
function localDecimal(text: string, lang: Lang): string {
  return lang === 'id' ? text.replace('.', ',') : text;
}

/**
 * An official score's digits as every output prints them: the entry's `display` (DISPLAY_RULE, "90.45");
 * null without a score. An entry ranked before the rule existed has no `display` and keeps the digits it
 * was printed with then (`toFixed`), so texts fixed then render byte for byte.
 */
export function scoreDigits(entry: Pick<RankedEntry, 'score' | 'display'>): string | null {
  return entry.score === null ? null : (entry.display ?? entry.score.toFixed(2));
}

/**
 * THE way an official score is printed, by every output (pages, share text, exports, the workbook's tabs,
 * the Berita Acara, `juri rank`): its digits with the language's decimal separator, "90,45" / "90.45";
 * "–" without a score. A spreadsheet cell holds `Number(scoreDigits(entry))` shown with 2 decimals.
 */
export function scoreText(entry: Pick<RankedEntry, 'score' | 'display'>, lang: Lang): string {
  const digits = scoreDigits(entry);
  return digits === null ? '–' : localDecimal(digits, lang);
}

/** A measure that is not an official score (a mean, a share, a statistic): 87.4512 → "87,45" / "87.45". */
export function formatScore(value: number, lang: Lang, decimals = 2): string {
  return localDecimal(value.toFixed(decimals), lang);
}

/** 0.5 → "0,5" in Indonesian, "0.5" in English; digits as String() gives them, no rounding. */
export function formatNumber(value: number, lang: Lang): string {
  return localDecimal(String(value), lang);
}

/** 12.345 → "12,3" (id) / "12.3" (en); a sign is added when asked. */
export function formatMeasure(value: number, lang: Lang, decimals = 1, signed = false): string {
  const text = Math.abs(value).toFixed(decimals);
  const sign = value < 0 && Number(text) !== 0 ? '−' : signed && Number(text) !== 0 ? '+' : '';
  return `${sign}${formatScore(Math.abs(value), lang, decimals)}`;
}
