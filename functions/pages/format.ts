import { formatLongDate, localParts, zoneName } from '../../shared/domain/dates.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { formatScore } from '../../shared/domain/numbers.ts';

/** "09:00" → "09.00" in Indonesian (the dot is the usual separator there). */
function clock(time: string, lang: Lang): string {
  return lang === 'id' ? time.replace(':', '.') : time;
}

/** announceAt as written in the config ("2024-12-20T09:00", local time) → "Jumat, 20 Desember 2024 pukul 09.00 WITA". */
export function formatLocalMoment(local: string, timeZone: string, lang: Lang): string {
  const date = formatLongDate(local, lang);
  const time = local.split('T')[1];
  if (!time) return date;
  return `${date} ${lang === 'id' ? 'pukul' : 'at'} ${clock(time, lang)} ${zoneName(timeZone)}`;
}

/** An instant (ISO 8601) in the competition's zone → "Jumat, 20 Desember 2024 09.00 WITA". */
export function formatInstant(iso: string, timeZone: string, lang: Lang): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { day, time } = localParts(instant, timeZone);
  return `${formatLongDate(day, lang)} ${clock(time, lang)} ${zoneName(timeZone)}`;
}

/** 12.345 → "12,3" (id) / "12.3" (en); a sign is added when asked. */
export function formatMeasure(value: number, lang: Lang, decimals = 1, signed = false): string {
  const text = Math.abs(value).toFixed(decimals);
  const sign = value < 0 && Number(text) !== 0 ? '−' : signed && Number(text) !== 0 ? '+' : '';
  return `${sign}${formatScore(Math.abs(value), lang, decimals)}`;
}
