import { formatLongDate, localParts } from '../../../shared/domain/dates.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import { clockText, zoneName } from '../../../shared/messages/moments.ts';
import { formatScore } from '../../../shared/messages/numbers.ts';

/** An instant (ISO 8601) in the competition's zone → "Jumat, 20 Desember 2024 09.00 WITA". */
export function formatInstant(iso: string, timeZone: string, lang: Lang): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { day, time } = localParts(instant, timeZone);
  return `${formatLongDate(day, lang)} ${clockText(time, lang)} ${zoneName(timeZone)}`;
}

/** 12.345 → "12,3" (id) / "12.3" (en); a sign is added when asked. */
export function formatMeasure(value: number, lang: Lang, decimals = 1, signed = false): string {
  const text = Math.abs(value).toFixed(decimals);
  const sign = value < 0 && Number(text) !== 0 ? '−' : signed && Number(text) !== 0 ? '+' : '';
  return `${sign}${formatScore(Math.abs(value), lang, decimals)}`;
}
