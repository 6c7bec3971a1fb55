import Papa from 'papaparse';

/** A CSV file's records as arrays of fields (a byte-order mark and empty lines left out). */
export function csvRecords(text: string, delimiter: ',' | ';' = ','): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.data;
}
