import type { SaxesTagPlain } from 'saxes';

/** What a scan reports, as saxes reports it (a self-closing element is opened, then closed). */
export interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * The XML met something `scanXml` leaves to saxes (a comment, CDATA, a doctype, a carriage return,
 * whitespace in an attribute value, an entity it does not know, anything not well-formed): the caller
 * reads the part again with saxes, which says what it is.
 */
export class NotPlainXml extends Error {}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;

/**
 * A worksheet part read with indexOf jumps instead of saxes's character-by-character state machine:
 * a national workbook's parts are ~23 MB of XML that a person's save makes the server read again. It
 * reads the plain XML that spreadsheet programs write (elements, attributes, text, the five named
 * entities and character references) and gives the handlers what saxes (no namespaces, XML 1.0) gives
 * them for it, in the same order; for anything else it throws NotPlainXml before the handlers can tell
 * the difference matters, and the caller starts over with saxes. Handlers must therefore be able to
 * run again from the start on a fresh state.
 */
export function scanXml(xml: string, handlers: XmlHandlers): void {
  const { close, text } = handlers;
  const stack: string[] = [];
  let at = 0;
  let rooted = false;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new NotPlainXml('prolog');
    at = end + 2;
  }
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    const stop = lt < 0 ? length : lt;
    if (stop > at) {
      // Whitespace outside the root is reported too, as saxes reports it.
      if (stack.length === 0 && !isBlank(xml, at, stop)) throw new NotPlainXml('text-outside-the-root');
      text?.(textOf(xml, at, stop));
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === QUESTION || next === BANG) throw new NotPlainXml('markup');
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) throw new NotPlainXml('unclosed-tag');
    if (next === SLASH) {
      let nameEnd = lt + 2;
      while (nameEnd < gt && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
      const name = xml.slice(lt + 2, nameEnd);
      if (skipSpace(xml, nameEnd) !== gt || stack.pop() !== name) throw new NotPlainXml('close-tag');
      close?.(name);
      at = gt + 1;
      continue;
    }
    if (stack.length === 0 && rooted) throw new NotPlainXml('second-root');
    rooted = true;
    at = openTag(xml, lt, gt, stack, handlers);
  }
  if (stack.length > 0 || !rooted) throw new NotPlainXml('unclosed-element');
}

/** Reads the start tag at `lt` (ending at or after `gt`), reports it and returns where the scan goes on. */
function openTag(xml: string, lt: number, gt: number, stack: string[], handlers: XmlHandlers): number {
  let at = lt + 1;
  while (at < gt && !isNameEnd(xml.charCodeAt(at))) at++;
  const name = nameOf(xml, lt + 1, at);
  const attributes: Record<string, string> = {};
  let end = gt;
  let isSelfClosing = false;
  for (;;) {
    const start = skipSpace(xml, at);
    const c = xml.charCodeAt(start);
    if (c === GT) {
      end = start;
      break;
    }
    if (c === SLASH && xml.charCodeAt(start + 1) === GT) {
      end = start + 1;
      isSelfClosing = true;
      break;
    }
    if (start === at) throw new NotPlainXml('attribute');
    let eq = start;
    while (eq < xml.length && !isNameEnd(xml.charCodeAt(eq)) && xml.charCodeAt(eq) !== EQUALS) eq++;
    const key = nameOf(xml, start, eq);
    const q = skipSpace(xml, eq);
    if (xml.charCodeAt(q) !== EQUALS) throw new NotPlainXml('attribute');
    const open = skipSpace(xml, q + 1);
    const quote = xml.charCodeAt(open);
    if (quote !== QUOTE && quote !== APOSTROPHE) throw new NotPlainXml('attribute-value');
    const close = xml.indexOf(quote === QUOTE ? '"' : "'", open + 1);
    if (close < 0) throw new NotPlainXml('attribute-value');
    if (Object.hasOwn(attributes, key)) throw new NotPlainXml('duplicate-attribute');
    attributes[key] = attributeOf(xml, open + 1, close);
    at = close + 1;
  }
  handlers.open?.({ name, attributes, isSelfClosing });
  if (isSelfClosing) handlers.close?.(name);
  else stack.push(name);
  return end + 1;
}

/** A name of ASCII letters, digits and _ : . - (not starting with a digit, '.' or '-'); others are saxes's to judge. */
function nameOf(xml: string, from: number, to: number): string {
  if (to <= from) throw new NotPlainXml('name');
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
    if (!letter && (i === from || !((c >= 48 && c <= 57) || c === 46 || c === 45)))
      throw new NotPlainXml('name');
  }
  return xml.slice(from, to);
}

/** Whitespace, '/', '>' or '=' end a name (saxes would fail on the other characters a name cannot hold). */
function isNameEnd(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT || c === EQUALS || Number.isNaN(c)
  );
}

function skipSpace(xml: string, from: number): number {
  let at = from;
  for (let c = xml.charCodeAt(at); c === 32 || c === 9 || c === 10; c = xml.charCodeAt(++at));
  if (xml.charCodeAt(at) === 13) throw new NotPlainXml('carriage-return');
  return at;
}

function isBlank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10) return false;
  }
  return true;
}

/** Text as saxes gives it: entities decoded; what saxes would change or refuse is left to it. */
function textOf(xml: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 32 ? c !== 9 && c !== 10 : c === 38 || c === 93 || c === GT || c === 0xfffe || c === 0xffff)
      return decoded(xml, from, to, false);
  }
  return xml.slice(from, to);
}

/** An attribute's value as saxes gives it (whitespace in it is normalised by saxes: left to it). */
function attributeOf(xml: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 32 || c === 38 || c === LT || c === 0xfffe || c === 0xffff) return decoded(xml, from, to, true);
  }
  return xml.slice(from, to);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decoded(xml: string, from: number, to: number, attribute: boolean): string {
  let out = '';
  let run = from;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 32 && (attribute || (c !== 9 && c !== 10))) throw new NotPlainXml('control-character');
    if (c === 0xfffe || c === 0xffff || (attribute && c === LT)) throw new NotPlainXml('character');
    // "]]>" may not stand in text; a lone ']' or '>' may.
    if (!attribute && c === GT && xml.charCodeAt(i - 1) === 93 && xml.charCodeAt(i - 2) === 93)
      throw new NotPlainXml(']]>');
    if (c !== 38) continue;
    const semi = xml.indexOf(';', i + 1);
    if (semi < 0 || semi >= to) throw new NotPlainXml('entity');
    out += xml.slice(run, i) + entity(xml.slice(i + 1, semi));
    run = semi + 1;
    i = semi;
  }
  return out + xml.slice(run, to);
}

function entity(name: string): string {
  const named = NAMED[name];
  if (named !== undefined) return named;
  const hex = name.startsWith('#x');
  const digits = name.slice(hex ? 2 : 1);
  if (!name.startsWith('#') || digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits))
    throw new NotPlainXml('entity');
  const code = Number.parseInt(digits, hex ? 16 : 10);
  // Only the characters XML 1.0 allows (saxes refuses the others).
  const allowed =
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) throw new NotPlainXml('character-reference');
  return String.fromCodePoint(code);
}
