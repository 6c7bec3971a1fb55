import Papa from 'papaparse';

/** The two field separators juri writes: Indonesian spreadsheets expect ";" (the comma is the decimal mark). */
export type CsvDelimiter = ',' | ';';

/**
 * Rows as CSV text, one record per line ending in "\n", quoting only the fields that need it. With `bom`,
 * the text opens with a byte-order mark, so Excel reads it as UTF-8.
 */
export function csvText(
  rows: readonly (readonly string[])[],
  { delimiter = ',', bom = false }: { delimiter?: CsvDelimiter; bom?: boolean } = {},
): string {
  if (rows.length === 0) return bom ? '\uFEFF' : '';
  const body = Papa.unparse(rows as string[][], { delimiter, newline: '\n' });
  return `${bom ? '\uFEFF' : ''}${body}\n`;
}
