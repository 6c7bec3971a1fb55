import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ntt2024 from '../../infra/competitions/koin-yanlik-ntt-2024.json' with { type: 'json' };
import type { Competition } from '../../shared/domain/competition.ts';
import { readCompetition } from '../cli/io.ts';

/** The open copy's folder inside local mode's, with its own database, workbook and config. */
export const OPEN_COPY_DIR = 'terbuka';
const CONFIG_FILE = 'kompetisi.json';
const DAY_MS = 86_400_000;
/** The copy opens a week before the day it is made, so the form takes entries at once. */
const OPENED_DAYS_AGO = 7;
const DATE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2})?$/;

/**
 * The demo's open copy: the bundled 2024 competition moved in time so that its registration is open
 * around `today`, every date (intake, deadlines, scoring, announcement) moved by the same number of days,
 * under its own id and year. The 2024 demo keeps its history (it is announced, its form closed); the copy
 * is where `/daftar` takes an entry on a first `npm start`. One deployment still serves one competition
 * (issue 24's several competitions are not built): the copy runs beside it, on its own port.
 */
export function openCopyConfig(today: Date): unknown {
  const opens =
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - OPENED_DAYS_AGO * DAY_MS;
  const shift = Math.round((opens - Date.parse(`${ntt2024.intake.opensAt}T00:00Z`)) / DAY_MS);
  const year = new Date(opens).getUTCFullYear();
  const years = year - ntt2024.year;
  const moved = shiftDates(ntt2024, shift) as typeof ntt2024;
  const copy = {
    ...moved,
    id: `${ntt2024.id.replace(String(ntt2024.year), String(year))}-terbuka`,
    name: `${ntt2024.name.replace(String(ntt2024.year), String(year))} (salinan demo)`,
    nameEn: `${ntt2024.nameEn.replace(String(ntt2024.year), String(year))} (demo copy)`,
    year,
  };
  return {
    ...copy,
    form: { ...copy.form, maxStartYear: copy.form.maxStartYear + years },
  };
}

/**
 * The open copy's config, made on the first start and kept in its folder: a restart keeps the same id,
 * dates and entries.
 */
export function openCopy(
  dir: string,
  today: Date,
): { dir: string; config: string; competition: Competition } {
  const folder = join(dir, OPEN_COPY_DIR);
  const config = join(folder, CONFIG_FILE);
  if (!existsSync(config)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(config, `${JSON.stringify(openCopyConfig(today), null, 2)}\n`, { mode: 0o600 });
  }
  return { dir: folder, config, competition: readCompetition(config) };
}

function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string') {
    const m = DATE.exec(value);
    if (!m?.[1]) return value;
    const day = new Date(Date.parse(`${m[1]}T00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
    return `${day}${m[2] ?? ''}`;
  }
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)]));
  return value;
}
