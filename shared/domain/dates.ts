/** A wall-clock time in a time zone ("2024-12-20" or "2024-12-20T19:00") as an instant. */
export function zonedToInstant(local: string, timeZone: string): Date {
  const [day, time = '00:00'] = local.split('T') as [string, string?];
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const first = asUtc - offsetMs(new Date(asUtc), timeZone);
  return new Date(asUtc - offsetMs(new Date(first), timeZone));
}

/** The day (YYYY-MM-DD) and time (HH:mm) of an instant in a time zone. */
export function localParts(instant: Date, timeZone: string): { day: string; time: string } {
  const p = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * Building an Intl.DateTimeFormat costs more than a whole intake request's own work, and every
 * submission asks for the same zone: one formatter per zone is kept (formatters hold no other state).
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

function offsetMs(instant: Date, timeZone: string): number {
  const { day, time } = localParts(instant, timeZone);
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instant.getTime() / 60_000) * 60_000;
}
