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
 * How deeply parsed JSON may nest. Every payload juri reads (a Form response, a Sheets request, a
 * workbook's cells) is a few levels deep; a deeper one is hostile and would overflow the stack of any
 * recursive walk over it.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether parsed JSON nests no deeper than `max` arrays and objects; walked without recursion. */
export function withinJsonDepth(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return false;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return true;
}

/**
 * cleanText over every string in parsed JSON, keys included. Objects are rebuilt as plain data with
 * own properties only (a "__proto__" key stays an ordinary key), so nothing reaches a prototype.
 * JSON nested deeper than MAX_JSON_DEPTH throws a RangeError before any of it is walked (callers that
 * answer a person check `withinJsonDepth` first and say why).
 */
export function cleanDeep(value: unknown): unknown {
  if (!withinJsonDepth(value)) throw new RangeError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  return cleanBounded(value);
}

function cleanBounded(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanBounded);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanBounded(v)]));
  }
  return value;
}
