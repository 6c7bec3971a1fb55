import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ntt2024 from '../../infra/competitions/koin-yanlik-ntt-2024.json' with { type: 'json' };
import { MORE_COMPETITIONS_DIR } from '../compose/local.ts';

const DAY_MS = 86_400_000;
/** The year opens a week before the day it is made, so the form takes entries at once. */
const OPENED_DAYS_AGO = 7;
const DATE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2})?$/;

/**
 * The demo's open year: the bundled 2024 competition moved in time so that its registration is open
 * around `today`, every date (intake, deadlines, scoring, announcement) moved by the same number of days,
 * under its own id and year. The 2024 demo keeps its history (announced, its form closed); this one, in
 * the same deployment, is where `/daftar` takes an entry on a first `npm start`.
 */
export function openYearConfig(today: Date): unknown {
  const opens =
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - OPENED_DAYS_AGO * DAY_MS;
  const shift = Math.round((opens - Date.parse(`${ntt2024.intake.opensAt}T00:00Z`)) / DAY_MS);
  const year = new Date(opens).getUTCFullYear();
  const years = year - ntt2024.year;
  const moved = shiftDates(ntt2024, shift) as typeof ntt2024;
  const renamed = (text: string) => text.replace(String(ntt2024.year), String(year));
  return {
    ...moved,
    id: renamed(ntt2024.id),
    name: renamed(ntt2024.name),
    nameEn: renamed(ntt2024.nameEn),
    year,
    form: { ...moved.form, maxStartYear: moved.form.maxStartYear + years },
  };
}

/**
 * Writes the open year's config into local mode's folder of more competitions on the first start, and
 * keeps it: a restart keeps the same id, dates and entries. A folder that already lists a competition
 * there is left as it is.
 */
export function ensureOpenYear(dir: string, today: Date): void {
  const folder = join(dir, MORE_COMPETITIONS_DIR);
  if (existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.json'))) return;
  const config = openYearConfig(today) as { id: string };
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(join(folder, `${config.id}.json`), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
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
