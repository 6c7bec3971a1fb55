import { localParts } from '../domain/dates.ts';
import type { Lang } from '../domain/i18n.ts';

const LONG = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const LONG_DATE = { id: new Intl.DateTimeFormat('id-ID', LONG), en: new Intl.DateTimeFormat('en-GB', LONG) };

/** "2024-12-20" → "Jumat, 20 Desember 2024" (or "Friday, 20 December 2024"). */
export function formatLongDate(isoDay: string, lang: Lang): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-').map(Number) as [number, number, number];
  return LONG_DATE[lang].format(new Date(Date.UTC(y, m - 1, d)));
}

/** Indonesia's zones go by their local names; anything else shows its IANA name. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneName(timeZone: string): string {
  return ZONE_NAMES[timeZone] ?? timeZone;
}

/** "09:00" → "09.00" in Indonesian (the dot is the usual separator there). */
export function clockText(time: string, lang: Lang): string {
  return lang === 'id' ? time.replace(':', '.') : time;
}

/**
 * A moment as written in the config ("2024-12-20T09:00", local time in the competition's zone) →
 * "Jumat, 20 Desember 2024 pukul 09.00 WITA"; a bare day → "Jumat, 20 Desember 2024".
 */
export function formatLocalMoment(local: string, timeZone: string, lang: Lang): string {
  const date = formatLongDate(local, lang);
  const time = local.split('T')[1];
  if (!time) return date;
  return `${date} ${lang === 'id' ? 'pukul' : 'at'} ${clockText(time, lang)} ${zoneName(timeZone)}`;
}

/**
 * An instant (ISO 8601, as juri stores it) in the competition's zone, short enough for a table column
 * and sortable as text: "2024-11-20 09.15 WITA". Text that is not an instant is returned as it is.
 */
export function formatShortInstant(iso: string, timeZone: string, lang: Lang): string {
  const instant = new Date(iso);
  if (iso === '' || Number.isNaN(instant.getTime())) return iso;
  const { day, time } = localParts(instant, timeZone);
  return `${day} ${clockText(time, lang)} ${zoneName(timeZone)}`;
}

/** An instant (ISO 8601) in the competition's zone → "Jumat, 20 Desember 2024 09.00 WITA". */
export function formatInstant(iso: string, timeZone: string, lang: Lang): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { day, time } = localParts(instant, timeZone);
  return `${formatLongDate(day, lang)} ${clockText(time, lang)} ${zoneName(timeZone)}`;
}
