/**
 * RFC 3339 instants with 0–9 fractional digits do not sort as strings ("…00Z" > "…00.5Z"); this pads
 * them to nine digits in UTC so they do, and stays a valid Forms API filter value.
 */
export function sortableInstant(rfc3339: string): string {
  const zulu = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/i.exec(rfc3339);
  if (zulu) return `${zulu[1]}.${(zulu[2] ?? '').padEnd(9, '0')}Z`;
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
