import { z } from 'zod';

/**
 * Characters that XML 1.0 (so .xlsx, and Google's own exports) cannot hold, or that no person types:
 * control characters, lone surrogates and noncharacters (U+FDD0–U+FDEF, U+FFFE/U+FFFF in every plane).
 * Tab and newline stay: people write paragraphs in the Form.
 *
 * With them go the bidi controls that reorder what FOLLOWS them, which no text needs once every page
 * shows each text in its own `dir="auto"` element: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the deprecated shaping controls (U+206A–U+206F); a byte-order mark inside text
 * (U+FEFF; U+2060 is the word joiner that replaced it) and the interlinear annotation marks (U+FFF9–U+FFFB).
 * An override is how a title "displays reversed"; an isolate can swallow the text after it.
 */
const UNWANTED =
  /(?![\t\n])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u202A-\u202E\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/gu;

/**
 * The one text cleaning juri applies: at intake before validation, and again in every writer to a
 * sheet, so that one odd character in a Form answer can never make the workbook unreadable.
 * CR LF and lone CR become LF; the result is NFC, so the same word compares equal however it was typed.
 *
 * Free text (a proposal's sections, a reason, a note) keeps the invisible characters some languages
 * need: zero-width joiner and non-joiner (Persian, Indic scripts, and emoji sequences such as 👩‍👩‍👧),
 * zero-width space and word joiner (line breaking in Thai, Khmer), the directional marks LRM, RLM and
 * ALM (they only settle neutral characters beside a word, they reorder nothing), the soft hyphen and
 * tag characters (subdivision flags). Single-line fields drop those too: see `singleLineText`.
 */
export function cleanText(text: string): string {
  // Most cells are plain ASCII, already clean and NFC: every sheet write passes each of them through here.
  if (PLAIN.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(UNWANTED, '').normalize('NFC');
}

/**
 * Every invisible format character (Unicode's Cf: zero-width space, joiners, word joiner, LRM/RLM/ALM,
 * soft hyphen, invisible operators, tags…) and the Hangul fillers that render as nothing. In a title, a
 * name or an id none is needed, and each can make two different texts look alike.
 */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;
/** Printable ASCII words with single spaces between them: already a clean single line. */
const PLAIN_LINE = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * A single-line field (a title, an agency, a person's name, a region, an id, a phone, an e-mail): cleaned,
 * without any invisible character, every run of spaces or line breaks (tab, no-break, em, ideographic,
 * U+2028/U+2029…) one space, trimmed. The zod schemas of those fields apply it before their checks, so
 * an answer of only invisible characters is empty.
 */
export function singleLineText(text: string): string {
  if (PLAIN_LINE.test(text)) return text;
  // NFC again: a joiner removed from between a letter and its accent leaves them to be composed.
  return cleanText(text).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC');
}

const PLAIN = /^[\t\n\x20-\x7e]*$/;

/** A zod string for a single-line field: `singleLineText` first, then the field's own checks. */
export const singleLine = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).overwrite(singleLineText);

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
