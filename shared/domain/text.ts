/**
 * Characters that XML 1.0 (so .xlsx, and Google's own exports) cannot hold, or that no person types:
 * control characters, lone surrogates and noncharacters (U+FDD0–U+FDEF, U+FFFE/U+FFFF in every plane).
 * Tab and newline stay: people write paragraphs in the Form.
 */
const UNWANTED = /(?![\t\n])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/**
 * The one text cleaning juri applies: at intake before validation, and again in every writer to a
 * sheet, so that one odd character in a Form answer can never make the workbook unreadable.
 * CR LF and lone CR become LF; the result is NFC, so the same word compares equal however it was typed.
 */
export function cleanText(text: string): string {
  // Most cells are plain ASCII, already clean and NFC: every sheet write passes each of them through here.
  if (PLAIN.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(UNWANTED, '').normalize('NFC');
}

const PLAIN = /^[\t\n\x20-\x7e]*$/;

/**
 * cleanText over every string in parsed JSON, keys included. Objects are rebuilt as plain data with
 * own properties only (a "__proto__" key stays an ordinary key), so nothing reaches a prototype.
 */
export function cleanDeep(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v)]));
  }
  return value;
}
