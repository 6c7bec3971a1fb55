/** Indonesian numbers in words (terbilang), as official documents write a date: "dua ribu dua puluh empat". */
const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return String(n);
  if (n < 10) return UNITS[n] ?? String(n);
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) return joined(`${UNITS[Math.floor(n / 10)]} puluh`, n % 10);
  if (n < 1000) return joined(n < 200 ? 'seratus' : `${UNITS[Math.floor(n / 100)]} ratus`, n % 100);
  return joined(n < 2000 ? 'seribu' : `${terbilang(Math.floor(n / 1000))} ribu`, n % 1000);
}

function joined(head: string, rest: number): string {
  return rest === 0 ? head : `${head} ${terbilang(rest)}`;
}
